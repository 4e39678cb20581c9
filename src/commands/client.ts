import { nextAskSentence, requireClient, requireClientOn } from '../app/clients.js';
import type { Ctx } from '../context.js';
import { findClient } from '../domain/clients.js';
import { LIMITS } from '../domain/limits.js';
import { compareNames } from '../domain/names.js';
import { AskLog, referralStates } from '../domain/referrals.js';
import type { Client } from '../domain/types.js';
import { usage } from '../errors.js';
import { dateOrToday, textOption, wholeNumber } from '../options.js';
import { json, longDay, plural } from '../render/format.js';
import { clientsJson, dayText, renderClients } from '../render/referrals.js';
import { prospectCommand, sentence } from '../render/words.js';
import { readStore, updateStore } from '../store/store.js';

export async function clientAdd(
  ctx: Ctx,
  nameArg: string,
  opts: { since?: string; every?: string },
): Promise<void> {
  const name = textOption(nameArg, 'client name', LIMITS.clientName);
  const since = dateOrToday(opts.since, ctx.today, '--since', { write: true });
  const every =
    opts.every === undefined
      ? undefined
      : wholeNumber(opts.every, '--every', 1, LIMITS.cadenceDays);
  const message = await updateStore(ctx.store, (data) => {
    const existing = findClient(data.clients, name);
    if (existing) {
      usage(
        `client '${name}' already exists (as '${existing.name}', since ${existing.since}): names are matched ignoring case; pick another name or 'prospect client rm' it first`,
      );
    }
    const client: Client = { name, since, wins: [] };
    if (every !== undefined) client.every = every;
    data.clients.push(client);
    const cadence =
      every === undefined
        ? `every ${plural(data.settings.referral.cadenceDays, 'day')} (the default)`
        : `every ${plural(every, 'day')}`;
    return `Added client ${name}, since ${longDay(since)}; asks ${cadence}. ${nextAskSentence(data, client, ctx.today)}`;
  });
  ctx.io.stdout(`${message}\n`);
}

export async function clientList(ctx: Ctx, opts: { date?: string; json?: boolean }): Promise<void> {
  const asOf = dateOrToday(opts.date, ctx.today, '--date', { write: false });
  const { data } = readStore(ctx.store);
  const states = referralStates(data.clients, AskLog.of(data), data.settings, asOf);
  const rows = [...data.clients]
    .sort((a, b) => compareNames(a.name, b.name))
    .map((client) => ({ client, state: states.find((s) => s.client === client.name) }));
  ctx.io.stdout(
    opts.json
      ? json(clientsJson(rows, asOf))
      : renderClients(rows, asOf, data.settings.referral.cadenceDays),
  );
}

export async function clientRm(ctx: Ctx, nameArg: string): Promise<void> {
  const removed = await updateStore(ctx.store, (data) => {
    const client = requireClient(data, nameArg);
    data.clients = data.clients.filter((c) => c !== client);
    return client;
  });
  ctx.io.stdout(
    `${sentence(`Removed client ${removed.name}`)} Its asks stay in your activity log; add it again with: ${prospectCommand('client', 'add', removed.name)}\n`,
  );
}

export async function clientWin(
  ctx: Ctx,
  nameArg: string,
  opts: { date?: string; note?: string },
): Promise<void> {
  const date = dateOrToday(opts.date, ctx.today, '--date', { write: true });
  const note = opts.note === undefined ? undefined : textOption(opts.note, '--note');
  const message = await updateStore(ctx.store, (data) => {
    const client = requireClientOn(data, nameArg, date);
    client.wins.push(note === undefined ? { date } : { date, note });
    client.wins.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const [state] = referralStates([client], AskLog.of(data), data.settings, ctx.today);
    const stale =
      state?.lastAsk && state.lastAsk >= date
        ? ` You already asked on ${dayText(state.lastAsk, ctx.today)}, so this win does not bring the next ask forward.`
        : '';
    return `Recorded a win for ${client.name} on ${dayText(date, ctx.today)}${note ? ` ("${note}")` : ''}.${stale} ${nextAskSentence(data, client, ctx.today)}`;
  });
  ctx.io.stdout(`${message}\n`);
}

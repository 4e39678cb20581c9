import { requireClient } from '../app/clients.js';
import type { Ctx } from '../context.js';
import { recentFrom } from '../domain/history.js';
import { referralsView } from '../domain/referrals.js';
import { usage } from '../errors.js';
import { icsTarget } from '../files/ics.js';
import { deliver } from '../files/output.js';
import { dateOption, dateOrToday } from '../options.js';
import { paint } from '../paint.js';
import { json, longDay, plural } from '../render/format.js';
import { referralsJson, renderReferrals } from '../render/referrals.js';
import { readRecent, updateStore } from '../store/store.js';

interface ReferralsOptions {
  date?: string;
  json?: boolean;
  ics?: string;
  force?: boolean;
}

export async function referrals(ctx: Ctx, opts: ReferralsOptions): Promise<void> {
  const asOf = dateOrToday(opts.date, ctx.today, '--date', { write: false });
  if (opts.ics === '-' && opts.json)
    usage('--ics - and --json both print on stdout: leave one out, or give --ics a file name');
  const target = opts.ics === undefined ? undefined : icsTarget(opts.ics, opts.force === true);
  const { data } = readRecent(ctx.store, recentFrom(asOf));
  const view = referralsView(data, asOf);
  if (target !== undefined) {
    // Loaded only here: the ics library and its validator are not needed by anything else.
    const { referralsIcs } = await import('../render/ics.js');
    const text = referralsIcs(view, ctx.io.now());
    // Checked up front (icsTarget); printed or written by the same helper as every --out.
    const path = deliver(ctx.io, target, text, { force: opts.force === true, option: '--ics' });
    if (path === null) return;
    if (!opts.json) {
      const count = view.due.length + view.upcoming.length;
      ctx.io.stdout(
        `Wrote ${plural(count, 'referral ask')} (${view.due.length} due, ${view.upcoming.length} in the next 14 days) to ${target}: import it into Google Calendar or Outlook.\n`,
      );
      return;
    }
  }
  ctx.io.stdout(opts.json ? json(referralsJson(view)) : renderReferrals(view, paint(ctx.color)));
}

export async function referralsSnooze(
  ctx: Ctx,
  clientArg: string,
  opts: { until: string; date?: string },
): Promise<void> {
  const asOf = dateOrToday(opts.date, ctx.today, '--date', { write: true });
  const until = dateOption(opts.until, ctx.today, '--until', { write: false });
  if (until <= asOf) {
    usage(`--until ${until} is not after ${asOf}: give a later day, the first day to ask again`);
  }
  const name = await updateStore(ctx.store, (data) => {
    const client = requireClient(data, clientArg);
    client.snoozeUntil = until;
    client.snoozedOn = asOf;
    return client.name;
  });
  ctx.io.stdout(
    `Snoozed ${name} until ${longDay(until)}: not listed as due before then (a later snooze replaces this one).\n`,
  );
}

import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Ctx } from '../context.js';
import { referralsView } from '../domain/referrals.js';
import { usage } from '../errors.js';
import { paint } from '../io.js';
import { dateOption, dateOrToday } from '../options.js';
import { json, longDay, plural } from '../render/format.js';
import { referralsJson, renderReferrals } from '../render/referrals.js';
import { deliver, STDOUT } from '../store/output.js';
import { readStore, updateStore } from '../store/store.js';
import { requireClient } from './client.js';

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
  const { data } = readStore();
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

/** The file `--ics` writes: `-` for stdout; an existing file only with `--force`. */
function icsTarget(value: string, force: boolean): string {
  if (value === STDOUT) return value;
  if (value.trim() === '') usage(`--ics '' is not a file name: give a path such as asks.ics`);
  const path = resolve(value);
  if (existsSync(path)) {
    if (statSync(path).isDirectory())
      usage(`--ics ${value} is a folder: give a file name such as ${join(value, 'asks.ics')}`);
    if (!force) usage(`--ics ${value} already exists: add --force to replace it`);
  }
  const dir = dirname(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    usage(`--ics ${value}: the folder ${dir} does not exist`);
  return path;
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
  const name = await updateStore((data) => {
    const client = requireClient(data, clientArg);
    client.snoozeUntil = until;
    client.snoozedOn = asOf;
    return client.name;
  });
  ctx.io.stdout(
    `Snoozed ${name} until ${longDay(until)}: not listed as due before then (a later snooze replaces this one).\n`,
  );
}

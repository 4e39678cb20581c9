import type { Ctx } from '../context.js';
import { daysBetween, eachDay } from '../domain/dates.js';
import { dayOffRuns } from '../domain/daysoff.js';
import { LIMITS } from '../domain/limits.js';
import { nearest } from '../domain/suggest.js';
import type { DayOff } from '../domain/types.js';
import { usage } from '../errors.js';
import { dateOption, textOption } from '../options.js';
import { json, longDay, plural, table } from '../render/format.js';
import { readStore, updateStore } from '../store/store.js';

const MAX_RANGE = 366;

export async function offAdd(
  ctx: Ctx,
  dayArg: string,
  opts: { to?: string; reason?: string },
): Promise<void> {
  if (dayArg === 'ls' || dayArg === 'lst')
    usage(`'${dayArg}' is not a date: did you mean 'prospect off list'?`);
  // Days off may be planned ahead (next month's vacation), so future dates are fine here.
  const start = dateOption(dayArg, ctx.today, 'day off', { write: false });
  const end =
    opts.to === undefined ? start : dateOption(opts.to, ctx.today, '--to', { write: false });
  if (end < start)
    usage(`--to ${end} is before ${start}: give the last day off, on or after the first`);
  if (daysBetween(start, end) >= MAX_RANGE)
    usage(`${start} to ${end} is more than ${MAX_RANGE} days: mark at most a year at once`);
  const reason =
    opts.reason === undefined ? undefined : textOption(opts.reason, '--reason', LIMITS.reason);
  const added = await updateStore(ctx.store, (data) => {
    const byDate = new Map(data.daysOff.map((d) => [d.date, d]));
    let count = 0;
    for (const date of eachDay(start, end)) {
      const entry: DayOff = reason === undefined ? { date } : { date, reason };
      if (!byDate.has(date)) count++;
      byDate.set(date, reason === undefined ? (byDate.get(date) ?? entry) : entry);
    }
    data.daysOff = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
    return count;
  });
  const span = start === end ? longDay(start) : `${longDay(start)} to ${longDay(end)}`;
  ctx.io.stdout(
    `Day${start === end ? '' : 's'} off: ${span}${added === 0 ? ' (already marked)' : ''}. They neither count nor break a streak.\n`,
  );
}

export async function offList(ctx: Ctx, opts: { json?: boolean }): Promise<void> {
  const { data } = readStore(ctx.store);
  if (opts.json) {
    // One object per day, as stored: scripts need no range arithmetic.
    ctx.io.stdout(json(data.daysOff));
    return;
  }
  if (data.daysOff.length === 0) {
    ctx.io.stdout('No days off. Mark one: prospect off 2026-12-24 --reason holiday\n');
    return;
  }
  const rows = dayOffRuns(data.daysOff).map((r) =>
    r.days === 1
      ? [r.from, '', longDay(r.from), '', r.reason ?? '']
      : [
          r.from,
          `to ${r.to}`,
          `${longDay(r.from, r.from.slice(0, 4) !== r.to.slice(0, 4))} to ${longDay(r.to)}`,
          plural(r.days, 'day'),
          r.reason ?? '',
        ],
  );
  ctx.io.stdout(
    `${table(rows).join('\n').replace(/ +$/gm, '')}\n${plural(data.daysOff.length, 'day')} off.\n`,
  );
}

/** Unmarks one day off, or with `--to` every day off in a range (which must hold at least one). */
export async function offRm(ctx: Ctx, dayArg: string, opts: { to?: string } = {}): Promise<void> {
  const start = dateOption(dayArg, ctx.today, 'day off', { write: false });
  const end =
    opts.to === undefined ? start : dateOption(opts.to, ctx.today, '--to', { write: false });
  if (end < start)
    usage(`--to ${end} is before ${start}: give the last day of the range, on or after the first`);
  const removed = await updateStore(ctx.store, (data) => {
    const kept = data.daysOff.filter((d) => d.date < start || d.date > end);
    const count = data.daysOff.length - kept.length;
    if (count === 0) {
      const guess =
        start === end
          ? nearest(
              start,
              data.daysOff.map((d) => d.date),
            )
          : undefined;
      const what =
        start === end ? `${start} is not a day off` : `there is no day off from ${start} to ${end}`;
      usage(`${what}: ${guess ? `did you mean ${guess}? ` : ''}see 'prospect off list'`);
    }
    data.daysOff = kept;
    return count;
  });
  ctx.io.stdout(
    start === end
      ? `${longDay(start)} is a regular day again.\n`
      : `Removed ${plural(removed, 'day')} off from ${longDay(start)} to ${longDay(end)}: regular days again.\n`,
  );
}

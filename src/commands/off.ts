import { daysBetween, eachDay } from '../domain/dates.js';
import { LIMITS } from '../domain/limits.js';
import type { DayOff } from '../domain/types.js';
import { usage } from '../errors.js';
import { dateOption, textOption } from '../options.js';
import type { Ctx } from '../program.js';
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
  const added = await updateStore((data) => {
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
  const { data } = readStore();
  if (opts.json) {
    ctx.io.stdout(json(data.daysOff));
    return;
  }
  if (data.daysOff.length === 0) {
    ctx.io.stdout('No days off. Mark one: prospect off 2026-12-24 --reason holiday\n');
    return;
  }
  const rows = data.daysOff.map((d) => [d.date, longDay(d.date), d.reason ?? '']);
  ctx.io.stdout(`${table(rows).join('\n')}\n${plural(data.daysOff.length, 'day')} off.\n`);
}

export async function offRm(ctx: Ctx, dayArg: string): Promise<void> {
  const day = dateOption(dayArg, ctx.today, 'day off', { write: false });
  await updateStore((data) => {
    const before = data.daysOff.length;
    data.daysOff = data.daysOff.filter((d) => d.date !== day);
    if (data.daysOff.length === before) usage(`${day} is not a day off: see 'prospect off list'`);
  });
  ctx.io.stdout(`${longDay(day)} is a regular day again.\n`);
}

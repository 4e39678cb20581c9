import type { Day } from '../domain/types.js';
import { usage } from '../errors.js';
import { dateOption, dateOrToday } from '../options.js';

/**
 * A window of days from `--from`, `--to` and `--date` (funnel, leads report): `--to` defaults to
 * and never goes past the as-of day (nothing dated after it counts); `--from`, when given, is on
 * or before `--to`, or exit 2.
 */
export function dayWindow(
  opts: { from?: string; to?: string; date?: string },
  today: Day,
): { asOf: Day; from: Day | undefined; to: Day } {
  const asOf = dateOrToday(opts.date, today, '--date', { write: false });
  let to = opts.to === undefined ? asOf : dateOption(opts.to, today, '--to', { write: false });
  if (to > asOf) to = asOf;
  const from =
    opts.from === undefined ? undefined : dateOption(opts.from, today, '--from', { write: false });
  if (from !== undefined && from > to)
    usage(`--from ${from} is after --to ${to}: give --from on or before --to`);
  return { asOf, from, to };
}

import { Calendar } from '../../src/domain/calendar.js';
import { QuotaBook, Tally } from '../../src/domain/quotas.js';
import type { Inputs } from '../../src/domain/streak.js';
import type { Day, Entry, Period, QuotaChange, Weekday } from '../../src/domain/types.js';

export interface History {
  asOf: Day;
  /** [date, activity, count] */
  log?: [Day, string, number][];
  /** [from, activity, target (null ends it), per] */
  quotas?: [Day, string, number | null, Period][];
  off?: Day[];
  workdays?: Weekday[];
}

export function entriesOf(log: readonly [Day, string, number][]): Entry[] {
  return log.map(([date, activity, count], i) => ({ id: `e${i}`, date, activity, count }));
}

export function quotaChanges(quotas: History['quotas'] = []): QuotaChange[] {
  return quotas.map(([from, activity, target, per]) => ({ from, activity, target, per }));
}

/** The inputs a command builds, from a compact history (entries after `asOf` filtered, as there). */
export function inputsOf(h: History): Inputs {
  return {
    asOf: h.asOf,
    quotas: new QuotaBook(quotaChanges(h.quotas)),
    tally: new Tally(entriesOf(h.log ?? []).filter((e) => e.date <= h.asOf)),
    calendar: new Calendar(
      h.workdays ?? ['mon', 'tue', 'wed', 'thu', 'fri'],
      (h.off ?? []).map((date) => ({ date })),
    ),
  };
}

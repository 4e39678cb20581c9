import type { Day, Weekday, WorkdaysChange } from './types.js';
import { WEEKDAYS } from './types.js';

/** The workdays a new store starts with, from the beginning. */
const DEFAULT_WORKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** A store's workdays history as it starts: these days from the beginning (`from: null`). */
export function workdaysFromStart(days: readonly Weekday[] = DEFAULT_WORKDAYS): WorkdaysChange[] {
  return [{ from: null, days: [...days] }];
}

/** The workdays in force on `day`: the last change whose `from` is on or before it. */
export function workdaysOn(history: readonly WorkdaysChange[], day: Day): Weekday[] {
  let found: WorkdaysChange | undefined;
  for (const change of history) {
    if (change.from === null || change.from <= day) found = change;
    else break;
  }
  return found ? [...found.days] : [];
}

/**
 * The history with `days` in force from `from` on: a change on the same day is replaced, earlier
 * days keep theirs, later changes stay. Sorted, the from-the-beginning change first.
 */
export function setWorkdays(
  history: readonly WorkdaysChange[],
  days: readonly Weekday[],
  from: Day,
): WorkdaysChange[] {
  const next = history
    .filter((c) => c.from !== from)
    .map((c) => ({ from: c.from, days: [...c.days] }));
  next.push({ from, days: WEEKDAYS.filter((w) => days.includes(w)) });
  return next.sort((a, b) =>
    a.from === b.from ? 0 : a.from === null ? -1 : b.from === null ? 1 : a.from < b.from ? -1 : 1,
  );
}

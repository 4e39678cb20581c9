import { addDay } from './dates.js';
import type { Day, DayOff } from './types.js';

/** Consecutive days off with the same reason (or none), as one run: a vacation is one line. */
export interface DayOffRun {
  from: Day;
  to: Day;
  days: number;
  reason?: string;
}

/** The days off as runs of consecutive calendar days with the same reason, in date order. */
export function dayOffRuns(daysOff: readonly DayOff[]): DayOffRun[] {
  const sorted = [...daysOff].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const runs: DayOffRun[] = [];
  for (const d of sorted) {
    const run = runs.at(-1);
    if (run && addDay(run.to, 1) === d.date && run.reason === d.reason) {
      run.to = d.date;
      run.days++;
      continue;
    }
    runs.push(
      d.reason === undefined
        ? { from: d.date, to: d.date, days: 1 }
        : { from: d.date, to: d.date, days: 1, reason: d.reason },
    );
  }
  return runs;
}

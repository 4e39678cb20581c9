import { isProspecting } from './activities.js';
import type { Calendar } from './calendar.js';
import { eachDay } from './dates.js';
import type { Day, Entry, Settings } from './types.js';

const DEFAULT_PROSPECT_FIRST_BEFORE = '12:00';

export function prospectFirstBefore(settings: Settings): string {
  return settings.prospectFirstBefore ?? DEFAULT_PROSPECT_FIRST_BEFORE;
}

export interface ProspectFirst {
  /** Scoring days whose earliest timed prospecting entry is before `before`. */
  days: number;
  /** Scoring days with at least one timed prospecting entry: the days judged. */
  timedDays: number;
  before: string;
  /** Scoring days in the span (up to the as-of day). */
  scoringDays: number;
  /** Scoring days without a timed prospecting entry: left out, never guessed. */
  untimedDays: number;
}

/** SPEC "Prospect first" over the scoring days from `from` to `to`. */
export function prospectFirst(
  entries: readonly Entry[],
  calendar: Calendar,
  from: Day,
  to: Day,
  before: string,
): ProspectFirst {
  const earliest = new Map<Day, string>();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as Entry;
    if (e.date < from || e.date > to || e.time === undefined || e.count <= 0) continue;
    if (!isProspecting(e.activity)) continue;
    const seen = earliest.get(e.date);
    if (seen === undefined || e.time < seen) earliest.set(e.date, e.time);
  }
  let scoringDays = 0;
  let timedDays = 0;
  let days = 0;
  for (const day of eachDay(from, to)) {
    if (!calendar.isScoring(day)) continue;
    scoringDays++;
    const time = earliest.get(day);
    if (time === undefined) continue;
    timedDays++;
    if (time < before) days++;
  }
  return { days, timedDays, before, scoringDays, untimedDays: scoringDays - timedDays };
}

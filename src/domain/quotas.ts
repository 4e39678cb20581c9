import type { Calendar } from './calendar.js';
import { eachDay, periodOf, weekdayIndex } from './dates.js';
import { type History, historyOf } from './history.js';
import { round2 } from './round.js';
import type { Day, Entry, Period, QuotaChange, StoreData } from './types.js';

export interface Quota {
  activity: string;
  per: Period;
  target: number;
  from: Day;
}

/**
 * The quota history, indexed for "what was the target of X on day D" questions.
 * Changes are ordered by their `from` day; for the same day the later change wins.
 */
export class QuotaBook {
  private readonly byActivity = new Map<string, QuotaChange[]>();

  constructor(changes: readonly QuotaChange[]) {
    for (const change of changes) {
      const list = this.byActivity.get(change.activity) ?? [];
      list.push(change);
      this.byActivity.set(change.activity, list);
    }
    for (const list of this.byActivity.values()) {
      // Array#sort is stable, so same-day changes keep the order they were made in.
      list.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    }
  }

  /** The quota on `activity` in force on `day`, if any. */
  inForce(activity: string, day: Day): Quota | undefined {
    const list = this.byActivity.get(activity);
    if (!list) return undefined;
    let found: QuotaChange | undefined;
    for (const change of list) {
      if (change.from > day) break;
      found = change;
    }
    if (!found || found.target === null) return undefined;
    return { activity, per: found.per, target: found.target, from: found.from };
  }

  /** Every quota in force on `day`, in the order activities were first given one. */
  allInForce(day: Day): Quota[] {
    const result: Quota[] = [];
    for (const activity of this.byActivity.keys()) {
      const quota = this.inForce(activity, day);
      if (quota) result.push(quota);
    }
    return result;
  }

  /** Daily quotas in force on `day`. */
  dailyInForce(day: Day): Quota[] {
    return this.allInForce(day).filter((q) => q.per === 'day');
  }

  /**
   * Every change, ordered by `from` (same-day changes in the order they were made), so a caller
   * can sweep the days once and apply each change as it comes into force.
   */
  timeline(): QuotaChange[] {
    const all: QuotaChange[] = [];
    for (const list of this.byActivity.values()) all.push(...list);
    // Per activity the lists are already stable-sorted; a stable merge by day keeps that order.
    return all.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  }

  /** The earliest day any quota starts, if there is one. */
  firstDay(): Day | undefined {
    let first: Day | undefined;
    for (const list of this.byActivity.values()) {
      const day = list[0]?.from;
      if (day !== undefined && (first === undefined || day < first)) first = day;
    }
    return first;
  }
}

/** A day with nothing logged (one map for all: the streak sweep asks for every day). */
const NOTHING: ReadonlyMap<string, number> = new Map();

/** Sums counts per activity per day, once, so every later question is a lookup. */
export class Tally {
  private readonly counts = new Map<Day, Map<string, number>>();

  /** The whole log's tally: the store's entries, plus the day totals of its history if any. */
  static of(data: StoreData, upTo?: Day): Tally {
    return new Tally(data.entries, upTo, historyOf(data));
  }

  /** The last day that counts, and the history's day totals (looked up, not copied). */
  private readonly last: Day;
  private readonly history: History | undefined;

  /** With `upTo`, entries dated after it are left out. `history`: day totals before the log's. */
  constructor(entries: readonly Entry[], upTo?: Day, history?: History) {
    const last = upTo ?? '9999-12-31';
    this.last = last;
    this.history = history;
    // The log is mostly in date order, so the day's map is usually the one just used.
    let date: Day | undefined;
    let day: Map<string, number> | undefined;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i] as Entry;
      if (e.date > last) continue;
      if (e.date !== date) {
        date = e.date;
        day = this.counts.get(date);
        if (!day) {
          // A backfilled entry on a day of the history: that day's totals and the entry's.
          day = new Map(history !== undefined && date < history.before ? history.day(date) : []);
          this.counts.set(date, day);
        }
      }
      const map = day as Map<string, number>;
      map.set(e.activity, (map.get(e.activity) ?? 0) + e.count);
    }
  }

  count(day: Day, activity: string): number {
    return this.onDay(day).get(activity) ?? 0;
  }

  /** Everything logged on `day`, by activity. */
  onDay(day: Day): ReadonlyMap<string, number> {
    const own = this.counts.get(day);
    if (own !== undefined) return own;
    if (this.history !== undefined && day <= this.last) return this.history.day(day) ?? NOTHING;
    return NOTHING;
  }

  sum(activity: string, start: Day, end: Day): number {
    let total = 0;
    for (const day of eachDay(start, end)) total += this.count(day, activity);
    return total;
  }

  /** The earliest day with an entry, if any. */
  firstDay(): Day | undefined {
    let first: Day | undefined;
    for (const day of this.counts.keys()) if (first === undefined || day < first) first = day;
    const earlier = this.history?.firstDay;
    if (earlier !== undefined && earlier <= this.last && (first === undefined || earlier < first)) {
      first = earlier;
    }
    return first;
  }
}

export interface QuotaProgress {
  activity: string;
  per: Period;
  target: number;
  done: number;
  /** target x scoring days elapsed (as-of day included) / scoring days in the period. */
  expected: number;
  onPace: boolean;
  start: Day;
  end: Day;
  scoringDays: number;
  scoringDaysElapsed: number;
  /** Scoring days from the as-of day (included) to the period's end. */
  scoringDaysLeft: number;
  /** done - expected, rounded: positive is ahead. */
  ahead: number;
  remaining: number;
  /** What it takes now per scoring day left to reach the target; 0 when reached. */
  needPerDay: number;
  /** The first scoring day from the as-of day (included) to the period's end; null if none. */
  nextScoringDay: Day | null;
}

/** One quota's progress in the period holding `asOf`, counting only what is dated up to `asOf`. */
export function progress(quota: Quota, asOf: Day, tally: Tally, calendar: Calendar): QuotaProgress {
  const { start, end } = periodOf(quota.per, asOf);
  let scoringDays = 0;
  let elapsed = 0;
  let done = 0;
  let nextScoringDay: Day | null = null;
  // Consecutive days: the weekday of the first, then one on each day.
  let weekday = weekdayIndex(start);
  for (const day of eachDay(start, end)) {
    const scoring = calendar.isScoringOn(day, weekday);
    weekday = (weekday + 1) % 7;
    if (scoring) scoringDays++;
    if (scoring && nextScoringDay === null && day >= asOf) nextScoringDay = day;
    if (day <= asOf) {
      if (scoring) elapsed++;
      done += tally.count(day, quota.activity);
    }
  }
  const expected = scoringDays === 0 ? 0 : (quota.target * elapsed) / scoringDays;
  const scoringDaysLeft = scoringDays - elapsed + (calendar.isScoring(asOf) ? 1 : 0);
  const remaining = Math.max(0, quota.target - done);
  return {
    activity: quota.activity,
    per: quota.per,
    target: quota.target,
    done,
    expected: round2(expected),
    onPace: done >= expected,
    start,
    end,
    scoringDays,
    scoringDaysElapsed: elapsed,
    scoringDaysLeft,
    ahead: round2(done - expected),
    remaining,
    needPerDay:
      remaining === 0 || scoringDaysLeft === 0 ? 0 : Math.ceil(remaining / scoringDaysLeft),
    nextScoringDay,
  };
}

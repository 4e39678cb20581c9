import { allActivities } from './activities.js';
import { Calendar } from './calendar.js';
import { addDay, daysBetween, eachDay, periodOf } from './dates.js';
import { QuotaBook } from './quotas.js';
import { round2 } from './round.js';
import type { Day, Period, StoreData } from './types.js';

export interface Suggestion {
  activity: string;
  /** The weekly totals' median (the mean of the middle two for an even count). */
  median: number;
  /** The weekly totals' 80th percentile, nearest rank. */
  p80: number;
  /** The suggested target, `per` day or week; 0 when the activity is too rare to set one. */
  suggested: number;
  per: 'day' | 'week';
  /** The target in force on the as-of day, in its own period (`currentPer`); null without one. */
  current: number | null;
  currentPer: Period | null;
  /** Each week's total, oldest first. */
  weekly: number[];
}

export interface SuggestReport {
  asOf: Day;
  weeks: number;
  from: Day;
  to: Day;
  /** The average scoring days a week over those weeks. */
  scoringDaysPerWeek: number;
  suggestions: Suggestion[];
}

/** The p-th percentile by nearest rank: the value at rank ceil(p/100 x n) of the sorted values. */
export function nearestRank(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return m;
}

/**
 * SPEC, Suggested targets: per activity logged in the last `weeks` complete ISO weeks before the
 * as-of day (the week holding the as-of day is still running, so it is left out), the weekly
 * totals' median and 80th percentile; the suggestion is the 80th percentile a week, or, for an
 * activity whose quota in force is daily, that divided by the average scoring days of those
 * weeks, rounded up.
 */
export function suggestTargets(data: StoreData, opts: { asOf: Day; weeks: number }): SuggestReport {
  const { asOf, weeks } = opts;
  const to = addDay(periodOf('week', asOf).start, -1);
  const from = addDay(to, -7 * weeks + 1);
  const calendar = new Calendar(data.settings.workdays, data.daysOff);
  const scoring = eachDay(from, to).filter((d) => calendar.isScoring(d)).length;
  const perWeek = scoring / weeks;

  const totals = new Map<string, number[]>();
  for (const e of data.entries) {
    if (e.date < from || e.date > to || e.count <= 0) continue;
    let row = totals.get(e.activity);
    if (!row) {
      row = new Array<number>(weeks).fill(0);
      totals.set(e.activity, row);
    }
    const index = Math.floor(daysBetween(from, e.date) / 7);
    row[index] = (row[index] ?? 0) + e.count;
  }

  const quotas = new QuotaBook(data.quotas.filter((q) => q.from <= asOf));
  const known = allActivities(data.activities);
  const order = [...known, ...[...totals.keys()].filter((a) => !known.includes(a)).sort()];
  const suggestions: Suggestion[] = [];
  for (const activity of order) {
    const weekly = totals.get(activity);
    if (!weekly) continue;
    const p80 = nearestRank(weekly, 80);
    const quota = quotas.inForce(activity, asOf);
    const daily = quota?.per === 'day' && perWeek > 0;
    suggestions.push({
      activity,
      median: median(weekly),
      p80,
      suggested: daily ? Math.ceil(p80 / perWeek) : p80,
      per: daily ? 'day' : 'week',
      current: quota?.target ?? null,
      currentPer: quota?.per ?? null,
      weekly,
    });
  }
  return {
    asOf,
    weeks,
    from,
    to,
    scoringDaysPerWeek: round2(perWeek),
    suggestions,
  };
}

import { addDay, type Span } from './dates.js';
import { buildWeeklyReports, type WeeklyReport } from './report.js';
import type { Day, StoreData } from './types.js';

export const TREND_REPORT_SCHEMA = 'prospect.trend-report/1';
export const MIN_TREND_WEEKS = 2;
export const MAX_TREND_WEEKS = 52;

export interface TrendReport {
  schema: typeof TREND_REPORT_SCHEMA;
  rep: string;
  asOf: Day;
  /** Oldest first; each one the same document `report --format json` gives for that week. */
  weeks: WeeklyReport[];
  /** Every activity row of any week, in the order they first appear. */
  activities: string[];
}

/**
 * The `count` ISO weeks ending with `last`, each one the weekly report of that week as of the
 * same as-of day (SPEC, Trends): the weekly report stays the one source of a week's figures,
 * built for all the weeks at once (one tally of the log, one streak sweep).
 */
export function buildTrendReport(
  data: StoreData,
  opts: { last: Span; count: number; asOf: Day },
): TrendReport {
  const spans: Span[] = [];
  for (let i = opts.count - 1; i >= 0; i--) {
    const start = addDay(opts.last.start, -7 * i);
    spans.push({ start, end: addDay(start, 6) });
  }
  const weeks = buildWeeklyReports(data, spans, opts.asOf);
  const activities: string[] = [];
  for (const w of weeks)
    for (const a of w.activities) if (!activities.includes(a)) activities.push(a);
  return {
    schema: TREND_REPORT_SCHEMA,
    rep: data.settings.name,
    asOf: weeks.at(-1)?.asOf ?? opts.asOf,
    weeks,
    activities,
  };
}

/** Meetings booked in a week (the `meeting` activity). */
export function meetingsOf(w: WeeklyReport): number {
  return w.totals.meeting ?? 0;
}

/** A week's percent of one activity's target; null when it had no target that week. */
export function activityPercent(w: WeeklyReport, activity: string): number | null {
  return w.pace.find((p) => p.activity === activity)?.percent ?? null;
}

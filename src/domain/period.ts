import { allActivities } from './activities.js';
import { Calendar } from './calendar.js';
import { addDay, eachDay, isoWeekLabel, periodLabel, periodOf, type Span } from './dates.js';
import { QuotaBook, Tally } from './quotas.js';
import { overallPercent, percentOf } from './report.js';
import { round2 } from './round.js';
import type { Day, Period, StoreData } from './types.js';

const PERIOD_REPORT_SCHEMA = 'prospect.period-report/1';

const MONTH_SHAPE = /^(\d{4})-(\d{2})$/;
const QUARTER_SHAPE = /^(\d{4})-Q([1-4])$/;

export type PeriodKind = 'month' | 'quarter';

/** `2026-11` or `2026-Q4` as a span of days; null when the text names no such period. */
export function parsePeriod(kind: PeriodKind, text: string): Span | null {
  const m = (kind === 'month' ? MONTH_SHAPE : QUARTER_SHAPE).exec(text.toUpperCase());
  if (!m) return null;
  const year = Number(m[1]);
  const n = Number(m[2]);
  if (year < 1900 || (kind === 'month' && (n < 1 || n > 12))) return null;
  const month = kind === 'month' ? n : (n - 1) * 3 + 1;
  return periodOf(kind, `${year}-${String(month).padStart(2, '0')}-01`);
}

export interface PeriodLine {
  activity: string;
  done: number;
  /** The target of every quota that fits in the period (SPEC); absent without one. */
  target: number | null;
  percent: number | null;
  /**
   * What the target asks for by the as-of day: each quota's target x the share of its own period's
   * scoring days gone (a daily quota: its target on each scoring day gone).
   */
  expected: number | null;
  onPace: boolean | null;
}

export interface PeriodWeek {
  week: string;
  start: Day;
  end: Day;
  /** What was logged in the days of this week that lie inside the period, as of the as-of day. */
  totals: Record<string, number>;
}

export interface PeriodReport {
  schema: typeof PERIOD_REPORT_SCHEMA;
  rep: string;
  kind: PeriodKind;
  period: string;
  start: Day;
  end: Day;
  asOf: Day;
  /** The period is still running on the as-of day: pace means something. */
  running: boolean;
  scoringDays: number;
  scoringDaysElapsed: number;
  activities: string[];
  totals: Record<string, number>;
  targets: Record<string, number>;
  percent: number | null;
  lines: PeriodLine[];
  /** The ISO weeks whose Thursday falls inside the period (the weeks a weekly quota counts for). */
  weeks: string[];
  byWeek: PeriodWeek[];
}

/**
 * One rep's month or quarter as of `asOf`. Targets follow SPEC ("Month and quarter reports"):
 * every quota whose period fits inside counts: a daily quota its target on each scoring day, a
 * weekly quota its target for each ISO week whose Thursday falls inside, a monthly quota its
 * target for each month inside, a quarterly quota (in a quarter report) as is. Each uses the
 * target in force then, as known on the as-of day.
 */
export function buildPeriodReport(
  data: StoreData,
  opts: { kind: PeriodKind; span: Span; asOf: Day },
): PeriodReport {
  const { kind, span, asOf } = opts;
  const last = asOf < span.end ? asOf : span.end;
  const quotas = new QuotaBook(data.quotas.filter((q) => q.from <= last));
  const tally = Tally.of(data, last);
  const calendar = new Calendar(data.settings.workdays, data.daysOff);
  const days = eachDay(span.start, span.end);
  const scoring = days.filter((d) => calendar.isScoring(d));
  const elapsed = scoring.filter((d) => d <= last).length;
  const weekSpans = thursdayWeeks(span);
  const known = allActivities(data.activities);
  const { targets, expectedBy } = periodTargets(known, quotas, calendar, { kind, span, last });

  const totals: Record<string, number> = {};
  for (const d of days) {
    if (d > last) break;
    for (const [a, n] of tally.onDay(d)) totals[a] = (totals[a] ?? 0) + n;
  }
  const logged = Object.keys(totals).filter((a) => (totals[a] ?? 0) > 0);
  const activities = [...known, ...logged.filter((a) => !known.includes(a)).sort()].filter(
    (a) => a in targets || logged.includes(a),
  );
  for (const a of Object.keys(totals)) if (!activities.includes(a)) delete totals[a];
  for (const a of activities) totals[a] ??= 0;

  const running = asOf < span.end;
  const lines = periodLines(activities, totals, targets, expectedBy);

  const byWeek = periodWeeks(span, last, activities, tally);

  return {
    schema: PERIOD_REPORT_SCHEMA,
    rep: data.settings.name,
    kind,
    period: periodLabel(kind, span.start),
    start: span.start,
    end: span.end,
    asOf: last,
    running,
    scoringDays: scoring.length,
    scoringDaysElapsed: elapsed,
    activities,
    totals,
    targets,
    percent: overallPercent(totals, targets),
    lines,
    weeks: weekSpans.map((w) => isoWeekLabel(w.start)),
    byWeek,
  };
}

/**
 * Each activity's target over the span, and the part of it due by `last` (SPEC's pace): every
 * quota whose period fits inside, with the target in force then.
 */
function periodTargets(
  known: readonly string[],
  quotas: QuotaBook,
  calendar: Calendar,
  { kind, span, last }: { kind: PeriodKind; span: Span; last: Day },
): { targets: Record<string, number>; expectedBy: Map<string, number> } {
  const scoring = eachDay(span.start, span.end).filter((d) => calendar.isScoring(d));
  const weekSpans = thursdayWeeks(span);
  const months = kind === 'quarter' ? monthsOf(span) : [span];
  const clip = (d: Day) => (d < last ? d : last);

  /** Scoring days gone by the as-of day over scoring days in the span (SPEC's pace). */
  const share = (p: Span) => {
    const all = eachDay(p.start, p.end).filter((d) => calendar.isScoring(d));
    if (all.length === 0) return p.end <= last ? 1 : 0;
    return all.filter((d) => d <= last).length / all.length;
  };
  const targets: Record<string, number> = {};
  const expectedBy = new Map<string, number>();
  for (const activity of known) {
    const is = (day: Day, per: Period) => quotas.inForce(activity, day)?.per === per;
    const target = (day: Day) => quotas.inForce(activity, day)?.target ?? 0;
    let sum = 0;
    let due = 0;
    let any = false;
    // `part` is the share of the quota's own period gone by the as-of day, for the pace.
    const add = (day: Day, per: Period, part: number) => {
      if (!is(day, per)) return;
      any = true;
      sum += target(day);
      due += target(day) * part;
    };
    for (const d of scoring) add(d, 'day', d <= last ? 1 : 0);
    for (const w of weekSpans) add(clip(w.end), 'week', share(w));
    for (const m of months) add(clip(m.end), 'month', share(m));
    if (kind === 'quarter') add(last, 'quarter', share(span));
    if (any) {
      targets[activity] = sum;
      expectedBy.set(activity, round2(due));
    }
  }
  return { targets, expectedBy };
}

/** Each activity's line: done, and against its target when it has one. */
function periodLines(
  activities: readonly string[],
  totals: Record<string, number>,
  targets: Record<string, number>,
  expectedBy: Map<string, number>,
): PeriodLine[] {
  return activities.map((activity) => {
    const done = totals[activity] ?? 0;
    const target = targets[activity];
    if (target === undefined) {
      return { activity, done, target: null, percent: null, expected: null, onPace: null };
    }
    const expected = expectedBy.get(activity) ?? 0;
    return {
      activity,
      done,
      target,
      percent: percentOf(done, target),
      expected,
      onPace: done >= expected,
    };
  });
}

/** The totals of each ISO week that touches the span, counted inside it and up to `last`. */
function periodWeeks(
  span: Span,
  last: Day,
  activities: readonly string[],
  tally: Tally,
): PeriodWeek[] {
  const byWeek: PeriodWeek[] = [];
  for (
    let start = periodOf('week', span.start).start;
    start <= span.end;
    start = addDay(start, 7)
  ) {
    const end = addDay(start, 6);
    const week: PeriodWeek = { week: isoWeekLabel(start), start, end, totals: {} };
    for (const a of activities) week.totals[a] = 0;
    for (const d of eachDay(start < span.start ? span.start : start, end < last ? end : last)) {
      for (const a of activities) week.totals[a] = (week.totals[a] ?? 0) + tally.count(d, a);
    }
    byWeek.push(week);
  }
  return byWeek;
}

/** The ISO weeks whose Thursday lies inside `span`. */
export function thursdayWeeks(span: Span): Span[] {
  const weeks: Span[] = [];
  for (
    let start = periodOf('week', span.start).start;
    start <= span.end;
    start = addDay(start, 7)
  ) {
    const thursday = addDay(start, 3);
    if (thursday >= span.start && thursday <= span.end)
      weeks.push({ start, end: addDay(start, 6) });
  }
  return weeks;
}

function monthsOf(quarter: Span): Span[] {
  const months: Span[] = [];
  for (let m = periodOf('month', quarter.start); m.start <= quarter.end; ) {
    months.push(m);
    m = periodOf('month', addDay(m.end, 1));
  }
  return months;
}

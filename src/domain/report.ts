import { allActivities } from './activities.js';
import { Calendar } from './calendar.js';
import { eachDay, isoWeekLabel, type Span } from './dates.js';
import { type FunnelRatios, funnel } from './funnel.js';
import { type ProspectFirst, prospectFirst, prospectFirstBefore } from './prospect-first.js';
import { QuotaBook, Tally } from './quotas.js';
import { dueAsks, referralStates } from './referrals.js';
import {
  type ReportDay,
  type ReportNote,
  type WeekTargets,
  weekCounts,
  weekDays,
  weekNotes,
  weekTargets,
} from './report-week.js';
import { type Streak, streaks } from './streak.js';
import type { Day, LeadSource, StoreData } from './types.js';

export const WEEKLY_REPORT_SCHEMA = 'prospect.weekly-report/1';

export interface ActivityPace {
  activity: string;
  per: 'day' | 'week';
  done: number;
  target: number;
  /** Share of the target done, in whole percent (may pass 100). */
  percent: number;
  /** What the target asks for by the as-of date (the whole target once the week is over). */
  expected: number;
  onPace: boolean;
  /** done - expected: positive is ahead. */
  ahead: number;
}

export interface WeeklyReport {
  schema: typeof WEEKLY_REPORT_SCHEMA;
  rep: string;
  week: string;
  start: Day;
  end: Day;
  /** Only what is dated on or before this day counts. */
  asOf: Day;
  /** The activity rows: each one with a target this week or anything logged this week. */
  activities: string[];
  days: ReportDay[];
  totals: Record<string, number>;
  targets: Record<string, number>;
  /** Whole percent of the week's targets met, each activity counting up to its target; null without targets. */
  percent: number | null;
  pace: ActivityPace[];
  scoringDays: number;
  streak: Streak;
  referrals: { asked: number; intros: number; due: number; dueClients: string[] };
  meetingsBySource: Record<LeadSource | 'unspecified', number>;
  noes: number;
  /** SPEC's funnel ratios for the week (null on a zero denominator), and the rep-sourced share. */
  funnel: FunnelRatios & { repSourcedShare: number | null };
  /** Scoring days of the week (up to the as-of day) on which prospecting came first. */
  prospectFirst: ProspectFirst;
  notes: ReportNote[];
  /** Only with `--include-beliefs`: beliefs are the rep's own, not the coach's. */
  beliefs?: { belief: string; affirmation: string }[];
}

export interface ReportOptions {
  week: Span;
  asOf: Day;
  includeBeliefs?: boolean;
}

/**
 * One rep's week, as of `asOf` (nothing dated later counts, quota changes included). Targets
 * follow SPEC: a daily quota counts its target on each scoring day of the week, with the target
 * in force that day; a weekly quota counts as is; monthly and quarterly quotas are left out.
 */
export function buildWeeklyReport(data: StoreData, opts: ReportOptions): WeeklyReport {
  const { week, asOf } = opts;
  // The last day that counts: the week's end, or the as-of day inside it.
  const last = asOf < week.end ? asOf : week.end;
  // Tally and referralStates leave out what is dated after `last` themselves: no filtered copy of
  // the whole log.
  const weekEntries = data.entries.filter((e) => e.date >= week.start && e.date <= last);
  const tally = new Tally(data.entries, last);
  const quotas = new QuotaBook(data.quotas.filter((q) => q.from <= last));
  const calendar = new Calendar(data.settings.workdays, data.daysOff);
  const reasons = new Map(data.daysOff.map((d) => [d.date, d.reason]));
  const days = [...eachDay(week.start, week.end)];
  const scoring = days.filter((d) => calendar.isScoring(d));
  const scoringSoFar = scoring.filter((d) => d <= last);

  const known = allActivities(data.activities);
  const { targets, expected, per } = weekTargets(known, quotas, scoring, scoringSoFar, last);

  const logged = new Set(weekEntries.filter((e) => e.count > 0).map((e) => e.activity));
  // Built-in order, then the rep's own activities; an activity only in the log still shows.
  const rows = [...known, ...[...logged].filter((a) => !known.includes(a)).sort()].filter(
    (a) => a in targets || logged.has(a),
  );

  const { reportDays, totals } = weekDays(days, rows, last, { tally, calendar, reasons });

  const pace = weekPace(rows, totals, { targets, expected, per });

  const { meetingsBySource, asked, intros, noes } = weekCounts(weekEntries);
  const due = dueAsks(referralStates(data.clients, data.entries, data.settings, last));

  const notes = weekNotes(weekEntries);

  const report: WeeklyReport = {
    schema: WEEKLY_REPORT_SCHEMA,
    rep: data.settings.name,
    week: isoWeekLabel(week.start),
    start: week.start,
    end: week.end,
    asOf: last,
    activities: rows,
    days: reportDays,
    totals,
    targets,
    percent: overallPercent(totals, targets),
    pace,
    scoringDays: scoring.length,
    streak: streaks({ asOf: last, quotas, tally, calendar }),
    referrals: { asked, intros, due: due.length, dueClients: due.map((d) => d.client) },
    meetingsBySource,
    noes,
    funnel: weekFunnel(weekEntries, week.start, last),
    prospectFirst: prospectFirst(
      weekEntries,
      calendar,
      week.start,
      last,
      prospectFirstBefore(data.settings),
    ),
    notes,
  };
  if (opts.includeBeliefs) {
    report.beliefs = data.beliefs.map((b) => ({ belief: b.belief, affirmation: b.affirmation }));
  }
  return report;
}

/** Each targeted activity's progress against the share of its target expected by now. */
function weekPace(
  rows: readonly string[],
  totals: Record<string, number>,
  { targets, expected, per }: WeekTargets,
): ActivityPace[] {
  return rows
    .filter((a) => a in targets)
    .map((activity) => {
      const done = totals[activity] ?? 0;
      const target = targets[activity] as number;
      const exp = round2(expected.get(activity) ?? 0);
      return {
        activity,
        per: per.get(activity) as 'day' | 'week',
        done,
        target,
        percent: percentOf(done, target),
        expected: exp,
        onPace: done >= exp,
        ahead: round2(done - exp),
      };
    });
}

function weekFunnel(entries: StoreData['entries'], start: Day, last: Day): WeeklyReport['funnel'] {
  const f = funnel(entries, start, last);
  return { ...f.ratios, repSourcedShare: f.repSourcedShare };
}

/**
 * Percent rounded down, so 100% means the target was met: 203 of 204 is 99%, never 100%.
 */
export function percentOf(done: number, target: number): number {
  return target <= 0 ? 100 : Math.floor((done * 100) / target);
}

/**
 * What the percent of target is measured on: each activity counts only up to its own target, so
 * 200 emails cannot hide zero calls. `wanted` is 0 when there are no targets.
 */
export function targetShare(
  totals: Readonly<Record<string, number>>,
  targets: Readonly<Record<string, number>>,
): { met: number; wanted: number } {
  let met = 0;
  let wanted = 0;
  for (const [activity, target] of Object.entries(targets)) {
    if (!(target > 0)) continue;
    wanted += target;
    met += Math.min(target, totals[activity] ?? 0);
  }
  return { met, wanted };
}

/** The share of all targets met, rounded down (percentOf). Null when there are no targets. */
export function overallPercent(
  totals: Readonly<Record<string, number>>,
  targets: Readonly<Record<string, number>>,
): number | null {
  const { met, wanted } = targetShare(totals, targets);
  return wanted === 0 ? null : percentOf(met, wanted);
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

import { allActivities } from './activities.js';
import { Calendar } from './calendar.js';
import { eachDay, isoWeekLabel, type Span } from './dates.js';
import { dict } from './dict.js';
import { type FunnelRatios, funnel } from './funnel.js';
import { type ProspectFirst, prospectFirst, prospectFirstBefore } from './prospect-first.js';
import { QuotaBook, Tally } from './quotas.js';
import { AskLog, dueAsks, referralStates } from './referrals.js';
import {
  type ReportDay,
  type ReportNote,
  type WeekTargets,
  weekCounts,
  weekDays,
  weekNotes,
  weekTargets,
} from './report-week.js';
import { round2 } from './round.js';
import { type Streak, streaksAt } from './streak.js';
import { sweepOf } from './sweep-state.js';
import type { Day, Entry, LeadSource, StoreData } from './types.js';

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
  /** A daily quota only: the scoring days up to the as-of day that had the target in force. */
  goalDays?: number;
  /** A daily quota only: of those, the days on which that day's target was met. */
  daysMet?: number;
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
  /** Per daily-quota activity, the scoring days (up to the as-of day) its target was met on. */
  dailyMet: Record<string, number>;
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
  return buildWeeklyReports(data, [opts.week], opts.asOf, opts.includeBeliefs)[0] as WeeklyReport;
}

/** What every week of a report shares: built once, however many weeks are asked for. */
interface Shared {
  tally: Tally;
  calendar: Calendar;
  reasons: Map<Day, string | undefined>;
  /** The `referral-ask` entries naming a client: all that referralStates looks at. */
  asks: AskLog;
}

/**
 * The weekly report of each of `weeks`, all as of the same day, each equal to buildWeeklyReport
 * for that week: one Tally and one streak sweep serve every week (a trend of 52 weeks over five
 * years would otherwise sweep the five years 52 times).
 */
export function buildWeeklyReports(
  data: StoreData,
  weeks: readonly Span[],
  asOf: Day,
  includeBeliefs?: boolean,
): WeeklyReport[] {
  // The last day that counts in each week: its end, or the as-of day inside it.
  const lasts = weeks.map((week) => (asOf < week.end ? asOf : week.end));
  let final: Day | undefined;
  for (const last of lasts) if (final === undefined || last > final) final = last;
  if (final === undefined) return [];
  // Tally and referralStates leave out what is dated after `last` themselves: no filtered copy of
  // the whole log. Lookups are only ever made up to a week's own last day.
  const tally = Tally.of(data, final);
  const calendar = new Calendar(data.settings.workdays, data.daysOff);
  const streaks = streaksAt(
    {
      asOf: final,
      quotas: new QuotaBook(data.quotas.filter((q) => q.from <= final)),
      tally,
      calendar,
      resume: sweepOf(data),
    },
    lasts,
  );
  const shared: Shared = {
    tally,
    calendar,
    reasons: new Map(data.daysOff.map((d) => [d.date, d.reason])),
    asks: AskLog.of(data),
  };
  const entries = entriesOfWeeks(data.entries, weeks, lasts);
  return weeks.map((week, i) =>
    weekReport(data, {
      week,
      last: lasts[i] as Day,
      weekEntries: entries[i] as Entry[],
      streak: streaks.get(lasts[i] as Day) as Streak,
      shared,
      includeBeliefs,
    }),
  );
}

/** Each week's entries from its start to its last day, in log order, from one pass over the log. */
function entriesOfWeeks(
  entries: readonly Entry[],
  weeks: readonly Span[],
  lasts: readonly Day[],
): Entry[][] {
  if (weeks.length === 1) {
    const [week, last] = [weeks[0] as Span, lasts[0] as Day];
    return [entries.filter((e) => e.date >= week.start && e.date <= last)];
  }
  const weeksOf = new Map<Day, number[]>();
  weeks.forEach((week, i) => {
    for (const day of eachDay(week.start, lasts[i] as Day)) {
      const list = weeksOf.get(day);
      if (list) list.push(i);
      else weeksOf.set(day, [i]);
    }
  });
  const result: Entry[][] = weeks.map(() => []);
  for (const e of entries) {
    for (const i of weeksOf.get(e.date) ?? []) (result[i] as Entry[]).push(e);
  }
  return result;
}

interface WeekInput {
  week: Span;
  last: Day;
  weekEntries: Entry[];
  streak: Streak;
  shared: Shared;
  includeBeliefs: boolean | undefined;
}

function weekReport(data: StoreData, input: WeekInput): WeeklyReport {
  const { week, last, weekEntries, streak } = input;
  const { tally, calendar, reasons, asks } = input.shared;
  const quotas = new QuotaBook(data.quotas.filter((q) => q.from <= last));
  const days = [...eachDay(week.start, week.end)];
  const scoring = days.filter((d) => calendar.isScoring(d));
  const scoringSoFar = scoring.filter((d) => d <= last);

  const known = allActivities(data.activities);
  const targets = weekTargets(known, quotas, { scoring, scoringSoFar, last, tally });

  const logged = new Set(weekEntries.filter((e) => e.count > 0).map((e) => e.activity));
  // Built-in order, then the rep's own activities; an activity only in the log still shows.
  const rows = [...known, ...[...logged].filter((a) => !known.includes(a)).sort()].filter(
    (a) => a in targets.targets || logged.has(a),
  );

  const { reportDays, totals } = weekDays(days, rows, last, { tally, calendar, reasons });

  const pace = weekPace(rows, totals, targets);
  const dailyMet: Record<string, number> = dict();
  for (const p of pace) if (p.daysMet !== undefined) dailyMet[p.activity] = p.daysMet;

  const { meetingsBySource, asked, intros, noes } = weekCounts(weekEntries);
  const due = dueAsks(referralStates(data.clients, asks, data.settings, last));

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
    targets: targets.targets,
    percent: overallPercent(totals, targets.targets),
    pace,
    dailyMet,
    scoringDays: scoring.length,
    streak,
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
  if (input.includeBeliefs) {
    report.beliefs = data.beliefs.map((b) => ({ belief: b.belief, affirmation: b.affirmation }));
  }
  return report;
}

/** Each targeted activity's progress against the share of its target expected by now. */
function weekPace(
  rows: readonly string[],
  totals: Record<string, number>,
  { targets, expected, per, metDays }: WeekTargets,
): ActivityPace[] {
  return rows
    .filter((a) => a in targets)
    .map((activity) => {
      const done = totals[activity] ?? 0;
      const target = targets[activity] as number;
      const exp = round2(expected.get(activity) ?? 0);
      const pace: ActivityPace = {
        activity,
        per: per.get(activity) as 'day' | 'week',
        done,
        target,
        percent: percentOf(done, target),
        expected: exp,
        onPace: done >= exp,
        ahead: round2(done - exp),
      };
      const days = metDays.get(activity);
      if (days !== undefined) {
        pace.goalDays = days.goal;
        pace.daysMet = days.met;
      }
      return pace;
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

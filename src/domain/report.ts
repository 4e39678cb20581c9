import { allActivities } from './activities.js';
import { Calendar } from './calendar.js';
import { eachDay, isoWeekLabel, type Span } from './dates.js';
import { dict } from './dict.js';
import { type FunnelRatios, funnel } from './funnel.js';
import { type ProspectFirst, prospectFirst, prospectFirstBefore } from './prospect-first.js';
import { QuotaBook, Tally } from './quotas.js';
import { AskLog, dueAsks, referralStates } from './referrals.js';
import { type Streak, streaksAt } from './streak.js';
import { type Day, type Entry, LEAD_SOURCES, type LeadSource, type StoreData } from './types.js';

export const WEEKLY_REPORT_SCHEMA = 'prospect.weekly-report/1';

export interface ReportDay {
  date: Day;
  /** Every activity row of the report, zeros included, so each day has the same keys. */
  counts: Record<string, number>;
  scoring: boolean;
  dayOff: boolean;
  offReason?: string;
  /** After the as-of date: not happened yet, nothing in it counts. */
  upcoming: boolean;
}

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

export interface ReportNote {
  date: Day;
  activity: string;
  count: number;
  note: string;
  contact?: string;
  client?: string;
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
  const tally = new Tally(data.entries, final);
  const calendar = new Calendar(data.settings.workdays, data.daysOff);
  const streaks = streaksAt(
    {
      asOf: final,
      quotas: new QuotaBook(data.quotas.filter((q) => q.from <= final)),
      tally,
      calendar,
    },
    lasts,
  );
  const shared: Shared = {
    tally,
    calendar,
    reasons: new Map(data.daysOff.map((d) => [d.date, d.reason])),
    asks: new AskLog(data.entries),
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

  // Targets and the share expected by `last`, per activity.
  const targets: Record<string, number> = dict();
  const expected = new Map<string, number>();
  const per = new Map<string, 'day' | 'week'>();
  const metDays = new Map<string, { goal: number; met: number }>();
  const known = allActivities(data.activities);
  for (const activity of known) {
    const weekly = quotas.inForce(activity, last);
    if (weekly?.per === 'week') {
      targets[activity] = weekly.target;
      per.set(activity, 'week');
      expected.set(
        activity,
        scoring.length === 0 ? 0 : (weekly.target * scoringSoFar.length) / scoring.length,
      );
      continue;
    }
    let target = 0;
    let soFar = 0;
    let any = false;
    const days = { goal: 0, met: 0 };
    for (const day of scoring) {
      const q = quotas.inForce(activity, day);
      if (q?.per !== 'day') continue;
      any = true;
      target += q.target;
      if (day <= last) {
        soFar += q.target;
        days.goal += 1;
        if (tally.count(day, activity) >= q.target) days.met += 1;
      }
    }
    if (any) {
      targets[activity] = target;
      per.set(activity, 'day');
      expected.set(activity, soFar);
      metDays.set(activity, days);
    }
  }

  const logged = new Set(weekEntries.filter((e) => e.count > 0).map((e) => e.activity));
  // Built-in order, then the rep's own activities; an activity only in the log still shows.
  const rows = [...known, ...[...logged].filter((a) => !known.includes(a)).sort()].filter(
    (a) => a in targets || logged.has(a),
  );

  const totals: Record<string, number> = dict();
  for (const a of rows) totals[a] = 0;
  const reportDays: ReportDay[] = days.map((date) => {
    const counts: Record<string, number> = dict();
    const upcoming = date > last;
    for (const a of rows) {
      const n = upcoming ? 0 : tally.count(date, a);
      counts[a] = n;
      totals[a] = (totals[a] ?? 0) + n;
    }
    const day: ReportDay = {
      date,
      counts,
      scoring: calendar.isScoring(date),
      dayOff: calendar.isDayOff(date),
      upcoming,
    };
    const reason = reasons.get(date);
    if (day.dayOff && reason !== undefined) day.offReason = reason;
    return day;
  });

  const pace: ActivityPace[] = rows
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
  const dailyMet: Record<string, number> = dict();
  for (const p of pace) if (p.daysMet !== undefined) dailyMet[p.activity] = p.daysMet;

  const meetingsBySource = { unspecified: 0 } as Record<LeadSource | 'unspecified', number>;
  for (const s of LEAD_SOURCES) meetingsBySource[s] = 0;
  let asked = 0;
  let intros = 0;
  let noes = 0;
  for (const e of weekEntries) {
    if (e.activity === 'meeting') {
      const source = e.source && LEAD_SOURCES.includes(e.source) ? e.source : 'unspecified';
      meetingsBySource[source] += e.count;
    } else if (e.activity === 'referral-ask') asked += e.count;
    else if (e.activity === 'referral') intros += e.count;
    else if (e.activity === 'rejection') noes += e.count;
  }
  const due = dueAsks(referralStates(data.clients, asks, data.settings, last));

  const notes: ReportNote[] = weekEntries
    .filter((e) => e.note !== undefined && e.note !== '')
    .map((e) => {
      const n: ReportNote = {
        date: e.date,
        activity: e.activity,
        count: e.count,
        note: e.note as string,
      };
      if (e.contact !== undefined) n.contact = e.contact;
      if (e.client !== undefined) n.client = e.client;
      return n;
    })
    // Day order; within a day, the order they were logged (Array#sort is stable).
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

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

import type { Calendar } from './calendar.js';
import { dict } from './dict.js';
import type { QuotaBook, Tally } from './quotas.js';
import { type Day, LEAD_SOURCES, type LeadSource, type StoreData } from './types.js';

/** The parts of a weekly report (report.ts buildWeeklyReport) that need no other part. */

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

export interface ReportNote {
  date: Day;
  activity: string;
  count: number;
  note: string;
  contact?: string;
  client?: string;
}

export type WeekTargets = {
  targets: Record<string, number>;
  expected: Map<string, number>;
  per: Map<string, 'day' | 'week'>;
  /** Per daily quota: the scoring days up to `last` that had a goal, and how many met it. */
  metDays: Map<string, { goal: number; met: number }>;
};

/** Targets and the share expected by `last`, per activity. */
export function weekTargets(
  known: readonly string[],
  quotas: QuotaBook,
  week: { scoring: readonly Day[]; scoringSoFar: readonly Day[]; last: Day; tally: Tally },
): WeekTargets {
  const { scoring, scoringSoFar, last, tally } = week;
  const targets: Record<string, number> = dict();
  const expected = new Map<string, number>();
  const per = new Map<string, 'day' | 'week'>();
  const metDays = new Map<string, { goal: number; met: number }>();
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
  return { targets, expected, per, metDays };
}

/** Each day of the week with its counts (none after `last`), and the week's totals. */
export function weekDays(
  days: readonly Day[],
  rows: readonly string[],
  last: Day,
  {
    tally,
    calendar,
    reasons,
  }: { tally: Tally; calendar: Calendar; reasons: Map<Day, string | undefined> },
): { reportDays: ReportDay[]; totals: Record<string, number> } {
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
  return { reportDays, totals };
}

/** Meetings by source, referral asks, intros and noes in the week's entries. */
export function weekCounts(weekEntries: StoreData['entries']) {
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
  return { meetingsBySource, asked, intros, noes };
}

/** The notes of the week's entries, in day order. */
export function weekNotes(weekEntries: StoreData['entries']): ReportNote[] {
  return (
    weekEntries
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
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  );
}

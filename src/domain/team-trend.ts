import { dict } from './dict.js';
import { compareNames } from './names.js';
import { overallPercent, percentOf } from './report.js';
import {
  buildTeamReport,
  type RepReport,
  readRepReport,
  repName,
  TeamInputProblem,
  type TeamReport,
  teamShare,
} from './team.js';
import { TREND_REPORT_SCHEMA } from './trend.js';

const TEAM_TREND_SCHEMA = 'prospect.team-trend/1';

export type Trend = 'rising' | 'steady' | 'sliding';

export interface TeamTrendRep {
  rep: string;
  /** Percent of target per week, in `weeks` order; null where the rep has no report (missing) or no target. */
  percent: (number | null)[];
  /** True where the rep has no report that week: missing, which is not the same as 0. */
  missing: boolean[];
  trend: Trend | null;
  /** Points a week: the later weeks' average minus the earlier weeks' (see trendOf). */
  change: number | null;
}

export interface TeamTrend {
  schema: typeof TEAM_TREND_SCHEMA;
  weeks: string[];
  activities: string[];
  reps: TeamTrendRep[];
  /** The team's totals per week, in `weeks` order. */
  totals: Record<string, number>[];
  /** The team's percent per week (each rep's share capped at their target). */
  percent: (number | null)[];
  /** Reports per week. */
  reporting: number[];
  /** The latest week in full, as `team` gives it for one week. */
  latest: TeamReport;
}

/** The weekly reports one file holds: one for a weekly report, each week of a trend report. */
export function readRepReports(raw: unknown): RepReport[] {
  if (
    typeof raw === 'object' &&
    raw !== null &&
    (raw as { schema?: unknown }).schema === TREND_REPORT_SCHEMA
  ) {
    const weeks = (raw as { weeks?: unknown }).weeks;
    if (!Array.isArray(weeks) || weeks.length === 0)
      throw new TeamInputProblem('its "weeks" are not weekly reports');
    return weeks.map((w) => readRepReport(w));
  }
  return [readRepReport(raw)];
}

/** The change that counts as a trend: 5 points of target. */
const TREND_POINTS = 5;

/**
 * Rising, steady or sliding, from the weeks the rep has a percent in: the average of the latest
 * half (up to 4 weeks) against the average of as many weeks before them. Five points or more
 * either way is a trend; fewer than two weeks is none.
 */
export function trendOf(percents: readonly (number | null)[]): {
  trend: Trend | null;
  change: number | null;
} {
  const known = percents.filter((p): p is number => p !== null);
  const n = Math.min(4, Math.floor(known.length / 2));
  if (n === 0) return { trend: null, change: null };
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const change = Math.round(avg(known.slice(-n)) - avg(known.slice(-2 * n, -n)));
  const trend = change >= TREND_POINTS ? 'rising' : change <= -TREND_POINTS ? 'sliding' : 'steady';
  return { trend, change };
}

/**
 * The coach's roll-up over several weeks (SPEC, Trends): the reports grouped by week, reps by
 * weeks, a rep missing in a week shown as missing, the same rep twice in one week refused.
 */
export function buildTeamTrend(inputs: readonly { file: string; report: RepReport }[]): TeamTrend {
  if (inputs.length === 0) throw new TeamInputProblem('there are no reports to roll up');
  const weeks = [...new Set(inputs.map((i) => i.report.week))].sort();
  const byWeek = new Map<string, { file: string; report: RepReport }[]>();
  // Each rep (by name, ignoring case) and their report of each week, in the order first seen;
  // the name and its key worked out once per report (50 reps x 12 weeks is 600 of each).
  type Input = { file: string; report: RepReport };
  const byRep = new Map<string, { rep: string; weeks: Map<string, Input> }>();
  for (const input of inputs) {
    const name = repName(input.report, input.file);
    const key = name.toLocaleLowerCase();
    let rep = byRep.get(key);
    if (rep === undefined) {
      rep = { rep: name, weeks: new Map() };
      byRep.set(key, rep);
    }
    const other = rep.weeks.get(input.report.week);
    if (other !== undefined) {
      throw new TeamInputProblem(
        `${input.file} and ${other.file} both hold ${name}'s report of ${input.report.week}: give one report per rep and week`,
      );
    }
    rep.weeks.set(input.report.week, input);
    const list = byWeek.get(input.report.week);
    if (list === undefined) byWeek.set(input.report.week, [input]);
    else list.push(input);
  }

  const activities: string[] = [];
  const known = new Set<string>();
  const totals = weeks.map((week) => {
    const sum = dict<number>();
    for (const { report } of byWeek.get(week) ?? []) {
      for (const a of Object.keys(report.totals)) {
        if (!known.has(a)) {
          known.add(a);
          activities.push(a);
        }
      }
      for (const a of Object.keys(report.targets)) {
        if (!known.has(a)) {
          known.add(a);
          activities.push(a);
        }
      }
      for (const [a, n] of Object.entries(report.totals)) sum[a] = (sum[a] ?? 0) + n;
    }
    return sum;
  });
  for (const t of totals) for (const a of activities) t[a] ??= 0;

  const reps: TeamTrendRep[] = [...byRep.values()].map(({ rep, weeks: reports }) => {
    const found = weeks.map((week) => reports.get(week));
    const percent = found.map((i) =>
      i ? overallPercent(i.report.totals, i.report.targets) : null,
    );
    return { rep, percent, missing: found.map((i) => i === undefined), ...trendOf(percent) };
  });
  // Latest standing first, then by name: the order a coach reads the latest week in.
  const lastOf = (r: TeamTrendRep) => r.percent.at(-1) ?? -1;
  reps.sort((a, b) => lastOf(b) - lastOf(a) || compareNames(a.rep, b.rep));

  return {
    schema: TEAM_TREND_SCHEMA,
    weeks,
    activities,
    reps,
    totals,
    percent: weeks.map((week) => teamPercent(byWeek.get(week) ?? [])),
    reporting: weeks.map((week) => (byWeek.get(week) ?? []).length),
    latest: buildTeamReport(byWeek.get(weeks.at(-1) as string) ?? []),
  };
}

function teamPercent(inputs: readonly { report: RepReport }[]): number | null {
  const { met, wanted } = teamShare(inputs);
  return wanted === 0 ? null : percentOf(met, wanted);
}

import { dict } from './dict.js';
import { compareNames } from './names.js';
import { overallPercent, percentOf, targetShare, WEEKLY_REPORT_SCHEMA } from './report.js';

const TEAM_REPORT_SCHEMA = 'prospect.team-report/1';

/** What the roll-up reads from one rep's `report --format json`. */
export interface RepReport {
  rep: string;
  week: string;
  start: string;
  end: string;
  totals: Record<string, number>;
  targets: Record<string, number>;
  streak: { daily: { current: number; longest: number }; weekly: { current: number } | null };
  referrals: { asked: number; intros: number; due: number };
  /** The week's funnel figures, from reports that carry them (Release 2 on). */
  funnel?: RepFunnel;
  beliefs?: { belief: string; affirmation: string }[];
}

/** The funnel figures a coach compares reps on; null where the rep's week has no denominator. */
export interface RepFunnel {
  callsPerConversation: number | null;
  conversationsPerMeeting: number | null;
  showRate: number | null;
  repSourcedShare: number | null;
}
const REP_FUNNEL_KEYS = [
  'callsPerConversation',
  'conversationsPerMeeting',
  'showRate',
  'repSourcedShare',
] as const;

/** The funnel figures of a report's `funnel`, or undefined when it has none (an older report). */
function readFunnel(raw: unknown): RepFunnel | undefined {
  if (!isObject(raw)) return undefined;
  const f = {} as RepFunnel;
  for (const key of REP_FUNNEL_KEYS) {
    const v = raw[key];
    f[key] = typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;
  }
  return f;
}

export interface TeamRow {
  rank: number;
  rep: string;
  file: string;
  totals: Record<string, number>;
  targets: Record<string, number>;
  percent: number | null;
  /** Below half of target: the rep a coach calls first. */
  flagged: boolean;
  streak: { daily: number; weekly: number | null };
  asked: number;
  intros: number;
  due: number;
  funnel?: RepFunnel;
  beliefs?: { belief: string; affirmation: string }[];
}

export interface TeamReport {
  schema: typeof TEAM_REPORT_SCHEMA;
  week: string;
  start: string;
  end: string;
  activities: string[];
  reps: TeamRow[];
  totals: Record<string, number>;
  targets: Record<string, number>;
  percent: number | null;
  flagged: number;
}

/** Thrown with the reason one file cannot be part of the roll-up; the command names the file. */
export class TeamInputProblem extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isCounts = (v: unknown): v is Record<string, number> =>
  isObject(v) && Object.values(v).every(isCount);

/** Counts of a parsed file as a dict (dict.ts): the same object, with no prototype left. */
const ownCounts = (counts: Record<string, number>): Record<string, number> =>
  Object.setPrototypeOf(counts, null);

/**
 * Checks one parsed file is a weekly report this roll-up can read, and returns what it needs. The
 * report's totals and targets are `raw`'s own objects (no copy): give it a value of its own, as
 * JSON.parse makes, not one something else still uses.
 */
export function readRepReport(raw: unknown): RepReport {
  if (!isObject(raw)) throw new TeamInputProblem('it is not a JSON object');
  if (raw.schema !== WEEKLY_REPORT_SCHEMA) {
    throw new TeamInputProblem(
      `its schema is ${JSON.stringify(raw.schema ?? null)}, not "${WEEKLY_REPORT_SCHEMA}" (make it with: prospect report --format json)`,
    );
  }
  if (typeof raw.week !== 'string' || !/^\d{4}-W\d{2}$/.test(raw.week))
    throw new TeamInputProblem('its "week" is not an ISO week such as 2026-W47');
  if (typeof raw.rep !== 'string') throw new TeamInputProblem('its "rep" is not text');
  if (!isCounts(raw.totals)) throw new TeamInputProblem('its "totals" are not counts');
  if (!isCounts(raw.targets)) throw new TeamInputProblem('its "targets" are not counts');
  const streak = raw.streak;
  if (!isObject(streak) || !isObject(streak.daily) || !isCount(streak.daily.current))
    throw new TeamInputProblem('its "streak" is not a streak');
  const weekly = isObject(streak.weekly) && isCount(streak.weekly.current) ? streak.weekly : null;
  const r = raw.referrals;
  if (!isObject(r) || !isCount(r.asked) || !isCount(r.intros) || !isCount(r.due))
    throw new TeamInputProblem('its "referrals" are not counts');
  const report: RepReport = {
    rep: raw.rep,
    week: raw.week,
    start: typeof raw.start === 'string' ? raw.start : '',
    end: typeof raw.end === 'string' ? raw.end : '',
    // Prototype-less, so an activity named `constructor` is a count like any other: the parsed
    // objects themselves, their prototype taken off (copying 1,200 of them for 50 reps x 12 weeks
    // into Object.create(null) cost ~3 ms).
    totals: ownCounts(raw.totals),
    targets: ownCounts(raw.targets),
    streak: {
      daily: { current: streak.daily.current, longest: Number(streak.daily.longest) || 0 },
      weekly: weekly ? { current: weekly.current as number } : null,
    },
    referrals: { asked: r.asked, intros: r.intros, due: r.due },
  };
  const funnel = readFunnel(raw.funnel);
  if (funnel) report.funnel = funnel;
  if (Array.isArray(raw.beliefs)) {
    report.beliefs = raw.beliefs
      .filter(isObject)
      .map((b) => ({ belief: String(b.belief ?? ''), affirmation: String(b.affirmation ?? '') }));
  }
  return report;
}

/**
 * The coach's roll-up of one week: one row per rep ranked by percent of target (reps without
 * targets last), team totals, and reps below half of target flagged. Reports of different weeks,
 * or two reports of the same rep, are refused: either would make the totals wrong.
 */
export function buildTeamReport(
  inputs: readonly { file: string; report: RepReport }[],
  opts: { includeBeliefs?: boolean } = {},
): TeamReport {
  const first = inputs[0];
  if (!first) throw new TeamInputProblem('there are no reports to roll up');
  const seen = new Map<string, string>();
  for (const { file, report } of inputs) {
    if (report.week !== first.report.week) {
      throw new TeamInputProblem(
        `${file} is a report of ${report.week}, but ${first.file} is of ${first.report.week}: give reports of one week`,
      );
    }
    const name = repName(report, file).toLocaleLowerCase();
    const other = seen.get(name);
    if (other !== undefined) {
      throw new TeamInputProblem(
        `${file} and ${other} are both reports of ${repName(report, file)}: give one report per rep`,
      );
    }
    seen.set(name, file);
  }

  const activities: string[] = [];
  const totals = dict<number>();
  const targets = dict<number>();
  for (const { report } of inputs) {
    for (const [a, n] of Object.entries(report.totals)) {
      if (!activities.includes(a)) activities.push(a);
      totals[a] = (totals[a] ?? 0) + n;
    }
    for (const [a, n] of Object.entries(report.targets)) {
      if (!activities.includes(a)) activities.push(a);
      targets[a] = (targets[a] ?? 0) + n;
    }
  }
  for (const a of activities) totals[a] ??= 0;

  const rows: TeamRow[] = inputs.map(({ file, report }) => {
    const percent = overallPercent(report.totals, report.targets);
    const row: TeamRow = {
      rank: 0,
      rep: repName(report, file),
      file,
      totals: report.totals,
      targets: report.targets,
      percent,
      flagged: percent !== null && percent < 50,
      streak: { daily: report.streak.daily.current, weekly: report.streak.weekly?.current ?? null },
      asked: report.referrals.asked,
      intros: report.referrals.intros,
      due: report.referrals.due,
    };
    if (report.funnel) row.funnel = report.funnel;
    if (opts.includeBeliefs && report.beliefs) row.beliefs = report.beliefs;
    return row;
  });
  // Ranked by the exact share, not the rounded percent (99.4% and 99.9% both show 99%), then name.
  const shares = new Map(
    inputs.map(({ report }, i) => [rows[i], targetShare(report.totals, report.targets)]),
  );
  const exact = (r: TeamRow) => shares.get(r) ?? { met: 0, wanted: 0 };
  rows.sort((a, b) => byShare(exact(a), exact(b)) || compareNames(a.rep, b.rep));
  rows.forEach((row, i) => {
    row.rank = i + 1;
  });
  const { met, wanted } = teamShare(inputs);
  return {
    schema: TEAM_REPORT_SCHEMA,
    week: first.report.week,
    start: first.report.start,
    end: first.report.end,
    activities,
    reps: rows,
    totals,
    targets,
    percent: wanted === 0 ? null : percentOf(met, wanted),
    flagged: rows.filter((r) => r.flagged).length,
  };
}

type Share = { met: number; wanted: number };

/**
 * The team's share of its targets: the sum of each rep's capped share, so one star cannot hide
 * the rest.
 */
export function teamShare(inputs: readonly { report: RepReport }[]): Share {
  let met = 0;
  let wanted = 0;
  for (const { report } of inputs) {
    for (const [a, t] of Object.entries(report.targets)) {
      wanted += t;
      met += Math.min(t, report.totals[a] ?? 0);
    }
  }
  return { met, wanted };
}

/** Larger share first, compared exactly (cross-multiplied); reps without a target last. */
function byShare(a: Share, b: Share): number {
  if (a.wanted === 0 || b.wanted === 0) return (a.wanted === 0 ? 1 : 0) - (b.wanted === 0 ? 1 : 0);
  return b.met * a.wanted - a.met * b.wanted;
}

/** The rep's name, or the file's name when the rep never set one (prospect config set name). */
export function repName(report: RepReport, file: string): string {
  if (report.rep.trim() !== '') return report.rep.trim();
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.json$/i, '');
}

import type { TeamReport } from '../domain/team.js';
import { toCsv } from './report-csv.js';

const FUNNEL_COLUMNS = [
  ['callsPerConversation', 'calls per conversation'],
  ['conversationsPerMeeting', 'conversations per meeting'],
  ['showRate', 'show rate'],
  ['repSourcedShare', 'rep-sourced share'],
] as const;

/**
 * One row per rep in rank order, then a `(team)` row: percent, flag, streak, asks, and for each
 * activity its total and its target (empty where the rep has none).
 */
export function renderTeamCsv(t: TeamReport): string {
  const head = [
    'rank',
    'rep',
    'week',
    'percent',
    'below half',
    'daily streak',
    'asks',
    'intros',
    'asks due',
    ...t.activities.flatMap((a) => [a, `${a} target`]),
  ];
  const rows = t.reps.map((r) => [
    r.rank,
    r.rep,
    t.week,
    r.percent,
    r.flagged ? 'yes' : 'no',
    r.streak.daily,
    r.asked,
    r.intros,
    r.due,
    ...t.activities.flatMap((a) => [r.totals[a] ?? 0, r.targets[a] ?? null]),
  ]);
  rows.push([
    null,
    '(team)',
    t.week,
    t.percent,
    null,
    null,
    t.reps.reduce((n, r) => n + r.asked, 0),
    t.reps.reduce((n, r) => n + r.intros, 0),
    t.reps.reduce((n, r) => n + r.due, 0),
    ...t.activities.flatMap((a) => [t.totals[a] ?? 0, t.targets[a] ?? null]),
  ]);
  // Funnel columns only when some report carries them, so older roll-ups keep their shape.
  if (t.reps.some((r) => r.funnel !== undefined)) {
    head.push(...FUNNEL_COLUMNS.map(([, title]) => title));
    t.reps.forEach((r, i) => {
      rows[i]?.push(...FUNNEL_COLUMNS.map(([key]) => r.funnel?.[key] ?? null));
    });
    rows.at(-1)?.push(...FUNNEL_COLUMNS.map(() => null));
  }
  return toCsv([head, ...rows]);
}

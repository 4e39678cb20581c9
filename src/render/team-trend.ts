import type { ChalkInstance } from 'chalk';
import type { TeamTrend, TeamTrendRep, Trend } from '../domain/team-trend.js';
import { plural, table } from './format.js';
import { clean, escapeMd, percentText } from './report-common.js';
import { toCsv } from './report-csv.js';
import { mdTable } from './report-md.js';
import { clip } from './report-text.js';
import { renderTeamMd } from './team-md.js';
import { renderTeamText } from './team-text.js';
import { sparkline } from './trend.js';

/** The text columns hold at most this many weeks (the latest); md, csv, html and json hold all. */
const TEXT_WEEKS = 13;

const ARROWS: Record<Trend, string> = { rising: '↑', steady: '→', sliding: '↓' };

/** `↑ rising +12`: an arrow and a word, so it reads without colour. */
export function trendWords(r: Pick<TeamTrendRep, 'trend' | 'change'>): string {
  if (r.trend === null) return '';
  const sign = (r.change ?? 0) > 0 ? '+' : '';
  return `${ARROWS[r.trend]} ${r.trend} ${sign}${r.change}`;
}

/** A cell of the reps-by-weeks grid: the percent, `·` for a missing report, `–` for no target. */
export function cell(r: TeamTrendRep, i: number): string {
  if (r.missing[i]) return '·';
  const p = r.percent[i];
  return p === null || p === undefined ? '–' : String(p);
}

export function trendSummary(t: TeamTrend): string {
  return `${t.weeks.length} weeks · ${t.weeks[0]} to ${t.weeks.at(-1)} · ${plural(t.reps.length, 'rep')}`;
}

const LEGEND =
  '% of target a week · missing: no report that week · –: no target · trend: the latest weeks against the ones before';

/** Reps by weeks, the team's weekly line, each activity's team totals, then the latest week in full. */
export function renderTeamTrendText(t: TeamTrend, c: ChalkInstance): string {
  const out: string[] = [];
  out.push(c.bold(`Team trend · ${trendSummary(t)}`));
  const from = Math.max(0, t.weeks.length - TEXT_WEEKS);
  const weeks = t.weeks.slice(from);
  if (from > 0) out.push(`(the latest ${TEXT_WEEKS} weeks; --format md, csv or html for all)`);
  out.push('');
  const rows = [
    ['rep', ...weeks.map((w) => w.slice(6)), 'trend'],
    ...t.reps.map((r) => [
      clip(clean(r.rep), 14),
      ...weeks.map((_, i) => cell(r, from + i)),
      trendWords(r),
    ]),
    ['team', ...t.percent.slice(from).map((p) => (p === null ? '–' : String(p))), ''],
    ['reports', ...t.reporting.slice(from).map(String), ''],
  ];
  const right = weeks.map((_, i) => i + 1);
  const lines = table(rows, right);
  out.push(lines[0] as string);
  t.reps.forEach((r, i) => {
    const line = lines[i + 1] as string;
    out.push(r.trend === 'sliding' ? c.red(line) : r.trend === 'rising' ? c.green(line) : line);
  });
  out.push(...lines.slice(t.reps.length + 1));
  out.push(
    '% of target per ISO week · "·" missing (no report; not 0) · "–" no target',
    'trend: the latest weeks (up to 4) against as many before; 5 points is a trend',
  );
  out.push('');
  out.push(c.bold('Team totals per week, oldest first'));
  out.push(
    ...table(
      t.activities.map((a) => {
        const values = t.totals.map((w) => w[a] ?? 0);
        return [`  ${clip(a, 14)}`, sparkline(values.slice(-40)), `latest ${values.at(-1) ?? 0}`];
      }),
    ),
  );
  out.push('');
  out.push(c.bold(`Latest week in full: ${t.latest.week}`));
  out.push(renderTeamText(t.latest, c).trimEnd());
  return `${out.join('\n')}\n`;
}

export function renderTeamTrendMd(t: TeamTrend): string {
  const out: string[] = [`# Team trend: ${trendSummary(t)}`, '', escapeMd(LEGEND), ''];
  const head = ['rep', ...t.weeks, 'trend'];
  const rows = [
    ...t.reps.map((r) => [
      escapeMd(r.rep),
      ...t.weeks.map((_, i) => (r.missing[i] ? 'missing' : percentText(r.percent[i] ?? null))),
      trendWords(r),
    ]),
    ['**team**', ...t.percent.map((p) => `**${percentText(p)}**`), ''],
  ];
  out.push(
    ...mdTable(
      head,
      rows,
      t.weeks.map((_, i) => i + 1),
    ),
  );
  out.push('', '## Team totals', '');
  out.push(
    ...mdTable(
      ['week', 'reports', ...t.activities.map(escapeMd)],
      t.weeks.map((w, i) => [
        w,
        String(t.reporting[i]),
        ...t.activities.map((a) => String(t.totals[i]?.[a] ?? 0)),
      ]),
      [1, ...t.activities.map((_, i) => i + 2)],
    ),
  );
  out.push('', `## Latest week in full`, '');
  out.push(renderTeamMd(t.latest).replace(/^# /, '### ').trimEnd());
  return `${out.join('\n')}\n`;
}

/** Tidy: one row per rep and week (empty percent and `missing` = yes where there is no report). */
export function renderTeamTrendCsv(t: TeamTrend): string {
  const head = ['rep', 'week', 'percent', 'missing', 'trend', 'change'];
  const rows: (string | number | null)[][] = t.reps.flatMap((r) =>
    t.weeks.map((w, i) => [
      r.rep,
      w,
      r.percent[i] ?? null,
      r.missing[i] ? 'yes' : 'no',
      r.trend,
      r.change,
    ]),
  );
  t.weeks.forEach((w, i) => {
    rows.push(['(team)', w, t.percent[i] ?? null, 'no', null, null]);
  });
  return toCsv([head, ...rows]);
}

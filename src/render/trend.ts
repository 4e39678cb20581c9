import type { ChalkInstance } from 'chalk';
import type { WeeklyReport } from '../domain/report.js';
import { activityPercent, meetingsOf, type TrendReport } from '../domain/trend.js';
import { table } from './format.js';
import { clean, escapeMd, longDay, percentText, shortDay } from './report-common.js';
import { toCsv } from './report-csv.js';
import { clip } from './report-text.js';

const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/**
 * One character per value, its height scaled to the largest value: legible without colour. A
 * zero is `·` (nothing logged), any other value at least `▁`; a missing value is a space.
 */
export function sparkline(values: readonly (number | null)[]): string {
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  return values
    .map((v) => {
      if (v === null) return ' ';
      if (v <= 0 || max === 0) return '·';
      return BLOCKS[Math.min(7, Math.max(0, Math.ceil((v / max) * 8) - 1))] as string;
    })
    .join('');
}

export function trendTitle(t: TrendReport): string {
  const first = t.weeks[0] as WeeklyReport;
  const last = t.weeks.at(-1) as WeeklyReport;
  return `${t.weeks.length} weeks · ${first.week} to ${last.week}`;
}

export function weekDates(w: WeeklyReport): string {
  return `${shortDay(w.start)} – ${shortDay(w.end)}`;
}

function asOfText(t: TrendReport): string {
  const last = t.weeks.at(-1) as WeeklyReport;
  return last.asOf >= last.end ? 'whole weeks' : `as of ${longDay(t.asOf)}`;
}

/** A week's row: week, dates, scoring days, % of target, streak, meetings. */
function weekFigures(w: WeeklyReport): string[] {
  return [
    w.week,
    weekDates(w),
    String(w.scoringDays),
    percentText(w.percent),
    `${w.streak.daily.current}d`,
    String(meetingsOf(w)),
  ];
}

/** The trend for a terminal: one line per week, then a sparkline per activity; 80 columns. */
export function renderTrendText(t: TrendReport, c: ChalkInstance): string {
  const out: string[] = [];
  const rep = t.rep.trim() === '' ? 'Trend' : clean(t.rep);
  out.push(c.bold(`${rep} · ${trendTitle(t)}`));
  out.push(`${asOfText(t)}; % of target counts each activity up to its target`);
  out.push('');
  const rows = [
    ['week', 'dates', 'scoring days', '% of target', 'streak', 'meetings'],
    ...t.weeks.map(weekFigures),
  ];
  out.push(...table(rows, [2, 3, 4, 5]));
  out.push('');
  out.push(c.bold('Each activity, oldest week first (█ the best week, · none)'));
  const spark = t.activities.map((a) => {
    const totals = t.weeks.map((w) => w.totals[a] ?? 0);
    const last = t.weeks.at(-1) as WeeklyReport;
    const target = last.targets[a];
    const sum = totals.reduce((x, y) => x + y, 0);
    return [
      clip(a, 14),
      sparkline(totals),
      `best ${Math.max(...totals)}`,
      `last ${totals.at(-1) ?? 0}${target !== undefined ? `/${target}` : ''}`,
      `avg ${Math.round((sum / totals.length) * 10) / 10}`,
    ];
  });
  // A 52-week sparkline leaves no room for the figures on the same line: they go below it.
  if (t.weeks.length > 26) {
    for (const [name, line, ...rest] of spark) {
      out.push(`${(name as string).padEnd(14)}  ${line}`);
      out.push(`${' '.repeat(16)}${rest.join(' · ')}`);
    }
  } else {
    out.push(...table(spark));
  }
  return `${out.join('\n')}\n`;
}

/** The trend as a GitHub Markdown table: a row per week, a column per activity. */
export function renderTrendMd(t: TrendReport): string {
  const out: string[] = [];
  const rep = t.rep.trim() === '' ? '' : `${escapeMd(t.rep)} · `;
  out.push(`# ${rep}Trend: ${trendTitle(t)}`);
  out.push('');
  out.push(`${asOfText(t)}. Cells are done/target where there is a target.`);
  out.push('');
  const head = [
    'week',
    'dates',
    'scoring days',
    '% of target',
    'streak',
    'meetings',
    ...t.activities,
  ];
  out.push(`| ${head.map(escapeMd).join(' | ')} |`);
  out.push(`| ${head.map((_, i) => (i < 2 ? '---' : '---:')).join(' | ')} |`);
  for (const w of t.weeks) {
    const cells = [
      ...weekFigures(w),
      ...t.activities.map((a) => {
        const done = w.totals[a] ?? 0;
        const target = w.targets[a];
        return target === undefined ? String(done) : `${done}/${target}`;
      }),
    ];
    out.push(`| ${cells.join(' | ')} |`);
  }
  out.push('');
  out.push(`| activity | weeks, oldest first |`);
  out.push('| --- | --- |');
  for (const a of t.activities) {
    out.push(`| ${escapeMd(a)} | \`${sparkline(t.weeks.map((w) => w.totals[a] ?? 0))}\` |`);
  }
  return `${out.join('\n')}\n`;
}

/** Tidy CSV: one row per week and activity, for a spreadsheet's pivot table or chart. */
export function renderTrendCsv(t: TrendReport): string {
  const head = [
    'rep',
    'week',
    'start',
    'end',
    'activity',
    'total',
    'target',
    'percent',
    'week_percent',
    'scoring_days',
    'streak',
  ];
  const rows = t.weeks.flatMap((w) =>
    t.activities.map((a) => [
      t.rep,
      w.week,
      w.start,
      w.end,
      a,
      w.totals[a] ?? 0,
      w.targets[a] ?? null,
      activityPercent(w, a),
      w.percent,
      w.scoringDays,
      w.streak.daily.current,
    ]),
  );
  return toCsv([head, ...rows]);
}

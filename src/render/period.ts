import type { ChalkInstance } from 'chalk';
import type { PeriodLine, PeriodReport } from '../domain/period.js';
import { bar, table } from './format.js';
import { clean, escapeHtml, escapeMd, longDay, percentText, shortDay } from './report-common.js';
import { toCsv } from './report-csv.js';
import { barChart, htmlPage } from './report-html.js';
import { clip } from './report-text.js';
import { paceGap } from './words.js';

function heading(p: PeriodReport): string {
  const what = p.kind === 'month' ? 'Month' : 'Quarter';
  return `${what} ${p.period}`;
}

function subline(p: PeriodReport, sep = ' · '): string {
  const span = `${longDay(p.start)} – ${longDay(p.end)}`;
  const when = p.running
    ? `as of ${longDay(p.asOf)}, ${p.scoringDaysElapsed} of ${p.scoringDays} scoring days gone`
    : `the whole ${p.kind}, ${p.scoringDays} scoring days`;
  return `${span}${sep}${when}`;
}

/** How an activity stands: met, short, or (in a running period) its pace. */
export function standing(p: PeriodReport, l: PeriodLine): string {
  if (l.target === null) return 'no target';
  if (l.done >= l.target) return l.done > l.target ? `met, ${l.done - l.target} over` : 'met';
  if (!p.running) return `${l.target - l.done} short`;
  return paceGap(l.onPace === true, l.done - (l.expected ?? 0));
}

/** The weeks by activity; `only` narrows the columns (the terminal shows the targeted ones). */
function weekRows(p: PeriodReport, only: readonly string[] = p.activities): string[][] {
  return [
    ['week', 'dates', ...only.map((a) => clip(a, 10))],
    ...p.byWeek.map((w) => [
      `${w.week}${p.weeks.includes(w.week) ? '' : '*'}`,
      `${shortDay(w.start)} – ${shortDay(w.end)}`,
      ...only.map((a) => String(w.totals[a] ?? 0)),
    ]),
  ];
}

const WEEK_NOTE =
  'Counts are the days of each week inside the period. * a week whose Thursday is outside: a weekly quota does not count it here.';

/** The month or quarter for a terminal: each activity against its target, then the weeks. */
export function renderPeriodText(p: PeriodReport, c: ChalkInstance): string {
  const out: string[] = [];
  out.push(c.bold(`${p.rep.trim() ? `${clean(p.rep)} · ` : ''}${heading(p)}`));
  out.push(subline(p, '\n'));
  out.push(`${percentText(p.percent)} of target (each activity counts up to its target)`);
  out.push('');
  const rows = [
    ['activity', 'done', 'target', '%', '', p.running ? 'pace' : ''],
    ...p.lines.map((l) => [
      clip(l.activity, 16),
      String(l.done),
      l.target === null ? '' : String(l.target),
      l.percent === null ? '' : `${l.percent}%`,
      l.target === null ? '' : bar(l.done, l.target, 12),
      standing(p, l),
    ]),
  ];
  out.push(...table(rows, [1, 2, 3]));
  out.push('');
  // 80 columns: the activities with a target, at most five; md, csv and html have them all.
  const shown = p.lines
    .filter((l) => l.target !== null)
    .slice(0, 5)
    .map((l) => l.activity);
  out.push(
    c.bold(`Weeks${shown.length < p.activities.length ? ' (activities with a target)' : ''}`),
  );
  out.push(
    ...table(
      weekRows(p, shown),
      shown.map((_, i) => i + 2),
    ),
  );
  if (p.byWeek.some((w) => !p.weeks.includes(w.week))) out.push(`* ${WEEK_NOTE.split('* ')[1]}`);
  return `${out.join('\n')}\n`;
}

export function renderPeriodMd(p: PeriodReport): string {
  const out: string[] = [];
  out.push(`# ${p.rep.trim() ? `${escapeMd(p.rep)} · ` : ''}${heading(p)}`);
  out.push('');
  out.push(`${subline(p)} · **${percentText(p.percent)}** of target`);
  out.push('');
  out.push('| activity | done | target | % | standing |');
  out.push('| --- | ---: | ---: | ---: | --- |');
  for (const l of p.lines) {
    out.push(
      `| ${escapeMd(l.activity)} | ${l.done} | ${l.target ?? ''} | ${l.percent === null ? '' : `${l.percent}%`} | ${standing(p, l)} |`,
    );
  }
  out.push('');
  out.push('## Weeks');
  out.push('');
  const [head, ...rest] = weekRows(p);
  out.push(`| ${(head as string[]).map(escapeMd).join(' | ')} |`);
  out.push(`| --- | --- |${p.activities.map(() => ' ---: |').join('')}`);
  for (const r of rest) out.push(`| ${r.map(escapeMd).join(' | ')} |`);
  out.push('');
  out.push(escapeMd(WEEK_NOTE));
  return `${out.join('\n')}\n`;
}

/** One row per activity: rep, period, totals against targets, and each week's count. */
export function renderPeriodCsv(p: PeriodReport): string {
  const head = [
    'rep',
    'period',
    'start',
    'end',
    'as_of',
    'activity',
    'total',
    'target',
    'percent',
    'expected',
    ...p.byWeek.map((w) => w.week),
  ];
  const rows = p.lines.map((l) => [
    p.rep,
    p.period,
    p.start,
    p.end,
    p.asOf,
    l.activity,
    l.done,
    l.target,
    l.percent,
    l.expected,
    ...p.byWeek.map((w) => w.totals[l.activity] ?? 0),
  ]);
  return toCsv([head, ...rows]);
}

export function renderPeriodHtml(p: PeriodReport): string {
  const e = escapeHtml;
  const title = `${heading(p)}${p.rep.trim() ? `: ${e(p.rep)}` : ''}`;
  const parts: string[] = [`<h1>${title}</h1>`];
  parts.push(
    `<p class="sub">${e(subline(p))} · <strong>${e(percentText(p.percent))}</strong> of target</p>`,
  );
  const targeted = p.lines.filter((l) => l.target !== null);
  if (targeted.length > 0) {
    parts.push('<h2>Against target</h2>');
    parts.push(
      barChart(
        targeted.map((l) => ({
          label: l.activity,
          done: l.done,
          target: l.target as number,
          caption: `${l.done} / ${l.target} · ${l.percent}%`,
        })),
        `Each activity against its target, ${p.period}`,
      ),
    );
  }
  const rows = p.lines
    .map(
      (l) =>
        `<tr><th scope="row">${e(l.activity)}</th><td class="n">${l.done}</td><td class="n">${l.target ?? ''}</td><td class="n">${l.percent === null ? '' : `${l.percent}%`}</td><td class="n">${l.expected ?? ''}</td><td>${e(standing(p, l))}</td></tr>`,
    )
    .join('\n');
  parts.push(`<h2>Totals</h2>
<table>
<thead><tr><th scope="col">activity</th><th class="n" scope="col">done</th><th class="n" scope="col">target</th><th class="n" scope="col">%</th><th class="n" scope="col">expected by now</th><th scope="col">standing</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`);
  const [head, ...rest] = weekRows(p);
  parts.push(`<h2>Weeks</h2>
<table>
<thead><tr>${(head as string[]).map((h, i) => `<th${i > 1 ? ' class="n"' : ''} scope="col">${e(h)}</th>`).join('')}</tr></thead>
<tbody>
${rest.map((r) => `<tr>${r.map((v, i) => (i === 0 ? `<th scope="row">${e(v)}</th>` : `<td${i > 1 ? ' class="n"' : ''}>${e(v)}</td>`)).join('')}</tr>`).join('\n')}
</tbody>
</table>
<p class="legend">${e(WEEK_NOTE)}</p>`);
  return htmlPage(title, parts.join('\n'));
}

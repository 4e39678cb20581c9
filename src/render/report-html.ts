import type { WeeklyReport } from '../domain/report.js';
import { prospectFirstText } from './outcomes.js';
import {
  asOfWords,
  dayOfMonth,
  daysOffWords,
  escapeHtml as e,
  longDay,
  meetingWords,
  paceWords,
  percentText,
  referralWords,
  streakWords,
  weekdayName,
  weekOver,
  weekSpan,
} from './report-common.js';

/**
 * Shared by the weekly and the team page. No script, no external resource: the policy tells the
 * browser so too, which also keeps a note that slipped through unescaped from running. `@page`
 * sets margins but no paper size, so the same page prints on A4 and on Letter.
 */
export function htmlPage(title: string, body: string, extraCss = ''): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${title}</title>
<style>
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6472; --line: #d5dae1; --done: #2f6fdb; --target: #e3e8ef; --flag: #b3261e; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0 auto; padding: 24px; max-width: 60rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
p.sub { color: var(--muted); margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
th { font-weight: 600; background: #f5f7fa; }
td.n, th.n { text-align: right; white-space: nowrap; }
th.off, td.off { background: #f0f0f0; color: var(--muted); }
td.note { overflow-wrap: anywhere; }
tr.flagged td { color: var(--flag); font-weight: 600; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
dt { font-weight: 600; }
dd { margin: 0; }
svg.chart { width: 100%; height: auto; display: block; }
svg.chart text { font: 12px system-ui, sans-serif; fill: var(--ink); }
svg.chart .target { fill: var(--target); stroke: #b8c1cc; }
svg.chart .done { fill: var(--done); }
svg.chart .over { fill: #1f8a4c; }
svg.chart .half { stroke: var(--flag); stroke-dasharray: 3 3; }
.legend { color: var(--muted); font-size: 12px; }
@page { margin: 14mm 12mm; }
@media print {
  body { padding: 0; max-width: none; font-size: 11pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2, table, svg.chart, dl { break-inside: avoid; page-break-inside: avoid; }
  tr { break-inside: avoid; }
  table { font-size: 9.5pt; }
  th, td { padding: 3px 4px; }
}
${extraCss}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

export interface ChartBar {
  label: string;
  done: number;
  target: number;
  caption: string;
  /** Whether the bar shows green as met; default: done reaches target. A rep's bar sums several
   * activities, where 200 emails can reach the sum while the calls fall short. */
  met?: boolean;
}

/**
 * A horizontal bar chart: each row a light target bar and a solid bar of what was done. Each row
 * has its own scale (the larger of done and target), so 5 meetings read as clearly against their
 * target as 200 calls do against theirs. Plain SVG inline in the page: no script, prints as vectors.
 */
export function barChart(bars: readonly ChartBar[], title: string, halfLine = false): string {
  const labelWidth = 140;
  const captionWidth = 130;
  const barArea = 420;
  const rowHeight = 28;
  const width = labelWidth + barArea + captionWidth;
  const height = bars.length * rowHeight + 8;
  const rows = bars.map((b, i) => {
    const y = 4 + i * rowHeight;
    const scale = Math.max(1, b.done, b.target ?? 0);
    const x = (n: number) => Math.round(((n * barArea) / scale) * 10) / 10;
    const target = `<rect class="target" x="${labelWidth}" y="${y + 2}" width="${x(b.target)}" height="18" rx="2"><title>target ${b.target}</title></rect>`;
    const over = b.met ?? (b.done >= b.target && b.target > 0);
    const half =
      halfLine && b.target > 0
        ? `<line class="half" x1="${labelWidth + x(b.target / 2)}" x2="${labelWidth + x(b.target / 2)}" y1="${y}" y2="${y + 22}"/>`
        : '';
    return `<g class="row" data-label="${e(b.label)}">
<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${e(b.label)}</text>
${target}<rect class="done${over ? ' over' : ''}" x="${labelWidth}" y="${y + 6}" width="${x(b.done)}" height="10" rx="2"><title>done ${b.done}</title></rect>${half}
<text x="${labelWidth + barArea + 8}" y="${y + 15}">${e(b.caption)}</text>
</g>`;
  });
  return `<svg class="chart" role="img" aria-label="${e(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">
<title>${e(title)}</title>
${rows.join('\n')}
</svg>`;
}

/** The grid: each activity by day, with its total, target and percent. */
function gridHtml(r: WeeklyReport): string {
  const head = r.days
    .map(
      (d) =>
        `<th class="n${d.dayOff ? ' off' : ''}" scope="col">${weekdayName(d.date)}<br>${dayOfMonth(d.date)}${d.dayOff ? '<br>off' : ''}</th>`,
    )
    .join('');
  const rows = r.activities
    .map((a) => {
      const cells = r.days
        .map(
          (d) =>
            `<td class="n${d.dayOff ? ' off' : ''}">${d.upcoming ? '' : (d.counts[a] ?? 0)}</td>`,
        )
        .join('');
      const target = r.targets[a];
      const pace = r.pace.find((p) => p.activity === a);
      return `<tr><th scope="row">${e(a)}</th>${cells}<td class="n">${r.totals[a] ?? 0}</td><td class="n">${target ?? ''}</td><td class="n">${pace ? `${pace.percent}%` : ''}</td></tr>`;
    })
    .join('\n');
  return `<table class="grid">\n<thead><tr><th scope="col">activity</th>${head}<th class="n" scope="col">total</th><th class="n" scope="col">target</th><th class="n" scope="col">%</th></tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
}

/** The notes, and the beliefs when the rep included them. */
function notesHtml(r: WeeklyReport): string[] {
  const parts: string[] = [];
  if (r.notes.length > 0) {
    const rows = r.notes
      .map(
        (n) =>
          `<tr><td>${e(longDay(n.date, false))}</td><td>${e(n.activity)}</td><td>${e([n.contact, n.client].filter(Boolean).join(', '))}</td><td class="note">${e(n.note)}</td></tr>`,
      )
      .join('\n');
    parts.push(
      `<h2>Notes</h2>\n<table class="notes">\n<thead><tr><th scope="col">day</th><th scope="col">activity</th><th scope="col">with</th><th scope="col">note</th></tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`,
    );
  }
  if (r.beliefs) {
    parts.push(
      `<h2>Beliefs and affirmations</h2>\n<ul>\n${r.beliefs.map((b) => `<li>${e(b.belief)} → <em>${e(b.affirmation)}</em></li>`).join('\n')}\n</ul>`,
    );
  }
  return parts;
}

/** The weekly report as one self-contained HTML page, to mail or print. */
export function renderReportHtml(r: WeeklyReport): string {
  const title = `Weekly report${r.rep ? `: ${e(r.rep)}` : ''}, ${r.week}`;
  const parts: string[] = [];
  parts.push(`<h1>${title}</h1>`);
  parts.push(
    `<p class="sub">${e(weekSpan(r.start, r.end))}, ${e(asOfWords(r))} · ${r.scoringDays} scoring day${r.scoringDays === 1 ? '' : 's'} · <strong>${e(percentText(r.percent))}</strong> of target</p>`,
  );

  if (r.pace.length > 0) {
    parts.push('<h2>Against target</h2>');
    parts.push(
      barChart(
        r.pace.map((p) => ({
          label: p.activity,
          done: p.done,
          target: p.target,
          caption: `${p.done} / ${p.target} · ${p.percent}%`,
        })),
        `Each activity against its target, ${r.week}`,
      ),
    );
    parts.push(
      '<p class="legend">Each row on its own scale. Light bar: the week\'s target. Solid bar: done (green once the target is met).</p>',
    );
  }
  if (r.activities.length > 0) {
    parts.push('<h2>Day by day</h2>');
    parts.push(gridHtml(r));
  } else {
    parts.push('<p>Nothing logged and no daily or weekly quota this week.</p>');
  }

  if (r.pace.length > 0) {
    const rows = r.pace
      .map(
        (p) =>
          `<tr><th scope="row">${e(p.activity)}</th><td>${p.per === 'day' ? 'daily' : 'weekly'}</td><td class="n">${p.done}</td><td class="n">${p.target}</td><td class="n">${p.expected}</td><td>${e(paceWords(p, weekOver(r)))}</td></tr>`,
      )
      .join('\n');
    parts.push(
      `<h2>Pace</h2>\n<table>\n<thead><tr><th scope="col">activity</th><th scope="col">quota</th><th class="n" scope="col">done</th><th class="n" scope="col">target</th><th class="n" scope="col">expected by now</th><th scope="col">pace</th></tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`,
    );
  }

  const off = daysOffWords(r);
  parts.push(`<h2>The week</h2>
<dl>
<dt>Streak</dt><dd>${e(streakWords(r.streak))}</dd>
<dt>Referral asks</dt><dd>${e(referralWords(r))}</dd>
<dt>Meetings by lead source</dt><dd>${e(meetingWords(r))}</dd>
<dt>Noes</dt><dd>${r.noes}</dd>
<dt>Prospected first</dt><dd>${e(prospectFirstText(r.prospectFirst))}</dd>${off ? `\n<dt>Days off</dt><dd>${e(off)}</dd>` : ''}
</dl>`);

  parts.push(...notesHtml(r));
  return htmlPage(title, parts.join('\n'));
}

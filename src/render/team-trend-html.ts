import type { TeamTrend } from '../domain/team-trend.js';
import { escapeHtml as e, percentText } from './report-common.js';
import { htmlPage } from './report-html.js';
import { lineChart, swatch } from './svg.js';
import { renderTeamHtml } from './team-html.js';
import { trendSummary, trendWords } from './team-trend.js';
import { axisLabels, CHART_CSS } from './trend-html.js';

/**
 * The team trend as one page: one line per rep on a shared chart (each rep its own dash pattern
 * and marker, so it reads in greyscale), the reps-by-weeks table, then the latest week in full.
 */
export function renderTeamTrendHtml(t: TeamTrend): string {
  const title = `Team trend, ${e(trendSummary(t))}`;
  const parts: string[] = [`<h1>${title}</h1>`];
  parts.push(
    '<p class="sub">Percent of target a week, each activity counting up to its target. A gap in a line: no report that week (missing, not 0).</p>',
  );
  parts.push(
    lineChart({
      title: '% of target per rep',
      labels: axisLabels(t.weeks),
      series: t.reps.map((r) => ({ name: r.rep, values: r.percent })),
      guide: 100,
      yMin: 100,
      unit: '%',
      height: 260,
    }),
  );
  parts.push(
    `<ul class="key">${t.reps.map((r, i) => `<li>${swatch(i)}${e(r.rep)} ${e(trendWords(r))}</li>`).join('')}</ul>`,
  );
  const head = t.weeks.map((w) => `<th class="n" scope="col">${e(w.slice(5))}</th>`).join('');
  const rows = t.reps
    .map(
      (r) =>
        `<tr><th scope="row">${e(r.rep)}</th>${t.weeks
          .map((_, i) =>
            r.missing[i]
              ? '<td class="n missing">missing</td>'
              : `<td class="n">${e(percentText(r.percent[i] ?? null))}</td>`,
          )
          .join('')}<td>${e(trendWords(r))}</td></tr>`,
    )
    .join('\n');
  const team = `<tr><th scope="row">team</th>${t.percent.map((p) => `<td class="n"><strong>${e(percentText(p))}</strong></td>`).join('')}<td></td></tr>`;
  parts.push(`<h2>Reps by weeks</h2>
<table class="trend">
<thead><tr><th scope="col">rep</th>${head}<th scope="col">trend</th></tr></thead>
<tbody>
${rows}
${team}
</tbody>
</table>
<p class="legend">Trend: the average of the latest weeks (up to 4) against as many weeks before; 5 points or more is rising or sliding.</p>`);
  // The latest week's page body, as `team` gives it for one week.
  const latest = renderTeamHtml(t.latest);
  const body = latest.slice(latest.indexOf('<body>') + 6, latest.lastIndexOf('</body>'));
  parts.push(
    `<section class="latest">${body.replace(/<h1>/, '<h2>').replace(/<\/h1>/, '</h2>')}</section>`,
  );
  return htmlPage(
    title,
    parts.join('\n'),
    `${CHART_CSS}td.missing { color: #5b6472; font-style: italic; }\ntable.trend td { white-space: nowrap; }\n`,
  );
}

import type { WeeklyReport } from '../domain/report.js';
import { activityPercent, type TrendReport } from '../domain/trend.js';
import { escapeHtml as e, percentText } from './report-common.js';
import { htmlPage } from './report-html.js';
import { lineChart } from './svg.js';
import { trendTitle, weekDates } from './trend.js';

/** Extra page rules for charts: small multiples three to a row, compact enough for one A4 page. */
export const CHART_CSS = `svg.trend text.title { font-weight: 600; }
svg.trend text.axis { font-size: 10px; fill: #5b6472; }
.multiples { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px 16px; }
table.weeks th, table.weeks td { white-space: nowrap; }
.swatch { vertical-align: middle; margin-right: 4px; }
ul.key { list-style: none; padding: 0; margin: .25rem 0; display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 12px; }
@media print {
  body { font-size: 9.5pt; }
  h1 { font-size: 14pt; }
  h2 { margin: .6rem 0 .3rem; }
  table { font-size: 7.5pt; }
  th, td { padding: 1px 4px; }
  .multiples, ul.key { break-inside: avoid; }
}
`;

/** Short week labels for an axis: `W47`, with the year on the first week and on each W01. */
export function axisLabels(weeks: readonly string[]): string[] {
  return weeks.map((w, i) => (i === 0 || w.endsWith('W01') ? w : w.slice(5)));
}

/**
 * The trend as one self-contained page: % of target per week, small multiples per activity (% of
 * its target where it has one, else counts), the weeks as a table. No script, nothing loaded.
 */
export function renderTrendHtml(t: TrendReport): string {
  const title = `Trend${t.rep ? `: ${e(t.rep)}` : ''}, ${e(trendTitle(t))}`;
  const labels = axisLabels(t.weeks.map((w) => w.week));
  const parts: string[] = [`<h1>${title}</h1>`];
  const last = t.weeks.at(-1) as WeeklyReport;
  parts.push(
    `<p class="sub">${last.asOf >= last.end ? 'Whole weeks' : `As of ${e(t.asOf)}`} · latest week <strong>${e(percentText(last.percent))}</strong> of target · each activity counts up to its target</p>`,
  );
  parts.push('<h2>Percent of target, week by week</h2>');
  parts.push(
    lineChart({
      title: '% of target',
      labels,
      series: [{ name: 'percent of target', values: t.weeks.map((w) => w.percent) }],
      guide: 100,
      yMin: 100,
      unit: '%',
      height: 150,
    }),
  );
  parts.push('<p class="legend">Dashed line: 100% of target. A gap: no target that week.</p>');
  if (t.activities.length > 0) {
    parts.push('<h2>Each activity</h2>\n<div class="multiples">');
    for (const a of t.activities) {
      const targeted = t.weeks.some((w) => w.targets[a] !== undefined);
      parts.push(
        lineChart({
          title: targeted ? `${a}, % of target` : `${a}, count`,
          labels,
          series: [
            {
              name: a,
              values: t.weeks.map((w) => (targeted ? activityPercent(w, a) : (w.totals[a] ?? 0))),
            },
          ],
          guide: targeted ? 100 : undefined,
          yMin: targeted ? 100 : 2,
          unit: targeted ? '%' : '',
          width: 300,
          height: 115,
          compact: true,
          cls: 'chart trend multiple',
        }),
      );
    }
    parts.push('</div>');
  }
  const head = t.activities.map((a) => `<th class="n" scope="col">${e(a)}</th>`).join('');
  const rows = t.weeks
    .map(
      (w) =>
        `<tr><th scope="row" title="${e(weekDates(w))}">${e(w.week)}</th><td class="n">${w.scoringDays}</td><td class="n">${e(percentText(w.percent))}</td><td class="n">${w.streak.daily.current}d</td>${t.activities
          .map((a) => {
            const target = w.targets[a];
            return `<td class="n">${w.totals[a] ?? 0}${target === undefined ? '' : `/${target}`}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('\n');
  parts.push(`<h2>Week by week</h2>
<table class="weeks">
<thead><tr><th scope="col">week</th><th class="n" scope="col">days</th><th class="n" scope="col">%</th><th class="n" scope="col">streak</th>${head}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p class="legend">Days: scoring days. Activity cells: done/target where there is a target. Streak: the daily streak at the week's end.</p>`);
  return htmlPage(title, parts.join('\n'), CHART_CSS);
}

import type { TeamReport } from '../domain/team.js';
import { teamFunnelNote, teamFunnelTable } from './outcomes.js';
import { escapeHtml as e, percentText, weekSpan } from './report-common.js';
import { barChart, htmlPage } from './report-html.js';
import { summaryWords, targetedDone, targetSum } from './team-text.js';

/** The team roll-up as one self-contained HTML page: a chart of each rep against target, the table. */
export function renderTeamHtml(t: TeamReport): string {
  const title = `Team roll-up, ${e(t.week)}`;
  const parts: string[] = [];
  parts.push(`<h1>${title}</h1>`);
  parts.push(
    `<p class="sub">${t.start && t.end ? `${e(weekSpan(t.start, t.end))} · ` : ''}${e(summaryWords(t))}</p>`,
  );
  parts.push('<h2>Each rep against target</h2>');
  parts.push(
    barChart(
      t.reps.map((r) => ({
        label: r.rep,
        done: targetedDone(r),
        target: targetSum(r.targets),
        caption: `${percentText(r.percent)}${r.flagged ? ' · below half' : ''}`,
        // Green only when every target is met: the percent is rounded down, so that is 100.
        met: r.percent !== null && r.percent >= 100,
      })),
      `Each rep against target, ${t.week}`,
      true,
    ),
  );
  parts.push(
    '<p class="legend">Each row on its own scale. Light bar: the week\'s target. Solid bar: done on targeted activities. Dashed line: half of target.</p>',
  );
  const head = t.activities.map((a) => `<th class="n" scope="col">${e(a)}</th>`).join('');
  const cell = (total: number, target: number | undefined) =>
    `<td class="n">${total}${target === undefined ? '' : `/${target}`}</td>`;
  const rows = t.reps
    .map(
      (r) =>
        `<tr${r.flagged ? ' class="flagged"' : ''}><td class="n">${r.rank}</td><th scope="row">${e(r.rep)}</th>${t.activities.map((a) => cell(r.totals[a] ?? 0, r.targets[a])).join('')}<td class="n">${percentText(r.percent)}</td><td class="n">${r.streak.daily}d</td><td class="n">${r.asked}</td><td class="n">${r.intros}</td><td>${r.flagged ? 'below half' : r.percent === null ? 'no target' : ''}</td></tr>`,
    )
    .join('\n');
  const team = `<tr><td></td><th scope="row">team</th>${t.activities.map((a) => cell(t.totals[a] ?? 0, t.targets[a])).join('')}<td class="n"><strong>${percentText(t.percent)}</strong></td><td></td><td class="n">${t.reps.reduce((n, r) => n + r.asked, 0)}</td><td class="n">${t.reps.reduce((n, r) => n + r.intros, 0)}</td><td></td></tr>`;
  parts.push(`<h2>Ranked by percent of target</h2>
<table>
<thead><tr><th class="n" scope="col">rank</th><th scope="col">rep</th>${head}<th class="n" scope="col">%</th><th class="n" scope="col">streak</th><th class="n" scope="col">asks</th><th class="n" scope="col">intros</th><th scope="col">flag</th></tr></thead>
<tbody>
${rows}
${team}
</tbody>
</table>
<p class="legend">Activity cells: done/target. % counts each activity up to its target.</p>`);
  const funnel = teamFunnelTable(t);
  if (funnel) {
    const [head = [], ...rest] = funnel;
    parts.push(`<h2>Funnel this week</h2>
<table>
<thead><tr>${head.map((h, i) => `<th${i ? ' class="n"' : ''} scope="col">${e(h)}</th>`).join('')}</tr></thead>
<tbody>
${rest.map(([rep = '', ...cells]) => `<tr><th scope="row">${e(rep)}</th>${cells.map((c) => `<td class="n">${e(c)}</td>`).join('')}</tr>`).join('\n')}
</tbody>
</table>`);
    const note = teamFunnelNote(funnel);
    if (note) parts.push(`<p class="legend">${e(note)}</p>`);
  }
  const withBeliefs = t.reps.filter((r) => r.beliefs && r.beliefs.length > 0);
  if (withBeliefs.length > 0) {
    parts.push(
      `<h2>Beliefs and affirmations (shared by the reps)</h2>\n<ul>\n${withBeliefs
        .flatMap((r) =>
          (r.beliefs ?? []).map(
            (b) => `<li>${e(r.rep)}: ${e(b.belief)} → <em>${e(b.affirmation)}</em></li>`,
          ),
        )
        .join('\n')}\n</ul>`,
    );
  }
  return htmlPage(title, parts.join('\n'));
}

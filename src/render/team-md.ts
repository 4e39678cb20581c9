import type { TeamReport } from '../domain/team.js';
import { teamFunnelNote, teamFunnelTable } from './outcomes.js';
import { escapeMd, percentText, weekSpan } from './report-common.js';
import { mdTable } from './report-md.js';
import { repFigures, summaryWords, targetedDone, targetSum } from './team-text.js';

/** The team roll-up as GitHub-flavoured Markdown. */
export function renderTeamMd(t: TeamReport): string {
  const out: string[] = [];
  out.push(`# Team roll-up, ${t.week}`);
  out.push('');
  out.push(`${t.start && t.end ? `${weekSpan(t.start, t.end)} · ` : ''}${summaryWords(t)}`);
  out.push('');
  const head = [
    'rank',
    'rep',
    ...t.activities,
    'done',
    'target',
    '%',
    'streak',
    'asks',
    'intros',
    'flag',
  ];
  const rows = t.reps.map((r) => [
    String(r.rank),
    r.flagged ? `**${escapeMd(r.rep)}**` : escapeMd(r.rep),
    ...t.activities.map((a) => {
      const target = r.targets[a];
      const total = r.totals[a] ?? 0;
      return target === undefined ? String(total) : `${total}/${target}`;
    }),
    ...repFigures(r, 'below half'),
  ]);
  rows.push([
    '',
    '**team**',
    ...t.activities.map((a) =>
      t.targets[a] === undefined ? String(t.totals[a] ?? 0) : `${t.totals[a] ?? 0}/${t.targets[a]}`,
    ),
    String(targetedDone(t)),
    String(targetSum(t.targets)),
    `**${percentText(t.percent)}**`,
    '',
    String(t.reps.reduce((n, r) => n + r.asked, 0)),
    String(t.reps.reduce((n, r) => n + r.intros, 0)),
    '',
  ]);
  const right = head.map((_, i) => i).filter((i) => i !== 1 && i !== head.length - 1);
  out.push(
    ...mdTable(
      head.map((h, i) => (i >= 2 && i < 2 + t.activities.length ? escapeMd(h) : h)),
      rows,
      right,
    ),
  );
  out.push('');
  out.push('Activity cells: done/target. % counts each activity up to its target.');
  const funnel = teamFunnelTable(t);
  if (funnel) {
    const [head = [], ...rest] = funnel;
    out.push('', '## Funnel this week', '');
    out.push(
      ...mdTable(
        head,
        rest.map(([rep = '', ...cells]) => [escapeMd(rep), ...cells]),
        [1, 2, 3, 4],
      ),
    );
    const note = teamFunnelNote(funnel);
    if (note) out.push('', `_${escapeMd(note)}_`);
  }
  const withBeliefs = t.reps.filter((r) => r.beliefs && r.beliefs.length > 0);
  if (withBeliefs.length > 0) {
    out.push('');
    out.push('## Beliefs and affirmations (shared by the reps)');
    out.push('');
    for (const r of withBeliefs) {
      for (const b of r.beliefs ?? []) {
        out.push(`- ${escapeMd(r.rep)}: ${escapeMd(b.belief)} → ${escapeMd(b.affirmation)}`);
      }
    }
  }
  return `${out.join('\n')}\n`;
}

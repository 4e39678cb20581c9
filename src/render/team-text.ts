import type { ChalkInstance } from 'chalk';
import { percentOf } from '../domain/report.js';
import type { TeamReport, TeamRow } from '../domain/team.js';
import { table } from './format.js';
import { teamFunnelNote, teamFunnelTable } from './outcomes.js';
import { clean, percentText, plural, weekSpan } from './report-common.js';
import { clip, WIDTH, wrap } from './report-text.js';

/** Done on the activities that carry a target: the number the percent is measured on. */
export function targetedDone(row: Pick<TeamRow, 'totals' | 'targets'>): number {
  let done = 0;
  for (const a of Object.keys(row.targets)) done += row.totals[a] ?? 0;
  return done;
}

/** A rep's row after the names: done, target, %, streak, asks, intros, and a note (`flagged`). */
export function repFigures(r: TeamRow, flagged: string): string[] {
  return [
    String(targetedDone(r)),
    String(targetSum(r.targets)),
    percentText(r.percent),
    `${r.streak.daily}d`,
    String(r.asked),
    String(r.intros),
    r.flagged ? flagged : r.percent === null ? 'no target' : '',
  ];
}

export function targetSum(targets: Readonly<Record<string, number>>): number {
  return Object.values(targets).reduce((a, b) => a + b, 0);
}

export function summaryWords(t: TeamReport): string {
  return `${plural(t.reps.length, 'rep')} · ${percentText(t.percent)} of target · ${t.flagged} below half`;
}

/** The team roll-up for a terminal: one line per rep, ranked, then the team's totals. */
export function renderTeamText(t: TeamReport, c: ChalkInstance): string {
  const out: string[] = [];
  out.push(c.bold(`Team roll-up · ${t.week}`));
  if (t.start && t.end) out.push(weekSpan(t.start, t.end));
  out.push(summaryWords(t));
  out.push('');
  const rows = [
    ['rank', 'rep', 'done', 'target', '%', 'streak', 'asks', 'intros', ''],
    ...t.reps.map((r) => [String(r.rank), clip(clean(r.rep), 18), ...repFigures(r, '< half')]),
  ];
  const lines = table(rows, [0, 2, 3, 4, 5, 6, 7]);
  out.push(lines[0] as string);
  t.reps.forEach((r, i) => {
    const line = lines[i + 1] as string;
    out.push(r.flagged ? c.red(line) : line);
  });
  out.push('done: activity on targeted activities; % counts each activity up to its target');
  out.push('');
  out.push(c.bold('Team totals'));
  const totals = [
    ['  activity', 'total', 'target', '%'],
    ...t.activities.map((a) => {
      const target = t.targets[a];
      const total = t.totals[a] ?? 0;
      return [
        `  ${clip(a, 16)}`,
        String(total),
        target === undefined ? '' : String(target),
        target === undefined ? '' : percentText(percentOf(total, target)),
      ];
    }),
  ];
  out.push(...table(totals, [1, 2, 3]));
  const funnel = teamFunnelTable(t);
  if (funnel) {
    out.push('');
    out.push(c.bold('Funnel this week'));
    out.push(
      ...table(
        funnel.map(([rep = '', ...rest]) => [`  ${clip(clean(rep), 18)}`, ...rest]),
        [1, 2, 3, 4],
      ),
    );
    const note = teamFunnelNote(funnel);
    if (note) out.push(...wrap('  ', note, WIDTH, 2).map((line) => c.dim(line)));
  }
  const withBeliefs = t.reps.filter((r) => r.beliefs && r.beliefs.length > 0);
  if (withBeliefs.length > 0) {
    out.push('');
    out.push(c.bold('Beliefs and affirmations (shared by the reps)'));
    for (const r of withBeliefs) {
      for (const b of r.beliefs ?? []) {
        out.push(
          ...wrap(
            `  ${clip(clean(r.rep), 24)}: `,
            `${clean(b.belief)} -> ${clean(b.affirmation)}`,
            WIDTH,
            4,
          ),
        );
      }
    }
  }
  return `${out.join('\n')}\n`;
}

import { describe, expect, it } from 'vitest';
import { parseIsoWeek, type Span } from '../../src/domain/dates.js';
import { buildWeeklyReport } from '../../src/domain/report.js';
import {
  buildTeamReport,
  type RepReport,
  readRepReport,
  TeamInputProblem,
} from '../../src/domain/team.js';
import { fixtureData } from '../reports-fixture.js';

function rep(name: string, scale: number, w = '2026-W47'): RepReport {
  const data = fixtureData();
  data.settings.name = name;
  for (const e of data.entries) e.count = Math.round(e.count * scale);
  const report = buildWeeklyReport(data, {
    week: parseIsoWeek(w) as Span,
    asOf: '2027-01-10',
    includeBeliefs: true,
  });
  return readRepReport(JSON.parse(JSON.stringify(report)));
}

describe('buildTeamReport', () => {
  it('ranks reps by percent of target, flags those below half and adds up the team', () => {
    const t = buildTeamReport([
      { file: 'b.json', report: rep('Blake', 0.4) },
      { file: 'a.json', report: rep('Avery', 1) },
      { file: 'c.json', report: rep('Casey', 2) },
    ]);
    expect(t.reps.map((r) => [r.rank, r.rep])).toEqual([
      [1, 'Casey'],
      [2, 'Avery'],
      [3, 'Blake'],
    ]);
    expect(t.reps.map((r) => r.flagged)).toEqual([false, false, true]);
    expect(t.flagged).toBe(1);
    expect(t.totals.call).toBe(t.reps.reduce((n, r) => n + (r.totals.call ?? 0), 0));
    expect(t.targets.call).toBe(3 * 140);
    expect(t.reps[2]?.percent).toBeLessThan(50);
  });

  it('refuses reports of different weeks, naming the file', () => {
    expect(() =>
      buildTeamReport([
        { file: 'a.json', report: rep('Avery', 1) },
        { file: 'b.json', report: rep('Blake', 1, '2026-W48') },
      ]),
    ).toThrow(/b\.json is a report of 2026-W48, but a\.json is of 2026-W47/);
  });

  it('refuses two reports of the same rep, which would count them twice', () => {
    expect(() =>
      buildTeamReport([
        { file: 'a.json', report: rep('Avery', 1) },
        { file: 'a2.json', report: rep('avery', 1) },
      ]),
    ).toThrow(TeamInputProblem);
  });

  it('names a rep without a name after the file, and leaves beliefs out unless asked', () => {
    const t = buildTeamReport([{ file: 'reports/jo.json', report: rep('', 1) }]);
    expect(t.reps[0]?.rep).toBe('jo');
    expect(JSON.stringify(t)).not.toContain('PRIVATE');
    const shared = buildTeamReport([{ file: 'jo.json', report: rep('Jo', 1) }], {
      includeBeliefs: true,
    });
    expect(JSON.stringify(shared)).toContain('PRIVATE-BELIEF');
  });
});

describe('readRepReport', () => {
  it('accepts a weekly report and refuses other documents', () => {
    expect(() => readRepReport({ schema: 'prospect.team-report/1' })).toThrow(/schema/);
    expect(() => readRepReport([])).toThrow(TeamInputProblem);
    const good = JSON.parse(JSON.stringify(rep('Avery', 1)));
    expect(readRepReport({ ...good, schema: 'prospect.weekly-report/1' }).rep).toBe('Avery');
  });
});

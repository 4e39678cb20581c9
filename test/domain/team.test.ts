import { describe, expect, it } from 'vitest';
import { parseIsoWeek, type Span } from '../../src/domain/dates.js';
import { buildWeeklyReport, overallPercent, percentOf } from '../../src/domain/report.js';
import {
  buildTeamReport,
  type RepReport,
  readRepReport,
  TeamInputProblem,
} from '../../src/domain/team.js';
import { renderTeamHtml } from '../../src/render/team-html.js';
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

describe('team percent (issue 11 point 13)', () => {
  /** A rep whose week is `done` calls against a target of `target`. */
  function calls(name: string, done: number, target: number): RepReport {
    const r = rep(name, 1);
    r.totals = { call: done };
    r.targets = { call: target };
    return r;
  }

  it('never shows 100% unless every target is met: 203 of 204 is 99%', () => {
    expect(overallPercent({ call: 203 }, { call: 204 })).toBe(99);
    expect(overallPercent({ call: 204 }, { call: 204 })).toBe(100);
    expect(overallPercent({ call: 1, email: 999 }, { call: 2, email: 200 })).toBe(99);
    expect(percentOf(203, 204)).toBe(99);
    const t = buildTeamReport([
      { file: 'a.json', report: calls('Avery', 203, 204) },
      { file: 'b.json', report: calls('Blake', 204, 204) },
    ]);
    expect(t.reps.map((r) => [r.rep, r.percent])).toEqual([
      ['Blake', 100],
      ['Avery', 99],
    ]);
    expect(t.percent).toBe(99);
  });

  it('draws no green "met" bar for a rep below 100%, even when the sum of activity reaches the target', () => {
    const short = rep('Avery', 1);
    short.totals = { call: 0, email: 400 };
    short.targets = { call: 200, email: 200 };
    const html = renderTeamHtml(
      buildTeamReport([
        { file: 'a.json', report: short },
        { file: 'b.json', report: calls('Blake', 204, 204) },
      ]),
    );
    const row = (name: string) =>
      html.match(new RegExp(`data-label="${name}">[\\s\\S]*?</g>`))?.[0];
    expect(row('Avery')).toMatch(/class="done"/);
    expect(row('Avery')).not.toMatch(/done over/);
    expect(row('Blake')).toMatch(/class="done over"/);
  });

  it('breaks a tie of shown percent by the exact figure, then by name', () => {
    const t = buildTeamReport([
      { file: 'a.json', report: calls('Abe', 991, 1000) }, // 99.1%
      { file: 'z.json', report: calls('Zed', 203, 204) }, // 99.5%
      { file: 'c.json', report: calls('Cy', 1982, 2000) }, // 99.1%, the same as Abe
    ]);
    expect(t.reps.map((r) => [r.rank, r.rep, r.percent])).toEqual([
      [1, 'Zed', 99],
      [2, 'Abe', 99],
      [3, 'Cy', 99],
    ]);
  });
});

describe('activities named like Object.prototype keys', () => {
  // A custom activity may be named `constructor` or `toString`; JSON may even hold `__proto__`.
  const raw = (rep: string, week: string) =>
    JSON.parse(
      `{"schema":"prospect.weekly-report/1","rep":"${rep}","week":"${week}",` +
        '"totals":{"call":1,"constructor":3,"__proto__":2},"targets":{"constructor":4,"toString":1},' +
        '"streak":{"daily":{"current":0}},"referrals":{"asked":0,"intros":0,"due":0}}',
    );

  it('counts them like any other activity, in a report and in the roll-up', () => {
    const a = readRepReport(raw('Ann', '2026-W47'));
    expect(Object.keys(a.totals)).toEqual(['call', 'constructor', '__proto__']);
    expect(a.totals.constructor).toBe(3);
    expect(a.totals.toString).toBeUndefined();
    expect(a.targets.constructor).toBe(4);
    expect(a.targets.hasOwnProperty).toBeUndefined();
    const t = buildTeamReport([
      { file: 'a.json', report: a },
      { file: 'b.json', report: readRepReport(raw('Bo', '2026-W47')) },
    ]);
    expect(t.activities).toEqual(['call', 'constructor', '__proto__', 'toString']);
    expect(JSON.parse(JSON.stringify(t.totals))).toEqual({
      call: 2,
      constructor: 6,
      ['__proto__']: 4,
      toString: 0,
    });
    expect(t.targets.constructor).toBe(8);
    expect(t.targets.toString).toBe(2);
    // 3 of 4 constructor calls, 0 of 1 toString: 3 of 5.
    expect(t.reps[0]?.percent).toBe(60);
  });
});

import { describe, expect, it } from 'vitest';
import { readRepReport } from '../../src/domain/team.js';
import { buildTeamTrend, readRepReports, trendOf } from '../../src/domain/team-trend.js';

describe('trendOf', () => {
  it('compares the latest weeks (up to 4) with as many before, 5 points being a trend', () => {
    // Latest 4: 80 90 100 110 (95) against 40 50 60 70 (55): +40.
    expect(trendOf([10, 40, 50, 60, 70, 80, 90, 100, 110])).toEqual({
      trend: 'rising',
      change: 40,
    });
    // Missing weeks are left out: 80 then 76 is -4, steady.
    expect(trendOf([80, null, 76])).toEqual({ trend: 'steady', change: -4 });
    expect(trendOf([80, 75])).toEqual({ trend: 'sliding', change: -5 });
    expect(trendOf([80, null])).toEqual({ trend: null, change: null });
  });
});

const report = (rep: string, week: string, calls: number) =>
  readRepReport({
    schema: 'prospect.weekly-report/1',
    rep,
    week,
    totals: { call: calls },
    targets: { call: 100 },
    streak: { daily: { current: 0, longest: 0 }, weekly: null },
    referrals: { asked: 0, intros: 0, due: 0 },
  });

describe('buildTeamTrend', () => {
  it('shows a rep missing in a week as null, not 0, and leaves the team total alone', () => {
    const t = buildTeamTrend([
      { file: 'a1', report: report('Ann', '2026-W47', 50) },
      { file: 'b1', report: report('Bo', '2026-W47', 100) },
      { file: 'a2', report: report('Ann', '2026-W48', 70) },
    ]);
    expect(t.weeks).toEqual(['2026-W47', '2026-W48']);
    expect(t.reps.find((r) => r.rep === 'Bo')).toMatchObject({
      percent: [100, null],
      missing: [false, true],
    });
    expect(t.totals).toEqual([{ call: 150 }, { call: 70 }]);
    expect(t.reporting).toEqual([2, 1]);
    // Ann alone in W48: 70 of 100.
    expect(t.percent).toEqual([75, 70]);
    expect(t.latest.week).toBe('2026-W48');
  });

  it('refuses the same rep twice in one week, names differing only in case too', () => {
    expect(() =>
      buildTeamTrend([
        { file: 'a1', report: report('Ann', '2026-W47', 50) },
        { file: 'a2', report: report('Ann', '2026-W48', 50) },
        { file: 'a3', report: report('ann', '2026-W48', 50) },
      ]),
    ).toThrow("a3 and a2 both hold ann's report of 2026-W48");
  });

  it('reads a trend report as its weeks and refuses one without weeks', () => {
    const weeks = [report('Ann', '2026-W47', 1), report('Ann', '2026-W48', 2)];
    const raw = JSON.parse(
      JSON.stringify({
        schema: 'prospect.trend-report/1',
        rep: 'Ann',
        weeks: weeks.map((w) => ({ ...w, schema: 'prospect.weekly-report/1' })),
      }),
    );
    expect(readRepReports(raw).map((r) => r.week)).toEqual(['2026-W47', '2026-W48']);
    expect(() => readRepReports({ schema: 'prospect.trend-report/1', weeks: [] })).toThrow(
      '"weeks"',
    );
  });
});

describe('the team trend percent', () => {
  it('rounds down like every percent, so a week shows 100% only when every target was met', () => {
    // 199 of 200 is 99.5%: the latest week's roll-up says 99, and so must the trend.
    const t = buildTeamTrend([
      { file: 'a1', report: report('Ann', '2026-W47', 100) },
      { file: 'a2', report: report('Ann', '2026-W48', 100) },
      { file: 'b2', report: report('Bo', '2026-W48', 99) },
    ]);
    expect(t.percent).toEqual([100, 99]);
    expect(t.percent.at(-1)).toBe(t.latest.percent);
  });
});

describe('team trend totals of activities named like Object.prototype keys', () => {
  it('adds up `constructor` and `toString` like any other activity', () => {
    const raw = (rep: string, week: string) =>
      JSON.parse(
        `{"schema":"prospect.weekly-report/1","rep":"${rep}","week":"${week}",` +
          '"totals":{"constructor":3,"toString":1},"targets":{"valueOf":2},' +
          '"streak":{"daily":{"current":0}},"referrals":{"asked":0,"intros":0,"due":0}}',
      );
    const t = buildTeamTrend([
      { file: 'a1', report: readRepReport(raw('Ann', '2026-W47')) },
      { file: 'b1', report: readRepReport(raw('Bo', '2026-W47')) },
      { file: 'a2', report: readRepReport(raw('Ann', '2026-W48')) },
    ]);
    expect(t.activities).toEqual(['constructor', 'toString', 'valueOf']);
    expect(t.totals.map((w) => JSON.parse(JSON.stringify(w)))).toEqual([
      { constructor: 6, toString: 2, valueOf: 0 },
      { constructor: 3, toString: 1, valueOf: 0 },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { parseIsoWeek, type Span } from '../../src/domain/dates.js';
import { type ActivityPace, buildWeeklyReport, overallPercent } from '../../src/domain/report.js';
import { paceWords } from '../../src/render/report-common.js';
import { emptyStore } from '../../src/store/schema.js';
import { fixtureData } from '../reports-fixture.js';

const week = (w: string) => parseIsoWeek(w) as Span;

describe('buildWeeklyReport', () => {
  it('counts a daily target on each scoring day with the target in force that day', () => {
    // call: 40 a day, 30 from Wed 18 Nov; Thu 19 is a day off; so 40 + 40 + 30 + 30.
    const r = buildWeeklyReport(fixtureData(), { week: week('2026-W47'), asOf: '2026-11-22' });
    expect(r.targets.call).toBe(140);
    expect(r.targets.email).toBe(80);
    expect(r.scoringDays).toBe(4);
  });

  it('counts the scoring days on which a daily quota was met, up to the as-of day', () => {
    // call: Mon 45/40 yes, Tue 38/40 no, Wed 31/30 yes, Fri 30/30 yes (Thu off): 3 of 4.
    // email 20 a day: Mon 18 no, Tue 20 yes, Wed 12 no, Fri 21 yes: 2 of 4.
    const r = buildWeeklyReport(fixtureData(), { week: week('2026-W47'), asOf: '2026-11-22' });
    expect(r.dailyMet).toEqual({ call: 3, email: 2 });
    expect(r.pace.find((p) => p.activity === 'call')).toMatchObject({ daysMet: 3, goalDays: 4 });
    // A weekly quota has neither.
    expect(r.pace.find((p) => p.activity === 'meeting')?.daysMet).toBeUndefined();
    const wed = buildWeeklyReport(fixtureData(), { week: week('2026-W47'), asOf: '2026-11-18' });
    expect(wed.pace.find((p) => p.activity === 'call')).toMatchObject({ daysMet: 2, goalDays: 3 });
    expect(paceWords(r.pace.find((p) => p.activity === 'call') as ActivityPace, true)).toBe(
      'met, 4 over · target met on 3 of 4 days',
    );
  });

  it('takes a weekly quota as is and leaves monthly and quarterly quotas out', () => {
    const r = buildWeeklyReport(fixtureData(), { week: week('2026-W47'), asOf: '2026-11-22' });
    expect(r.targets.meeting).toBe(5);
    expect(r.targets.social).toBeUndefined();
    expect(r.pace.map((p) => p.activity)).not.toContain('social');
  });

  it('handles 2026-W53, which runs into 2027, with New Year off', () => {
    const r = buildWeeklyReport(fixtureData(), { week: week('2026-W53'), asOf: '2027-01-05' });
    expect([r.start, r.end, r.week]).toEqual(['2026-12-28', '2027-01-03', '2026-W53']);
    expect(r.days.map((d) => d.date)).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
    expect(r.days[4]).toMatchObject({ dayOff: true, scoring: false, offReason: 'New Year' });
    expect(r.targets.call).toBe(4 * 30);
    // The 50 calls of Mon 4 Jan belong to the next week.
    expect(r.totals.call).toBe(30 + 35 + 1 + 30 + 12);
    expect(r.asOf).toBe('2027-01-03');
  });

  it('counts nothing dated after the as-of day, and marks the days still to come', () => {
    const r = buildWeeklyReport(fixtureData(), { week: week('2026-W47'), asOf: '2026-11-18' });
    expect(r.totals.call).toBe(42 + 3 + 38 + 31);
    expect(r.totals['linkedin-dm']).toBeUndefined();
    expect(r.days.filter((d) => d.upcoming).map((d) => d.date)).toEqual([
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
    ]);
    // Pace: by Wed the daily target asks for 40 + 40 + 30 of the week's 140.
    const call = r.pace.find((p) => p.activity === 'call');
    expect(call).toMatchObject({ expected: 110, done: 114, onPace: true, target: 140 });
    const meeting = r.pace.find((p) => p.activity === 'meeting');
    // 3 of 4 scoring days gone: 5 x 3 / 4.
    expect(meeting?.expected).toBe(3.75);
  });

  it('ignores quota changes dated after the as-of day', () => {
    const data = fixtureData();
    data.quotas.push({ activity: 'call', per: 'day', target: 100, from: '2026-11-20' });
    const before = buildWeeklyReport(data, { week: week('2026-W47'), asOf: '2026-11-18' });
    expect(before.targets.call).toBe(40 + 40 + 30 + 30);
    const after = buildWeeklyReport(data, { week: week('2026-W47'), asOf: '2026-11-22' });
    expect(after.targets.call).toBe(40 + 40 + 30 + 100);
  });

  it('adds up meetings by lead source, noes, asks and introductions of the week', () => {
    const r = buildWeeklyReport(fixtureData(), { week: week('2026-W47'), asOf: '2026-11-22' });
    expect(r.meetingsBySource).toEqual({
      self: 0,
      referral: 2,
      marketing: 1,
      event: 0,
      other: 0,
      unspecified: 1,
    });
    expect(r.noes).toBe(5);
    expect(r.referrals).toMatchObject({ asked: 1, intros: 1 });
    // Acme was asked on the 18th; Beta and Gamma were never asked and are past their first-ask day.
    expect(r.referrals.dueClients.sort()).toEqual(['Beta | Partners', 'Gamma']);
  });

  it('lists the week’s notes in day order', () => {
    const r = buildWeeklyReport(fixtureData(), { week: week('2026-W53'), asOf: '2027-01-03' });
    expect(r.notes.map((n) => n.date)).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-02',
    ]);
    expect(r.notes.find((n) => n.date === '2026-12-29')).toMatchObject({ contact: 'Eve' });
  });

  it('leaves beliefs out unless asked to include them', () => {
    const data = fixtureData();
    const without = buildWeeklyReport(data, { week: week('2026-W47'), asOf: '2026-11-22' });
    expect(without.beliefs).toBeUndefined();
    expect(JSON.stringify(without)).not.toContain('PRIVATE');
    const withThem = buildWeeklyReport(data, {
      week: week('2026-W47'),
      asOf: '2026-11-22',
      includeBeliefs: true,
    });
    expect(withThem.beliefs?.[0]?.belief).toContain('PRIVATE-BELIEF');
  });

  it('takes its streak as of the last day that counts', () => {
    const r = buildWeeklyReport(fixtureData(), { week: week('2026-W46'), asOf: '2026-11-22' });
    expect(r.streak.asOf).toBe('2026-11-15');
    expect(r.streak.daily.current).toBe(5);
  });

  it('has no rows for an empty store, and no percent without targets', () => {
    const r = buildWeeklyReport(emptyStore(), { week: week('2026-W47'), asOf: '2026-11-22' });
    expect(r.activities).toEqual([]);
    expect(r.percent).toBeNull();
    expect(r.days).toHaveLength(7);
  });
});

describe('overallPercent', () => {
  it('counts each activity only up to its target, so extra emails cannot hide missing calls', () => {
    expect(overallPercent({ email: 200, call: 0 }, { email: 50, call: 200 })).toBe(20);
    expect(overallPercent({ call: 300 }, { call: 200 })).toBe(100);
    expect(overallPercent({ call: 5 }, {})).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { addDay, parseIsoWeek, periodOf, type Span } from '../../src/domain/dates.js';
import { buildPeriodReport, parsePeriod, thursdayWeeks } from '../../src/domain/period.js';
import { buildWeeklyReport } from '../../src/domain/report.js';
import { buildTrendReport } from '../../src/domain/trend.js';
import type { Day, Period, StoreData, Weekday } from '../../src/domain/types.js';
import { emptyStore } from '../../src/store/schema.js';
import { prng } from '../helpers.js';
import { fixtureData } from '../reports-fixture.js';

const week = (w: string) => parseIsoWeek(w) as Span;

describe('buildTrendReport', () => {
  it('gives 12 weeks across the year boundary, 2026-W53 included, each as its weekly report', () => {
    const data = fixtureData();
    const t = buildTrendReport(data, { last: week('2027-W02'), count: 12, asOf: '2027-01-13' });
    expect(t.schema).toBe('prospect.trend-report/1');
    expect(t.weeks.map((w) => w.week)).toEqual([
      '2026-W44',
      '2026-W45',
      '2026-W46',
      '2026-W47',
      '2026-W48',
      '2026-W49',
      '2026-W50',
      '2026-W51',
      '2026-W52',
      '2026-W53',
      '2027-W01',
      '2027-W02',
    ]);
    for (const w of t.weeks) {
      // The same figures as `report` for that week, as of the same as-of day.
      expect(w).toEqual(buildWeeklyReport(data, { week: week(w.week), asOf: '2027-01-13' }));
    }
    const w53 = t.weeks[9];
    expect([w53?.start, w53?.end, w53?.totals.call, w53?.targets.call]).toEqual([
      '2026-12-28',
      '2027-01-03',
      108,
      120,
    ]);
    // The as-of day is Wednesday of the last week: Thursday on is still to come.
    expect(t.weeks[11]?.asOf).toBe('2027-01-13');
    expect(t.weeks[11]?.days.filter((d) => d.upcoming)).toHaveLength(4);
    expect(t.activities).toContain('linkedin-dm');
  });

  it('counts nothing dated after the as-of day in any week', () => {
    const t = buildTrendReport(fixtureData(), {
      last: week('2026-W53'),
      count: 2,
      asOf: '2026-12-29',
    });
    // Mon 28 Dec 30 calls and Tue 29 Dec 35 + 1: the rest of W53 has not happened yet.
    expect(t.weeks[1]?.totals.call).toBe(66);
  });
});

/**
 * A small random store: a few months of entries (notes, timed ones, meetings by source, asks of
 * clients, some dated after the as-of day), daily and weekly quota changes (some mid-week, some
 * ended, some after the as-of day), days off, changed workdays, clients with wins and snoozes.
 */
function randomStore(seed: number): { data: StoreData; asOf: Day } {
  const r = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)] as T;
  const data = emptyStore();
  data.settings.name = `Rep ${seed}`;
  const from = addDay('2025-11-03', int(0, 300));
  const length = int(20, 200);
  const asOf = addDay(from, length);
  const days: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  data.settings.workdays = [
    { from: null, days: days.filter(() => r() < 0.7) },
    { from: addDay(from, int(0, length)), days: days.filter(() => r() < 0.7) },
  ];
  const activities = ['call', 'email', 'meeting', 'referral-ask', 'referral', 'rejection', 'demo'];
  const clients = ['Acme', 'Birch & Co', 'Cobalt'];
  for (const name of clients) {
    data.clients.push({
      name,
      since: addDay(from, int(-60, length)),
      wins: r() < 0.5 ? [{ date: addDay(from, int(0, length)) }] : [],
      ...(r() < 0.3
        ? { snoozeUntil: addDay(asOf, int(-20, 20)), snoozedOn: addDay(from, int(0, length)) }
        : {}),
    });
  }
  const busy = 0.3 + r() * 0.6;
  let id = 0;
  for (let i = 0; i <= length + 6; i++) {
    const date = addDay(from, i);
    if (r() < 0.05) data.daysOff.push(r() < 0.5 ? { date, reason: 'off' } : { date });
    for (const activity of activities) {
      if (r() >= busy) continue;
      const e: StoreData['entries'][number] = { id: `e${id++}`, date, activity, count: int(0, 6) };
      if (r() < 0.3) e.time = `${String(int(7, 12)).padStart(2, '0')}:${pick(['00', '15', '45'])}`;
      if (r() < 0.2) e.note = `note ${id}`;
      if (activity === 'meeting' && r() < 0.7)
        e.source = pick(['self', 'referral', 'marketing', 'event', 'other'] as const);
      if (activity === 'referral-ask' && r() < 0.8) {
        e.client = pick(clients);
        e.outcome = pick(['intro', 'later', 'declined'] as const);
      }
      data.entries.push(e);
    }
  }
  // Backdated entries, logged later: the log is not quite in date order.
  for (let i = 0; i < 5; i++) {
    data.entries.push({
      id: `e${id++}`,
      date: addDay(from, int(0, length)),
      activity: pick(activities),
      count: int(1, 3),
      note: 'late',
    });
  }
  for (let i = int(1, 7); i > 0; i--) {
    data.quotas.push({
      activity: pick(['call', 'email', 'meeting', 'demo']),
      per: pick<Period>(['day', 'day', 'week', 'week', 'month']),
      target: r() < 0.15 ? null : int(1, 5),
      from: addDay(from, int(-20, length + 10)),
    });
  }
  if (!data.activities.includes('demo')) data.activities.push('demo');
  return { data, asOf };
}

describe('buildTrendReport from one sweep', () => {
  it('equals separate buildWeeklyReport calls on random small stores', () => {
    let streaks = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const { data, asOf } = randomStore(seed);
      const r = prng(seed + 1000);
      // Usually the as-of week, sometimes an earlier one (the weeks then all end before as-of).
      const last = periodOf(
        'week',
        r() < 0.7 ? asOf : addDay(asOf, -7 * (1 + Math.floor(r() * 4))),
      );
      const count = 2 + Math.floor(r() * 12);
      const t = buildTrendReport(data, { last, count, asOf });
      expect(t.weeks, `seed ${seed}`).toHaveLength(count);
      for (const w of t.weeks) {
        expect(w, `seed ${seed} ${w.week}`).toEqual(
          buildWeeklyReport(data, { week: { start: w.start, end: w.end }, asOf }),
        );
        if (w.streak.daily.current > 0 || (w.streak.weekly?.current ?? 0) > 0) streaks++;
      }
    }
    // Streaks still going at a week's end must come up, or the sweep's checkpoints go untested.
    expect(streaks).toBeGreaterThanOrEqual(50);
  });
});

/**
 * A hand-worked quarter, 2026-Q4 (Thu 1 Oct to Thu 31 Dec), Monday to Friday:
 * 66 weekdays, less 3 days off (Thu 26 and Fri 27 Nov, Fri 25 Dec) = 63 scoring days.
 * call 10 a day, 20 a day from Mon 16 Nov: 32 scoring days x 10 + 31 x 20 = 940.
 * meeting 3 a week: 14 weeks have their Thursday inside (1 Oct ... 31 Dec) = 42.
 * social 12 a month: 3 months = 36. email 100 a quarter: 100.
 */
function quarterStore(): StoreData {
  const data = emptyStore();
  data.settings.name = 'Robin';
  data.quotas = [
    { activity: 'call', per: 'day', target: 10, from: '2026-10-01' },
    { activity: 'meeting', per: 'week', target: 3, from: '2026-10-01' },
    { activity: 'social', per: 'month', target: 12, from: '2026-10-01' },
    { activity: 'email', per: 'quarter', target: 100, from: '2026-10-01' },
    { activity: 'call', per: 'day', target: 20, from: '2026-11-16' },
  ];
  data.daysOff = [{ date: '2026-11-26' }, { date: '2026-11-27' }, { date: '2026-12-25' }];
  const entry = (id: string, date: string, activity: string, count: number) => ({
    id,
    date,
    activity,
    count,
  });
  data.entries = [
    entry('a', '2026-09-30', 'meeting', 2),
    entry('b', '2026-10-01', 'meeting', 4),
    entry('c', '2026-10-05', 'call', 50),
    entry('d', '2026-11-20', 'email', 10),
    entry('e', '2026-12-01', 'social', 5),
    entry('f', '2026-12-31', 'call', 30),
    entry('g', '2027-01-01', 'call', 99),
  ];
  return data;
}

describe('buildPeriodReport', () => {
  const q4 = parsePeriod('quarter', '2026-Q4') as Span;

  it('parses months and quarters, and refuses what is not one', () => {
    expect(parsePeriod('month', '2026-11')).toEqual({ start: '2026-11-01', end: '2026-11-30' });
    expect(q4).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(parsePeriod('quarter', '2026-q1')).toEqual({ start: '2026-01-01', end: '2026-03-31' });
    expect(parsePeriod('month', '2026-13')).toBeNull();
    expect(parsePeriod('quarter', '2026-Q5')).toBeNull();
  });

  it('counts the weeks whose Thursday falls inside', () => {
    const weeks = thursdayWeeks(q4);
    expect(weeks).toHaveLength(14);
    expect(weeks[0]).toEqual({ start: '2026-09-28', end: '2026-10-04' });
    expect(weeks.at(-1)).toEqual({ start: '2026-12-28', end: '2027-01-03' });
    // November 2026: Thursdays 5, 12, 19 and 26; W44 (Thu 29 Oct) and W49 (Thu 3 Dec) are out.
    expect(thursdayWeeks(parsePeriod('month', '2026-11') as Span).map((w) => w.start)).toEqual([
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
    ]);
  });

  it('a whole quarter with a mid-quarter quota change and days off, worked by hand', () => {
    const p = buildPeriodReport(quarterStore(), { kind: 'quarter', span: q4, asOf: '2027-01-10' });
    expect(p.schema).toBe('prospect.period-report/1');
    expect([p.period, p.start, p.end, p.running]).toEqual([
      '2026-Q4',
      '2026-10-01',
      '2026-12-31',
      false,
    ]);
    expect(p.scoringDays).toBe(63);
    expect(p.targets).toEqual({ call: 940, email: 100, social: 36, meeting: 42 });
    // The meetings of 30 Sep and the calls of 1 Jan lie outside.
    expect(p.totals).toEqual({ call: 80, email: 10, social: 5, meeting: 4 });
    // Each activity up to its target: (80 + 10 + 5 + 4) / 1118 = 8.9%, rounded down.
    expect(p.percent).toBe(8);
    expect(p.weeks).toHaveLength(14);
  });

  it('paces a running quarter by the share of each quota period gone', () => {
    const p = buildPeriodReport(quarterStore(), { kind: 'quarter', span: q4, asOf: '2026-11-20' });
    expect(p.running).toBe(true);
    // Oct 22 + 2..20 Nov 15 scoring days.
    expect(p.scoringDaysElapsed).toBe(37);
    const line = (a: string) => p.lines.find((l) => l.activity === a);
    // call: 32 days x 10, then 16..20 Nov 5 x 20.
    expect(line('call')).toMatchObject({ done: 50, target: 940, expected: 420, onPace: false });
    // meeting: W40 .. W47 are over by Fri 20 Nov, W48 has not started: 8 x 3.
    expect(line('meeting')).toMatchObject({ done: 4, target: 42, expected: 24 });
    // social: October's 12, and 15 of November's 19 scoring days: 12 + 12 x 15/19.
    expect(line('social')?.expected).toBe(21.47);
    // email: 100 x 37/63.
    expect(line('email')?.expected).toBe(58.73);
  });

  it('leaves a quarterly quota out of a month, and counts a monthly one once', () => {
    const nov = parsePeriod('month', '2026-11') as Span;
    const p = buildPeriodReport(quarterStore(), { kind: 'month', span: nov, asOf: '2026-12-05' });
    // call: 2..13 Nov 10 days x 10, then 9 scoring days x 20.
    expect(p.targets).toEqual({ call: 280, social: 12, meeting: 12 });
    expect(p.lines.find((l) => l.activity === 'email')).toMatchObject({ done: 10, target: null });
    expect(p.byWeek.map((w) => w.week)).toEqual([
      '2026-W44',
      '2026-W45',
      '2026-W46',
      '2026-W47',
      '2026-W48',
      '2026-W49',
    ]);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { Calendar } from '../../src/domain/calendar.js';
import { addDay, eachDay, weekdayOf } from '../../src/domain/dates.js';
import { progress, QuotaBook, Tally } from '../../src/domain/quotas.js';
import { analyse, heatmapStart, streaks } from '../../src/domain/streak.js';
import type { Day } from '../../src/domain/types.js';
import { type History, inputsOf } from './streak-fixture.js';

// November 2026: Mon 2, 9, 16, 23; Fri 6, 13, 20; Sat 21, Sun 22.
const CALLS_10: History['quotas'] = [['2026-11-02', 'call', 10, 'day']];

function run(h: History) {
  return streaks(inputsOf(h));
}

describe('daily streak', () => {
  it('skips the weekend between two met workdays', () => {
    const log: History['log'] = [
      ['2026-11-20', 'call', 10],
      ['2026-11-23', 'call', 10],
    ];
    expect(run({ asOf: '2026-11-23', quotas: CALLS_10, log }).daily).toMatchObject({
      current: 2,
      longest: 2,
      currentStart: '2026-11-20',
    });
    // On the Sunday itself the Friday still holds: non-scoring days neither count nor break.
    expect(run({ asOf: '2026-11-22', quotas: CALLS_10, log }).daily.current).toBe(1);
  });

  it('skips a day off in the middle, and breaks on the same day when it is not off', () => {
    const log: History['log'] = ['16', '17', '19', '20'].map((d) => [`2026-11-${d}`, 'call', 10]);
    const withOff = run({ asOf: '2026-11-20', quotas: CALLS_10, log, off: ['2026-11-18'] });
    expect(withOff.daily).toMatchObject({ current: 4, longest: 4, currentStart: '2026-11-16' });
    const without = run({ asOf: '2026-11-20', quotas: CALLS_10, log });
    expect(without.daily).toMatchObject({ current: 2, longest: 2, longestEnd: '2026-11-20' });
  });

  it('counts Saturday activity in the totals but not in the daily streak', () => {
    const h: History = {
      asOf: '2026-11-23',
      quotas: [...(CALLS_10 ?? []), ['2026-11-02', 'meeting', 2, 'week']],
      log: [
        ['2026-11-19', 'call', 10],
        // Friday missed: Saturday's calls do not make up for it.
        ['2026-11-21', 'call', 30],
        ['2026-11-21', 'meeting', 2],
      ],
    };
    const s = run(h);
    expect(s.daily.current).toBe(0);
    expect(s.daily.longest).toBe(1);
    // ...but they count in the week's totals: the weekly quota of that week is met by them.
    expect(s.weekly).toMatchObject({ current: 1, longestEnd: '2026-11-22' });
    const i = inputsOf(h);
    const week = progress(
      { activity: 'call', per: 'week', target: 1, from: '2026-11-02' },
      '2026-11-22',
      i.tally,
      i.calendar,
    );
    expect(week.done).toBe(40);
    // With Saturday made a workday, it is a scoring day and does count.
    const sixDays = run({ ...h, workdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] });
    expect(sixDays.daily.current).toBe(1);
    expect(sixDays.daily.currentStart).toBe('2026-11-21');
  });

  it('keeps the old target for past days when a quota is raised mid-streak', () => {
    const quotas: History['quotas'] = [...(CALLS_10 ?? []), ['2026-11-23', 'call', 20, 'day']];
    const log: History['log'] = [
      ['2026-11-18', 'call', 10],
      ['2026-11-19', 'call', 12],
      ['2026-11-20', 'call', 10],
      ['2026-11-23', 'call', 12],
    ];
    // Raised from today: today is not met yet, and that does not break yesterday's streak.
    expect(run({ asOf: '2026-11-23', quotas, log }).daily).toMatchObject({
      current: 3,
      longest: 3,
    });
    expect(run({ asOf: '2026-11-23', quotas, log }).activities.call?.target).toBe(20);
    // Once today is over unmet, the next day starts from zero.
    expect(run({ asOf: '2026-11-24', quotas, log }).daily.current).toBe(0);
    // Met at the new target, today extends the run.
    const met: History['log'] = [...log, ['2026-11-23', 'call', 8]];
    expect(run({ asOf: '2026-11-23', quotas, log: met }).daily.current).toBe(4);
    // Had the raise been in force all along, the same history would be a one-day run.
    const always: History['quotas'] = [['2026-11-02', 'call', 20, 'day']];
    expect(run({ asOf: '2026-11-23', quotas: always, log: met }).daily.longest).toBe(1);
  });

  it('with no daily quota, counts days when anything was logged', () => {
    const log: History['log'] = [
      ['2026-11-19', 'email', 1],
      ['2026-11-20', 'rejection', 3],
      ['2026-11-23', 'call', 1],
    ];
    const s = run({ asOf: '2026-11-24', log });
    expect(s.daily).toMatchObject({ current: 3, longest: 3, longestEnd: '2026-11-23' });
    expect(s.weekly).toBeNull();
    expect(s.activities).toEqual({});
    // A weekly quota alone does not make a daily one: days still count when anything was logged.
    const weekly = run({ asOf: '2026-11-24', log, quotas: [['2026-11-02', 'call', 50, 'week']] });
    expect(weekly.daily.current).toBe(3);
    expect(weekly.weekly).not.toBeNull();
  });

  it('starts with a history that starts today', () => {
    const asOf = '2026-11-23';
    const empty = run({ asOf });
    expect(empty).toEqual({
      asOf,
      daily: { current: 0, longest: 0, currentStart: null, longestStart: null, longestEnd: null },
      weekly: null,
      activities: {},
    });
    const quotas: History['quotas'] = [[asOf, 'call', 10, 'day']];
    const started = run({ asOf, quotas, log: [[asOf, 'call', 4]] });
    expect(started.daily).toMatchObject({ current: 0, longest: 0 });
    const done = run({ asOf, quotas, log: [[asOf, 'call', 10]] });
    expect(done.daily).toMatchObject({ current: 1, longest: 1, longestEnd: asOf });
    expect(done.activities.call).toMatchObject({ current: 1, longest: 1, target: 10 });
  });

  it('answers as of a past date: later entries and later quota changes do not count', () => {
    const h: History = {
      asOf: '2026-11-13',
      quotas: [
        ...(CALLS_10 ?? []),
        ['2026-11-16', 'email', 5, 'day'],
        ['2026-11-16', 'meeting', 3, 'week'],
        ['2026-11-16', 'call', 50, 'day'],
      ],
      log: ['09', '10', '11', '12', '13', '16', '17'].map((d) => [`2026-11-${d}`, 'call', 10]),
    };
    const past = run(h);
    expect(past.asOf).toBe('2026-11-13');
    expect(past.daily).toMatchObject({ current: 5, longest: 5, longestEnd: '2026-11-13' });
    expect(past.weekly).toBeNull();
    expect(Object.keys(past.activities)).toEqual(['call']);
    expect(past.activities.call?.target).toBe(10);
    // The same store a week on: the raise and the new quotas apply from the 16th.
    const later = run({ ...h, asOf: '2026-11-17' });
    expect(later.daily).toMatchObject({ current: 0, longest: 5 });
    expect(Object.keys(later.activities)).toEqual(['call', 'email']);
  });

  it('runs across a year boundary, through 2026-W53', () => {
    const days = [...eachDay('2026-12-28', '2027-01-08')].filter((d) =>
      ['mon', 'tue', 'wed', 'thu', 'fri'].includes(weekdayOf(d)),
    );
    const h: History = {
      asOf: '2027-01-08',
      quotas: [
        ['2026-12-01', 'call', 5, 'day'],
        ['2026-12-01', 'meeting', 1, 'week'],
      ],
      log: [
        ...days.map((d): [Day, string, number] => [d, 'call', 5]),
        ['2026-12-23', 'meeting', 1],
        ['2027-01-02', 'meeting', 1],
        ['2027-01-04', 'meeting', 1],
      ],
    };
    const s = run(h);
    expect(s.daily).toMatchObject({ current: 10, currentStart: '2026-12-28' });
    // W52 (from Dec 21), W53 (Dec 28 to Jan 3, met on the Saturday) and 2027-W01.
    expect(s.weekly).toMatchObject({ current: 3, longest: 3, currentStart: '2026-12-21' });
    expect(run({ ...h, asOf: '2027-01-03' }).weekly).toMatchObject({
      current: 2,
      longestEnd: '2027-01-03',
    });
  });

  it('names the most recent run when two runs tie for the longest', () => {
    const log: History['log'] = ['03', '04', '06', '09'].map((d) => [`2026-11-${d}`, 'call', 10]);
    const s = run({ asOf: '2026-11-10', quotas: CALLS_10, log });
    // Runs: 3-4 (2 days), 6-9 (2 days, the weekend skipped).
    expect(s.daily).toMatchObject({
      current: 2,
      longest: 2,
      longestStart: '2026-11-06',
      longestEnd: '2026-11-09',
    });
  });
});

describe('per-activity daily streaks', () => {
  it('keeps a streak per activity with a daily quota, so calls show even when email slipped', () => {
    const quotas: History['quotas'] = [
      ...(CALLS_10 ?? []),
      ['2026-11-02', 'email', 5, 'day'],
      ['2026-11-02', 'meeting', 2, 'week'],
    ];
    const log: History['log'] = ['16', '17', '18', '19', '20'].flatMap(
      (d): [Day, string, number][] => [
        [`2026-11-${d}`, 'call', 10],
        [`2026-11-${d}`, 'email', d === '19' ? 2 : 5],
      ],
    );
    const s = run({ asOf: '2026-11-20', quotas, log });
    expect(s.daily.current).toBe(1);
    expect(s.activities.call).toMatchObject({ current: 5, longest: 5, target: 10 });
    expect(s.activities.email).toMatchObject({ current: 1, longest: 3, target: 5 });
    expect(Object.keys(s.activities)).toEqual(['call', 'email']);
  });

  it('counts days with any of the activity where it had no daily quota, like the daily rule', () => {
    const quotas: History['quotas'] = [
      ['2026-11-18', 'call', 10, 'day'],
      ['2026-11-20', 'call', null, 'day'],
    ];
    const log: History['log'] = [
      ['2026-11-16', 'call', 1],
      ['2026-11-17', 'call', 1],
      ['2026-11-18', 'call', 10],
      ['2026-11-19', 'call', 10],
      ['2026-11-20', 'call', 1],
      ['2026-11-20', 'email', 1],
    ];
    const s = run({ asOf: '2026-11-20', quotas, log });
    expect(s.activities.call).toMatchObject({ current: 5, target: null });
  });
});

describe('weekly streak', () => {
  const quotas: History['quotas'] = [['2026-11-02', 'meeting', 3, 'week']];

  it('is met by the sum of the week; the as-of week not met yet breaks nothing', () => {
    const log: History['log'] = [
      ['2026-11-02', 'meeting', 1],
      ['2026-11-06', 'meeting', 2],
      ['2026-11-10', 'meeting', 3],
      ['2026-11-16', 'meeting', 1],
    ];
    expect(run({ asOf: '2026-11-18', quotas, log }).weekly).toMatchObject({
      current: 2,
      longest: 2,
      currentStart: '2026-11-02',
      longestEnd: '2026-11-15',
    });
    // The week over, short by two: broken.
    expect(run({ asOf: '2026-11-23', quotas, log }).weekly).toMatchObject({
      current: 0,
      longest: 2,
    });
  });

  it('skips a week with no scoring days', () => {
    const log: History['log'] = [
      ['2026-11-02', 'meeting', 3],
      ['2026-11-16', 'meeting', 3],
    ];
    const off = [...eachDay('2026-11-09', '2026-11-13')];
    expect(run({ asOf: '2026-11-20', quotas, log, off }).weekly?.current).toBe(2);
    expect(run({ asOf: '2026-11-20', quotas, log }).weekly?.current).toBe(1);
  });

  it('before any weekly quota existed, a week with anything logged is met', () => {
    const log: History['log'] = [
      ['2026-10-20', 'call', 1],
      ['2026-10-27', 'email', 1],
      ['2026-11-02', 'meeting', 3],
    ];
    expect(run({ asOf: '2026-11-06', quotas, log }).weekly).toMatchObject({
      current: 3,
      currentStart: '2026-10-19',
    });
  });

  it('judges a week by the weekly quotas in force on its last day', () => {
    const raised: History['quotas'] = [...(quotas ?? []), ['2026-11-13', 'meeting', 5, 'week']];
    const log: History['log'] = [['2026-11-10', 'meeting', 4]];
    expect(run({ asOf: '2026-11-15', quotas: raised, log }).weekly?.current).toBe(0);
    expect(run({ asOf: '2026-11-15', quotas, log }).weekly?.current).toBe(1);
  });
});

describe('heatmap days', () => {
  it('scores each day from the window start to the end of the as-of week', () => {
    const h = inputsOf({
      asOf: '2026-11-18',
      quotas: [...(CALLS_10 ?? []), ['2026-11-02', 'email', 4, 'day']],
      log: [
        ['2026-11-16', 'call', 10],
        ['2026-11-16', 'email', 4],
        ['2026-11-17', 'call', 5],
        ['2026-11-14', 'call', 3],
      ],
      off: ['2026-11-13'],
    });
    const { days } = analyse(h, heatmapStart(h));
    expect(days.length % 7).toBe(0);
    expect(days.length / 7).toBeGreaterThanOrEqual(12);
    expect(weekdayOf(days[0]?.date as Day)).toBe('mon');
    expect(days.at(-1)?.date).toBe('2026-11-22');
    const byDate = new Map(days.map((d) => [d.date, d]));
    expect(byDate.get('2026-11-16')).toMatchObject({ met: true, share: 1, quotas: 2 });
    expect(byDate.get('2026-11-17')).toMatchObject({ met: false, share: 0.25 });
    expect(byDate.get('2026-11-13')).toMatchObject({ dayOff: true, scoring: false });
    expect(byDate.get('2026-11-14')).toMatchObject({ workday: false, logged: true });
    expect(byDate.get('2026-11-19')).toMatchObject({ future: true });
    expect(byDate.get('2026-10-05')).toMatchObject({ untracked: true });
  });

  it('shows at least 12 weeks and at most 26, starting with the history when it fits', () => {
    const short = inputsOf({ asOf: '2026-11-18', log: [['2026-11-17', 'call', 1]] });
    expect(heatmapStart(short)).toBe(addDay('2026-11-16', -77));
    const mid = inputsOf({ asOf: '2026-11-18', log: [['2026-07-01', 'call', 1]] });
    expect(heatmapStart(mid)).toBe('2026-06-29');
    const long = inputsOf({ asOf: '2026-11-18', log: [['2024-01-01', 'call', 1]] });
    expect(heatmapStart(long)).toBe(addDay('2026-11-16', -175));
  });
});

describe('cost', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('computes five years of daily data in one sweep: no per-day quota lookups or re-summing', () => {
    const start = '2021-11-01';
    const asOf = '2026-10-30';
    const entries = [];
    let n = 0;
    for (const date of eachDay(start, asOf)) {
      entries.push({ id: `c${n++}`, date, activity: 'call', count: 20 });
      entries.push({ id: `e${n++}`, date, activity: 'email', count: 10 });
    }
    const changes = [];
    for (let year = 2021; year <= 2026; year++) {
      changes.push({
        activity: 'call',
        per: 'day' as const,
        target: 10 + year - 2021,
        from: `${year}-11-01`,
      });
      changes.push({ activity: 'meeting', per: 'week' as const, target: 1, from: `${year}-12-01` });
    }
    const days = [...eachDay(start, asOf)].length;
    const quotas = new QuotaBook(changes);
    const tally = new Tally(entries);
    const calendar = new Calendar(['mon', 'tue', 'wed', 'thu', 'fri'], []);

    // Every method of the three classes the sweep uses, spied on. Only two may be called once a
    // day; any other method called more than a couple of times is a lookup repeated per day.
    const spies = new Map<string, ReturnType<typeof vi.spyOn>>();
    for (const cls of [QuotaBook, Tally, Calendar] as const) {
      const proto = cls.prototype as unknown as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        if (name === 'constructor' || typeof proto[name] !== 'function') continue;
        spies.set(`${cls.name}.${name}`, vi.spyOn(proto as never, name as never));
      }
    }
    // The sweep runs Monday 2021-11-01 .. Sunday 2026-11-01: the as-of Friday's week to its end.
    const swept = days + 2;

    const s = streaks({ asOf, quotas, tally, calendar });

    expect(s.daily.current).toBeGreaterThan(1000);
    const calls = Object.fromEntries(
      [...spies].map(([name, spy]) => [name, spy.mock.calls.length]),
    );
    // Each day's counts are fetched once (up to the as-of day), and each day of the sweep is checked
    // against the calendar once: a second pass, or a per-day lookup besides these, changes the counts.
    expect(calls['Tally.onDay']).toBe(days);
    expect(calls['Calendar.isScoringOn']).toBe(swept);
    // isScoringOn asks isWorkdayOn: the same once a day.
    expect(calls['Calendar.isWorkdayOn']).toBe(swept);
    expect(calls['QuotaBook.timeline']).toBe(1);
    const perDay = ['Tally.onDay', 'Calendar.isScoringOn', 'Calendar.isWorkdayOn'];
    const others = Object.entries(calls).filter(([name, n]) => !perDay.includes(name) && n > 2);
    expect(others).toEqual([]);
    expect(spies.size).toBeGreaterThan(10);
  });
});

import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/domain/calendar.js';
import { progress, QuotaBook, Tally } from '../../src/domain/quotas.js';
import type { DayOff, Entry, QuotaChange, Weekday } from '../../src/domain/types.js';

const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const cal = (off: string[] = [], workdays = WEEKDAYS) =>
  new Calendar(
    workdays,
    off.map((date): DayOff => ({ date })),
  );
let n = 0;
const entry = (date: string, activity: string, count: number): Entry => ({
  id: `e${n++}`,
  date,
  activity,
  count,
});

describe('QuotaBook: quota history', () => {
  const changes: QuotaChange[] = [
    { activity: 'call', per: 'day', target: 20, from: '2026-11-02' },
    { activity: 'call', per: 'day', target: 40, from: '2026-11-16' },
    { activity: 'email', per: 'week', target: 50, from: '2026-11-02' },
    { activity: 'email', per: 'week', target: null, from: '2026-11-20' },
  ];
  const book = new QuotaBook(changes);

  it('days before a change keep the target in force then', () => {
    expect(book.inForce('call', '2026-11-01')).toBeUndefined();
    expect(book.inForce('call', '2026-11-13')?.target).toBe(20);
    expect(book.inForce('call', '2026-11-16')?.target).toBe(40);
    expect(book.inForce('call', '2027-01-01')?.target).toBe(40);
  });
  it('a removed quota is gone from its day on, and still there before', () => {
    expect(book.inForce('email', '2026-11-19')?.target).toBe(50);
    expect(book.inForce('email', '2026-11-20')).toBeUndefined();
    expect(book.allInForce('2026-11-23').map((q) => q.activity)).toEqual(['call']);
  });
  it('of two changes on the same day, the later one wins, whatever order they are stored in', () => {
    const b = new QuotaBook([
      { activity: 'call', per: 'day', target: 30, from: '2026-11-10' },
      { activity: 'call', per: 'day', target: 10, from: '2026-11-01' },
      { activity: 'call', per: 'week', target: 100, from: '2026-11-10' },
    ]);
    expect(b.inForce('call', '2026-11-09')?.target).toBe(10);
    expect(b.inForce('call', '2026-11-10')).toMatchObject({ per: 'week', target: 100 });
  });
});

describe('progress and pace', () => {
  const weekly = { activity: 'email', per: 'week' as const, target: 50, from: '2026-01-01' };

  it('expected = target x scoring days elapsed (as-of included) / scoring days in the period', () => {
    const tally = new Tally([entry('2026-11-23', 'email', 12), entry('2026-11-24', 'email', 5)]);
    const p = progress(weekly, '2026-11-25', tally, cal());
    expect(p).toMatchObject({
      start: '2026-11-23',
      end: '2026-11-29',
      done: 17,
      scoringDays: 5,
      scoringDaysElapsed: 3,
    });
    expect(p.expected).toBe(30);
    expect(p.onPace).toBe(false);
    expect(p.ahead).toBe(-13);
    // 33 to go over Wednesday, Thursday and Friday: 11 a day.
    expect(p.scoringDaysLeft).toBe(3);
    expect(p.needPerDay).toBe(11);
  });

  it('days off are taken out of both the period and the days elapsed', () => {
    const tally = new Tally([entry('2026-11-23', 'email', 20)]);
    const p = progress(weekly, '2026-11-23', tally, cal(['2026-11-26', '2026-11-27']));
    expect(p.scoringDays).toBe(3);
    expect(p.expected).toBeCloseTo(50 / 3, 2);
    expect(p.onPace).toBe(true);
    expect(p.needPerDay).toBe(Math.ceil(30 / 3));
  });

  it('only what is dated up to the as-of day counts', () => {
    const tally = new Tally([entry('2026-11-23', 'email', 10), entry('2026-11-27', 'email', 40)]);
    expect(progress(weekly, '2026-11-24', tally, cal()).done).toBe(10);
    expect(progress(weekly, '2026-11-27', tally, cal()).done).toBe(50);
  });

  it('a weekend as-of day has no workdays left in the week', () => {
    const p = progress(weekly, '2026-11-28', new Tally([entry('2026-11-23', 'email', 30)]), cal());
    expect(p.scoringDaysElapsed).toBe(5);
    expect(p.scoringDaysLeft).toBe(0);
    expect(p.expected).toBe(50);
    expect(p.needPerDay).toBe(0);
  });

  it('a monthly quota counts the calendar month; a quarterly one the calendar quarter', () => {
    const month = { activity: 'meeting', per: 'month' as const, target: 21, from: '2026-01-01' };
    const tally = new Tally([entry('2026-10-30', 'meeting', 4), entry('2026-11-02', 'meeting', 3)]);
    const m = progress(month, '2026-11-06', tally, cal());
    // November 2026 has 21 weekdays; by Friday the 6th, 5 have passed.
    expect(m).toMatchObject({
      start: '2026-11-01',
      end: '2026-11-30',
      done: 3,
      scoringDays: 21,
      expected: 5,
    });
    const quarter = { ...month, per: 'quarter' as const, target: 60 };
    const q = progress(quarter, '2026-11-06', tally, cal());
    expect(q).toMatchObject({ start: '2026-10-01', end: '2026-12-31', done: 7 });
  });

  it('custom workdays change what counts (a Sunday-to-Thursday week)', () => {
    const p = progress(
      weekly,
      '2026-11-23',
      new Tally([]),
      cal([], ['sun', 'mon', 'tue', 'wed', 'thu']),
    );
    // ISO week Mon 23 .. Sun 29: Mon, Tue, Wed, Thu and Sun are workdays.
    expect(p.scoringDays).toBe(5);
    expect(p.scoringDaysElapsed).toBe(1);
  });

  it('a period without scoring days expects nothing', () => {
    const daily = { activity: 'call', per: 'day' as const, target: 40, from: '2026-01-01' };
    const p = progress(daily, '2026-11-28', new Tally([]), cal());
    expect(p).toMatchObject({ scoringDays: 0, expected: 0, onPace: true, needPerDay: 0 });
  });
});

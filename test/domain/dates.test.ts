import { describe, expect, it } from 'vitest';
import {
  addDay,
  daysBetween,
  eachDay,
  isoWeekLabel,
  parseDay,
  parseIsoWeek,
  periodLabel,
  periodOf,
  weekdayOf,
} from '../../src/domain/dates.js';

describe('parseDay', () => {
  it.each(['2026-11-23', '2024-02-29', '2026-12-31', '2027-01-01'])(
    'accepts the real date %s',
    (d) => {
      expect(parseDay(d)).toBe(d);
    },
  );
  it.each([
    '2026-02-30',
    '2025-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-11-31',
    '11/23/2026',
    '2026-1-5',
    '20261123',
    '2026-11-23T00:00',
    ' 2026-11-23',
    '',
    'today',
    '0099-01-01',
  ])('refuses %j', (d) => {
    expect(parseDay(d)).toBeNull();
  });
});

describe('ISO weeks', () => {
  it('2026 has 53 weeks: 2026-W53 runs from 2026-12-28 to 2027-01-03', () => {
    expect(parseIsoWeek('2026-W53')).toEqual({ start: '2026-12-28', end: '2027-01-03' });
    expect(isoWeekLabel('2027-01-03')).toBe('2026-W53');
    expect(isoWeekLabel('2027-01-04')).toBe('2027-W01');
    expect(periodOf('week', '2027-01-01')).toEqual({ start: '2026-12-28', end: '2027-01-03' });
  });
  it('a year with 52 weeks has no W53', () => {
    expect(parseIsoWeek('2025-W53')).toBeNull();
    expect(parseIsoWeek('2025-W52')).toEqual({ start: '2025-12-22', end: '2025-12-28' });
  });
  it('week 1 may start in the previous calendar year', () => {
    expect(parseIsoWeek('2025-W01')).toEqual({ start: '2024-12-30', end: '2025-01-05' });
    expect(isoWeekLabel('2024-12-30')).toBe('2025-W01');
  });
  it.each(['2026-W00', '2026-W54', '2026W48', '2026-w48', '2026-W4'])('refuses %j', (w) => {
    expect(parseIsoWeek(w)).toBeNull();
  });
  it('the week of 2026-11-23 is W48, Monday to Sunday', () => {
    expect(periodOf('week', '2026-11-23')).toEqual({ start: '2026-11-23', end: '2026-11-29' });
    expect(periodOf('week', '2026-11-29')).toEqual({ start: '2026-11-23', end: '2026-11-29' });
    expect(periodLabel('week', '2026-11-25')).toBe('2026-W48');
  });
});

describe('months and quarters', () => {
  it('February in a leap year ends on the 29th', () => {
    expect(periodOf('month', '2028-02-10')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(periodOf('month', '2026-02-10')).toEqual({ start: '2026-02-01', end: '2026-02-28' });
  });
  it('month edges belong to their own month', () => {
    expect(periodOf('month', '2026-11-30')).toEqual({ start: '2026-11-01', end: '2026-11-30' });
    expect(periodOf('month', '2026-12-01')).toEqual({ start: '2026-12-01', end: '2026-12-31' });
  });
  it('quarters are calendar quarters', () => {
    expect(periodOf('quarter', '2026-03-31')).toEqual({ start: '2026-01-01', end: '2026-03-31' });
    expect(periodOf('quarter', '2026-04-01')).toEqual({ start: '2026-04-01', end: '2026-06-30' });
    expect(periodOf('quarter', '2026-11-23')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(periodLabel('quarter', '2026-11-23')).toBe('2026-Q4');
  });
  it('a day is its own period', () => {
    expect(periodOf('day', '2026-11-23')).toEqual({ start: '2026-11-23', end: '2026-11-23' });
  });
});

describe('day arithmetic on local calendar dates', () => {
  it('steps across month, year and daylight-saving changes by whole days', () => {
    expect(addDay('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDay('2026-03-01', -1)).toBe('2026-02-28');
    // US daylight saving ends on 2026-11-01 and the EU one on 2026-10-25: still one day a step.
    expect([...eachDay('2026-10-24', '2026-11-02')]).toHaveLength(10);
    expect(daysBetween('2026-10-24', '2026-11-02')).toBe(9);
    expect(daysBetween('2026-11-02', '2026-10-24')).toBe(-9);
    // Across a leap year (2024 has 366 days) and the spring change (2026-03-08 US, 03-29 EU).
    expect(daysBetween('2023-12-31', '2025-01-01')).toBe(367);
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    // Day by day over four years (a leap day, eight DST changes), against date-fns' own days.
    const days = eachDay('2023-06-01', '2027-06-01');
    for (let i = 1; i < days.length; i++) {
      expect(addDay(days[i - 1] as string, 1)).toBe(days[i]);
      expect(addDay(days[i] as string, -i)).toBe('2023-06-01');
      expect(daysBetween('2023-06-01', days[i] as string)).toBe(i);
    }
  });
  it('knows the weekday', () => {
    expect(weekdayOf('2026-11-23')).toBe('mon');
    expect(weekdayOf('2026-11-29')).toBe('sun');
  });
});

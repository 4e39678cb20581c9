import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/domain/calendar.js';
import { forecast } from '../../src/domain/forecast.js';
import { progress, type Quota, Tally } from '../../src/domain/quotas.js';
import type { Entry } from '../../src/domain/types.js';

const calendar = (off: string[] = []) =>
  new Calendar(
    ['mon', 'tue', 'wed', 'thu', 'fri'],
    off.map((date) => ({ date })),
  );
const logs = (list: [string, number][]): Entry[] =>
  list.map(([date, count], i) => ({ id: `e${i}`, date, activity: 'meeting', count }));
const at = (quota: Quota, asOf: string, entries: Entry[], cal = calendar()) => {
  const p = progress(quota, asOf, new Tally(entries, asOf), cal);
  return { p, f: forecast(p, cal) };
};
// Week 2026-W48: Mon 23 Nov .. Sun 29 Nov, five scoring days.
const week: Quota = { activity: 'meeting', per: 'week', target: 10, from: '2026-01-01' };

describe('forecast of a week quota', () => {
  it('on the first scoring day: rate is that day, the date the k-th scoring day', () => {
    // 3 on Monday: rate 3/1, projected 15; 10 reached on day ceil(10/3) = 4: Thu 26 Nov.
    const { f } = at(week, '2026-11-23', logs([['2026-11-23', 3]]));
    expect(f).toEqual({ rate: 3, projected: 15, projectedDate: '2026-11-26' });
  });
  it('on a middle day: too slow, the date is null and projected says how far it gets', () => {
    // 3 by Wednesday (3 scoring days): rate 1, projected 5; day 10 is past the week -> null.
    const { f } = at(week, '2026-11-25', logs([['2026-11-23', 3]]));
    expect(f).toEqual({ rate: 1, projected: 5, projectedDate: null });
  });
  it('on the last scoring day', () => {
    // 9 by Friday: rate 9/5 = 1.8, projected 9; k = ceil(10*5/9) = 6 > 5 -> null.
    const { f } = at(week, '2026-11-27', logs([['2026-11-24', 9]]));
    expect(f).toEqual({ rate: 1.8, projected: 9, projectedDate: null });
  });
  it('a met quota has no projected date', () => {
    const { f } = at(week, '2026-11-24', logs([['2026-11-23', 12]]));
    expect(f.projectedDate).toBeNull();
    expect(f.rate).toBe(6);
  });
  it('at rate 0 there is no projected date', () => {
    const { f } = at(week, '2026-11-24', []);
    expect(f).toEqual({ rate: 0, projected: 0, projectedDate: null });
  });
  it('a daily quota has none', () => {
    const daily: Quota = { ...week, per: 'day' };
    expect(at(daily, '2026-11-24', logs([['2026-11-24', 1]])).f).toEqual({
      rate: null,
      projected: null,
      projectedDate: null,
    });
  });
});

describe('forecast of a month quota with days off', () => {
  // November 2026: 21 weekdays; 3 days off (Mon 2 .. Wed 4 Nov) leave 18 scoring days.
  const month: Quota = { activity: 'meeting', per: 'month', target: 12, from: '2026-01-01' };
  const cal = calendar(['2026-11-02', '2026-11-03', '2026-11-04']);
  it('counts only scoring days, for the rate and for the date', () => {
    // As of Fri 13 Nov: scoring days 5, 6, 9..13 = 7 elapsed; done 6 -> rate 6/7.
    const { p, f } = at(
      month,
      '2026-11-13',
      logs([
        ['2026-11-05', 2],
        ['2026-11-12', 4],
      ]),
      cal,
    );
    expect(p.scoringDays).toBe(18);
    expect(p.scoringDaysElapsed).toBe(7);
    expect(f.rate).toBe(0.86);
    expect(f.projected).toBe(15.43); // 6/7 x 18
    // k = ceil(12 x 7 / 6) = 14th scoring day: 5,6,9,10,11,12,13,16,17,18,19,20,23,24 -> 24 Nov
    expect(f.projectedDate).toBe('2026-11-24');
  });
});

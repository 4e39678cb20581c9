import { describe, expect, it } from 'vitest';
import { median, nearestRank, suggestTargets } from '../../src/domain/targets.js';
import { emptyStore } from '../../src/store/schema.js';

describe('nearestRank and median', () => {
  it('takes the 80th percentile by nearest rank on a hand-made series', () => {
    // Sorted: 3 5 7 8 9 10 12 15 20 40; rank ceil(0.8 x 10) = 8, so 15.
    expect(nearestRank([12, 3, 40, 8, 5, 20, 9, 15, 7, 10], 80)).toBe(15);
    // Twelve weeks: rank ceil(9.6) = 10.
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 80)).toBe(10);
    // Five values: rank 4.
    expect(nearestRank([50, 10, 40, 20, 30], 80)).toBe(40);
    expect(nearestRank([7], 80)).toBe(7);
  });

  it('gives the middle value, or the mean of the middle two', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });
});

describe('suggestTargets', () => {
  it('learns from complete weeks only and divides by the scoring days for a daily quota', () => {
    const data = emptyStore();
    data.quotas = [
      { activity: 'call', per: 'day', target: 10, from: '2026-01-01' },
      { activity: 'meeting', per: 'week', target: 2, from: '2026-01-01' },
    ];
    // W45 (2..8 Nov) has a day off: 4 scoring days; W46 and W47 have 5; average 14/3.
    data.daysOff = [{ date: '2026-11-04' }];
    const entry = (id: string, date: string, activity: string, count: number) => ({
      id,
      date,
      activity,
      count,
    });
    data.entries = [
      entry('a', '2026-11-02', 'call', 30),
      entry('b', '2026-11-10', 'call', 50),
      entry('c', '2026-11-17', 'call', 40),
      entry('d', '2026-11-18', 'meeting', 3),
      // The week of the as-of day is still running: left out.
      entry('e', '2026-11-23', 'call', 500),
      // Before the three weeks: left out.
      entry('f', '2026-10-30', 'email', 9),
    ];
    const s = suggestTargets(data, { asOf: '2026-11-25', weeks: 3 });
    expect([s.from, s.to]).toEqual(['2026-11-02', '2026-11-22']);
    expect(s.scoringDaysPerWeek).toBe(4.67);
    expect(s.suggestions.map((x) => x.activity)).toEqual(['call', 'meeting']);
    const call = s.suggestions[0];
    // Weekly 30 50 40: median 40, p80 rank ceil(2.4) = 3, 50; 50 / (14/3) = 10.7, up to 11.
    expect(call).toMatchObject({ median: 40, p80: 50, suggested: 11, per: 'day', current: 10 });
    expect(call?.weekly).toEqual([30, 50, 40]);
    // Weekly 0 0 3: p80 is 3, a weekly quota keeps it per week.
    expect(s.suggestions[1]).toMatchObject({ median: 0, p80: 3, suggested: 3, per: 'week' });
  });
});

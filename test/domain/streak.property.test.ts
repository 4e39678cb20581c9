import { describe, expect, it } from 'vitest';
import { addDay, daysBetween, periodOf, weekdayOf } from '../../src/domain/dates.js';
import { streaks, streaksAt } from '../../src/domain/streak.js';
import type { Day, Period, QuotaChange, Weekday } from '../../src/domain/types.js';
import { prng } from '../helpers.js';
import { entriesOf, type History, inputsOf, quotaChanges } from './streak-fixture.js';

const ACTIVITIES = ['call', 'email', 'meeting'];
const ALL_DAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function randomHistory(seed: number): History & { from: Day } {
  const r = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)] as T;
  const from = addDay('2025-01-01', int(0, 400));
  const length = int(0, 730);
  const asOf = addDay(from, length);
  const workdays = ALL_DAYS.filter(() => r() < 0.75);
  const off: Day[] = [];
  const log: [Day, string, number][] = [];
  const busy = 0.3 + r() * 0.65;
  // A little past the as-of day too: those entries must not count.
  for (let i = 0; i <= length + 10; i++) {
    const day = addDay(from, i);
    if (r() < 0.05) off.push(day);
    for (const activity of ACTIVITIES) if (r() < busy) log.push([day, activity, int(1, 5)]);
  }
  const quotas: [Day, string, number | null, Period][] = [];
  const changes = int(0, 8);
  for (let i = 0; i < changes; i++) {
    quotas.push([
      addDay(from, int(-30, length + 30)),
      pick(ACTIVITIES),
      r() < 0.15 ? null : int(1, 4),
      pick<Period>(['day', 'day', 'week', 'week', 'month']),
    ]);
  }
  return { from, asOf, workdays, off, log, quotas };
}

interface RefRun {
  current: number;
  longest: number;
  currentStart: Day | null;
  longestStart: Day | null;
  longestEnd: Day | null;
}

/**
 * The rules, written as plainly as possible: look every quota up by scanning all changes, every
 * count by scanning the day's entries, walk backwards for `current`, forwards for `longest`.
 */
function reference(h: History & { from: Day }) {
  const changes = quotaChanges(h.quotas);
  const entries = entriesOf(h.log ?? []).filter((e) => e.date <= h.asOf);
  const workdays = h.workdays ?? [];
  const off = h.off ?? [];
  const scoring = (day: Day) => workdays.includes(weekdayOf(day)) && !off.includes(day);
  const count = (day: Day, activity: string) =>
    entries
      .filter((e) => e.date === day && e.activity === activity)
      .reduce((sum, e) => sum + e.count, 0);
  const anything = (day: Day) => entries.some((e) => e.date === day && e.count > 0);
  const quotaOn = (activity: string, day: Day): QuotaChange | undefined => {
    let best: QuotaChange | undefined;
    for (const c of changes) {
      if (c.activity === activity && c.from <= day && (!best || c.from >= best.from)) best = c;
    }
    return best && best.target !== null ? best : undefined;
  };
  const inForce = (per: Period, day: Day) =>
    ACTIVITIES.map((a) => quotaOn(a, day)).filter((q): q is QuotaChange => q?.per === per);

  // Units are [start, end, met]; skipped units are simply not in the list.
  function runs(units: [Day, Day, boolean][]): RefRun {
    let current = 0;
    let currentStart: Day | null = null;
    for (let i = units.length - 1; i >= 0; i--) {
      const [start, end, met] = units[i] as [Day, Day, boolean];
      if (!met && i === units.length - 1 && end === h.asOf) continue;
      if (!met) break;
      current++;
      currentStart = start;
    }
    let longest = 0;
    let longestStart: Day | null = null;
    let longestEnd: Day | null = null;
    let run = 0;
    let runStart: Day | null = null;
    for (const [start, end, met] of units) {
      if (!met) {
        run = 0;
        continue;
      }
      if (run === 0) runStart = start;
      run++;
      if (run >= longest) [longest, longestStart, longestEnd] = [run, runStart, end];
    }
    return { current, longest, currentStart, longestStart, longestEnd };
  }

  const first = addDay(h.from, -40);
  const days: Day[] = [];
  for (let d = first; d <= h.asOf; d = addDay(d, 1)) days.push(d);
  const scoringDays = days.filter(scoring);

  const dailyMet = (day: Day) => {
    const daily = inForce('day', day);
    if (daily.length === 0) return anything(day);
    return daily.every((q) => count(day, q.activity) >= (q.target as number));
  };
  const daily = runs(scoringDays.map((d) => [d, d, dailyMet(d)]));

  const activities: Record<string, RefRun & { target: number | null }> = {};
  for (const c of [...changes].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))) {
    if (c.per !== 'day' || c.target === null || c.from > h.asOf || activities[c.activity]) continue;
    const a = c.activity;
    const met = (day: Day) => {
      const q = quotaOn(a, day);
      return q?.per === 'day' ? count(day, a) >= (q.target as number) : count(day, a) > 0;
    };
    const now = quotaOn(a, h.asOf);
    activities[a] = {
      ...runs(scoringDays.map((d) => [d, d, met(d)])),
      target: now?.per === 'day' ? (now.target as number) : null,
    };
  }

  const hasWeekly = changes.some((c) => c.per === 'week' && c.target !== null && c.from <= h.asOf);
  let weekly: RefRun | null = null;
  if (hasWeekly) {
    const weeks: [Day, Day, boolean][] = [];
    for (let monday = periodOf('week', first).start; monday <= h.asOf; monday = addDay(monday, 7)) {
      const week = [0, 1, 2, 3, 4, 5, 6].map((i) => addDay(monday, i));
      if (!week.some(scoring)) continue;
      const sunday = week[6] as Day;
      const last = sunday < h.asOf ? sunday : h.asOf;
      const upToLast = week.filter((d) => d <= last);
      const quotas = inForce('week', last);
      const met =
        quotas.length === 0
          ? upToLast.some(anything)
          : quotas.every(
              (q) =>
                upToLast.reduce((sum, d) => sum + count(d, q.activity), 0) >= (q.target as number),
            );
      // The as-of week is the one that may still be in progress: its end is the as-of day.
      weeks.push([monday, last, met]);
    }
    weekly = runs(weeks);
  }
  return { asOf: h.asOf, daily, weekly, activities };
}

describe('streaks against a plain reference implementation', () => {
  it('agree on random histories of up to two years', () => {
    const seen = { dailyRuns: 0, weekly: 0, weeklyRuns: 0, activities: 0 };
    for (let seed = 1; seed <= 60; seed++) {
      const h = randomHistory(seed);
      const actual = streaks(inputsOf(h));
      expect(actual, `seed ${seed}`).toEqual(reference(h));
      if (actual.daily.longest >= 2) seen.dailyRuns++;
      if (actual.weekly) seen.weekly++;
      if ((actual.weekly?.longest ?? 0) >= 2) seen.weeklyRuns++;
      if (Object.keys(actual.activities).length > 0) seen.activities++;
    }
    // The random histories must exercise every kind of streak, or agreeing proves little.
    for (const [kind, n] of Object.entries(seen)) expect(n, kind).toBeGreaterThanOrEqual(5);
  });
});

describe('streaksAt: many as-of days from one sweep', () => {
  it('gives for each day what streaks gives with that as-of day, on random histories', () => {
    let weeklyDiffers = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const h = randomHistory(seed);
      const r = prng(seed * 7919);
      // Sundays (a trend's week ends), mid-week days, days before the history, the as-of day.
      const days = new Set<Day>([h.asOf, addDay(h.from, -9)]);
      for (let i = 0; i < 12; i++) {
        const back = Math.floor(r() * (Math.max(1, daysBetween(h.from, h.asOf)) + 20));
        const day = addDay(h.asOf, -back);
        days.add(day);
        days.add(periodOf('week', day).end <= h.asOf ? periodOf('week', day).end : day);
      }
      const at = streaksAt(inputsOf(h), [...days]);
      expect(at.size, `seed ${seed}`).toBe(days.size);
      for (const day of days) {
        // The same store as of that day: entries after it left out, as a command reads them.
        const expected = streaks(inputsOf({ ...h, asOf: day }));
        expect(at.get(day), `seed ${seed} as of ${day}`).toEqual(expected);
        if (expected.weekly !== null && expected.weekly.current > 0) weeklyDiffers++;
      }
    }
    // Weekly runs still going on a checkpoint must come up, or the in-progress week is untested.
    expect(weeklyDiffers).toBeGreaterThanOrEqual(20);
  });

  it('refuses an as-of day after the sweep', () => {
    const h = randomHistory(3);
    expect(() => streaksAt(inputsOf(h), [addDay(h.asOf, 1)])).toThrow(/after the as-of day/);
  });
});

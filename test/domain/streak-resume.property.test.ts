import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/domain/calendar.js';
import { addDay, daysBetween, periodOf } from '../../src/domain/dates.js';
import { QuotaBook, Tally } from '../../src/domain/quotas.js';
import { analyse, heatmapStart, type Inputs, streaks, streaksAt } from '../../src/domain/streak.js';
import type { SweepResume, SweepState } from '../../src/domain/sweep-state.js';
import type { Day, Period, QuotaChange, Weekday, WorkdaysChange } from '../../src/domain/types.js';
import { prng } from '../helpers.js';
import { entriesOf } from './streak-fixture.js';

// A sweep resumed from the state a full sweep saved at a Monday M gives exactly what the full
// sweep gives: streaks, the heatmap and checkpoints, on random logs with quota changes before and
// after M, days off, workdays changes and backfilled days, and as-of days from M on.

const ACTIVITIES = ['call', 'email', 'meeting', 'demo'];
const ALL_DAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

interface Case {
  from: Day;
  end: Day;
  monday: Day;
  log: [Day, string, number][];
  quotas: QuotaChange[];
  workdays: WorkdaysChange[];
  off: Day[];
}

function randomCase(seed: number): Case {
  const r = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)] as T;
  const from = addDay('2023-01-01', int(0, 300));
  const length = int(60, 900);
  const end = addDay(from, length);
  const monday = periodOf('week', addDay(from, int(8, length - 20))).start;
  const busy = 0.4 + r() * 0.55;
  const log: [Day, string, number][] = [];
  const off: Day[] = [];
  for (let i = 0; i <= length; i++) {
    const day = addDay(from, i);
    if (r() < 0.04) off.push(day);
    for (const activity of ACTIVITIES) if (r() < busy) log.push([day, activity, int(1, 5)]);
  }
  // Backfills: entries added later to days long past (the log is not in date order).
  for (let i = int(0, 6); i > 0; i--) log.push([addDay(from, int(0, length)), pick(ACTIVITIES), 2]);
  const quotas: QuotaChange[] = [];
  for (let i = int(0, 10); i > 0; i--) {
    quotas.push({
      from: addDay(from, int(-20, length + 10)),
      activity: pick(ACTIVITIES),
      target: r() < 0.15 ? null : int(1, 4),
      per: pick<Period>(['day', 'day', 'week', 'week', 'month']),
    });
  }
  const workdays: WorkdaysChange[] = [{ from: null, days: ALL_DAYS.filter(() => r() < 0.75) }];
  for (let i = int(0, 2); i > 0; i--) {
    const at = addDay(from, int(0, length));
    if (workdays.some((w) => w.from !== null && w.from >= at)) continue;
    workdays.push({ from: at, days: ALL_DAYS.filter(() => r() < 0.7) });
  }
  return { from, end, monday, log, quotas, workdays, off };
}

function inputs(c: Case, asOf: Day, quotas = c.quotas, resume?: SweepResume): Inputs {
  return {
    asOf,
    quotas: new QuotaBook(quotas),
    tally: new Tally(entriesOf(c.log).filter((e) => e.date <= asOf)),
    calendar: new Calendar(
      c.workdays,
      c.off.map((date) => ({ date })),
    ),
    ...(resume ? { resume } : {}),
  };
}

/** A saved state kept as the store layer keeps it (JSON), with how often it was used. */
function keeper(at: Day) {
  let saved: string | undefined;
  const seen = { saves: 0, loads: 0 };
  const resume: SweepResume = {
    at,
    load() {
      if (saved === undefined) return undefined;
      seen.loads++;
      return JSON.parse(saved) as SweepState;
    },
    save(state) {
      seen.saves++;
      saved = JSON.stringify(state);
    },
  };
  return { resume, seen };
}

describe('the streak sweep resumed from a saved state', () => {
  it('equals the full sweep on random histories (streaks, heatmap, checkpoints)', () => {
    const used = { resumed: 0, weekly: 0, activities: 0, heatmaps: 0, checkpoints: 0 };
    for (let seed = 1; seed <= 80; seed++) {
      const c = randomCase(seed);
      const r = prng(seed * 31);
      const asOfFrom = (lo: Day) => addDay(lo, Math.floor(r() * (daysBetween(lo, c.end) + 1)));
      const { resume, seen } = keeper(c.monday);

      // The first sweep saves the state at M (and answers as a full sweep).
      const firstAsOf = asOfFrom(c.monday);
      expect(streaks(inputs(c, firstAsOf, c.quotas, resume)), `seed ${seed}`).toEqual(
        streaks(inputs(c, firstAsOf)),
      );
      const startsBefore = (c.log.length > 0 || c.quotas.length > 0) && c.from < c.monday;
      if (startsBefore) expect(seen.saves, `seed ${seed} saved`).toBe(1);

      for (let round = 0; round < 4; round++) {
        const asOf = asOfFrom(c.monday);
        const label = `seed ${seed} round ${round} as of ${asOf}`;
        const loads = seen.loads;
        const got = streaks(inputs(c, asOf, c.quotas, resume));
        const want = streaks(inputs(c, asOf));
        expect(got, label).toEqual(want);
        if (seen.loads > loads) used.resumed++;
        if (want.weekly !== null && want.weekly.longest > 0) used.weekly++;
        if (Object.keys(want.activities).length > 0) used.activities++;

        // The heatmap, when it starts at M or later (else the sweep starts at the beginning).
        const heat = heatmapStart(inputs(c, asOf));
        expect(analyse(inputs(c, asOf, c.quotas, resume), heat), `${label} heatmap`).toEqual(
          analyse(inputs(c, asOf), heat),
        );
        if (heat >= c.monday) used.heatmaps++;

        // Checkpoints, some of them before M (then no resume), as a trend asks them.
        const days = new Set<Day>([asOf]);
        for (let i = 0; i < 5; i++) {
          days.add(
            addDay(asOf, -Math.floor(r() * (daysBetween(c.monday, asOf) + (i === 0 ? 30 : 1)))),
          );
        }
        expect(streaksAt(inputs(c, asOf, c.quotas, resume), [...days]), `${label} at`).toEqual(
          streaksAt(inputs(c, asOf), [...days]),
        );
        if ([...days].every((d) => d >= c.monday)) used.checkpoints++;
      }
      // No second save while the saved state serves.
      if (startsBefore) expect(seen.saves, `seed ${seed} saves`).toBe(1);
    }
    // The random cases must take the resumed path in every way, or agreeing proves little.
    for (const [kind, n] of Object.entries(used)) expect(n, kind).toBeGreaterThanOrEqual(20);
  });

  it('a state saved from a timeline cut at its as-of day (a report) never serves a later quota', () => {
    let fellBack = 0;
    for (let seed = 100; seed <= 160; seed++) {
      const c = randomCase(seed);
      const { resume, seen } = keeper(c.monday);
      // As buildWeeklyReports does: only the changes up to its as-of day.
      const cut = c.quotas.filter((q) => q.from <= c.monday);
      streaks(inputs(c, c.monday, cut, resume));
      const loads = seen.loads;
      expect(streaks(inputs(c, c.end, c.quotas, resume)), `seed ${seed}`).toEqual(
        streaks(inputs(c, c.end)),
      );
      if (seen.saves === 2 && seen.loads > loads) fellBack++;
    }
    expect(fellBack).toBeGreaterThanOrEqual(3);
  });

  it('does not resume from a state saved at another Monday or with a timeline that moved', () => {
    const c = randomCase(7);
    const { resume } = keeper(c.monday);
    streaks(inputs(c, c.end, c.quotas, resume));
    const state = resume.load() as SweepState;
    // A state claiming a timeline position the quotas do not have is ignored, and saved anew.
    let saved: SweepState | undefined;
    const wrong: SweepResume = {
      at: c.monday,
      load: () => ({ ...state, next: c.quotas.length + 5 }),
      save: (s) => {
        saved = s;
      },
    };
    expect(streaks(inputs(c, c.end, c.quotas, wrong))).toEqual(streaks(inputs(c, c.end)));
    expect(saved).toEqual(state);
    const other: SweepResume = { ...wrong, at: addDay(c.monday, 7), load: () => state };
    expect(streaks(inputs(c, c.end, c.quotas, other))).toEqual(streaks(inputs(c, c.end)));
  });
});

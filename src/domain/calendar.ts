import { weekdayIndex } from './dates.js';
import { WEEKDAY_BY_INDEX } from './day-names.js';
import type { Day, DayOff, Weekday, WorkdaysChange } from './types.js';

/** One stretch of the workdays history: from `from` (null: the beginning), `week[i]` for weekday i. */
interface Stretch {
  from: Day | null;
  /** Indexed by the JavaScript weekday (0 Sunday .. 6 Saturday). */
  week: boolean[];
}

/**
 * Which days count for quotas and streaks: workdays (those in force on the day: workdays are
 * dated) that are not days off.
 */
export class Calendar {
  private readonly stretches: Stretch[];
  private readonly off: Set<Day>;

  /** `workdays`: the store's dated history, or one list in force on every day. */
  constructor(
    workdays: readonly WorkdaysChange[] | readonly Weekday[],
    daysOff: readonly DayOff[],
  ) {
    const history: readonly WorkdaysChange[] = workdays.every((w) => typeof w === 'string')
      ? [{ from: null, days: workdays as Weekday[] }]
      : (workdays as readonly WorkdaysChange[]);
    this.stretches = history.map((c) => ({
      from: c.from,
      week: WEEKDAY_BY_INDEX.map((w) => c.days.includes(w)),
    }));
    this.off = new Set(daysOff.map((d) => d.date));
  }

  isWorkday(day: Day): boolean {
    return this.isWorkdayOn(day, weekdayIndex(day));
  }

  /** isWorkday for a day whose weekday index (0 Sunday .. 6 Saturday) the caller knows. */
  isWorkdayOn(day: Day, weekday: number): boolean {
    const stretches = this.stretches;
    // Newest first: a sweep spends most of its days under the latest workdays; few changes.
    for (let i = stretches.length - 1; i >= 0; i--) {
      const s = stretches[i] as Stretch;
      if (s.from === null || s.from <= day) return s.week[weekday] === true;
    }
    return false;
  }

  isDayOff(day: Day): boolean {
    return this.off.has(day);
  }

  /** A scoring day: a workday that is not a day off. */
  isScoring(day: Day): boolean {
    return this.isWorkday(day) && !this.isDayOff(day);
  }

  /** isScoring for a day whose weekday index (0 Sunday .. 6 Saturday) the caller knows. */
  isScoringOn(day: Day, weekday: number): boolean {
    return this.isWorkdayOn(day, weekday) && !this.off.has(day);
  }
}

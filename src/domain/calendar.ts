import { WEEKDAY_BY_INDEX, weekdayIndex } from './dates.js';
import type { Day, DayOff, Weekday } from './types.js';

/** Which days count for quotas and streaks: workdays that are not days off. */
export class Calendar {
  private readonly workdays: Set<Weekday>;
  private readonly off: Set<Day>;

  constructor(workdays: readonly Weekday[], daysOff: readonly DayOff[]) {
    this.workdays = new Set(workdays);
    this.off = new Set(daysOff.map((d) => d.date));
  }

  isWorkday(day: Day): boolean {
    return this.isWorkweekday(weekdayIndex(day));
  }

  /** Whether weekday `index` (0 Sunday .. 6 Saturday) is a workday: for sweeps that know it. */
  isWorkweekday(index: number): boolean {
    return this.workdays.has(WEEKDAY_BY_INDEX[index] as Weekday);
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
    return this.isWorkweekday(weekday) && !this.off.has(day);
  }
}

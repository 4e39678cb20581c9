import type { Calendar } from './calendar.js';
import { addDay, eachDay, periodOf } from './dates.js';
import type { QuotaBook, Tally } from './quotas.js';
import type { Day } from './types.js';

export interface Run {
  current: number;
  longest: number;
  /** The last day (daily) or the Monday (weekly) of the longest run; null when there is none. */
  longestEnd: Day | null;
}

export interface Streak {
  asOf: Day;
  daily: Run;
  weekly: Run | null;
}

interface Inputs {
  asOf: Day;
  quotas: QuotaBook;
  tally: Tally;
  calendar: Calendar;
}

/** Counts runs of met units; a unit not met on the as-of day (still in progress) breaks nothing. */
class RunCounter {
  private run = 0;
  private longest = 0;
  private longestEnd: Day | null = null;

  add(unit: Day, met: boolean, inProgress: boolean): void {
    if (met) {
      this.run++;
      if (this.run > this.longest) {
        this.longest = this.run;
        this.longestEnd = unit;
      }
    } else if (!inProgress) {
      this.run = 0;
    }
  }

  result(): Run {
    return { current: this.run, longest: this.longest, longestEnd: this.longestEnd };
  }
}

function firstDay(input: Inputs): Day | undefined {
  const a = input.tally.firstDay();
  const b = input.quotas.firstDay();
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a < b ? a : b;
}

/** A scoring day is met when every daily quota in force is met; with none, when anything was logged. */
export function dayMet(day: Day, quotas: QuotaBook, tally: Tally): boolean {
  const daily = quotas.dailyInForce(day);
  if (daily.length === 0) return tally.anything(day);
  return daily.every((q) => tally.count(day, q.activity) >= q.target);
}

export function dailyStreak(input: Inputs): Run {
  const { asOf, quotas, tally, calendar } = input;
  const counter = new RunCounter();
  const first = firstDay(input);
  if (first === undefined || first > asOf) return counter.result();
  for (const day of eachDay(first, asOf)) {
    if (!calendar.isScoring(day)) continue;
    counter.add(day, dayMet(day, quotas, tally), day === asOf);
  }
  return counter.result();
}

export function weeklyStreak(input: Inputs): Run | null {
  const { asOf, quotas, tally, calendar } = input;
  if (!quotas.everHad('week', asOf)) return null;
  const counter = new RunCounter();
  const first = firstDay(input) as Day;
  let week = periodOf('week', first);
  while (week.start <= asOf) {
    const last = week.end < asOf ? week.end : asOf;
    let scoring = 0;
    for (const day of eachDay(week.start, week.end)) if (calendar.isScoring(day)) scoring++;
    if (scoring > 0) {
      const weekly = quotas.allInForce(last).filter((q) => q.per === 'week');
      let met: boolean;
      if (weekly.length === 0) {
        met = false;
        for (const day of eachDay(week.start, last)) met ||= tally.anything(day);
      } else {
        met = weekly.every((q) => tally.sum(q.activity, week.start, last) >= q.target);
      }
      counter.add(week.start, met, week.end >= asOf);
    }
    week = periodOf('week', addDay(week.start, 7));
  }
  return counter.result();
}

export function streaks(input: Inputs): Streak {
  return { asOf: input.asOf, daily: dailyStreak(input), weekly: weeklyStreak(input) };
}

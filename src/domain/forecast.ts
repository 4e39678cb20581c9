import type { Calendar } from './calendar.js';
import { eachDay, weekdayIndex } from './dates.js';
import type { QuotaProgress } from './quotas.js';
import { round2 } from './round.js';
import type { Day } from './types.js';

export interface Forecast {
  /** done / scoring days elapsed (as-of day included); null before the period's first scoring day. */
  rate: number | null;
  /** rate x scoring days in the period. */
  projected: number | null;
  /** The scoring day the total reaches the target at that rate; null when met, at rate 0, or too late. */
  projectedDate: Day | null;
}

const NO_FORECAST: Forecast = { rate: null, projected: null, projectedDate: null };

/** The forecast of a week, month or quarter quota (SPEC "Forecast"); a daily quota has none. */
export function forecast(q: QuotaProgress, calendar: Calendar): Forecast {
  if (q.per === 'day' || q.scoringDaysElapsed === 0) return NO_FORECAST;
  const rate = q.done / q.scoringDaysElapsed;
  const projected = rate * q.scoringDays;
  let projectedDate: Day | null = null;
  if (q.done < q.target && q.done > 0) {
    // The k-th scoring day reaches target when rate x k >= target; in whole numbers, exactly.
    const k = Math.ceil((q.target * q.scoringDaysElapsed) / q.done);
    if (k <= q.scoringDays) projectedDate = nthScoringDay(q.start, q.end, k, calendar);
  }
  return { rate: round2(rate), projected: round2(projected), projectedDate };
}

function nthScoringDay(start: Day, end: Day, k: number, calendar: Calendar): Day | null {
  let seen = 0;
  let weekday = weekdayIndex(start);
  for (const day of eachDay(start, end)) {
    if (calendar.isScoringOn(day, weekday) && ++seen === k) return day;
    weekday = (weekday + 1) % 7;
  }
  return null;
}

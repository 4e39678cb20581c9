import type { Calendar } from './calendar.js';
import { eachDay, periodOf } from './dates.js';
import { defaultWindow, type Funnel, type FunnelRatios, funnel } from './funnel.js';
import type { Day, Entry, Period } from './types.js';

export type PlanActivity = 'meeting' | 'meeting-held';
export const PLAN_ACTIVITIES: readonly PlanActivity[] = ['meeting', 'meeting-held'];
export type PlanPeriod = Exclude<Period, 'day'>;
export const PLAN_PERIODS: readonly PlanPeriod[] = ['week', 'month', 'quarter'];

export interface Need {
  activity: string;
  /** For the whole period, rounded up; null where a ratio it needs is unknown. */
  perPeriod: number | null;
  /** perPeriod / scoring days of the period, rounded up; null when unknown or no scoring day. */
  perDay: number | null;
}

export interface Plan {
  asOf: Day;
  activity: PlanActivity;
  target: number;
  per: PlanPeriod;
  /** Scoring days in the period holding the as-of day. */
  scoringDays: number;
  period: { start: Day; end: Day };
  /**
   * The funnel's default window, or from the rep's first logged entry when that is later: weeks
   * before anything was logged are not weeks of nothing done.
   */
  window: { from: Day; to: Day };
  /** Scoring days in `window`, the days `now` is averaged over. */
  windowScoringDays: number;
  ratios: FunnelRatios;
  needs: Need[];
  /** What the rep did a scoring day on average over the window, per activity in `needs`. */
  now: Record<string, number>;
  /** What to log before the plan can be worked out in full (empty when nothing is missing). */
  missing: string[];
}

export interface PlanInput {
  entries: readonly Entry[];
  calendar: Calendar;
  asOf: Day;
  activity: PlanActivity;
  target: number;
  per: PlanPeriod;
}

/** `n x a / b` rounded up, in whole numbers so 12 x 650/12 is exactly 650; null when b is 0. */
function times(n: number, a: number, b: number): number | null {
  return b === 0 ? null : Math.ceil((n * a) / b);
}

const scoringDaysIn = (start: Day, end: Day, calendar: Calendar) =>
  eachDay(start, end).filter((d) => calendar.isScoring(d)).length;

/** SPEC "Plan": from an outcome target back through the rep's own ratios to a day's prospecting. */
export function plan(input: PlanInput): Plan {
  const { asOf, activity, target, per, calendar } = input;
  const window = defaultWindow(asOf);
  let first: Day | undefined;
  for (const e of input.entries)
    if (e.date <= asOf && (first === undefined || e.date < first)) first = e.date;
  if (first !== undefined && first > window.from) window.from = first;
  const f: Funnel = funnel(input.entries, window.from, window.to, asOf);
  const c = f.counts as Record<string, number>;
  const n = (a: string) => c[a] ?? 0;
  const period = periodOf(per, asOf);
  const scoringDays = scoringDaysIn(period.start, period.end, calendar);
  const missing: string[] = [];
  const perPeriod: [string, number | null][] = [[activity, target]];

  // 1. Meetings to book: for held meetings, n / showRate first, in whole meetings.
  let booked: number | null = target;
  if (activity === 'meeting-held') {
    booked =
      n('meeting-held') === 0
        ? null
        : times(target, n('meeting-held') + n('no-show'), n('meeting-held'));
    if (booked === null) {
      missing.push(
        n('no-show') === 0
          ? 'meetings held and no-shows (prospect log meeting-held, prospect log no-show)'
          : 'meetings held (prospect log meeting-held): none of your booked meetings was held yet',
      );
    }
    perPeriod.push(['meeting', booked]);
  }
  // 2. Conversations, when the rep logs them; 3. calls.
  const noMeetings = n('meeting') === 0;
  if (noMeetings) missing.push('meetings booked (prospect log meeting)');
  const through = (a: string) =>
    booked === null || noMeetings ? null : times(booked, n(a), n('meeting'));
  if (n('conversation') > 0) perPeriod.push(['conversation', through('conversation')]);
  else missing.push('conversations (prospect log conversation), to plan them too');
  perPeriod.push(['call', through('call')]);
  if (n('call') === 0) missing.push('calls (prospect log call)');

  const needs: Need[] = perPeriod.map(([a, total]) => ({
    activity: a,
    perPeriod: total,
    perDay: total === null || scoringDays === 0 ? null : Math.ceil(total / scoringDays),
  }));
  const windowDays = scoringDaysIn(window.from, window.to, calendar);
  const now: Record<string, number> = {};
  for (const need of needs) {
    now[need.activity] =
      windowDays === 0 ? 0 : Math.round((n(need.activity) * 10) / windowDays) / 10;
  }
  return {
    asOf,
    activity,
    target,
    per,
    scoringDays,
    period,
    window,
    windowScoringDays: windowDays,
    ratios: f.ratios,
    needs,
    now,
    missing,
  };
}

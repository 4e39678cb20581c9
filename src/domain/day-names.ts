import type { Weekday } from './types.js';

/** The one home of the names of days and months (English, as every output of prospect). */

/** Weekday keys by JavaScript's day index: 0 is Sunday. */
export const WEEKDAY_BY_INDEX: readonly Weekday[] = [
  'sun',
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
];

/** `Mon`, as in `Mon 23 Nov 2026` and the heatmap's rows. */
export const SHORT_WEEKDAY: Readonly<Record<Weekday, string>> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

/** `Monday`, as the check-in's workday choices show them. */
export const LONG_WEEKDAY: Readonly<Record<Weekday, string>> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** `Jan` ... `Dec`, by JavaScript's month index (0 is January). */
export const SHORT_MONTH: readonly string[] = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** `Mon` for JavaScript's day index (0 is Sunday). */
export const shortWeekdayAt = (index: number): string =>
  SHORT_WEEKDAY[WEEKDAY_BY_INDEX[index] as Weekday];

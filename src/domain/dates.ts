import { eachDayOfInterval } from 'date-fns/eachDayOfInterval';
import { endOfISOWeek } from 'date-fns/endOfISOWeek';
import { endOfMonth } from 'date-fns/endOfMonth';
import { endOfQuarter } from 'date-fns/endOfQuarter';
import { getDay } from 'date-fns/getDay';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeeksInYear } from 'date-fns/getISOWeeksInYear';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { getQuarter } from 'date-fns/getQuarter';
import { lightFormat } from 'date-fns/lightFormat';
import { setISOWeek } from 'date-fns/setISOWeek';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';
import { startOfISOWeekYear } from 'date-fns/startOfISOWeekYear';
import { startOfMonth } from 'date-fns/startOfMonth';
import { startOfQuarter } from 'date-fns/startOfQuarter';
import { WEEKDAY_BY_INDEX } from './day-names.js';
import type { Day, Period, Weekday } from './types.js';

const DAY_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const WEEK_SHAPE = /^(\d{4})-W(\d{2})$/;

/** Local midnight of a calendar date. */
export function toDate(day: Day): Date {
  return new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

export function fromDate(date: Date): Day {
  // Formatting only (no arithmetic): by hand, as it runs for every day of every streak and check.
  const m = date.getMonth() + 1;
  const d = date.getDate();
  return `${date.getFullYear()}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** The calendar date on the user's wall clock. */
export function today(now: Date): Day {
  return fromDate(now);
}

/** `YYYY-MM-DD` that names a real date, or null (2026-02-30, 11/23/2026 and 2026-1-5 are null). */
export function parseDay(input: string): Day | null {
  if (!DAY_SHAPE.test(input)) return null;
  const year = Number(input.slice(0, 4));
  if (year < 1900) return null;
  return fromDate(toDate(input)) === input ? input : null;
}

/** `n` calendar days after `day` (before it when negative), counted on UTC dates: no DST to trip on. */
export function addDay(day: Day, n: number): Day {
  const t = utcDay(day) + n * 86_400_000;
  let text = DAY_AT.get(t);
  if (text === undefined) {
    const date = new Date(t);
    const m = date.getUTCMonth() + 1;
    const d = date.getUTCDate();
    text = `${date.getUTCFullYear()}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
    DAY_AT.set(t, text);
  }
  return text;
}

/** Calendar days from `from` to `to`: counted on UTC dates, which have no daylight saving. */
export function daysBetween(from: Day, to: Day): number {
  return (utcDay(to) - utcDay(from)) / 86_400_000;
}

// Both ways between a day and its UTC midnight, remembered: a report over many weeks asks about
// the same few hundred days thousands of times (referral due dates, sweeps), and without the
// optimising compiler each Date costs more than a Map lookup. Days are few: these stay small.
const UTC_OF = new Map<Day, number>();
const DAY_AT = new Map<number, Day>();

function utcDay(day: Day): number {
  let t = UTC_OF.get(day);
  if (t === undefined) {
    t = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
    UTC_OF.set(day, t);
  }
  return t;
}

export function weekdayOf(day: Day): Weekday {
  return WEEKDAY_BY_INDEX[weekdayIndex(day)] as Weekday;
}

/** 0 for Sunday .. 6 for Saturday. */
export function weekdayIndex(day: Day): number {
  return getDay(toDate(day));
}

export interface Span {
  start: Day;
  end: Day;
}

/** The day, ISO week, calendar month or calendar quarter that holds `day`. */
export function periodOf(per: Period, day: Day): Span {
  const date = toDate(day);
  switch (per) {
    case 'day':
      return { start: day, end: day };
    case 'week':
      return { start: fromDate(startOfISOWeek(date)), end: fromDate(endOfISOWeek(date)) };
    case 'month':
      return { start: fromDate(startOfMonth(date)), end: fromDate(endOfMonth(date)) };
    case 'quarter':
      return { start: fromDate(startOfQuarter(date)), end: fromDate(endOfQuarter(date)) };
  }
}

/** `2026-W48` for any day of that ISO week. */
export function isoWeekLabel(day: Day): string {
  const date = toDate(day);
  return `${getISOWeekYear(date)}-W${String(getISOWeek(date)).padStart(2, '0')}`;
}

/** The Monday-to-Sunday span of `2026-W53`, or null when there is no such ISO week. */
export function parseIsoWeek(input: string): Span | null {
  const match = WEEK_SHAPE.exec(input);
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < 1900 || week < 1) return null;
  const jan4 = new Date(year, 0, 4);
  if (week > getISOWeeksInYear(jan4)) return null;
  const monday = setISOWeek(startOfISOWeekYear(jan4), week);
  return { start: fromDate(monday), end: fromDate(endOfISOWeek(monday)) };
}

/** A short name for the period that holds `day`: `today`, `2026-W48`, `Nov 2026`, `2026-Q4`. */
export function periodLabel(per: Period, day: Day): string {
  const date = toDate(day);
  switch (per) {
    case 'day':
      return day;
    case 'week':
      return isoWeekLabel(day);
    case 'month':
      return lightFormat(date, 'yyyy-MM');
    case 'quarter':
      return `${lightFormat(date, 'yyyy')}-Q${getQuarter(date)}`;
  }
}

/**
 * Every day from `start` to `end`, both included (none when `end` is before `start`). One
 * date-fns call for the whole span: a sweep over years of history calls this once, and per-day
 * addDays/toDate calls were most of what `status` spent on a long history.
 */
export function eachDay(start: Day, end: Day): Day[] {
  if (end < start) return [];
  return eachDayOfInterval({ start: toDate(start), end: toDate(end) }).map(fromDate);
}

/** The words every date option takes besides `YYYY-MM-DD` (SPEC ground rules), for messages and help. */
export const DATE_WORDS_HELP =
  'YYYY-MM-DD, today, yesterday, or a weekday name (mon..sun, monday..sunday: the most recent one before today)';

const WEEKDAY_WORDS: ReadonlyMap<string, number> = new Map(
  ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'].flatMap(
    (name, index) => [
      [name, index],
      [name.slice(0, 3), index],
    ],
  ),
);

/**
 * A date option's value as a day: `YYYY-MM-DD`, `today`, `yesterday`, or a weekday name (`mon` ..
 * `sun`, `monday` .. `sunday`) meaning the most recent such day before `today` (`mon` on a Monday
 * is a week ago). Case-insensitive; null for anything else.
 */
export function parseDateWord(input: string, today: Day): Day | null {
  const word = input.trim().toLowerCase();
  if (word === 'today') return today;
  if (word === 'yesterday') return addDay(today, -1);
  const index = WEEKDAY_WORDS.get(word);
  if (index !== undefined) return addDay(today, -(((weekdayIndex(today) - index + 6) % 7) + 1));
  return parseDay(input);
}

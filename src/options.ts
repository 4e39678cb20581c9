import { resolveActivity } from './domain/activities.js';
import { DATE_WORDS_HELP, parseDateWord } from './domain/dates.js';
import { LIMITS } from './domain/limits.js';
import { nearest } from './domain/suggest.js';
import { CONTROL_CHARS } from './domain/text.js';
import type { Day } from './domain/types.js';
import { usage } from './errors.js';

export const MAX_COUNT: number = LIMITS.count;
export const MAX_TEXT: number = LIMITS.text;

/**
 * A `--date`-style value: a real `YYYY-MM-DD` or a date word (`today`, `yesterday`, `mon`..`sun`:
 * see parseDateWord); on writes, not after today.
 */
export function dateOption(value: string, today: Day, what: string, opts: { write: boolean }): Day {
  const day = parseDateWord(value, today);
  if (day === null) usage(`${what} '${value}' is not a date: use ${DATE_WORDS_HELP}`);
  if (opts.write && day > today) usage(`${what} ${day} is in the future: today is ${today}`);
  return day;
}

/** The day an option names, or today when it is left out: `--date`, `--from`, `--since`. */
export function dateOrToday(
  value: string | undefined,
  today: Day,
  what: string,
  opts: { write: boolean },
): Day {
  return value === undefined ? today : dateOption(value, today, what, opts);
}

/** A `--time` value: a local wall-clock time, 24-hour `HH:MM` (`9:05` is read as `09:05`). */
export function timeOption(value: string, what = '--time'): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (m === null || Number(m[1]) > 23 || Number(m[2]) > 59) {
    usage(`${what} '${value}' is not a time: use HH:MM, 24-hour local time, for example 09:30`);
  }
  const [, hh = '', mm = ''] = m;
  return `${hh.padStart(2, '0')}:${mm}`;
}

/**
 * The time an entry written on `date` carries: `--time` when given; otherwise the wall-clock time
 * of `now` when the entry is for today (with or without `--date`), and none for another day.
 * A `--time` later than now on today is refused: it has not happened yet.
 */
export function entryTime(
  value: string | undefined,
  date: Day,
  today: Day,
  now: Date,
): string | undefined {
  const clock = `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
  if (value === undefined) return date === today ? clock : undefined;
  const time = timeOption(value);
  if (date === today && time > clock) usage(`--time ${time} is in the future: it is ${clock} now`);
  return time;
}

/** A whole number from `min` to `max`, written as plain digits. */
export function wholeNumber(value: string, what: string, min: number, max: number): number {
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    usage(`${what} '${value}' is not a whole number from ${min} to ${max}`);
  }
  return n;
}

export function activityOption(value: string, custom: readonly string[]): string {
  const found = resolveActivity(value, custom);
  if (found.ok) return found.activity;
  const hint = found.suggestion ? `did you mean '${found.suggestion}'? ` : '';
  usage(
    `unknown activity '${value}': ${hint}see 'prospect activity list' (or add it with 'prospect activity add')`,
  );
}

export function choice<T extends string>(value: string, allowed: readonly T[], what: string): T {
  const lower = value.toLowerCase();
  if ((allowed as readonly string[]).includes(lower)) return lower as T;
  const guess = nearest(lower, allowed);
  usage(
    `${what} '${value}' is not one of ${allowed.join(', ')}${guess ? ` (did you mean '${guess}'?)` : ''}`,
  );
}

/** Free text from a flag: one line, no control characters, not empty, not huge. */
export function textOption(value: string, what: string, max = MAX_TEXT): string {
  const text = value.trim();
  if (text === '') {
    // Only an option can be left out: `config set name ''` and `belief add ''` must say what fits.
    const orLeaveOut = what.startsWith('--') ? ', or leave the option out' : '';
    usage(`${what} is empty: give one line of text, up to ${max} characters${orLeaveOut}`);
  }
  // C0, DEL, C1 and the Unicode line breaks: each would break the one-line output or the terminal.
  if (CONTROL_CHARS.test(text))
    usage(`${what} contains a control character: use plain text on one line`);
  if (text.length > max)
    usage(`${what} is ${text.length} characters long: at most ${max} are accepted`);
  return text;
}

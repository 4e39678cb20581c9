import { resolveActivity } from './domain/activities.js';
import { parseDay } from './domain/dates.js';
import { LIMITS } from './domain/limits.js';
import { nearest } from './domain/suggest.js';
import type { Day } from './domain/types.js';
import { usage } from './errors.js';

export const MAX_COUNT: number = LIMITS.count;
export const MAX_TEXT: number = LIMITS.text;

/** A `--date`-style value: a real `YYYY-MM-DD`; on writes, not after today. */
export function dateOption(value: string, today: Day, what: string, opts: { write: boolean }): Day {
  const day = parseDay(value);
  if (day === null) usage(`${what} '${value}' is not a date: use YYYY-MM-DD, for example ${today}`);
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
  if (text === '') usage(`${what} is empty: give some text, or leave the option out`);
  // C0, DEL, C1 and the Unicode line breaks: each would break the one-line output or the terminal.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(text))
    usage(`${what} contains a control character: use plain text on one line`);
  if (text.length > max)
    usage(`${what} is ${text.length} characters long: at most ${max} are accepted`);
  return text;
}

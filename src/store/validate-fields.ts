import { parseDay } from '../domain/dates.js';
import { CONTROL_CHARS } from '../domain/text.js';
import type { Day } from '../domain/types.js';
import { shown } from '../errors.js';

/** The checks of single values that the store check (validate.ts) is made of. */

/** How deep a field this release does not know may nest (a crafted file nests 100,000 deep). */
export const MAX_DEPTH = 16;

export type Rec = Record<string, unknown>;
export const isObject = (v: unknown): v is Rec =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A store repeats each date many times (one per entry); check each distinct string once. */
const checkedDays = new Set<string>();
export const isDay = (v: unknown): v is Day => {
  if (typeof v !== 'string') return false;
  if (checkedDays.has(v)) return true;
  if (parseDay(v) === null) return false;
  checkedDays.add(v);
  return true;
};

export const ID = /^[0-9a-z][0-9a-z-]{0,39}$/;
export const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** What is wrong with a day, in the words `--date` uses, or undefined. */
export function dayProblem(v: unknown, at: string, today: Day | undefined): string | undefined {
  if (!isDay(v)) return `${at} ${shown(v)} is not a date: use YYYY-MM-DD`;
  if (today !== undefined && v > today) return `${at} ${v} is in the future: today is ${today}`;
  return undefined;
}

/** What textOption would say about free text, or undefined. */
export function textProblem(v: unknown, at: string, max: number): string | undefined {
  if (typeof v !== 'string') return `${at} ${shown(v)} is not text`;
  if (v.trim() === '') return `${at} is empty: give some text, or leave it out`;
  if (CONTROL_CHARS.test(v))
    return `${at} ${shown(v)} contains a control character: use plain text on one line`;
  if (v.length > max) return `${at} is ${v.length} characters long: at most ${max} are accepted`;
  return undefined;
}

export function wholeProblem(v: unknown, at: string, min: number, max: number): string | undefined {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    return `${at} ${shown(v)} is not a whole number from ${min} to ${max}`;
  }
  return undefined;
}

export function oneOf(v: unknown, at: string, allowed: readonly string[]): string | undefined {
  return typeof v === 'string' && allowed.includes(v)
    ? undefined
    : `${at} ${shown(v)} is not one of ${allowed.join(', ')}`;
}

export function idProblem(v: unknown, at: string): string | undefined {
  return typeof v === 'string' && ID.test(v)
    ? undefined
    : `${at} ${shown(v)} is not an id (lower-case letters and digits, up to 40)`;
}

/**
 * Whether a value nests deeper than `max` (lists and objects): walked with a stack of its own, so
 * a value nested 100,000 deep is answered, not a stack overflow.
 */
function tooDeep(value: unknown, max = MAX_DEPTH): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (depth > max) return true;
    for (const child of Object.values(v as object)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** An unknown field is kept as it is, unless it nests too deep to be written back. */
export function unknownProblem(
  rec: Rec,
  known: ReadonlySet<string>,
  at: string,
): string | undefined {
  for (const key in rec) {
    if (known.has(key)) continue;
    if (tooDeep(rec[key])) {
      return `${at}.${printableKey(key)} nests more than ${MAX_DEPTH} levels deep: a store holds no such value`;
    }
  }
  return undefined;
}

const printableKey = (key: string) => shown(key).slice(1, -1);

export const optTextProblem = (v: unknown, at: string, max: number) =>
  v === undefined ? undefined : textProblem(v, at, max);

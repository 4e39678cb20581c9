import { UNSAFE_IN_A_LINE } from './safe-text.js';
/** Thrown after deciding how a command ends; the top-level catch prints `message` and exits `code`. */
export class ExitError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** Bad input or usage: exit 2, store untouched. */
export function usage(message: string): never {
  throw new ExitError(2, message);
}

/** Anything else that stops a command: exit 1, store untouched. */
export function failure(message: string): never {
  throw new ExitError(1, message);
}

/** A write failed because the disk (or the user's disk quota) is full. */
export function isNoSpace(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/** Exit 1 for a full disk: one line, no stack; callers first remove what they had begun. */
export function noSpace(path: string): never {
  failure(`no space left on the device holding ${path}: nothing was written`);
}

/**
 * A message made safe to print on one line: control characters (a newline, an escape sequence
 * that would recolour or rewrite the terminal) in a value the user typed are shown escaped.
 */
export function printable(message: string): string {
  return bounded(message).replace(UNSAFE_IN_A_LINE, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    if (c === '\r') return '\\r';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** How much of a value a message quotes: a longer one is cut here and ends with "…". */
export const SHOWN_CHARS = 40;
/** The most a message says: a longer one (a value quoted whole by mistake) loses its middle. */
export const MESSAGE_CHARS = 1000;

/**
 * A value as a message quotes it: text in quotes, at most SHOWN_CHARS of it (then "…"), with
 * control characters escaped; a number as written; a list or an object by its kind (never
 * serialised: it may be huge or nested too deep to serialise).
 */
export function shown(value: unknown): string {
  if (typeof value === 'string') {
    const cut = value.length > SHOWN_CHARS ? `${value.slice(0, SHOWN_CHARS)}…` : value;
    return `'${printable(cut)}'`;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
    return String(value);
  }
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** A message at most MESSAGE_CHARS long: its start and its end (what is accepted) are kept. */
export function bounded(message: string): string {
  if (message.length <= MESSAGE_CHARS) return message;
  const head = Math.floor(MESSAGE_CHARS * 0.6);
  const tail = MESSAGE_CHARS - head;
  return `${message.slice(0, head)}…(${message.length - MESSAGE_CHARS} characters left out)…${message.slice(-tail)}`;
}

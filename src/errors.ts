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
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  return message.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    if (c === '\r') return '\\r';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

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

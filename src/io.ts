import { Chalk, type ChalkInstance } from 'chalk';

/** Everything a command touches outside the store: streams, terminal facts, environment and clock. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  stdoutIsTTY: boolean;
  stdinIsTTY: boolean;
  /** The terminal's width in columns when stdout is one; undefined for a pipe or file (wrap at 80). */
  columns?: number;
  env: NodeJS.ProcessEnv;
  now(): Date;
}

export function processIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdoutIsTTY: process.stdout.isTTY === true,
    // Only the interactive check-in asks; touching process.stdin builds a stream (~1.5 ms).
    get stdinIsTTY() {
      return process.stdin.isTTY === true;
    },
    get columns() {
      return process.stdout.isTTY ? process.stdout.columns : undefined;
    },
    env: process.env,
    now: () => new Date(),
  };
}

/**
 * Colour only for a person at a terminal: never under NO_COLOR (any non-empty value), --no-color,
 * TERM=dumb, or when stdout is a pipe or file. FORCE_COLOR turns it on for a pipe (chalk's rule).
 */
export function colorEnabled(io: Io, flag: boolean): boolean {
  if (!flag) return false;
  if (io.env.NO_COLOR) return false;
  if (io.env.TERM === 'dumb') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  return io.stdoutIsTTY;
}

export function paint(enabled: boolean): ChalkInstance {
  return new Chalk({ level: enabled ? 1 : 0 });
}

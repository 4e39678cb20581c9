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

/**
 * The real streams. A reader that goes away early (`| head -1`, quitting `less`) closes the pipe:
 * Node reports that as an 'error' event (EPIPE) which, unhandled, would crash with a stack. It is
 * not an error of the command: from then on its output is dropped and the command runs to its end
 * as usual, so a write is finished (or refused) exactly as it would be, and the exit code is the
 * command's own (0 for a read), like git. Any other failure to write stdout (a full disk under
 * `> file`) ends with exit 1 and one line on stderr.
 */
let stdoutFailed = false;

/** True once writing stdout failed for a reason other than a closed pipe: the run exits 1. */
export function outputFailed(): boolean {
  return stdoutFailed;
}

export function processIo(): Io {
  let stdoutGone = false;
  let stderrGone = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (stdoutGone) return;
    stdoutGone = true;
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    if (!stderrGone) process.stderr.write(`prospect: cannot write the output: ${error.message}\n`);
    if (!process.exitCode) process.exitCode = 1;
    stdoutFailed = true;
  });
  process.stderr.on('error', () => {
    stderrGone = true;
  });
  return {
    stdout: (text) => {
      if (!stdoutGone) process.stdout.write(text);
    },
    stderr: (text) => {
      if (!stderrGone) process.stderr.write(text);
    },
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

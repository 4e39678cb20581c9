import { fstatSync, statSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';

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

/**
 * Writes all of `text` to fd 1 with fs.writeSync, without process.stdout: building that stream
 * loads net, stream and tty for a pipe (~3 ms of a run; README "Performance"). A write can be
 * partial (a pipe set non-blocking by someone else); EAGAIN waits 1 ms and tries again. Other
 * failures go to `failed`, and the rest of the text is dropped.
 */
function writeStdout(text: string, failed: (error: NodeJS.ErrnoException) => void): void {
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(1, bytes, done);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') {
        failed(error as NodeJS.ErrnoException);
        return;
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
}

/**
 * Whether fd 1 is a terminal. node:tty (which loads net) only for a character device other than
 * /dev/null (`prospect log call 1 > /dev/null` in a script).
 */
function stdoutIsTerminal(): boolean {
  try {
    const out = fstatSync(1);
    if (!out.isCharacterDevice()) return false;
    if (out.rdev === statSync('/dev/null', { throwIfNoEntry: false })?.rdev) return false;
    return isatty(1);
  } catch {
    return false;
  }
}

export function processIo(): Io {
  let stdoutGone = false;
  let stderrGone = false;
  let stderrWatched = false;
  const stderr = (text: string) => {
    if (stderrGone) return;
    if (!stderrWatched) {
      // process.stderr is built on the first write only: most runs write none.
      stderrWatched = true;
      process.stderr.on('error', () => {
        stderrGone = true;
      });
    }
    process.stderr.write(text);
  };
  const failStdout = (error: NodeJS.ErrnoException) => {
    if (stdoutGone) return;
    stdoutGone = true;
    if (error.code === 'EPIPE') return;
    stderr(`prospect: cannot write the output: ${error.message}\n`);
    if (!process.exitCode) process.exitCode = 1;
    stdoutFailed = true;
  };
  let tty: boolean | undefined;
  return {
    stdout: (text) => {
      if (!stdoutGone) writeStdout(text, failStdout);
    },
    stderr,
    get stdoutIsTTY() {
      tty ??= stdoutIsTerminal();
      return tty;
    },
    // Only the interactive check-in asks; touching process.stdin builds a stream (~1.5 ms).
    get stdinIsTTY() {
      return process.stdin.isTTY === true;
    },
    // Asked only at a terminal: process.stdout would build a stream (and load net or tty) for a pipe.
    get columns() {
      return this.stdoutIsTTY ? process.stdout.columns : undefined;
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

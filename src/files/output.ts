import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ExitError, failure, isNoSpace, noSpace, usage } from '../errors.js';
import type { Io } from '../io.js';
import { safeText } from '../safe-text.js';

/** The file name that means standard output, for every `--out` and `--ics`. */
export const STDOUT = '-';

/**
 * Where every `--out` and `--ics` goes: `-` prints `text` on stdout (returns null); any other name
 * is written through writeOutput (returns the file's absolute path).
 */
export function deliver(
  io: Io,
  file: string,
  text: string,
  opts: { force?: boolean; option?: string } = {},
): string | null {
  if (file === STDOUT) {
    io.stdout(text);
    return null;
  }
  return writeOutput(file, text, opts);
}

/** Mode of the files `--out` and `--ics` write (the umask may only take bits away). */
const OUTPUT_MODE = 0o600;

/**
 * Writes `text` to `file` so that a reader only ever sees the old file or the whole new one:
 * a temp file in the same folder, flushed, then moved into place. Without `force` an existing
 * file is never replaced (exit 2); the check and the move are one step where the file system
 * allows hard links, so a file created meanwhile is not clobbered either.
 */
export function writeOutput(
  file: string,
  text: string,
  opts: { force?: boolean; option?: string } = {},
): string {
  const option = opts.option ?? '--out';
  const target = resolve(file);
  if (!opts.force && existsSync(target)) {
    exists(file, option);
  }
  const dir = dirname(target);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    // A folder that is not there is a bad value, like an unknown client: exit 2, as --ics does.
    usage(`${option} ${file}: the folder ${dir} does not exist: give a file in an existing folder`);
  }
  const temp = join(
    dir,
    `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    // Reports and exports hold names and beliefs: owner-only, like the store.
    const fd = openSync(temp, 'wx', OUTPUT_MODE);
    try {
      // The same cleaning as the terminal gets (src/safe-text.ts): files are opened in terminals too.
      writeSync(fd, safeText(text));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (opts.force) {
      renameSync(temp, target);
    } else {
      moveIfAbsent(temp, target, file, option);
    }
  } catch (error) {
    rmSync(temp, { force: true });
    if (error instanceof ExitError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') exists(file, option);
    if (isNoSpace(error)) noSpace(target);
    if (typeof code === 'string') failure(`cannot write ${file}: ${(error as Error).message}`);
    throw error;
  }
  return target;
}

function moveIfAbsent(temp: string, target: string, file: string, option: string): void {
  try {
    linkSync(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw error;
    // Some file systems (FAT, some network shares) have no hard links: fall back to check + move.
    if (existsSync(target)) exists(file, option);
    renameSync(temp, target);
    return;
  }
  rmSync(temp, { force: true });
}

function exists(file: string, option: string): never {
  usage(`${file} already exists: add --force to overwrite it, or choose another ${option}`);
}

import {
  type BigIntStats,
  chmodSync,
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import envPaths from 'env-paths';
import type { StoreData } from '../domain/types.js';
import { failure, isNoSpace, noSpace } from '../errors.js';
import { markCommitted, stopIfInterrupted, testPause } from '../interrupt.js';
import { backupStore, dailyBackup } from './backup.js';
import { type Held, withLock } from './lock.js';
import { type CacheAt, FILE_NAME, type StoreAt } from './place.js';
import {
  emptyStore,
  MIGRATIONS,
  migrate,
  SCHEMA_VERSION,
  StoreProblem,
  versionOf,
} from './schema.js';
import { vouch, vouched, vouchWritten } from './verdict.js';

/** The store and its backups: only the owner may read or write them. */
const FILE_MODE = 0o600;
/** Folders prospect creates: only the owner may list or enter them. */
const FOLDER_MODE = 0o700;

/**
 * `PROSPECT_HOME/prospect.json`, or `prospect.json` in the per-user config folder that conf chose
 * when prospect used it (env-paths 'prospect', suffix 'nodejs'), so existing stores are found.
 */
export function storePath(home: string | undefined): string {
  const dir = home ? resolve(home) : envPaths('prospect', { suffix: 'nodejs' }).config;
  return join(dir, `${FILE_NAME}.json`);
}

export interface Loaded {
  path: string;
  data: StoreData;
  /** False for a store that has never been written. */
  exists: boolean;
  /** The schema the file had (0 when there is no file); below SCHEMA_VERSION it was migrated. */
  fromVersion: number;
}

/**
 * The store file's text and the identity of the file it was read from (src/store/verdict.ts), or
 * null when there is none yet. Any other trouble stops with exit 1.
 */
function readText(path: string): { text: string; stat: BigIntStats } | null {
  try {
    return readFrom(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    failure(cannotRead(path, error as NodeJS.ErrnoException));
  }
}

/** The text and the identity of one and the same file, whatever is renamed over it meanwhile. */
function readFrom(path: string): { text: string; stat: BigIntStats } {
  const fd = openSync(path, 'r');
  try {
    const stat = fstatSync(fd, { bigint: true });
    return { stat, text: readFileSync(fd, 'utf8') };
  } finally {
    closeSync(fd);
  }
}

function cannotRead(path: string, error: NodeJS.ErrnoException): string {
  const dir = dirname(path);
  switch (error.code) {
    case 'ENOTDIR':
      return `the store folder ${dir} is not a folder (a file is in the way): set PROSPECT_HOME to a folder`;
    case 'EACCES':
    case 'EPERM':
      return `cannot read the store at ${path}: permission denied. Check the owner and mode of ${dir} (ls -ld ${dir})`;
    case 'EISDIR':
      return `the store at ${path} is a folder, not a file: move it away or set PROSPECT_HOME to another folder`;
    default:
      return `cannot read the store at ${path}: ${error.message}`;
  }
}

function parse(path: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    broken(path, new StoreProblem(`it is not valid JSON (${(error as Error).message})`));
  }
}

/** Reads and checks the store once, without a lock: writers replace the file by renaming. */
export function readStore(at: StoreAt): Loaded {
  return load(storePath(at.home), false, at.cache);
}

/**
 * Reads, parses and checks the store at `path`, migrating an older one in memory. `forWrite`: the
 * result is about to be written, so an older store is first copied into the backups.
 */
function load(path: string, forWrite: boolean, cache: CacheAt): Loaded {
  const read = readText(path);
  if (read === null) return { path, data: emptyStore(), exists: false, fromVersion: 0 };
  const raw = parse(path, read.text);
  // A store this build checked (or wrote) as it is now: the check is skipped (src/store/verdict.ts).
  if (isCurrent(raw) && vouched(cache, path, read.stat)) {
    return { path, data: raw as StoreData, exists: true, fromVersion: SCHEMA_VERSION };
  }
  // A copy of an older store before it is migrated for a write: only when the migration worked
  // (the store is about to be rewritten) or a step of it failed (a copy to send with a report).
  // A store that is broken anyway gets none: every refused write would add one.
  const copy = () =>
    forWrite && versionOf(raw) < SCHEMA_VERSION
      ? backupStore(path, `before-schema-${SCHEMA_VERSION}`)
      : null;
  try {
    const { data, fromVersion } = migrate(raw, MIGRATIONS, SCHEMA_VERSION);
    copy();
    // Checked: the next read may skip the check. Not for a write, which replaces the file anyway.
    if (!forWrite && fromVersion === SCHEMA_VERSION) vouch(cache, path, read.stat);
    return { path, data, exists: true, fromVersion };
  } catch (error) {
    if (error instanceof StoreProblem) {
      const backup = error.inMigration ? copy() : null;
      broken(path, error, backup ? ` A copy of it from before the migration is at ${backup}.` : '');
    }
    throw error;
  }
}

function isCurrent(raw: unknown): boolean {
  return (
    typeof raw === 'object' &&
    raw !== null &&
    (raw as { schemaVersion?: unknown }).schemaVersion === SCHEMA_VERSION
  );
}

function broken(path: string, problem: StoreProblem, extra = ''): never {
  if (problem.newer) {
    failure(
      `the store at ${path} cannot be used: ${problem.message}. Nothing was changed.${extra}`,
    );
  }
  failure(
    `the store at ${path} cannot be used: ${problem.message}. Nothing was changed.${extra} See what is wrong and restore a backup: prospect doctor`,
  );
}

/**
 * The store's folder, created (mode 0700) when missing: a new PROSPECT_HOME is a new profile.
 * A folder that already exists keeps the mode its owner gave it (it may be a synced folder).
 */
function ensureFolder(path: string): string | undefined {
  const dir = dirname(path);
  let isFolder: boolean | undefined;
  try {
    isFolder = statSync(dir).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      failure(cannotRead(path, error as NodeJS.ErrnoException));
    }
  }
  if (isFolder === false) {
    failure(`the store folder ${dir} is a file, not a folder: set PROSPECT_HOME to a folder`);
  }
  if (isFolder) return undefined;
  try {
    const first = mkdirSync(dir, { recursive: true, mode: FOLDER_MODE });
    // The umask may have taken bits away, never added: set exactly 0700.
    chmodSync(dir, FOLDER_MODE);
    return first;
  } catch (error) {
    failure(`cannot create the store folder ${dir}: ${(error as Error).message}`);
  }
}

/**
 * Runs a write with the store's folder in place. When the command fails, folders it created are
 * removed again if still empty (a refused command leaves nothing behind); rmdir, never a
 * recursive delete, so a store another process wrote meanwhile is safe.
 */
export async function inFolder<T>(path: string, fn: () => Promise<T>): Promise<T> {
  const created = ensureFolder(path);
  try {
    return await fn();
  } catch (error) {
    for (let dir = dirname(path); created !== undefined; dir = dirname(dir)) {
      try {
        rmdirSync(dir);
      } catch {
        break;
      }
      if (dir === created) break;
    }
    throw error;
  }
}

type WriteFile = (path: string, data: string, options: { mode: number }) => void;
let writeModule: Promise<WriteFile> | undefined;

/** atomically loads lazily (read-only commands never need it), and before the lock. */
function loadWriter(): Promise<WriteFile> {
  writeModule ??= import('atomically').then((atomic) => atomic.writeFileSync);
  return writeModule;
}

/**
 * Writes the whole store once, atomically: a temp file beside it (mode 0600, fsynced) renamed
 * over it, so a reader or a crash sees the old or the new store, never a torn one. No fallback
 * to a plain write: a torn store is worse than a failed command (README "Your data": why not conf).
 */
async function writeStore(path: string, data: StoreData, cache: CacheAt): Promise<void> {
  // Callers run inside inFolder(), which has made sure the folder is there.
  const atomicWrite = await loadWriter();
  try {
    atomicWrite(path, JSON.stringify(data), { mode: FILE_MODE });
  } catch (error) {
    if (isNoSpace(error)) noSpace(path);
    failure(`cannot write the store at ${path}: ${(error as Error).message}. Nothing was changed`);
  }
  // A file left looser by hand gets 0600 back: the rename brought a new file with that mode.
  try {
    chmodSync(path, FILE_MODE);
  } catch {}
  // Under the lock, after the rename (and the chmod, which changes the ctime): the store just
  // written is the checked one plus the command's own changes, so the next read skips the check.
  vouchWritten(cache, path);
}

/** Temp files of writes that were killed before their rename; safe to remove under the lock. */
export function leftoverTempFiles(path: string): string[] {
  const dir = dirname(path);
  const prefix = `${FILE_NAME}.json.tmp-`;
  try {
    return readdirSync(dir)
      .filter((f) => f.startsWith(prefix))
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

function removeLeftovers(path: string): void {
  for (const file of leftoverTempFiles(path)) {
    try {
      unlinkSync(file);
    } catch {}
  }
}

/**
 * Reads the store under the inter-process lock, migrates it (after a backup) if it is older, lets
 * `change` edit it, and writes it once if `change` returns without throwing (after the day's
 * first backup).
 */
export async function updateStore<T>(
  at: StoreAt,
  change: (data: StoreData, loaded: Loaded) => T,
): Promise<T> {
  const path = storePath(at.home);
  await loadWriter();
  return inFolder(path, () =>
    withLock(
      path,
      async (lock) => {
        removeLeftovers(path);
        const loaded = readForWrite(path, at.cache);
        const result = change(loaded.data, loaded);
        if (loaded.exists) dailyBackup(path);
        await commit(lock, path, loaded.data, at.cache);
        return result;
      },
      at.lockWaitMs,
    ),
  );
}

/** Writes while holding the lock, after checking it is still ours. */
export async function commit(
  lock: Held,
  path: string,
  data: StoreData,
  cache: CacheAt,
): Promise<void> {
  lock.check();
  await testPause('before-commit');
  // The last look at Ctrl-C: nothing below yields to the event loop before the rename.
  stopIfInterrupted();
  await writeStore(path, data, cache);
  markCommitted();
  await testPause('after-commit');
}

/** Like readStore, but an older store is backed up before it is migrated (it is about to be written). */
function readForWrite(path: string, cache: CacheAt): Loaded {
  return load(path, true, cache);
}

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
import {
  attachHistory,
  fromJson,
  type History,
  type HistoryJson,
  NeedsWholeStore,
  type Since,
  summarise,
} from '../domain/history.js';
import { offerSweep } from '../domain/sweep-state.js';
import type { StoreData } from '../domain/types.js';
import { failure, isNoSpace, noSpace } from '../errors.js';
import { markCommitted, stopIfInterrupted, testPause } from '../interrupt.js';
import { backupStore, dailyBackup } from './backup.js';
import {
  chooseSplit,
  currentRef,
  furtherSplit,
  HistoryMissing,
  type HistoryRef,
  historyPath,
  newHistoryName,
  otherHistories,
  readHistory,
  removeFiles,
  splitProblem,
  withHistory,
} from './history.js';
import { type Held, withLock } from './lock.js';
import { type CacheAt, FILE_NAME, type StoreAt } from './place.js';
import {
  emptyStore,
  findProblem,
  MIGRATIONS,
  migrate,
  SCHEMA_VERSION,
  StoreProblem,
  versionOf,
} from './schema.js';
import { readSummary, writeSummary } from './summary-cache.js';
import { sweepResume } from './sweep-cache.js';
import { knownActivity } from './validate.js';
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
  /** The history file the store file names (src/store/history.ts), as it was read. */
  history?: ReadHistory;
  /**
   * True when `data` is the store file alone, its history summed up beside it (historyOf(data)):
   * what readRecent and updateRecent give when the command looks no further back than that.
   */
  partial: boolean;
}

interface ReadHistory {
  ref: HistoryRef;
  path: string;
  /** Its text, when the whole store was read: a write keeps the file when it would not change. */
  text?: string;
}

export { NeedsWholeStore } from '../domain/history.js';

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

/** Reads and checks the whole store once, without a lock: writers replace the file by renaming. */
export function readStore(at: StoreAt): Loaded {
  return load(storePath(at.home), false, at.cache);
}

/**
 * Like readStore, for a command that reads entries and leads only from `from` on, and the rest
 * only through Tally.of, AskLog.of and entryIdsOf (src/domain/history.ts): the store file alone
 * when its history is older than `from` and summed up in the cache, else the whole store.
 */
export function readRecent(at: StoreAt, from: Since): Loaded {
  return load(storePath(at.home), false, at.cache, from);
}

/**
 * Reads, parses and checks the store at `path`, migrating an older one in memory. `forWrite`: the
 * result is about to be written, so an older store is first copied into the backups. `from`: the
 * store file alone will do for a command that looks no further back (readRecent).
 */
function load(path: string, forWrite: boolean, cache: CacheAt, from?: Since): Loaded {
  // A history file that is gone: a writer replaced the store file (and removed the history it
  // superseded) between our reads of the two. Read again; a history still missing is lost.
  for (let attempt = 1; ; attempt++) {
    try {
      return loadOnce(path, forWrite, cache, from);
    } catch (error) {
      if (!(error instanceof HistoryMissing)) throw error;
      if (attempt < 5) continue;
      broken(path, error);
    }
  }
}

function loadOnce(path: string, forWrite: boolean, cache: CacheAt, from?: Since): Loaded {
  const read = readText(path);
  if (read === null)
    return { path, data: emptyStore(), exists: false, fromVersion: 0, partial: false };
  const raw = parse(path, read.text);
  let ref: HistoryRef | undefined;
  try {
    ref = currentRef(raw);
  } catch (error) {
    if (error instanceof StoreProblem) broken(path, error);
    throw error;
  }
  if (ref !== undefined) {
    const recent =
      from !== undefined && from.entries >= ref.before && from.leads >= ref.leadsBefore
        ? recentView(path, read.stat, raw, ref, cache)
        : undefined;
    return (
      recent ?? loadWhole(path, read.stat, raw as Record<string, unknown>, ref, forWrite, cache)
    );
  }
  // A store this build checked (or wrote) as it is now: the check is skipped (src/store/verdict.ts).
  if (isCurrent(raw) && vouched(cache, path, read.stat)) {
    return {
      path,
      data: raw as StoreData,
      exists: true,
      fromVersion: SCHEMA_VERSION,
      partial: false,
    };
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
    return { path, data, exists: true, fromVersion, partial: false };
  } catch (error) {
    if (error instanceof StoreProblem) {
      const backup = error.inMigration ? copy() : null;
      broken(path, error, backup ? ` A copy of it from before the migration is at ${backup}.` : '');
    }
    throw error;
  }
}

/** The store file and its history, put together and checked as one store. */
function loadWhole(
  path: string,
  stat: BigIntStats,
  raw: Record<string, unknown>,
  ref: HistoryRef,
  forWrite: boolean,
  cache: CacheAt,
): Loaded {
  let history: ReturnType<typeof readHistory>;
  try {
    history = readHistory(path, ref);
  } catch (error) {
    // A missing one goes up to load(), which reads the store file again before giving up.
    if (error instanceof StoreProblem && !(error instanceof HistoryMissing)) broken(path, error);
    throw error;
  }
  const whole = withHistory(raw, history);
  const read: ReadHistory = { ref, path: history.path, text: history.text };
  let data: StoreData;
  if (vouched(cache, path, stat, history.stat)) {
    data = whole as unknown as StoreData;
  } else {
    try {
      data = migrate(whole, MIGRATIONS, SCHEMA_VERSION).data;
    } catch (error) {
      if (error instanceof StoreProblem) broken(path, error);
      throw error;
    }
    const problem = splitProblem(ref, data.entries, data.leads);
    if (problem) broken(path, new StoreProblem(problem));
    if (!forWrite) vouch(cache, path, stat, history.stat);
  }
  // The summary a later readRecent needs, made once from the history just checked.
  // (A write too: a run of writes after an upgrade would otherwise read the whole store each time.)
  const cached = readSummary(cache, path, history.path, history.stat);
  if (!summaryOf(cached?.read, ref)) {
    const summary = summarise(history.entries, history.leads, ref);
    writeSummary(cache, path, history.path, history.stat, summary);
  }
  return { path, data, exists: true, fromVersion: SCHEMA_VERSION, history: read, partial: false };
}

/**
 * The store file alone, its history summed up from the cache: undefined (read the whole store)
 * when the summary is missing or not of this history file, or when the store file is not one
 * this build checked and it fails a check on its own or against the summary (the whole store's
 * check then says what is wrong, as it would without the summary).
 */
function recentView(
  path: string,
  stat: BigIntStats,
  raw: unknown,
  ref: HistoryRef,
  cache: CacheAt,
): Loaded | undefined {
  const file = historyPath(path, ref);
  let historyStat: BigIntStats;
  let history: History;
  try {
    historyStat = statSync(file, { bigint: true });
    const cached = readSummary(cache, path, file, historyStat);
    if (cached === undefined || !summaryOf(cached.read, ref)) return undefined;
    history = fromJson(cached.read, cached.ids);
  } catch {
    return undefined;
  }
  const { history: _, ...head } = raw as Record<string, unknown>;
  const data = head as unknown as StoreData;
  if (!vouched(cache, path, stat, historyStat)) {
    try {
      if (findProblem(head) !== undefined) return undefined;
      if (data.entries.some((e) => history.entryIds.has(e.id))) return undefined;
      if (data.leads.some((l) => history.leadIds.has(l.id))) return undefined;
      if (!history.activities.every((a) => knownActivity(a, data.activities))) return undefined;
    } catch {
      return undefined;
    }
    vouch(cache, path, stat, historyStat);
  }
  attachHistory(data, history);
  // The streak sweep's saved state, read only if a sweep asks for it (src/store/sweep-cache.ts).
  const resume = sweepResume(cache, path, file, historyStat, data, history);
  if (resume !== undefined) offerSweep(data, resume);
  return {
    path,
    data,
    exists: true,
    fromVersion: SCHEMA_VERSION,
    history: { ref, path: file },
    partial: true,
  };
}

/** Whether a cached summary is of the split the store file names. */
function summaryOf(json: HistoryJson | undefined, ref: HistoryRef): boolean {
  return json !== undefined && json.before === ref.before && json.leadsBefore === ref.leadsBefore;
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

/** One atomic write (temp file, fsync, rename) of `text` at `path`, mode 0600, or exit 1. */
function writeFile(atomicWrite: WriteFile, path: string, text: string, what: string): void {
  try {
    atomicWrite(path, text, { mode: FILE_MODE });
  } catch (error) {
    if (isNoSpace(error)) noSpace(path);
    failure(
      `cannot write the ${what} at ${path}: ${(error as Error).message}. Nothing was changed`,
    );
  }
}

/**
 * Writes the store file once, atomically: a temp file beside it (mode 0600, fsynced) renamed
 * over it, so a reader or a crash sees the old or the new store, never a torn one. No fallback
 * to a plain write: a torn store is worse than a failed command (README "Your data": why not conf).
 * `history`: the history file it names, already written (src/store/history.ts).
 */
async function writeStore(
  path: string,
  data: StoreData,
  cache: CacheAt,
  history?: { ref: HistoryRef; path: string },
): Promise<void> {
  // Callers run inside inFolder(), which has made sure the folder is there.
  const atomicWrite = await loadWriter();
  const text = JSON.stringify(history ? { ...data, history: history.ref } : data);
  writeFile(atomicWrite, path, text, 'store');
  // A file left looser by hand gets 0600 back: the rename brought a new file with that mode; the
  // history file, which a write keeps when it does not change, is set again too.
  try {
    chmodSync(path, FILE_MODE);
  } catch {}
  // Only when loosened: a chmod changes the ctime, the history's identity its summary is keyed to.
  try {
    if (history !== undefined && statSync(history.path).mode & 0o077) {
      chmodSync(history.path, FILE_MODE);
    }
  } catch {}
  // Under the lock, after the rename (and the chmod, which changes the ctime): the store just
  // written is the checked one plus the command's own changes, so the next read skips the check.
  vouchWritten(cache, path, history?.path);
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
 * Reads the whole store under the inter-process lock, migrates it (after a backup) if it is
 * older, lets `change` edit it, and writes it once if `change` returns without throwing (after
 * the day's first backup).
 */
export async function updateStore<T>(
  at: StoreAt,
  change: (data: StoreData, loaded: Loaded) => T,
): Promise<T> {
  return update(at, undefined, change);
}

/**
 * Like updateStore, for a command that reads and changes entries and leads only from `from` on
 * (readRecent's rules): `change` may get the store file alone, and only it is written. A change
 * that finds the store file cannot answer throws NeedsWholeStore and runs again on the whole store.
 */
export async function updateRecent<T>(
  at: StoreAt,
  from: Since,
  change: (data: StoreData, loaded: Loaded) => T,
): Promise<T> {
  return update(at, from, change);
}

async function update<T>(
  at: StoreAt,
  from: Since | undefined,
  change: (data: StoreData, loaded: Loaded) => T,
): Promise<T> {
  const path = storePath(at.home);
  await loadWriter();
  return inFolder(path, () =>
    withLock(
      path,
      async (lock) => {
        removeLeftovers(path);
        let loaded = load(path, true, at.cache, from);
        let result: T;
        try {
          result = change(loaded.data, loaded);
        } catch (error) {
          if (!(error instanceof NeedsWholeStore && loaded.partial)) throw error;
          loaded = load(path, true, at.cache);
          result = change(loaded.data, loaded);
        }
        if (loaded.exists) dailyBackup(path);
        await commitLoaded(lock, path, loaded, at);
        return result;
      },
      at.lockWaitMs,
    ),
  );
}

/**
 * Writes what a command changed: the store file alone when that is what was read and nothing
 * needs to move into the history; else the whole store, split (commit).
 */
async function commitLoaded(lock: Held, path: string, loaded: Loaded, at: StoreAt): Promise<void> {
  const { data, history } = loaded;
  if (!loaded.partial || history === undefined) {
    await commit(lock, path, data, at, history);
    return;
  }
  // The store file alone: unless enough of it is old enough to move into the history.
  const { ref } = history;
  const now = { before: ref.before, leadsBefore: ref.leadsBefore, entries: 0, leads: 0 };
  if (furtherSplit(data, now, at.history) === undefined) {
    await commitFile(lock, path, data, at.cache, history);
    return;
  }
  // Put the store together again (its history just as it was, then the changed store file) and
  // write it split anew.
  const file = readHistory(path, history.ref);
  const whole = withHistory(data as unknown as Record<string, unknown>, file);
  await commit(lock, path, whole as unknown as StoreData, at, { ...history, text: file.text });
}

/** Writes the store file alone, naming the history it named, while holding the lock. */
async function commitFile(
  lock: Held,
  path: string,
  data: StoreData,
  cache: CacheAt,
  history: { ref: HistoryRef; path: string },
): Promise<void> {
  lock.check();
  await testPause('before-commit');
  stopIfInterrupted();
  await writeStore(path, data, cache, history);
  markCommitted();
  // A history file (or its temp file) left by a crashed write goes here too, as in commit.
  removeFiles(otherHistories(path, history.ref.file));
  await testPause('after-commit');
}

/**
 * Writes the whole store `data` while holding the lock, after checking it is still ours: its
 * oldest part into a history file when there is one to keep (src/store/history.ts), a new file
 * only when it changed, then the store file naming it; then the history files it superseded go.
 * `before`: the history the store had, as it was read.
 */
export async function commit(
  lock: Held,
  path: string,
  data: StoreData,
  at: StoreAt,
  before?: { ref: HistoryRef; path: string; text?: string },
): Promise<void> {
  lock.check();
  await testPause('before-commit');
  // The last look at Ctrl-C: nothing below yields to the event loop before the rename.
  stopIfInterrupted();
  const split = chooseSplit(data, before?.ref, at.history);
  let history: { ref: HistoryRef; path: string } | undefined;
  let made: { path: string; summary: ReturnType<typeof summarise> } | undefined;
  let head = data;
  if (split !== undefined) {
    const entries = data.entries.slice(0, split.entries);
    const leads = data.leads.slice(0, split.leads);
    const text = JSON.stringify({ entries, leads });
    if (before?.text === text) {
      history = { ref: { file: before.ref.file, ...split }, path: before.path };
    } else {
      const file = newHistoryName();
      const historyFile = join(dirname(path), file);
      writeFile(await loadWriter(), historyFile, text, 'history');
      history = { ref: { file, ...split }, path: historyFile };
    }
    const was = before?.ref;
    if (
      was?.file !== history.ref.file ||
      was.before !== split.before ||
      was.leadsBefore !== split.leadsBefore
    ) {
      made = { path: history.path, summary: summarise(entries, leads, split) };
    }
    head = {
      ...data,
      entries: data.entries.slice(split.entries),
      leads: data.leads.slice(split.leads),
    };
  }
  await writeStore(path, head, at.cache, history);
  markCommitted();
  // After the rename: the superseded history (and any left by a crash) is no longer named.
  removeFiles(otherHistories(path, history?.ref.file));
  if (made) {
    try {
      writeSummary(at.cache, path, made.path, statSync(made.path, { bigint: true }), made.summary);
    } catch {}
  }
  await testPause('after-commit');
}

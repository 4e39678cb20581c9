import { mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { FileCheck, Health, HistoryInfo, RestoreResult } from '../domain/health.js';
import type { StoreData } from '../domain/types.js';
import { failure } from '../errors.js';
import { backupDir, backupStore, listBackups } from './backup.js';
import {
  HistoryMissing,
  type HistoryRef,
  historyPath,
  historyRef,
  otherHistories,
  readHistory,
  splitProblem,
  wholeStoreText,
} from './history.js';
import { lockPath, readLock, staleReason, withLock } from './lock.js';
import type { StoreAt } from './place.js';
import { MIGRATIONS, migrate, SCHEMA_VERSION, StoreProblem } from './schema.js';
import { commit, inFolder, leftoverTempFiles, storePath } from './store.js';

/** A history file no store names any more, moved into the backups folder (never pruned there). */
function keepHistory(file: string): void {
  try {
    const dir = backupDir(file);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    renameSync(file, join(dir, `kept-${basename(file)}`));
  } catch {}
}

/**
 * The history file a current store file names, checked as a read checks it (src/store/store.ts),
 * or what is wrong with it. No ref: it names none, or is not JSON or not of this schema (a newer
 * one is refused as such below, never restored over).
 */
function historyCheck(path: string, text: string): { ref?: HistoryRef; problem?: string } {
  try {
    const raw = JSON.parse(text);
    if (typeof raw !== 'object' || raw === null || raw.schemaVersion !== SCHEMA_VERSION) return {};
    if (raw.history === undefined) return {};
    const ref = historyRef(raw);
    if (ref !== undefined) readHistory(path, ref);
    return { ref };
  } catch (error) {
    if (error instanceof HistoryMissing)
      return { problem: `its history file ${error.message} is missing` };
    if (error instanceof StoreProblem) return { problem: error.message };
    return {};
  }
}

function checkFile(path: string, whole = false): FileCheck & { data?: StoreData } {
  let text: string;
  let ref: HistoryRef | undefined;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { path, ok: false, problem: `it cannot be read (${(error as Error).message})` };
  }
  const bytes = Buffer.byteLength(text);
  if (whole) {
    // The store file with its history put back: doctor checks the whole store, as a read does.
    const history = historyCheck(path, text);
    if (history.problem !== undefined) return { path, ok: false, bytes, problem: history.problem };
    ref = history.ref;
    try {
      text = wholeStoreText(path, text);
    } catch (error) {
      if (!(error instanceof StoreProblem)) throw error;
      return { path, ok: false, bytes, problem: error.message };
    }
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return {
      path,
      ok: false,
      bytes,
      problem: `it is not valid JSON (${(error as Error).message})`,
    };
  }
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  const schemaVersion = typeof version === 'number' ? version : undefined;
  try {
    const { data } = migrate(raw, MIGRATIONS, SCHEMA_VERSION);
    const split = ref && splitProblem(ref, data.entries, data.leads);
    if (split) return { path, ok: false, bytes, schemaVersion, problem: split };
    return { path, ok: true, bytes, schemaVersion, entries: data.entries.length, data };
  } catch (error) {
    if (!(error instanceof StoreProblem)) throw error;
    return { path, ok: false, bytes, schemaVersion, problem: error.message, newer: error.newer };
  }
}

const modeOf = (path: string): number | null => {
  try {
    return statSync(path).mode & 0o777;
  } catch {
    return null;
  }
};

/** Everything doctor reports; reads only, takes no lock. */
export function inspect(at: StoreAt): Health {
  const path = storePath(at.home);
  const fileMode = modeOf(path);
  const exists = fileMode !== null;
  const lockFile = lockPath(path);
  const info = readLock(lockFile);
  const lockExists = modeOf(lockFile) !== null;
  return {
    path,
    exists,
    store: exists ? strip(checkFile(path, true)) : null,
    fileMode,
    folder: dirname(path),
    folderMode: modeOf(dirname(path)),
    backupDir: backupDir(path),
    backups: listBackups(path)
      .reverse()
      .map((b) => strip(checkFile(b))),
    lock: lockExists
      ? {
          pid: info?.pid ?? 0,
          host: info?.host ?? '',
          token: info?.token ?? '',
          at: info?.at ?? 0,
          file: lockFile,
          stale: staleReason(lockFile),
        }
      : null,
    tempFiles: leftoverTempFiles(path),
    history: exists ? historyInfo(path) : null,
  };
}

/** The history file a current store file names, for doctor's report; null when none or unknown. */
function historyInfo(path: string): HistoryInfo | null {
  try {
    const raw = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof raw !== 'object' || raw === null || raw.schemaVersion !== SCHEMA_VERSION)
      return null;
    const ref = historyRef(raw);
    if (ref === undefined) return null;
    const file = historyPath(path, ref);
    let bytes: number | null = null;
    try {
      bytes = statSync(file).size;
    } catch {}
    const { file: _, ...counts } = ref;
    return { file, ...counts, bytes, mode: modeOf(file) };
  } catch {
    // Not JSON, or a history field that is not one: the store's own check says what is wrong.
    return null;
  }
}

const strip = ({ data: _, ...check }: FileCheck & { data?: StoreData }): FileCheck => check;

/**
 * Puts the newest good backup in place of a broken (or missing) store, under the lock, after
 * copying the broken file into the backups. A sound store is left alone.
 */
export async function restoreNewestGood(at: StoreAt): Promise<RestoreResult> {
  const path = storePath(at.home);
  return inFolder(path, () =>
    withLock(
      path,
      async (lock): Promise<RestoreResult> => {
        const current = modeOf(path) === null ? null : checkFile(path, true);
        if (current?.ok) return { restored: false, reason: 'sound' };
        if (current?.newer) {
          failure(
            `the store at ${path} was written by a newer prospect: upgrade prospect. Restoring an older backup would drop what it wrote, so nothing was changed`,
          );
        }
        // The chosen backup is read into memory first: the copy of the broken file below may prune it.
        let good: (FileCheck & { data?: StoreData }) | undefined;
        for (const file of listBackups(path).reverse()) {
          const check = checkFile(file);
          if (check.ok) {
            good = check;
            break;
          }
        }
        if (!good?.data) {
          failure(
            `there is no usable backup in ${backupDir(path)}; the store at ${path} was left as it is. Fix it by hand or move it away to start afresh`,
          );
        }
        const brokenCopy = current ? backupStore(path, 'broken') : null;
        // A broken store file's history may hold what no backup has: kept beside the backups.
        for (const file of otherHistories(path, undefined)) keepHistory(file);
        await commit(lock, path, good.data, at);
        return {
          restored: true,
          from: basename(good.path),
          brokenCopy,
          entries: good.data.entries.length,
        };
      },
      at.lockWaitMs,
    ),
  );
}

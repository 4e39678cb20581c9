import { mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { FileCheck, Health, HistoryInfo, RestoreResult } from '../domain/health.js';
import type { StoreData } from '../domain/types.js';
import { failure } from '../errors.js';
import { backupDir, backupStore, listBackups } from './backup.js';
import {
  currentRef,
  type HistoryRef,
  historyPath,
  otherHistories,
  readHistory,
  splitProblem,
  withHistory,
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
 * One store-shaped file, checked as a read checks it. `whole`: it is the store file, so the history
 * it names is put back first (a missing or broken one is the problem), and its ref is returned.
 */
function checkFile(
  path: string,
  whole = false,
): FileCheck & { data?: StoreData; history?: HistoryRef } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { path, ok: false, problem: `it cannot be read (${(error as Error).message})` };
  }
  const bytes = Buffer.byteLength(text);
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
  let history: HistoryRef | undefined;
  if (whole) {
    try {
      history = currentRef(raw);
      if (history !== undefined) {
        raw = withHistory(raw as Record<string, unknown>, readHistory(path, history));
      }
    } catch (error) {
      if (!(error instanceof StoreProblem)) throw error;
      return { path, ok: false, bytes, problem: error.message, history };
    }
  }
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  const schemaVersion = typeof version === 'number' ? version : undefined;
  try {
    const { data } = migrate(raw, MIGRATIONS, SCHEMA_VERSION);
    const split = history && splitProblem(history, data.entries, data.leads);
    if (split) return { path, ok: false, bytes, schemaVersion, problem: split, history };
    return { path, ok: true, bytes, schemaVersion, entries: data.entries.length, data, history };
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
  const store = exists ? checkFile(path, true) : null;
  return {
    path,
    exists,
    store: store && strip(store),
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
    history: store?.history ? historyInfo(path, store.history) : null,
  };
}

/** The history file the store file names, for doctor's report: what it holds, and the file. */
function historyInfo(path: string, ref: HistoryRef): HistoryInfo {
  const file = historyPath(path, ref);
  let bytes: number | null = null;
  try {
    bytes = statSync(file).size;
  } catch {}
  const { file: _, ...counts } = ref;
  return { file, ...counts, bytes, mode: modeOf(file) };
}

const strip = ({
  data: _,
  history: __,
  ...check
}: FileCheck & { data?: StoreData; history?: HistoryRef }): FileCheck => check;

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

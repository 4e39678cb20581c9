import { type BigIntStats, readFileSync } from 'node:fs';
import { periodOf } from '../domain/dates.js';
import type { History } from '../domain/history.js';
import { isSweepState, type SweepResume, type SweepState } from '../domain/sweep-state.js';
import type { StoreData } from '../domain/types.js';
import type { CacheAt } from './place.js';
import { SCHEMA_VERSION } from './schema.js';
import { sealed, unsealed } from './summary-cache.js';
import { CACHE_BUILD, cacheFile, identity, writeCacheFile } from './verdict.js';

// The streak sweep's state at the Monday M on or before the history's first day kept in the
// store file (src/domain/sweep-state.ts), beside the history's summary in the private cache
// folder: derived, never the truth. What it depends on is its key: the history file's identity
// (its day totals are fixed), the build, the schema, M, and the quota changes, workdays and days
// off as the store file has them (compared whole, not hashed: no collision can pass). It is
// offered, and saved, only while the store file has no entry dated before M (a backfill there
// counts in the state, and is not in the key). Every error reading or writing it is ignored.

function keyOf(historyFile: string, stat: BigIntStats, at: string): string {
  return `prospect-sweep 1 build=${CACHE_BUILD} schema=${SCHEMA_VERSION} ${identity(stat)} at=${at} path=${JSON.stringify(historyFile)}`;
}

/** What the state depends on besides the history: the store file's quotas, workdays, days off. */
function dependsOn(data: StoreData): string {
  return JSON.stringify([data.quotas, data.settings.workdays, data.daysOff]);
}

/**
 * The saved sweep state for the store file's data read on the fast path (its history summed up
 * in `history`): read only when the sweep asks, written when a sweep from the start passes M.
 * The file holds three lines: the key, what the state depends on, and the state (sealed).
 */
export function sweepResume(
  cache: CacheAt,
  storeFile: string,
  historyFile: string,
  stat: BigIntStats,
  data: StoreData,
  history: History,
): SweepResume | undefined {
  if (cache.off) return undefined;
  const at = periodOf('week', history.before).start;
  let clean: boolean | undefined;
  // A backfilled entry in the store file dated before M: the state would count it.
  const headClean = () => {
    clean ??= data.entries.every((e) => e.date >= at);
    return clean;
  };
  const file = () => cacheFile(cache, storeFile, 'sweep');
  return {
    at,
    load(): SweepState | undefined {
      try {
        if (!headClean()) return undefined;
        const path = file();
        if (path === undefined) return undefined;
        const bytes = readFileSync(path);
        const first = bytes.indexOf(0x0a);
        const second = bytes.indexOf(0x0a, first + 1);
        if (first < 0 || second < 0) return undefined;
        if (bytes.toString('utf8', 0, first) !== keyOf(historyFile, stat, at)) return undefined;
        if (unsealed(bytes.subarray(first + 1, second)) !== dependsOn(data)) return undefined;
        const text = unsealed(bytes.subarray(second + 1));
        if (text === undefined) return undefined;
        const state: unknown = JSON.parse(text);
        return isSweepState(state) && state.at === at ? state : undefined;
      } catch {
        return undefined;
      }
    },
    save(state: SweepState): void {
      try {
        if (!headClean() || state.at !== at) return;
        const path = file();
        if (path === undefined) return;
        writeCacheFile(
          path,
          `${keyOf(historyFile, stat, at)}\n${sealed(dependsOn(data))}\n${sealed(JSON.stringify(state))}`,
        );
      } catch {}
    },
  };
}

import {
  accessSync,
  type BigIntStats,
  constants,
  lstatSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CacheAt } from './place.js';
import { SCHEMA_VERSION } from './schema.js';

// The store's verdict: "the store file with this identity was checked and is sound", so a read
// that finds it skips findProblem (16-25 ms on five years with 5,000 leads). Only the verdict is
// kept, not the parsed store: v8.deserialize of the same data measured slower than JSON.parse
// (~32 against ~27 ms), so a snapshot of the data would save nothing over the verdict.
//
// - The store stays the one source of truth: the verdict is a line naming the store's path, its
//   identity (device, inode, size, mtime and ctime in nanoseconds, from fstat of the descriptor
//   the text was read through), the schema version and the build (PROSPECT_BUILD, a hash of the
//   sources, so a build with other rules never trusts it). Anything else in the file, or no file,
//   and the store is checked as always. A hand edit, a copy, a restore or a sync changes the
//   inode, size or ctime (which no user call can set back), so it is checked again.
// - It is written after a read that checked a current store (so the next read skips the check),
//   and by every write after the rename, under the lock, from the store just written: the data a
//   command writes is the checked store plus changes its own rules allow, and the equivalence
//   test (test/store/fast-path.test.ts) runs random writes with and without the verdict.
// - It lives in the folder bin/prospect.js chose for its code cache and handed over as
//   $PROSPECT_CACHE_DIR (the rules are there: a real folder owned by this user and writable by no
//   one else; never PROSPECT_HOME), so the store's folder holds only what it held before (it may
//   be a synced folder). Without that folder there is no verdict. One file per store path.
// - Nothing about it can fail or change a command: any error reading or writing it is ignored.
//   PROSPECT_NO_FAST_PATH=1 (for tests) neither reads nor writes it.

/** Defined by scripts/build.js in the bundle; absent where the sources run as they are (vitest). */
declare const PROSPECT_BUILD: string | undefined;
const BUILD = typeof PROSPECT_BUILD === 'string' ? PROSPECT_BUILD : 'sources';

/** A folder the verdict may use (bin/prospect.js's rules): created if missing, ours, private. */
function usableDir(dir: string): string | undefined {
  let stat: ReturnType<typeof lstatSync>;
  try {
    stat = lstatSync(dir);
  } catch {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      stat = lstatSync(dir);
    } catch {
      return undefined;
    }
  }
  const uid = process.getuid?.();
  if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid) || stat.mode & 0o022) {
    return undefined;
  }
  try {
    accessSync(dir, constants.W_OK);
    return dir;
  } catch {
    return undefined;
  }
}

// A run asks several times (the verdict, the history's summary): the folder is checked once.
const checked = new Map<string, string | undefined>();
function checkedDir(dir: string): string | undefined {
  if (!checked.has(dir)) checked.set(dir, usableDir(dir));
  return checked.get(dir);
}

/**
 * The verdict's folder: the one bin/prospect.js chose for its code cache and handed over as
 * PROSPECT_CACHE_DIR (its rules live there), if it is still usable, and never the store's own.
 */
function cacheDir(cache: CacheAt, storeFolder: string): string | undefined {
  const dir = cache.dir ? checkedDir(resolve(cache.dir)) : undefined;
  // Never the store's own folder (PROSPECT_HOME): it may be synced, and holds only the store.
  return dir === storeFolder ? undefined : dir;
}

/**
 * The store's file of this kind (`verdict`, `summary`, `sweep`) in the cache folder, or undefined
 * when there is no usable folder or the cache is off (PROSPECT_NO_FAST_PATH=1).
 */
export function cacheFile(cache: CacheAt, storeFile: string, kind: string): string | undefined {
  if (cache.off) return undefined;
  const dir = cacheDir(cache, dirname(storeFile));
  return dir === undefined ? undefined : join(dir, nameOf(storeFile, kind));
}

/** FNV-1a, twice: a short file name for a store path (the path itself is in the verdict). */
function nameOf(path: string, kind: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x811c9dc5) >>> 0;
  }
  return `store-${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}.${kind}`;
}

/** A file's identity: what no edit, copy, restore or sync keeps as it was. */
export function identity(stat: BigIntStats): string {
  return `dev=${stat.dev} ino=${stat.ino} size=${stat.size} mtime=${stat.mtimeNs} ctime=${stat.ctimeNs}`;
}

/** The store file's identity, and its history file's when it has one: the pair was checked. */
function verdictLine(path: string, stat: BigIntStats, history?: BigIntStats): string {
  const with_ = history ? ` history=${identity(history)}` : '';
  return `prospect-verdict 2 build=${BUILD} schema=${SCHEMA_VERSION} ${identity(stat)}${with_} path=${JSON.stringify(path)}\n`;
}

/** True when a verdict says the store file with this identity was checked and is sound. */
export function vouched(
  cache: CacheAt,
  path: string,
  stat: BigIntStats,
  history?: BigIntStats,
): boolean {
  try {
    const file = cacheFile(cache, path, 'verdict');
    if (file === undefined) return false;
    return readFileSync(file, 'latin1') === verdictLine(path, stat, history);
  } catch {
    return false;
  }
}

/** Records that the store file with this identity is sound. Never fails. */
export function vouch(
  cache: CacheAt,
  path: string,
  stat: BigIntStats,
  history?: BigIntStats,
): void {
  const file = cacheFile(cache, path, 'verdict');
  if (file !== undefined) writeCacheFile(file, verdictLine(path, stat, history));
}

/**
 * Writes a file of the cache folder whole or not at all (a temp file renamed over it), mode 0600.
 * Never fails: a cache that cannot be written is simply not there next time.
 */
export function writeCacheFile(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, text, { mode: 0o600, flag: 'wx' });
    renameSync(temp, file);
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {}
  }
}

/** After a write: vouches for the file now at `path`, the store this process just renamed there. */
export function vouchWritten(cache: CacheAt, path: string, history?: string): void {
  if (cache.off) return;
  try {
    const historyStat = history === undefined ? undefined : statSync(history, { bigint: true });
    vouch(cache, path, statSync(path, { bigint: true }), historyStat);
  } catch {}
}

/** The build whose rules made a cached file: a cache from another build is never trusted. */
export const CACHE_BUILD = BUILD;

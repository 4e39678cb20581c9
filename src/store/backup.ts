import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isNoSpace, noSpace } from '../errors.js';
import { wholeStoreText } from './history.js';

export const KEEP_BACKUPS = 10;

/** The folder beside the store that holds its timestamped copies. */
export function backupDir(storeFile: string): string {
  return join(dirname(storeFile), 'backups');
}

/**
 * Copies the store beside itself before a risky change (a migration, import --replace, a doctor
 * restore): `backups/prospect-<UTC timestamp>-<reason>.json`, mode 0600 in a 0700 folder; the
 * newest 10 are kept. Returns the copy's path, or null when there is no store to copy.
 */
export function backupStore(
  storeFile: string,
  reason: string,
  now: Date = new Date(),
): string | null {
  if (!existsSync(storeFile)) return null;
  // The whole store in one file: the store file with its history put back (src/store/history.ts).
  const text = readFileSync(storeFile, 'utf8');
  let bytes: string;
  try {
    bytes = wholeStoreText(storeFile, text);
  } catch {
    // A store whose history is lost or broken is copied as it is (doctor says what is wrong).
    bytes = text;
  }
  const dir = backupDir(storeFile);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    if (isNoSpace(error)) noSpace(storeFile);
    throw error;
  }
  // The folder holds nothing but copies of the store: always owner-only, whatever made it.
  chmodSync(dir, 0o700);
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('.', '');
  const base = `${basename(storeFile, '.json')}-${stamp}-${reason}`;
  // Two backups in the same millisecond get -2, -3 ...; an existing copy is never overwritten.
  for (let n = 1; ; n++) {
    const target = join(dir, `${base}${n === 1 ? '' : `-${n}`}.json`);
    try {
      // Written, not copied: a copy would keep a hand-loosened mode of the store.
      writeFileSync(target, bytes, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      // A copy cut short is no backup: remove it (a full disk leaves an empty file).
      rmSync(target, { force: true });
      if (isNoSpace(error)) noSpace(storeFile);
      throw error;
    }
    chmodSync(target, 0o600);
    const copies = listBackups(storeFile);
    for (const old of copies.slice(0, Math.max(0, copies.length - KEEP_BACKUPS))) rmSync(old);
    return target;
  }
}

/**
 * The first write of each (UTC) day first keeps a copy of the store as it was, so doctor has a
 * recent good store to restore even when no migration or import made a backup.
 */
export function dailyBackup(storeFile: string, now: Date = new Date()): string | null {
  const day = now.toISOString().slice(0, 10).replace(/-/g, '');
  const prefix = `${basename(storeFile, '.json')}-${day}T`;
  if (listBackups(storeFile).some((b) => basename(b).startsWith(prefix))) return null;
  return backupStore(storeFile, 'daily', now);
}

/** Backups of the store, oldest first (the timestamp in the name sorts by time). */
export function listBackups(storeFile: string): string[] {
  const dir = backupDir(storeFile);
  if (!existsSync(dir)) return [];
  const prefix = `${basename(storeFile, '.json')}-`;
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
}

import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const KEEP_BACKUPS = 10;

/** The folder beside the store that holds its timestamped copies. */
export function backupDir(storeFile: string): string {
  return join(dirname(storeFile), 'backups');
}

/**
 * Copies the store beside itself before a risky change (a migration, import --replace, a doctor
 * restore): `backups/prospect-<UTC timestamp>-<reason>.json`, mode 0600; the newest 10 are kept.
 * Returns the copy's path, or null when there is no store to copy.
 */
export function backupStore(
  storeFile: string,
  reason: string,
  now: Date = new Date(),
): string | null {
  if (!existsSync(storeFile)) return null;
  const dir = backupDir(storeFile);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const name = `${basename(storeFile, '.json')}-${stamp}-${reason}.json`;
  const target = join(dir, name);
  copyFileSync(storeFile, target);
  const copies = listBackups(storeFile);
  for (const old of copies.slice(0, Math.max(0, copies.length - KEEP_BACKUPS))) rmSync(old);
  return target;
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

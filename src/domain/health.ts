/** What `prospect doctor` finds: the store's file, its backups and its lock (types only). */

export interface LockInfo {
  pid: number;
  host: string;
  token: string;
  /** When it was taken, epoch ms. */
  at: number;
}

/** What one store-shaped file holds: usable or not, and why. */
export interface FileCheck {
  path: string;
  ok: boolean;
  problem?: string;
  /** Written by a later release: only an upgrade helps, a backup would lose its changes. */
  newer?: boolean;
  schemaVersion?: number;
  entries?: number;
  bytes?: number;
}

export interface Health {
  path: string;
  exists: boolean;
  store: FileCheck | null;
  /** Permission bits of the store file and its folder (null when missing). */
  fileMode: number | null;
  folder: string;
  folderMode: number | null;
  backupDir: string;
  /** Newest first. */
  backups: FileCheck[];
  lock: (LockInfo & { file: string; stale: string | null }) | null;
  tempFiles: string[];
}

export type RestoreResult =
  | { restored: false; reason: 'sound' }
  | { restored: true; from: string; brokenCopy: string | null; entries: number };

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
  /** The history file the store file names (README "Your data"), or null when it names none. */
  history: HistoryInfo | null;
}

/** The store's history file: what the store file says it holds, and the file as it is. */
export interface HistoryInfo {
  file: string;
  /** Entries dated before `before`, and closed leads with every date before `leadsBefore`. */
  before: string;
  entries: number;
  leadsBefore: string;
  leads: number;
  /** Null when the file is missing. */
  bytes: number | null;
  mode: number | null;
}

export type RestoreResult =
  | { restored: false; reason: 'sound' }
  | { restored: true; from: string; brokenCopy: string | null; entries: number };

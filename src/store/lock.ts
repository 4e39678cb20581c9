import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import type { LockInfo } from '../domain/health.js';
import { failure, isNoSpace, noSpace } from '../errors.js';
import { beginWrite, stopIfInterrupted } from '../interrupt.js';
import { LOCK_WAIT_MS } from './place.js';

/**
 * A lock older than this is taken over even when its process looks alive: after a reboot its pid
 * may belong to another program, and a lock from another machine (a synced folder) has no pid
 * we can check. A lock whose process is gone on this machine is taken over at once.
 */
export const LOCK_STALE_MS = 30_000;
/** How long a lock may stay empty (created, not yet written) before it counts as abandoned. */
const LOCK_UNFILLED_MS = 1_000;

export function lockPath(storeFile: string): string {
  return `${storeFile}.lock`;
}

/** What a lock file says, or null when it is gone, empty (just being created) or not ours to read. */
export function readLock(file: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockInfo>;
    if (typeof info.pid !== 'number' || typeof info.token !== 'string') return null;
    return {
      pid: info.pid,
      host: String(info.host),
      token: info.token,
      at: Number(info.at),
    };
  } catch {
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Why a lock may be taken over, or null while it must be respected. */
export function staleReason(file: string, now = Date.now()): string | null {
  let mtime: number;
  try {
    mtime = statSync(file).mtimeMs;
  } catch {
    return null; // gone already: the next attempt simply takes it
  }
  const info = readLock(file);
  if (info && info.host === hostname() && !processAlive(info.pid)) {
    return `its process ${info.pid} is gone`;
  }
  // A writer fills its lock microseconds after creating it: one still empty (or torn) after a
  // second was left by a writer killed in between, and would otherwise block every write.
  if (info === null && now - mtime > LOCK_UNFILLED_MS) return 'it was never filled in';
  if (now - mtime > LOCK_STALE_MS) return `it is ${Math.round((now - mtime) / 1000)} s old`;
  return null;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** How long a breaker may hold the guard below before another may remove it (it was killed). */
const GUARD_STALE_MS = 5_000;

/**
 * Takes over a stale lock, one waiter at a time. A lock can look stale by a race: its holder
 * releases it and exits between our reading the lock and asking whether its pid is alive, and
 * by then the file may hold a new, live writer's lock. So the breaker first takes a guard file
 * (created exclusively), then judges again: only a lock that still carries the token judged
 * stale, and is still stale, is removed. While the guard is held nothing can replace that lock:
 * its holder is dead (it cannot release), new writers cannot create the file while it exists,
 * and other breakers wait for the guard.
 */
export function breakLock(file: string, judged: LockInfo | null): void {
  const guard = `${file}.break`;
  try {
    closeSync(openSync(guard, 'wx', 0o600));
  } catch {
    try {
      if (Date.now() - statSync(guard).mtimeMs > GUARD_STALE_MS) unlinkSync(guard);
    } catch {}
    return; // another waiter is breaking it; try the lock again
  }
  try {
    const current = readLock(file);
    const same = judged === null ? current === null : current?.token === judged.token;
    if (same && staleReason(file) !== null) unlinkSync(file);
  } catch {
    // gone already: the next attempt simply takes it
  } finally {
    try {
      unlinkSync(guard);
    } catch {}
  }
}

export interface Held {
  file: string;
  token: string;
  /** Exits 1 when the lock was taken over (this process hung past the stale time). */
  check(): void;
  release(): void;
}

/**
 * Takes the store's inter-process lock: a file created exclusively (O_EXCL) beside the store,
 * holding this process's pid, host and a random token. Waits while another writer holds it.
 */
export async function acquire(storeFile: string, limit = LOCK_WAIT_MS): Promise<Held> {
  const file = lockPath(storeFile);
  // Tells this holder from any other: unlikely to repeat is enough (node:crypto costs ~4 ms to load).
  const token = randomHex(16);
  const started = Date.now();
  for (;;) {
    let fd: number | undefined;
    try {
      fd = openSync(file, 'wx', 0o600);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        if (isNoSpace(error)) noSpace(storeFile);
        failure(`cannot lock the store at ${storeFile}: ${(error as Error).message}`);
      }
    }
    if (fd !== undefined) {
      const info: LockInfo = { pid: process.pid, host: hostname(), token, at: Date.now() };
      try {
        writeSync(fd, JSON.stringify(info));
      } catch (error) {
        // An empty lock would make every later writer wait until it is stale: take it away.
        closeSync(fd);
        fd = undefined;
        try {
          unlinkSync(file);
        } catch {}
        if (isNoSpace(error)) noSpace(storeFile);
        failure(`cannot lock the store at ${storeFile}: ${(error as Error).message}`);
      } finally {
        if (fd !== undefined) closeSync(fd);
      }
      return held(file, storeFile, token);
    }
    const holder = readLock(file);
    if (staleReason(file) !== null) {
      breakLock(file, holder);
      continue;
    }
    if (Date.now() - started >= limit) {
      const who = holder ? `process ${holder.pid}` : 'another process';
      const since = holder
        ? `, for ${Math.max(0, Math.round((Date.now() - holder.at) / 1000))} s`
        : '';
      failure(
        `another prospect (${who}) has been writing the store for too long${since}; nothing was written. Try again; if no prospect is running, remove ${file}`,
      );
    }
    // Jitter, so a crowd of waiters does not retry in lockstep.
    await sleep(5 + Math.random() * 20);
    stopIfInterrupted();
  }
}

function held(file: string, storeFile: string, token: string): Held {
  return {
    file,
    token,
    check() {
      if (readLock(file)?.token !== token) {
        failure(
          `the lock on the store at ${storeFile} was taken over while this command waited; nothing was written. Run it again`,
        );
      }
    },
    release() {
      if (readLock(file)?.token !== token) return;
      try {
        unlinkSync(file);
      } catch {}
    },
  };
}

/** Runs `fn` holding the store's lock, and always lets go of it. */
export async function withLock<T>(
  storeFile: string,
  fn: (lock: Held) => Promise<T> | T,
  waitMs = LOCK_WAIT_MS,
): Promise<T> {
  beginWrite();
  const lock = await acquire(storeFile, waitMs);
  try {
    return await fn(lock);
  } finally {
    lock.release();
  }
}

/** `n` random hex digits. */
function randomHex(n: number): string {
  let s = '';
  while (s.length < n)
    s += Math.floor(Math.random() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  return s.slice(0, n);
}

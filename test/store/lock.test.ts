import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ExitError } from '../../src/errors.js';
import {
  acquire,
  breakLock,
  LOCK_STALE_MS,
  lockPath,
  readLock,
  withLock,
} from '../../src/store/lock.js';
import { noon, runIn, storeBytes, storeFile, tempHome } from '../helpers.js';

const now = noon('2026-11-23');

/** The pid of a process that has ended: a lock it left is stale. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
  return child.pid as number;
}

function plantLock(home: string, pid: number, host = hostname(), ageMs = 0): string {
  const file = lockPath(storeFile(home));
  writeFileSync(file, JSON.stringify({ pid, host, token: 'planted', at: Date.now() - ageMs }));
  if (ageMs) {
    const t = (Date.now() - ageMs) / 1000;
    utimesSync(file, t, t);
  }
  return file;
}

describe('the store lock', () => {
  it('is a file beside the store, owner-only, gone after the write', async () => {
    const home = tempHome();
    const file = lockPath(storeFile(home));
    await withLock(storeFile(home), () => {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readLock(file)).toMatchObject({ pid: process.pid, host: hostname() });
    });
    expect(existsSync(file)).toBe(false);
  });

  it('is let go when the work throws', async () => {
    const home = tempHome();
    await expect(
      withLock(storeFile(home), () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(existsSync(lockPath(storeFile(home)))).toBe(false);
  });

  it('makes a second writer wait for the first', async () => {
    const home = tempHome();
    const order: string[] = [];
    const first = await acquire(storeFile(home));
    const second = withLock(storeFile(home), () => {
      order.push('second');
    });
    await new Promise((r) => setTimeout(r, 60));
    order.push('first done');
    first.release();
    await second;
    expect(order).toEqual(['first done', 'second']);
  });

  it('takes over an empty lock a writer killed between creating and filling it (after a second)', async () => {
    const home = tempHome();
    const file = lockPath(storeFile(home));
    writeFileSync(file, '');
    const t = (Date.now() - 2_000) / 1000;
    utimesSync(file, t, t);
    // A second is ample for the microseconds between create and write; 30 s blocked every write.
    const r = await runIn(home, ['log', 'call', '1'], {
      now,
      env: { PROSPECT_LOCK_WAIT_MS: '3000' },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(file)).toBe(false);
  });

  it('respects a lock that was created a moment ago and is not filled yet', async () => {
    const home = tempHome();
    writeFileSync(lockPath(storeFile(home)), '');
    const before = storeBytes(home);
    const r = await runIn(home, ['log', 'call', '1'], { now, env: { PROSPECT_LOCK_WAIT_MS: '0' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/writing the store for too long/);
    expect(storeBytes(home)).toEqual(before);
  });

  it('takes over at once a lock whose process is gone', async () => {
    const home = tempHome();
    plantLock(home, deadPid());
    const r = await runIn(home, ['log', 'call', '1'], { now });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(lockPath(storeFile(home)))).toBe(false);
  });

  it('takes over a lock older than the stale time, even from another machine', async () => {
    const home = tempHome();
    plantLock(home, process.pid, 'another-laptop', LOCK_STALE_MS + 5_000);
    const r = await runIn(home, ['log', 'call', '1'], { now });
    expect(r.code, r.stderr).toBe(0);
  });

  it('a lock held too long by a live process: exit 1, says so, writes nothing', async () => {
    const home = tempHome();
    await runIn(home, ['log', 'call', '2'], { now });
    const before = storeBytes(home);
    // This test process is alive, and the lock is fresh: it must be respected.
    const file = plantLock(home, process.pid);
    const r = await runIn(home, ['log', 'call', '1'], {
      now,
      env: { PROSPECT_LOCK_WAIT_MS: '150' },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`another prospect (process ${process.pid}) has been writing`);
    expect(r.stderr).toContain('nothing was written');
    expect(storeBytes(home)).toEqual(before);
    // The other writer's lock is left alone.
    expect(readLock(file)?.token).toBe('planted');
  });

  it('a writer whose lock was taken over writes nothing', async () => {
    const home = tempHome();
    const held = await acquire(storeFile(home));
    // Another process judged it stale and took it over.
    plantLock(home, process.pid);
    let thrown: unknown;
    try {
      held.check();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ExitError);
    expect((thrown as ExitError).code).toBe(1);
    held.release();
    // Release leaves the new holder's lock in place.
    expect(readLock(lockPath(storeFile(home)))?.token).toBe('planted');
  });

  it('read-only commands do not wait for a lock', async () => {
    const home = tempHome();
    await runIn(home, ['log', 'call', '2'], { now });
    plantLock(home, process.pid);
    for (const args of [['status'], ['history', '--json'], ['streak'], ['doctor']]) {
      const r = await runIn(home, args, { now, env: { PROSPECT_LOCK_WAIT_MS: '0' } });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    expect(readFileSync(lockPath(storeFile(home)), 'utf8')).toContain('planted');
  });
});

describe('taking over a stale lock', () => {
  it('leaves alone a lock that was retaken after it was judged stale (its holder released and exited)', () => {
    const home = tempHome();
    const file = plantLock(home, deadPid());
    const judged = readLock(file);
    // Between the judgement and the break, the dead holder's lock is gone and a live writer
    // (this process) has taken the lock afresh.
    writeFileSync(
      file,
      JSON.stringify({ pid: process.pid, host: hostname(), token: 'live', at: Date.now() }),
    );
    const before = statSync(file);
    breakLock(file, judged);
    expect(readLock(file)?.token).toBe('live');
    // Not even moved aside for a moment (a new writer could take the lock in that gap, and then
    // two would write at once): the file's inode change time is untouched.
    expect(statSync(file).ctimeMs).toBe(before.ctimeMs);
    expect(existsSync(`${file}.break`)).toBe(false);
  });

  it('removes the lock it judged stale when that lock is still there', () => {
    const home = tempHome();
    const file = plantLock(home, deadPid());
    breakLock(file, readLock(file));
    expect(existsSync(file)).toBe(false);
  });

  it('waits while another breaker holds the guard, and clears a guard left by a killed breaker', () => {
    const home = tempHome();
    const file = plantLock(home, deadPid());
    writeFileSync(`${file}.break`, '');
    breakLock(file, readLock(file));
    expect(existsSync(file)).toBe(true);
    const old = (Date.now() - 60_000) / 1000;
    utimesSync(`${file}.break`, old, old);
    breakLock(file, readLock(file));
    expect(existsSync(`${file}.break`)).toBe(false);
    breakLock(file, readLock(file));
    expect(existsSync(file)).toBe(false);
  });
});

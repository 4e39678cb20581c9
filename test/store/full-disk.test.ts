import * as fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { runIn, storeBytes, storeFile, tempHome } from '../helpers.js';

// A full disk without root: the lock's write fails with ENOSPC while `full` is set.
let full = false;
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  return {
    ...real,
    writeSync: (...args: Parameters<typeof real.writeSync>) => {
      if (full) {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
          code: 'ENOSPC',
        });
      }
      return (real.writeSync as (...a: unknown[]) => number)(...args);
    },
  };
});

describe('a full disk when the lock is written (injected ENOSPC)', () => {
  it('one line, exit 1, no empty lock left behind, and the next write goes through at once', async () => {
    const home = tempHome();
    expect((await runIn(home, ['log', 'call', '2'])).code).toBe(0);
    const before = storeBytes(home);
    full = true;
    let r: Awaited<ReturnType<typeof runIn>>;
    try {
      r = await runIn(home, ['log', 'call', '1']);
    } finally {
      full = false;
    }
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: `prospect: no space left on the device holding ${storeFile(home)}: nothing was written\n`,
    });
    expect(fs.existsSync(`${storeFile(home)}.lock`)).toBe(false);
    expect(storeBytes(home)?.equals(before as Buffer)).toBe(true);
    expect(
      (await runIn(home, ['log', 'call', '1'], { env: { PROSPECT_LOCK_WAIT_MS: '0' } })).code,
    ).toBe(0);
  });
});

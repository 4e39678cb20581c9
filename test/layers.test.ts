import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { run } from '../src/cli/run.js';
import type { Io } from '../src/io.js';
import { ROOT, readStoreJson, tempHome } from './helpers.js';

// What the dependency rule (.dependency-cruiser.cjs) cannot see: the layers that must not reach
// for the process themselves. The environment and the clock come in through the Io (Ctx).
const sources = (dir: string) =>
  readdirSync(join(ROOT, 'src', dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => [`${dir}/${f}`, readFileSync(join(ROOT, 'src', dir, f), 'utf8')] as const);

describe('the layers', () => {
  it.each(['domain', 'render', 'store'])('%s never reads process.env', (dir) => {
    for (const [file, text] of sources(dir)) expect(text, file).not.toContain('process.env');
  });

  it.each(['domain', 'render'])('%s has no clock and no console', (dir) => {
    for (const [file, text] of sources(dir)) {
      expect(text, file).not.toMatch(/new Date\(\)|Date\.now\(\)|console\./);
    }
  });

  it("the store is where the Io's PROSPECT_HOME says, whatever process.env says", async () => {
    const mine = tempHome();
    const other = tempHome();
    vi.stubEnv('PROSPECT_HOME', other);
    const io: Io = {
      stdout: () => {},
      stderr: () => {},
      stdoutIsTTY: false,
      stdinIsTTY: false,
      env: { PROSPECT_HOME: mine },
      now: () => new Date(2026, 10, 20, 12),
    };
    const code = await run(['log', 'call', '3'], io);
    vi.unstubAllEnvs();
    expect(code).toBe(0);
    expect(readStoreJson(mine).entries).toEqual([expect.objectContaining({ count: 3 })]);
    expect(readdirSync(other)).toEqual([]);
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { onTestFinished, vi } from 'vitest';
import { run } from '../src/cli/run.js';
import type { Io } from '../src/io.js';

export const ROOT = join(import.meta.dirname, '..');
export const BIN = join(ROOT, 'bin', 'prospect.js');

/** A fresh PROSPECT_HOME for one test, removed when the test ends. */
export function tempHome(): string {
  const dir = mkdtempSync(join(tmpdir(), 'prospect-test-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function storeFile(home: string): string {
  return join(home, 'prospect.json');
}

/** The store's bytes, or null when there is no store file. */
export function storeBytes(home: string): Buffer | null {
  const file = storeFile(home);
  return existsSync(file) ? readFileSync(file) : null;
}

export function readStoreJson(
  home: string,
): Record<string, unknown> & { entries: { activity: string; count: number; date: string }[] } {
  return JSON.parse(readFileSync(storeFile(home), 'utf8'));
}

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would: a real process, a pipe for stdout, no terminal. */
export function cli(
  home: string,
  args: readonly string[],
  env: Record<string, string | undefined> = {},
): Result {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: {
      ...process.env,
      NO_COLOR: undefined,
      FORCE_COLOR: undefined,
      ...env,
      PROSPECT_HOME: home,
    },
    encoding: 'utf8',
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a command line in this process with a fake terminal and clock: fast, for many cases. */
export async function runIn(
  home: string,
  args: readonly string[],
  opts: { now?: Date; tty?: boolean; env?: Record<string, string> } = {},
): Promise<Result> {
  vi.stubEnv('PROSPECT_HOME', home);
  onTestFinished(() => {
    vi.unstubAllEnvs();
  });
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    stdoutIsTTY: opts.tty ?? false,
    stdinIsTTY: opts.tty ?? false,
    env: { PROSPECT_HOME: home, ...opts.env },
    now: () => opts.now ?? new Date(),
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

export const plain = (text: string) => stripVTControlCharacters(text);

/** A local-noon instant on a calendar date, for a fake "now". */
export function noon(day: string): Date {
  return new Date(
    Number(day.slice(0, 4)),
    Number(day.slice(5, 7)) - 1,
    Number(day.slice(8, 10)),
    12,
  );
}

/**
 * NODE_OPTIONS for a spawned CLI whose clock reads `iso` (a test seam outside the product: the
 * preload replaces Date, so `new Date()` and `Date.now()` give that instant, and nothing else).
 */
export function frozenClock(iso: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) throw new Error(`frozenClock: not an instant: ${iso}`);
  const hook = `const T=${at};const R=Date;class D extends R{constructor(...a){if(a.length===0)super(T);else super(...a)}static now(){return T}}globalThis.Date=D;`;
  return `--import=data:text/javascript,${encodeURIComponent(hook)}`;
}

/** mulberry32: a tiny seeded generator, so a failing case can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The local calendar day `n` days before the instant `now` (YYYY-MM-DD). */
export function localDayBefore(now: Date, n: number): string {
  const d = new Date(now);
  d.setDate(d.getDate() - n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

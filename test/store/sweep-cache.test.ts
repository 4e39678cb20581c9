import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_SCHEMA } from '../../src/domain/merge.js';
import type { StoreData } from '../../src/domain/types.js';
import { emptyStore } from '../../src/store/schema.js';
import { sealed } from '../../src/store/summary-cache.js';
import { localDayBefore, noon, type Result, readStoreJson, runIn, tempHome } from '../helpers.js';

// The streak sweep's saved state (src/store/sweep-cache.ts): the fast read path keeps the sweep's
// state at the Monday on or before the history's first day, and status, streak and the reports
// start their sweep there. A forged state (sealed as sound, with a daily streak of 999 before M)
// shows whether a read used it; every answer without it equals the slow path's.

const TODAY = '2026-11-20';
const NOW = noon(TODAY);

const dayBefore = (n: number): string => localDayBefore(NOW, n);

/** 3 calls every day from 500 days ago to today (2 on the day 300 days ago), a quota of 3. */
function store(): StoreData {
  const data = emptyStore();
  data.quotas = [{ activity: 'call', per: 'day', target: 3, from: dayBefore(510) }];
  for (let back = 500; back >= 0; back--) {
    const count = back === 300 ? 2 : 3;
    data.entries.push({ id: `e${back}`, date: dayBefore(back), activity: 'call', count });
  }
  return data;
}

interface Home {
  home: string;
  env: Record<string, string>;
}

function run(h: Home, args: string[], extra: Record<string, string> = {}): Promise<Result> {
  return runIn(h.home, args, { now: NOW, env: { ...h.env, ...extra } });
}
const slow = (h: Home, args: string[]) => run(h, args, { PROSPECT_NO_FAST_PATH: '1' });

/** A home holding store(), split (keepDays 380), with its own cache folder. */
async function splitHome(): Promise<Home> {
  const h = {
    home: tempHome(),
    env: { PROSPECT_TEST_HISTORY: '380,30,5', PROSPECT_CACHE_DIR: tempHome() },
  };
  const file = join(tempHome(), 'old.json');
  writeFileSync(file, JSON.stringify({ schema: EXPORT_SCHEMA, store: store() }));
  expect(await run(h, ['import', file])).toMatchObject({ code: 0, stderr: '' });
  expect(readStoreJson(h.home).history).toBeDefined();
  return h;
}

const sweepFiles = (h: Home) =>
  readdirSync(h.env.PROSPECT_CACHE_DIR as string).filter((f) => f.endsWith('.sweep'));

/** Rewrites the saved state with a daily longest streak of 999, sealed as sound. */
function forge(h: Home): void {
  const [name] = sweepFiles(h);
  expect(name).toBeDefined();
  const file = join(h.env.PROSPECT_CACHE_DIR as string, name as string);
  const [key, deps, state] = readFileSync(file, 'utf8').split('\n') as [string, string, string];
  const json = JSON.parse(state.slice(9));
  json.daily[2] = 999;
  writeFileSync(file, `${key}\n${deps}\n${sealed(JSON.stringify(json))}`);
}

async function longest(h: Home, args = ['status', '--json']): Promise<number> {
  const r = await run(h, args);
  expect(r).toMatchObject({ code: 0, stderr: '' });
  const doc = JSON.parse(r.stdout);
  return (doc.streak ?? doc).daily.longest;
}

async function sameAsSlow(h: Home, args: string[]): Promise<void> {
  const fast = await run(h, args);
  expect(fast.code).toBe(0);
  expect(fast).toEqual(await slow(h, args));
}

describe('the saved state of the streak sweep', () => {
  it('is saved by the first fast read of a split store, and the answers equal the slow path', async () => {
    const h = await splitHome();
    await sameAsSlow(h, ['status', '--json']);
    expect(sweepFiles(h)).toHaveLength(1);
    for (const args of [['status', '--json'], ['streak'], ['streak', '--json']]) {
      await sameAsSlow(h, args);
    }
    await sameAsSlow(h, ['report', '--weeks', '12', '--json']);
    await sameAsSlow(h, ['report', '--format', 'html']);
  });

  it('PROSPECT_NO_FAST_PATH=1 neither reads nor writes one', async () => {
    const h = await splitHome();
    await slow(h, ['status', '--json']);
    expect(sweepFiles(h)).toHaveLength(0);
    await run(h, ['status', '--json']);
    forge(h);
    expect((await slow(h, ['status', '--json'])).stdout).not.toContain('999');
  });

  it('is what status, streak and the reports start from while its key holds', async () => {
    const h = await splitHome();
    await run(h, ['status', '--json']);
    forge(h);
    expect(await longest(h)).toBe(999);
    expect(await longest(h, ['streak', '--json'])).toBe(999);
    const report = await run(h, ['report', '--json']);
    expect(JSON.parse(report.stdout).streak.daily.longest).toBe(999);
    // A write of today's calls leaves what it depends on as it was.
    expect((await run(h, ['log', 'call', '2'])).code).toBe(0);
    expect(await longest(h)).toBe(999);
  });

  it('is not used after a quota change, a day off or a workdays change, and is made anew', async () => {
    const h = await splitHome();
    await run(h, ['status', '--json']);
    const changes = [
      ['quota', 'set', 'email', '2', '--per', 'day', '--from', dayBefore(3)],
      ['off', dayBefore(420)],
      ['config', 'set', 'workdays', 'mon,tue,wed,thu,fri,sat'],
    ];
    for (const change of changes) {
      forge(h);
      expect((await run(h, change)).code, change.join(' ')).toBe(0);
      await sameAsSlow(h, ['status', '--json']);
      expect(await longest(h)).not.toBe(999);
    }
  });

  it('is not used while the store file holds an entry dated before its Monday (a backfill)', async () => {
    const h = await splitHome();
    await run(h, ['status', '--json']);
    const history = readStoreJson(h.home).history;
    forge(h);
    expect((await run(h, ['log', 'call', '1', '--date', dayBefore(450)])).code).toBe(0);
    // Still the same history file: the backfill is in the store file.
    expect(readStoreJson(h.home).history).toEqual(history);
    await sameAsSlow(h, ['status', '--json']);
    await sameAsSlow(h, ['streak']);
    expect(await longest(h)).not.toBe(999);
  });

  it('a damaged one is ignored and never fails a command', async () => {
    const h = await splitHome();
    await run(h, ['status', '--json']);
    const [name] = sweepFiles(h);
    const file = join(h.env.PROSPECT_CACHE_DIR as string, name as string);
    const text = readFileSync(file, 'utf8');
    const digit = text.lastIndexOf('1');
    writeFileSync(file, `${text.slice(0, digit)}7${text.slice(digit + 1)}`);
    await sameAsSlow(h, ['status', '--json']);
    writeFileSync(file, 'not a state');
    await sameAsSlow(h, ['streak']);
  });
});

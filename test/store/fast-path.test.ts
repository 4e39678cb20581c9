import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localDayBefore, noon, prng, type Result, runIn, storeFile, tempHome } from '../helpers.js';

// The equivalence test of issue 16: for random stores built by random writes (and hand edits),
// every read command answers the same with the fast path (src/store/verdict.ts: a read skips the
// store's check when this build vouched for the file as it is) as with it switched off
// (PROSPECT_NO_FAST_PATH=1, for tests only).

const TODAY = '2026-11-20';
const NOW = noon(TODAY);
const CLIENTS = ['Acme Dental', 'Café Zoë', 'Bright Smiles'];
const LEADS = ['Dana Lee', 'Sam Ortiz', '東京 Trading'];
const READS: string[][] = [
  ['status'],
  ['status', '--json'],
  ['status', '--short'],
  ['streak'],
  ['referrals'],
  ['leads'],
  ['funnel'],
  ['report'],
  ['history'],
];

const dayBefore = (n: number): string => localDayBefore(NOW, n);

type Step = (home: string) => Promise<unknown> | undefined;

/** The environment the in-process runs are handed (Io.env): the verdict's folder and switch. */
const testEnv: Record<string, string> = {};

function randomStep(rand: () => number): [string, Step] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const n = String(1 + Math.floor(rand() * 9));
  const day = dayBefore(Math.floor(rand() * 40));
  const cmd = (args: string[]): [string, Step] => [
    args.join(' '),
    (home) => runIn(home, args, { now: NOW, env: { ...testEnv } }),
  ];
  const r = rand();
  if (r < 0.3) return cmd(['log', pick(['call', 'email', 'meeting']), n, '--date', day]);
  if (r < 0.4)
    return cmd(['quota', 'set', pick(['call', 'email']), n, '--per', pick(['day', 'week'])]);
  if (r < 0.47) return cmd(['client', 'add', pick(CLIENTS), '--since', dayBefore(120)]);
  if (r < 0.54)
    return cmd(['ask', pick(CLIENTS), '--outcome', pick(['intro', 'later', 'declined'])]);
  if (r < 0.58) return cmd(['off', day]);
  if (r < 0.65) return cmd(['lead', 'add', pick(LEADS), '--source', pick(['self', 'marketing'])]);
  if (r < 0.7) return cmd(['lead', 'contacted', pick(LEADS)]);
  if (r < 0.74) return cmd(['undo']);
  // Hand edits, which the verdict must not hide.
  if (r < 0.8)
    return [
      'hand edit: laid out again',
      edit((t) => `${JSON.stringify(JSON.parse(t), null, 2)}\n`),
    ];
  if (r < 0.9) {
    return [
      'hand edit: an entry broken in place, same size and mtime',
      edit((t) => t.replace(/"activity":( ?)"call"/, '"activity":$1"cal!"')),
    ];
  }
  return [
    'hand edit: the entry mended in place, same size and mtime',
    edit((t) => t.replace(/"activity":( ?)"cal!"/, '"activity":$1"call"')),
  ];
}

/** Rewrites the store in place (same file), its mtime set back as it was. */
function edit(change: (text: string) => string): Step {
  return (home) => {
    const file = storeFile(home);
    if (!existsSync(file)) return undefined;
    const before = statSync(file);
    writeFileSync(file, change(readFileSync(file, 'utf8')));
    utimesSync(file, before.atime, before.mtime);
    return undefined;
  };
}

async function read(home: string, args: string[], fast: boolean): Promise<Result> {
  return runIn(home, args, {
    now: NOW,
    env: { ...testEnv, PROSPECT_NO_FAST_PATH: fast ? '' : '1' },
  });
}

describe('the fast read path answers as the full check does', () => {
  it('on random stores after random writes and hand edits, every read command (property, 30 seeds)', async () => {
    let vouchedReads = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const rand = prng(seed);
      const home = tempHome();
      testEnv.PROSPECT_CACHE_DIR = tempHome();
      const done: string[] = [];
      for (let s = 0; s < 10; s++) {
        const [what, step] = randomStep(rand);
        testEnv.PROSPECT_NO_FAST_PATH = rand() < 0.8 ? '' : '1';
        await step(home);
        done.push(what);
        // One fast read first: it leaves a verdict when the store was sound and had none.
        const first = READS[Math.floor(rand() * READS.length)] as string[];
        const warm = await read(home, first, true);
        for (const args of READS) {
          const slow = await read(home, args, false);
          const fast = await read(home, args, true);
          expect(fast, `seed ${seed}: ${done.join(' / ')} / ${args.join(' ')}`).toEqual(slow);
          if (fast.code === 0) vouchedReads++;
        }
        expect(warm).toEqual(await read(home, first, false));
      }
    }
    // The property held on answers that went through the fast path, not only on refusals.
    expect(vouchedReads).toBeGreaterThan(1000);
  }, 240_000);
});

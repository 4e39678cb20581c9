import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { recordAsk } from '../../src/domain/asks.js';
import { EXPORT_SCHEMA } from '../../src/domain/merge.js';
import type { Lead, StoreData } from '../../src/domain/types.js';
import { emptyStore } from '../../src/store/schema.js';
import { localDayBefore, noon, prng, type Result, runIn, storeFile, tempHome } from '../helpers.js';

// The equivalence test of issue 16 for schema 5's split store (src/store/history.ts): for random
// stores built by random writes over ~500 days, split small (PROSPECT_TEST_HISTORY), every read
// command answers the same on the fast path (the store file alone plus the history's summary in
// the cache) as with it switched off (PROSPECT_NO_FAST_PATH=1), and every write done on the fast
// path leaves the same whole store as the same write done on the whole store.

// Entry and lead ids come from Math.random (src/store/ids.ts): seeded here, so the same write on
// two copies of a home gives the same ids (and a fast write that picked an id the history holds
// would show). History file names and lock tokens draw from it too; the names are left out below.
const realRandom = Math.random;
const ids = { next: realRandom };
vi.spyOn(Math, 'random').mockImplementation(() => ids.next());

// Counts the history files read: a read of a split store that read none used the store file alone.
const reads = vi.hoisted(() => ({ history: 0 }));
vi.mock('../../src/store/history.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/store/history.js')>();
  return {
    ...real,
    readHistory: (...args: Parameters<typeof real.readHistory>) => {
      reads.history++;
      return real.readHistory(...args);
    },
  };
});

const TODAY = '2026-11-20';
const NOW = noon(TODAY);
const CLIENTS = ['Acme Dental', 'Café Zoë', 'Bright Smiles'];
const REASONS = ['no-budget', 'timing', 'competitor'];

/** Reads through readRecent: the ones that may use the store file alone. */
const RECENT_READS: string[][] = [
  ['status'],
  ['status', '--json'],
  ['status', '--short'],
  ['streak'],
  ['referrals'],
  ['leads'],
  ['funnel'],
  ['leads', 'report', '--format', 'md'],
  ['report'],
  ['report', '--weeks', '12'],
];
const READS: string[][] = [...RECENT_READS, ['leads', '--all'], ['history'], ['export']];

const dayBefore = (n: number): string => localDayBefore(NOW, n);

/** The random walk: its day moves from ~300 days ago to today (the old log comes before it). */
interface World {
  rand: () => number;
  /** How many days before TODAY the log has reached. */
  back: number;
  leads: number;
  /** Lead names with their open/closed state, as the test believes it. */
  open: string[];
  closed: string[];
  /** An export taken earlier, to import now and then. */
  saved?: string;
}

type Write = { what: string; args: string[] };

const OLD_LEADS = ['Dana Lee', 'Sam Ortiz', '東京 Trading'];

/**
 * The log's oldest months, as an export to import: busy days (so a streak and a quota's weeks
 * reach back into what becomes the history), asks, and closed leads, from ~540 to ~300 days ago.
 */
function oldLog(rand: () => number): string {
  const data: StoreData = emptyStore();
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  let next = 0;
  const id = () => `o${(next++).toString(36).padStart(5, '0')}`;
  data.clients = CLIENTS.map((name) => ({ name, since: dayBefore(560), wins: [] }));
  data.quotas = [
    { activity: 'call', per: 'week', target: 3 + Math.floor(rand() * 8), from: dayBefore(545) },
    { activity: 'email', per: 'day', target: 1 + Math.floor(rand() * 2), from: dayBefore(540) },
  ];
  for (let back = 540; back >= 300; back--) {
    if (rand() < 0.25) continue;
    const date = dayBefore(back);
    const count = () => 1 + Math.floor(rand() * 6);
    data.entries.push({ id: id(), date, activity: 'call', count: count() });
    if (rand() < 0.7) data.entries.push({ id: id(), date, activity: 'email', count: count() });
    if (rand() < 0.15) data.entries.push({ id: id(), date, activity: 'meeting', count: 1 });
    if (rand() < 0.1) data.entries.push({ id: id(), date, activity: 'rejection', count: 2 });
    if (rand() < 0.1) {
      const outcome = pick(['intro', 'later', 'declined', undefined] as const);
      recordAsk(data, { client: pick(CLIENTS), date, outcome }, id);
    }
  }
  data.leads = OLD_LEADS.map((name, i): Lead => {
    const received = dayBefore(530 - i * 20);
    const won = rand() < 0.5;
    return {
      id: `l${i}old`,
      name,
      source: pick(['self', 'marketing', 'referral']),
      received,
      events: [
        { stage: 'contacted', date: dayBefore(525 - i * 20) },
        won
          ? { stage: 'won', date: dayBefore(520 - i * 20) }
          : { stage: 'lost', date: dayBefore(520 - i * 20), reason: pick(REASONS) },
      ],
    };
  });
  return JSON.stringify({ schema: EXPORT_SCHEMA, store: data });
}

/** A random write, most of them moving the log forward (so the oldest part can be split off). */
function randomWrite(w: World, scratch: string): Write {
  const { rand } = w;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const n = String(1 + Math.floor(rand() * 9));
  const ahead = () => dayBefore(Math.max(0, w.back - Math.floor(rand() * 10)));
  /** A day at or after the walk's, never in the future. */
  const near = () => dayBefore(Math.max(0, w.back - Math.floor(rand() * 5)));
  const cmd = (args: string[]): Write => ({ what: args.join(' '), args });
  const r = rand();
  if (r < 0.3)
    return cmd(['log', pick(['call', 'email', 'meeting', 'rejection']), n, '--date', ahead()]);
  if (r < 0.35) return cmd(['quota', 'set', pick(['call', 'email']), n, '--per', 'day']);
  if (r < 0.38) return cmd(['client', 'add', pick(CLIENTS), '--since', dayBefore(w.back + 30)]);
  if (r < 0.45)
    return cmd([
      'ask',
      // Bright Smiles is asked only in the old log: its last ask is always in the history.
      pick(CLIENTS.slice(0, 2)),
      '--outcome',
      pick(['intro', 'later', 'declined']),
      '--date',
      near(),
    ]);
  if (r < 0.48) return cmd(['off', near()]);
  if (r < 0.56) {
    const name = `Lead ${++w.leads}`;
    w.open.push(name);
    return cmd(['lead', 'add', name, '--source', pick(['self', 'marketing']), '--date', near()]);
  }
  if (r < 0.62 && w.open.length > 0) {
    const name = pick(w.open);
    return cmd(['lead', pick(['contacted', 'accepted', 'meeting']), name, '--date', near()]);
  }
  if (r < 0.7 && w.open.length > 0) {
    const name = w.open.shift() as string;
    w.closed.push(name);
    const stage = pick(['won', 'lost', 'rejected']);
    const why = stage === 'won' ? [] : ['--reason', pick(REASONS)];
    return cmd(['lead', stage, name, ...why, '--date', near()]);
  }
  if (r < 0.72 && w.closed.length > 0) {
    // An old closed lead, maybe in the history: reopen needs the whole store.
    const name = w.closed.shift() as string;
    w.open.push(name);
    return cmd(['lead', 'reopen', name, '--date', near()]);
  }
  if (r < 0.75) return cmd(['undo']);
  if (r < 0.78) return cmd(['rm', 'zzzzzz']);
  if (r < 0.81)
    // A backfill far in the past: the log is no longer in date order.
    return cmd(['log', 'call', n, '--date', dayBefore(450 + Math.floor(rand() * 60))]);
  if (r < 0.84 && w.saved !== undefined) {
    const file = join(scratch, 'saved.json');
    writeFileSync(file, w.saved);
    return cmd(rand() < 0.5 ? ['import', file] : ['import', file, '--replace']);
  }
  if (r < 0.86) {
    // A move on a name only the history has, or none has: the fast path falls back to the whole store.
    return cmd(['lead', 'contacted', pick([...OLD_LEADS, 'Nobody Known', 'dana lee'])]);
  }
  return cmd(['log', pick(['call', 'email']), n, '--date', ahead()]);
}

const run = (home: string, args: string[], env: Record<string, string>): Promise<Result> =>
  runIn(home, args, { now: NOW, env });

/** A whole store as a user sees it: the export, without its time. */
async function whole(home: string, env: Record<string, string>): Promise<unknown> {
  const r = await run(home, ['export'], { ...env, PROSPECT_NO_FAST_PATH: '1' });
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.stdout);
  delete doc.exportedAt;
  return doc;
}

/** The store file's split (the history's name left out: a new one is random). */
function layout(home: string): unknown {
  if (!existsSync(storeFile(home))) return null;
  const raw = JSON.parse(readFileSync(storeFile(home), 'utf8'));
  if (raw.history) delete raw.history.file;
  return raw;
}

function split(home: string): boolean {
  if (!existsSync(storeFile(home))) return false;
  const raw = JSON.parse(readFileSync(storeFile(home), 'utf8'));
  return (
    raw.history !== undefined &&
    existsSync(join(home, raw.history.file)) &&
    readdirSync(home).some((f) => f.startsWith('prospect-history-'))
  );
}

const SEEDS = 25;
const STEPS = 26;

describe('the split store (schema 5) answers the same on the fast path as on the whole store', () => {
  it(`after random writes over ~500 days, every read and every write (property, ${SEEDS} seeds)`, async () => {
    let recentReads = 0;
    let storeFileAlone = 0;
    let splitSeeds = 0;
    let fastWrites = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const rand = prng(seed);
      const home = tempHome();
      const scratch = tempHome();
      // Keep 370-399 days (a year-long read fits in the store file), closed leads 20-59, move 3-42.
      const policy = `${370 + Math.floor(rand() * 30)},${20 + Math.floor(rand() * 40)},${3 + Math.floor(rand() * 40)}`;
      const env = { PROSPECT_TEST_HISTORY: policy, PROSPECT_CACHE_DIR: tempHome() };
      const slowEnv = { ...env, PROSPECT_NO_FAST_PATH: '1' };
      const w: World = { rand, back: 300, leads: 0, open: [], closed: [] };
      const prelude = join(scratch, 'old.json');
      writeFileSync(prelude, oldLog(rand));
      const done: string[] = [];
      let everSplit = false;
      for (let s = 0; s < STEPS; s++) {
        // The walk reaches today half way through.
        w.back = Math.max(0, Math.round(300 * (1 - s / Math.round(STEPS * 0.5))));
        const write: Write =
          s === 0
            ? { what: 'import old.json', args: ['import', prelude] }
            : randomWrite(w, scratch);
        done.push(write.what);
        const where = () => `seed ${seed} (${policy}): ${done.join(' / ')}`;
        // The same write on a copy of the home, on the whole store, with the same ids.
        const copy = tempHome();
        cpSync(home, copy, { recursive: true });
        const idSeed = Math.floor(rand() * 2 ** 31);
        ids.next = prng(idSeed);
        const before = reads.history;
        const fast = await run(home, write.args, env);
        if (split(copy) && reads.history === before) fastWrites++;
        ids.next = prng(idSeed);
        const slow = await run(copy, write.args, slowEnv);
        ids.next = realRandom;
        const same = (r: Result) => ({
          ...r,
          stdout: r.stdout.replaceAll(copy, home),
          stderr: r.stderr.replaceAll(copy, home),
        });
        expect(fast, `${where()}: the write's answer`).toEqual(same(slow));
        expect(await whole(home, env), `${where()}: the whole store after it`).toEqual(
          await whole(copy, env),
        );
        expect(layout(home), `${where()}: the store file after it`).toEqual(layout(copy));
        everSplit ||= split(home);
        if (s % 8 === 0 || s === STEPS - 1) {
          const r = await run(home, ['export'], env);
          if (r.code === 0) w.saved = r.stdout;
        }
        // Every read, fast then whole (on a store that is not split, test/store/fast-path.test.ts).
        if (!split(home)) continue;
        for (const args of READS) {
          const before = reads.history;
          const fastRead = await run(home, args, env);
          const alone = reads.history === before;
          const slowRead = await run(home, args, slowEnv);
          expect(fastRead, `${where()} / ${args.join(' ')}`).toEqual(slowRead);
          if (RECENT_READS.includes(args) && split(home)) {
            recentReads++;
            if (alone && fastRead.code === 0) storeFileAlone++;
          }
        }
      }
      if (everSplit && split(home)) splitSeeds++;
    }
    // The stores really split, and most reads of a split store used the store file alone.
    expect(splitSeeds).toBeGreaterThanOrEqual(Math.ceil(SEEDS * 0.8));
    expect(fastWrites).toBeGreaterThan(SEEDS * 2);
    expect(storeFileAlone).toBeGreaterThan(recentReads * 0.6);
  }, 180_000);
});

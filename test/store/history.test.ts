import {
  chmodSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { EXPORT_SCHEMA } from '../../src/domain/merge.js';
import type { Entry, StoreData } from '../../src/domain/types.js';
import {
  emptyStore,
  MIGRATIONS,
  migrate,
  SCHEMA_VERSION,
  StoreProblem,
} from '../../src/store/schema.js';
import {
  localDayBefore,
  noon,
  type Result,
  readStoreJson,
  runIn,
  storeBytes,
  storeFile,
  tempHome,
} from '../helpers.js';

// Ids come from randomBytes: a test may queue the bytes of the next ids (else they are random).
const queued = vi.hoisted(() => ({ bytes: [] as number[][] }));
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  const randomBytes = (n: number) => {
    const next = queued.bytes.shift();
    return next === undefined ? real.randomBytes(n) : Buffer.from(next.slice(0, n));
  };
  return { ...real, default: { ...real, randomBytes }, randomBytes };
});

// The rules of schema 5's split store (src/store/history.ts, src/store/store.ts,
// src/store/summary-cache.ts): the log's oldest part lives in prospect-history-<token>.json beside
// prospect.json, summed up in the cache; users see one store. The equivalence of every read and
// write with and without the fast path: test/store/history-equivalence.test.ts.

const TODAY = '2026-11-20';
const NOW = noon(TODAY);

const dayBefore = (n: number): string => localDayBefore(NOW, n);

/** keepDays 380 (a year-long read fits in the store file), closed leads 30, move at 5 or more. */
const SPLIT = '380,30,5';
/** Never splits. */
const WHOLE = '99999,99999,9999999';

/**
 * A store with a call quota of 3 a day and 3 calls every day from 500 days ago to `lastBack` days
 * ago (one long streak), an ask of Acme Dental every 20 days, Old Client's only ask 470 days ago,
 * and a lead closed 460 days ago.
 */
function oldStore(lastBack = 0): StoreData {
  const data = emptyStore();
  data.quotas = [{ activity: 'call', per: 'day', target: 3, from: dayBefore(510) }];
  data.clients = [
    { name: 'Acme Dental', since: dayBefore(520), wins: [] },
    { name: 'Old Client', since: dayBefore(520), wins: [] },
  ];
  let n = 0;
  const id = () => `e${(n++).toString(36).padStart(5, '0')}`;
  for (let back = 500; back >= lastBack; back--) {
    data.entries.push({ id: id(), date: dayBefore(back), activity: 'call', count: 3 });
    if (back % 20 === 0) {
      data.entries.push({
        id: id(),
        date: dayBefore(back),
        activity: 'referral-ask',
        count: 1,
        client: 'Acme Dental',
        outcome: 'later',
      });
    }
    if (back === 470) {
      data.entries.push({
        id: 'oldask',
        date: dayBefore(back),
        activity: 'referral-ask',
        count: 1,
        client: 'Old Client',
      });
    }
  }
  data.leads = [
    {
      id: 'l1old',
      name: 'Dana Lee',
      source: 'self',
      received: dayBefore(480),
      events: [
        { stage: 'contacted', date: dayBefore(470) },
        { stage: 'won', date: dayBefore(460) },
      ],
    },
  ];
  return data;
}

const exportDoc = (data: StoreData) => JSON.stringify({ schema: EXPORT_SCHEMA, store: data });

interface Home {
  home: string;
  env: Record<string, string>;
}

/** A fresh home with its own cache folder, splitting by `policy`. */
function newHome(policy = SPLIT): Home {
  return {
    home: tempHome(),
    env: { PROSPECT_TEST_HISTORY: policy, PROSPECT_CACHE_DIR: tempHome() },
  };
}

function run(h: Home, args: string[], extra: Record<string, string> = {}): Promise<Result> {
  return runIn(h.home, args, { now: NOW, env: { ...h.env, ...extra } });
}

const slow = (h: Home, args: string[]) => run(h, args, { PROSPECT_NO_FAST_PATH: '1' });

/** A home holding `data`, imported (a write: it splits the store by the home's policy). */
async function homeWith(data: StoreData, policy = SPLIT): Promise<Home> {
  const h = newHome(policy);
  const file = join(tempHome(), 'old.json');
  writeFileSync(file, exportDoc(data));
  const r = await run(h, ['import', file]);
  expect(r).toMatchObject({ code: 0, stderr: '' });
  return h;
}

interface Ref {
  file: string;
  before: string;
  entries: number;
  leadsBefore: string;
  leads: number;
}

const refOf = (h: Home) => readStoreJson(h.home).history as Ref | undefined;
const historyFiles = (h: Home) =>
  readdirSync(h.home)
    .filter((f) => f.startsWith('prospect-history-'))
    .sort();
const historyFile = (h: Home) => join(h.home, (refOf(h) as Ref).file);
const mode = (file: string) => statSync(file).mode & 0o777;

/** The whole store as a user sees it: `export` without its time. */
async function exported(h: Home): Promise<unknown> {
  const r = await slow(h, ['export']);
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.stdout);
  delete doc.exportedAt;
  return doc.store;
}

/** The cache folder's summary file (one store per cache folder in these tests). */
function summaryFile(h: Home): string {
  const dir = h.env.PROSPECT_CACHE_DIR as string;
  const name = readdirSync(dir).find((f) => f.endsWith('.summary'));
  if (name === undefined) throw new Error('no summary in the cache folder');
  return join(dir, name);
}

/**
 * The checksum the summary seals its lines with (src/store/summary-cache.ts: FNV-1a over the
 * line's UTF-8 bytes as 32-bit words), so a test can forge a summary that reads as sound.
 */
function seal(line: string): string {
  const bytes = Buffer.alloc(Buffer.byteLength(line));
  bytes.write(line);
  const words = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
  let h = 0x811c9dc5 ^ bytes.length;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ (words[i] as number), 0x01000193);
  for (let i = words.length << 2; i < bytes.length; i++) {
    h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  }
  return `${(h >>> 0).toString(16).padStart(8, '0')} ${line}`;
}

/** The summary with Old Client's ask moved to today: a different answer, sealed as sound. */
function forged(text: string, key = (k: string) => k): string {
  const [first, second, ...rest] = text.split('\n') as [string, string, ...string[]];
  const json = JSON.parse(second.slice(9));
  const client = json.clients.indexOf('Old Client');
  expect(client).toBeGreaterThanOrEqual(0);
  json.asks = json.asks.map((a: [string, number, number]) =>
    a[1] === client ? [TODAY, a[1], a[2]] : a,
  );
  return [key(first), seal(JSON.stringify(json)), ...rest].join('\n');
}

describe('a write of a split store (schema 5)', () => {
  it('moves the oldest entries and closed leads into a history file beside the store file (both 0600), which names it with the days and counts', async () => {
    const data = oldStore();
    const h = await homeWith(data);
    const files = historyFiles(h);
    expect(files).toHaveLength(1);
    const ref = refOf(h) as Ref;
    const before = dayBefore(380);
    const moved = data.entries.filter((e) => e.date < before).length;
    expect(ref).toEqual({
      file: files[0],
      before,
      entries: moved,
      leadsBefore: dayBefore(30),
      leads: 1,
    });
    expect(mode(storeFile(h.home))).toBe(0o600);
    expect(mode(historyFile(h))).toBe(0o600);
    const history = JSON.parse(readFileSync(historyFile(h), 'utf8'));
    expect(history).toEqual({ entries: data.entries.slice(0, moved), leads: data.leads });
    const head = readStoreJson(h.home);
    expect(head.entries).toEqual(data.entries.slice(moved));
    expect(head.leads).toEqual([]);
    // Users see one store: the same as before the split.
    expect(await exported(h)).toEqual(await exported(await homeWith(data, WHOLE)));
  });

  it('keeps the log in order: undo takes back the entry logged last, after that write moved more into the history', async () => {
    const h = await homeWith(oldStore(20));
    const first = refOf(h) as Ref;
    expect(first.before).toBe(dayBefore(400));
    const was = await exported(h);
    const logged = await run(h, ['log', 'call', '9']);
    expect(logged.code).toBe(0);
    // The log's last day moved 20 days on: 20 more days of entries went into a new history file.
    const second = refOf(h) as Ref;
    expect(second.before).toBe(dayBefore(380));
    expect(second.entries).toBeGreaterThan(first.entries + 19);
    expect(second.file).not.toBe(first.file);
    expect(historyFiles(h)).toEqual([second.file]);
    const undone = await run(h, ['undo']);
    expect(undone).toMatchObject({ code: 0, stderr: '' });
    expect(undone.stdout).toMatch(/^Removed 9 calls on .*2026/);
    expect(await exported(h)).toEqual(was);
  });
});

describe('a write on the fast path (the store file alone)', () => {
  it.each([
    ['log', ['log', 'call', '1']],
    ['ask', ['ask', 'Acme Dental', '--outcome', 'intro']],
    ['lead meeting', ['lead', 'meeting', 'Jo Park']],
  ])('%s never gives a new entry an id the history holds', async (_, args) => {
    const data = oldStore();
    // The oldest entry's id is one newId can make: 'a' is byte 8 of its alphabet.
    (data.entries[0] as Entry).id = 'aaaaaa';
    const h = await homeWith(data);
    expect((await run(h, ['lead', 'add', 'Jo Park'])).code).toBe(0);
    expect((await run(h, ['status'])).code).toBe(0);
    expect(refOf(h)?.entries).toBeGreaterThan(0);
    // The first id drawn is the history's; a sound write draws again.
    queued.bytes = [Array(6).fill(8), Array(6).fill(8)];
    const r = await run(h, args);
    queued.bytes = [];
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const store = (await exported(h)) as StoreData;
    const ids = store.entries.map((e) => e.id);
    expect(ids.filter((id) => id === 'aaaaaa')).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await slow(h, ['status'])).code).toBe(0);
  });
});

describe('the history file', () => {
  it('is never rewritten when it would not change: a plain log keeps its name, inode and mtime', async () => {
    const h = await homeWith(oldStore());
    const file = historyFile(h);
    const stat = statSync(file, { bigint: true });
    const bytes = readFileSync(file);
    for (const args of [
      ['log', 'call', '2'],
      ['quota', 'set', 'email', '4', '--per', 'day'],
      ['undo'],
    ]) {
      expect((await run(h, args)).code).toBe(0);
      expect(historyFile(h)).toBe(file);
      const now = statSync(file, { bigint: true });
      expect([now.ino, now.mtimeNs]).toEqual([stat.ino, stat.mtimeNs]);
      expect(readFileSync(file)).toEqual(bytes);
      expect(historyFiles(h)).toHaveLength(1);
    }
  });

  it('a write that changes it (rm of an archived entry) writes a new one and removes the old', async () => {
    const h = await homeWith(oldStore());
    const old = refOf(h) as Ref;
    const r = await run(h, ['rm', 'e00003']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const ref = refOf(h) as Ref;
    expect(ref.file).not.toBe(old.file);
    expect(ref.entries).toBe(old.entries - 1);
    expect(historyFiles(h)).toEqual([ref.file]);
    const store = (await exported(h)) as StoreData;
    expect(store.entries.map((e) => e.id)).not.toContain('e00003');
    expect(store.entries).toHaveLength(oldStore().entries.length - 1);
  });

  it('a history file left by a crash (and a temp file of one) goes with the next write', async () => {
    const h = await homeWith(oldStore());
    const keep = refOf(h)?.file;
    const stray = join(h.home, 'prospect-history-zz9crash.json');
    const temp = join(h.home, 'prospect-history-zz9crash.json.tmp-123');
    writeFileSync(stray, '{"entries":[],"leads":[]}');
    writeFileSync(temp, '{"entr');
    expect((await run(h, ['status'])).code).toBe(0);
    expect(existsSync(stray)).toBe(true);
    expect((await run(h, ['log', 'call', '1'])).code).toBe(0);
    expect(existsSync(stray)).toBe(false);
    expect(existsSync(temp)).toBe(false);
    expect(historyFiles(h)).toEqual([keep]);
  });

  it('missing: every command exits 1 with one line naming it, nothing is changed, and doctor --restore brings back a backup', async () => {
    const h = await homeWith(oldStore());
    const was = await exported(h);
    // The day's first write keeps a backup of the whole store.
    expect((await run(h, ['log', 'call', '1'])).code).toBe(0);
    const file = historyFile(h);
    const name = (refOf(h) as Ref).file;
    rmSync(file);
    const bytes = storeBytes(h.home);
    for (const args of [['status'], ['streak'], ['export'], ['log', 'call', '1']]) {
      for (const r of [await run(h, args), await slow(h, args)]) {
        expect(r.code, args.join(' ')).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(r.stderr).toContain(name);
        expect(r.stderr).toContain('missing');
      }
    }
    expect(storeBytes(h.home)).toEqual(bytes);
    const doctor = await run(h, ['doctor', '--json']);
    expect(JSON.parse(doctor.stdout).store.ok).toBe(false);
    const restore = await run(h, ['doctor', '--restore']);
    expect(restore).toMatchObject({ code: 0, stderr: '' });
    expect(restore.stdout).toMatch(/^Restored prospect-.*-daily\.json/);
    expect((await run(h, ['status'])).code).toBe(0);
    expect(await exported(h)).toEqual(was);
    expect(refOf(h)).toBeDefined();
    expect(historyFiles(h)).toEqual([(refOf(h) as Ref).file]);
  });

  it.each([
    [
      'a negative count',
      (h: { entries: Entry[] }) => {
        (h.entries[3] as Entry).count = -2;
      },
      /entries\[3\]/,
    ],
    [
      'an entry dated from the split day on',
      (h: { entries: Entry[] }) => {
        (h.entries[3] as Entry).date = TODAY;
      },
      /entries\[3\] \(2026-11-20\) is in the history file but not before its day/,
    ],
    [
      'one entry fewer than the store file counts',
      (h: { entries: Entry[] }) => {
        h.entries.pop();
      },
      /holds \d+ entries and 1 leads, not the \d+ and 1 the store file counts/,
    ],
    [
      'a field it does not know',
      (h: { entries: Entry[] }) => {
        (h as Record<string, unknown>).extra = 1;
      },
      /has an unknown field extra/,
    ],
  ] as const)(
    'hand-edited with %s: exit 1 naming the problem, nothing changed; doctor says so and restores a backup',
    async (_, edit, problem) => {
      const h = await homeWith(oldStore());
      // The day's first write keeps a backup of the whole store.
      expect((await run(h, ['log', 'call', '1'])).code).toBe(0);
      const was = await exported(h);
      expect((await run(h, ['status'])).code).toBe(0);
      const file = historyFile(h);
      const history = JSON.parse(readFileSync(file, 'utf8'));
      edit(history);
      writeFileSync(file, JSON.stringify(history));
      const bytes = storeBytes(h.home);
      const historyBytes = readFileSync(file);
      for (const args of [['status'], ['referrals'], ['log', 'call', '1'], ['export']]) {
        const r = await run(h, args);
        expect(r.code, args.join(' ')).toBe(1);
        expect(r.stderr).toMatch(problem);
        expect(r.stderr).toContain('prospect doctor');
        expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      }
      expect(storeBytes(h.home)).toEqual(bytes);
      expect(readFileSync(file)).toEqual(historyBytes);
      // The message sends the user to doctor: it sees the problem, and restores a backup.
      const doctor = JSON.parse((await run(h, ['doctor', '--json'])).stdout);
      expect(doctor.store.ok).toBe(false);
      expect(doctor.store.problem).toMatch(problem);
      const restore = await run(h, ['doctor', '--restore']);
      expect(restore).toMatchObject({ code: 0, stderr: '' });
      expect(restore.stdout).toMatch(/^Restored prospect-\S+-daily\.json/);
      expect((await run(h, ['status'])).code).toBe(0);
      const store = (await exported(h)) as StoreData;
      expect(store.entries).toEqual((was as StoreData).entries.slice(0, -1));
    },
  );

  it('a sound hand edit (a count changed in place, mtime set back) is seen by status: the summary is made again', async () => {
    const h = await homeWith(oldStore());
    const first = await run(h, ['status']);
    expect(first.stdout).toMatch(/longest \d+/);
    expect(await run(h, ['status'])).toEqual(first);
    const file = historyFile(h);
    const was = statSync(file);
    const history = JSON.parse(readFileSync(file, 'utf8')) as { entries: Entry[] };
    // A workday's calls in the middle of the long streak, 3 to 1: the streak breaks there.
    const day = dayBefore(450);
    const weekday = new Date(NOW.getTime() - 450 * 86_400_000).getDay();
    expect([1, 2, 3, 4, 5]).toContain(weekday);
    const entry = history.entries.find((e) => e.date === day && e.activity === 'call') as Entry;
    entry.count = 1;
    const text = JSON.stringify(history);
    expect(text.length).toBe(was.size);
    writeFileSync(file, text);
    utimesSync(file, was.atime, was.mtime);
    const after = await run(h, ['status']);
    expect(after.code).toBe(0);
    expect(after).toEqual(await slow(h, ['status']));
    expect(after.stdout).not.toEqual(first.stdout);
    // And again on the fast path, from the summary made of the edited history.
    expect(await run(h, ['status'])).toEqual(after);
  });
});

describe('the history summary in the cache', () => {
  const READS = [['status'], ['referrals'], ['streak'], ['report', '--weeks', '12']];

  it.each([
    ['garbage', () => 'not a summary at all \u0000\u0001'],
    ['empty', () => ''],
    ['truncated', (t: string) => t.slice(0, Math.floor(t.length * 0.6))],
    ['without its last line', (t: string) => t.split('\n').slice(0, 2).join('\n')],
    [
      'a digit flipped (Old Client asked in 2026, not 2025)',
      (t: string) => {
        const year = t.indexOf('2025', t.indexOf('"asks":'));
        expect(year).toBeGreaterThan(0);
        return `${t.slice(0, year)}2026${t.slice(year + 4)}`;
      },
    ],
    ['its checksum changed', (t: string) => t.replace(/\n[0-9a-f]{8} /, '\n00000000 ')],
  ])('damaged (%s) never changes an answer nor fails a command', async (_, damage) => {
    const h = await homeWith(oldStore());
    const answers = await Promise.all(READS.map((args) => slow(h, args)));
    expect((await run(h, ['status'])).code).toBe(0);
    const file = summaryFile(h);
    const text = readFileSync(file, 'utf8');
    for (const [i, args] of READS.entries()) {
      writeFileSync(file, damage(text));
      expect(await run(h, args), args.join(' ')).toEqual(answers[i]);
    }
    // A write on a damaged summary too.
    const was = (await exported(h)) as StoreData;
    writeFileSync(file, damage(text));
    expect((await run(h, ['log', 'call', '1'])).code).toBe(0);
    const store = (await exported(h)) as StoreData;
    expect(store.entries.slice(0, -1)).toEqual(was.entries);
    expect(store.entries.at(-1)).toMatchObject({ date: TODAY, activity: 'call', count: 1 });
  });

  it('is trusted only for the history file, build and schema it was made for', async () => {
    const h = await homeWith(oldStore());
    const sound = await slow(h, ['referrals']);
    expect(sound.stdout).toContain('Old Client');
    expect((await run(h, ['referrals'])).code).toBe(0);
    const file = summaryFile(h);
    const text = readFileSync(file, 'utf8');
    // Sealed as sound, for this very history file: the fast path believes it (so it is read).
    writeFileSync(file, forged(text));
    const believed = await run(h, ['referrals']);
    expect(believed.code).toBe(0);
    expect(believed.stdout).not.toEqual(sound.stdout);
    // The same forged summary for another build, schema or history file is not read.
    for (const key of [
      (k: string) => k.replace(/build=\S+/, 'build=another'),
      (k: string) => k.replace(/schema=\d+/, 'schema=4'),
      (k: string) => k.replace(/ size=\d+/, ' size=1'),
      (k: string) => k.replace(/prospect-history-[a-z0-9]+\.json/, 'prospect-history-other.json'),
    ]) {
      const forgedText = forged(text, key);
      expect(forgedText.split('\n')[0]).not.toBe(text.split('\n')[0]);
      writeFileSync(file, forgedText);
      expect(await run(h, ['referrals'])).toEqual(sound);
    }
  });

  it("another history's summary (from before a write that replaced the history file) is not read", async () => {
    const h = await homeWith(oldStore());
    expect((await run(h, ['status'])).code).toBe(0);
    const file = summaryFile(h);
    const old = readFileSync(file, 'utf8');
    // Old Client's only ask, in the history: removing it makes a new history file.
    expect((await run(h, ['rm', 'oldask'])).code).toBe(0);
    writeFileSync(file, old);
    for (const args of [['referrals'], ['status']]) {
      expect(await run(h, args)).toEqual(await slow(h, args));
    }
    // Read from the old summary, Old Client would have been asked 470 days ago.
    expect((await run(h, ['referrals'])).stdout).toMatch(/Old Client .* never asked/);
  });
});

describe('doctor on a split store', () => {
  it('names the history file with what it holds, and a history file others can read', async () => {
    const data = oldStore();
    const h = await homeWith(data);
    const ref = refOf(h) as Ref;
    const file = historyFile(h);
    const text = await run(h, ['doctor']);
    expect(text.code).toBe(0);
    const size = statSync(file).size;
    const kb = size < 1024 ? `${size} B` : `${(size / 1024).toFixed(1)} kB`;
    const entries = ref.entries === 1 ? '1 entry' : `${ref.entries} entries`;
    const leads = ref.leads === 1 ? '1 closed lead' : `${ref.leads} closed leads`;
    expect(text.stdout).toContain(
      `History  ${file}: ${entries} before ${ref.before}, ${leads} before ${ref.leadsBefore}, ${kb}\n`,
    );
    const json = JSON.parse((await run(h, ['doctor', '--json'])).stdout);
    expect(json.history).toEqual({ ...ref, file, bytes: size, mode: '0600' });
    // Loosened by hand: doctor says so, and the next write sets 0600 again (the store file too).
    chmodSync(file, 0o644);
    expect((await run(h, ['doctor'])).stdout).toContain(`history file 0644: others can read it`);
    expect((await run(h, ['log', 'call', '1'])).code).toBe(0);
    expect(mode(file)).toBe(0o600);
    // A store that names no history: no History line, null in --json.
    const plain = newHome('9999,9999,99999');
    expect((await run(plain, ['log', 'call', '1'])).code).toBe(0);
    expect((await run(plain, ['doctor'])).stdout).not.toContain('History');
    expect(JSON.parse((await run(plain, ['doctor', '--json'])).stdout).history).toBeNull();
  });
});

describe('a store from a newer prospect that names a history', () => {
  it('doctor reports it as newer and --restore leaves it alone, whatever its history field holds', async () => {
    const h = await homeWith(oldStore());
    const file = storeFile(h.home);
    const store = readStoreJson(h.home);
    // A later schema may say more about its history than this release can read.
    store.schemaVersion = 99;
    (store.history as Record<string, unknown>).parts = ['a', 'b'];
    writeFileSync(file, JSON.stringify(store));
    const before = readFileSync(file);
    const json = JSON.parse((await run(h, ['doctor', '--json'])).stdout);
    expect(json.store).toMatchObject({ ok: false, newer: true, schemaVersion: 99 });
    const restore = await run(h, ['doctor', '--restore']);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain('newer prospect');
    expect(readFileSync(file)).toEqual(before);
  });
});

describe('backups of a split store', () => {
  it('daily, before-schema-5 and import --replace copies are whole stores without history, which doctor finds sound and restores', async () => {
    const data = oldStore();
    // A split store: the day's first write keeps a daily copy, import --replace one of its own.
    const h = await homeWith(data);
    expect((await run(h, ['log', 'call', '1'])).code).toBe(0);
    const file = join(tempHome(), 'again.json');
    writeFileSync(file, exportDoc(data));
    expect((await run(h, ['import', file, '--replace'])).code).toBe(0);
    // A schema-4 store file (schema 5 changed the layout only): its first write keeps a copy.
    const old = newHome();
    writeFileSync(storeFile(old.home), JSON.stringify({ ...data, schemaVersion: 4 }), {
      mode: 0o600,
    });
    expect((await run(old, ['log', 'call', '1'])).code).toBe(0);
    const copies = [h, old].flatMap((home) => {
      const dir = join(home.home, 'backups');
      return readdirSync(dir).map((b) => join(dir, b));
    });
    for (const reason of ['before-schema-5', 'daily', 'import']) {
      expect(
        copies.filter((b) => b.endsWith(`-${reason}.json`)),
        reason,
      ).toHaveLength(1);
    }
    for (const b of copies) {
      const copy = JSON.parse(readFileSync(b, 'utf8'));
      expect(copy.history, b).toBeUndefined();
      expect(copy.schemaVersion, b).toBe(b.endsWith('-before-schema-5.json') ? 4 : 5);
      expect(copy.leads, b).toEqual(data.leads);
      expect(copy.entries.slice(0, data.entries.length), b).toEqual(data.entries);
      expect(mode(b)).toBe(0o600);
    }
    for (const home of [h, old]) {
      const doctor = JSON.parse((await run(home, ['doctor', '--json'])).stdout);
      expect(doctor.store.ok).toBe(true);
      expect(doctor.backups.length).toBeGreaterThan(0);
      for (const b of doctor.backups) expect(b.ok, b.path).toBe(true);
      // A broken store file: doctor puts the newest backup back, and the next write splits it.
      writeFileSync(storeFile(home.home), '{"schemaVersion": 5, "entr');
      const restore = await run(home, ['doctor', '--restore']);
      expect(restore).toMatchObject({ code: 0, stderr: '' });
      expect(restore.stdout).toMatch(/^Restored prospect-\S+-(daily|import|before-schema-5)\.json/);
      expect((await run(home, ['status'])).code).toBe(0);
      expect(refOf(home)).toBeDefined();
      expect(historyFiles(home)).toEqual([(refOf(home) as Ref).file]);
      const store = (await exported(home)) as StoreData;
      expect(store.entries.slice(0, data.entries.length)).toEqual(data.entries);
    }
  });

  it('a schema-4 store migrates on its first write, with its backup, and splits', async () => {
    const data = oldStore();
    const h = newHome();
    writeFileSync(storeFile(h.home), JSON.stringify({ ...data, schemaVersion: 4 }), {
      mode: 0o600,
    });
    // A read migrates in memory only.
    expect((await run(h, ['status'])).code).toBe(0);
    expect(readStoreJson(h.home).schemaVersion).toBe(4);
    expect(historyFiles(h)).toEqual([]);
    expect((await run(h, ['log', 'call', '1'])).code).toBe(0);
    const backups = readdirSync(join(h.home, 'backups'));
    expect(backups.filter((b) => b.includes('before-schema-5'))).toHaveLength(1);
    const raw = readStoreJson(h.home);
    expect(raw.schemaVersion).toBe(5);
    expect(raw.history).toMatchObject({ before: dayBefore(380), leads: 1 });
    expect(historyFiles(h)).toHaveLength(1);
    const store = (await exported(h)) as StoreData;
    expect(store.entries.slice(0, -1)).toEqual(data.entries);
    expect(store.entries.at(-1)).toMatchObject({ date: TODAY, activity: 'call', count: 1 });
  });

  it('schemaVersion 5: a prospect that reads up to schema 4 refuses a split store as newer', async () => {
    expect(SCHEMA_VERSION).toBe(5);
    const h = await homeWith(oldStore());
    const raw = readStoreJson(h.home);
    expect(raw.schemaVersion).toBe(5);
    expect(raw.history).toBeDefined();
    let problem: unknown;
    try {
      migrate(raw, MIGRATIONS, 4);
    } catch (error) {
      problem = error;
    }
    expect(problem).toBeInstanceOf(StoreProblem);
    expect((problem as StoreProblem).newer).toBe(true);
    expect((problem as StoreProblem).message).toContain('schema 5');
  });
});

describe('export and import of a split store', () => {
  it('export is the same as of the store unsplit, and importing it gives the same store', async () => {
    const data = oldStore();
    const split = await homeWith(data);
    const unsplit = await homeWith(data, WHOLE);
    expect(refOf(split)).toBeDefined();
    expect(refOf(unsplit)).toBeUndefined();
    expect(historyFiles(unsplit)).toEqual([]);
    const a = await run(split, ['export']);
    const b = await run(unsplit, ['export']);
    expect(a).toMatchObject({ code: 0, stderr: '' });
    expect(a).toEqual(b);
    expect(JSON.parse(a.stdout).store.history).toBeUndefined();
    // Into a new home (split on import), and into the same store (merging changes nothing).
    const file = join(tempHome(), 'export.json');
    writeFileSync(file, a.stdout);
    const again = newHome();
    expect((await run(again, ['import', file])).code).toBe(0);
    expect(await run(again, ['export'])).toEqual(a);
    const name = refOf(split)?.file;
    expect((await run(split, ['import', file])).code).toBe(0);
    expect(refOf(split)?.file).toBe(name);
    expect(await run(split, ['export'])).toEqual(a);
    // The csv export too.
    expect(await run(split, ['export', '--format', 'csv'])).toEqual(
      await run(unsplit, ['export', '--format', 'csv']),
    );
  });
});

import { writeFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { run } from '../src/cli/run.js';
import type { StoreData } from '../src/domain/types.js';
import type { Io } from '../src/io.js';
import { displayWidth } from '../src/render/format.js';
import { emptyStore } from '../src/store/schema.js';
import { answers } from './checkin-fake-prompts.js';
import { noon, plain, storeFile, tempHome } from './helpers.js';

vi.mock('../src/prompts.js', () => import('./checkin-fake-prompts.js'));

// Issue 11 point 23: the check-in and status wrap between words, to the terminal's width.
const DAY = '2026-11-20';
const AFFIRMATION =
  'Every conversation I start is a gift of attention to someone who may need exactly what I offer, and the next dial is the one that answers';
const BELIEF =
  'Nobody answers unknown numbers any more, so calling is a waste of everybody’s afternoon';

function store(home: string): void {
  const data: StoreData = emptyStore();
  data.settings.name = 'Sam Rivera';
  data.quotas = [{ activity: 'call', per: 'day', target: 40, from: '2026-11-02' }];
  data.beliefs = [{ id: 'dial', belief: BELIEF, affirmation: AFFIRMATION }];
  writeFileSync(storeFile(home), JSON.stringify(data));
}

async function runAt(home: string, args: string[], columns: number | undefined, tty: boolean) {
  vi.stubEnv('PROSPECT_HOME', home);
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    stdoutIsTTY: tty,
    stdinIsTTY: tty,
    columns,
    env: { PROSPECT_HOME: home },
    now: () => noon(DAY),
  };
  const code = await run(args, io);
  vi.unstubAllEnvs();
  return { code, stderr, lines: plain(stdout).split('\n') };
}

/** Each word of `text` appears whole in the output: nothing was broken mid-word. */
function wordsWhole(lines: string[], text: string): void {
  const shown = new Set(lines.join(' ').split(/\s+/));
  for (const word of text.split(' ')) expect(shown, word).toContain(word);
}

describe('wrapping to the terminal', () => {
  it.each([80, 50])('the check-in opening wraps between words at %i columns', async (columns) => {
    const home = tempHome();
    store(home);
    answers({ 'count:call': 12 });
    const r = await runAt(home, ['checkin'], columns, true);
    expect(r.code).toBe(0);
    // At 80 every line fits; narrower, the opening does (the summary's quota bars are fixed).
    const checked = columns >= 80 ? r.lines : r.lines.slice(0, r.lines.indexOf(''));
    expect(checked.length).toBeGreaterThan(3);
    for (const line of checked) expect(displayWidth(line), line).toBeLessThanOrEqual(columns);
    wordsWhole(r.lines, AFFIRMATION);
    wordsWhole(r.lines, `(instead of: "${BELIEF}")`);
  });

  it.each([
    [40, true, 40],
    [120, true, 120],
    [undefined, false, 80],
  ])(
    'status wraps its affirmation to %s columns (tty %s): at most %i',
    async (columns, tty, width) => {
      const home = tempHome();
      store(home);
      const r = await runAt(home, ['status'], columns, tty);
      expect(r.code).toBe(0);
      const from = r.lines.findIndex((l) => l.startsWith('affirm'));
      const affirm = r.lines.slice(from).filter(Boolean);
      for (const line of affirm) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
      // As wide as it may be: the first line would not take the next word.
      const next = AFFIRMATION.split(' ')[(affirm[0] as string).split(/\s+/).length - 1] as string;
      expect(displayWidth(affirm[0] as string) + 1 + displayWidth(next)).toBeGreaterThan(width);
      wordsWhole(affirm, AFFIRMATION);
    },
  );
});

// QA: status in a pipe printed quota lines of 128-132 columns; narrower, they broke mid-word.
function busyStore(home: string): void {
  const data: StoreData = emptyStore();
  data.settings.name = 'Samantha Rivera-Delacroix';
  data.quotas = [
    { activity: 'call', per: 'day', target: 40, from: '2026-11-02' },
    { activity: 'social', per: 'week', target: 150, from: '2026-11-02' },
    { activity: 'email', per: 'month', target: 400, from: '2026-11-02' },
    { activity: 'referral-ask', per: 'quarter', target: 30, from: '2026-10-01' },
  ];
  data.beliefs = [{ id: 'dial', belief: BELIEF, affirmation: AFFIRMATION }];
  const e = (id: string, date: string, activity: string, count: number) => ({
    id,
    date,
    activity,
    count,
  });
  data.entries = [
    e('a', '2026-11-16', 'social', 30),
    e('b', '2026-11-17', 'social', 12),
    e('c', '2026-11-18', 'social', 31),
    e('d', '2026-11-19', 'social', 25),
    e('f', '2026-11-20', 'call', 7),
    e('g', '2026-11-10', 'email', 80),
    e('h', '2026-11-12', 'meeting', 3),
    e('i', '2026-11-20', 'rejection', 4),
    e('j', '2026-11-03', 'referral-ask', 2),
  ];
  data.clients = [
    'Bright Smiles Family Dentistry',
    'Crane & Sons Heavy Haulage',
    'Oak Lane',
    'Vale',
  ].map((name) => ({ name, since: '2026-01-05', wins: [] }));
  data.leads = ['Dana Lee', 'Rosa Garcia', 'Jo Park'].map((name, i) => ({
    id: `l${i}`,
    name,
    company: 'Northwind Traders International',
    source: 'marketing',
    received: '2026-11-10',
    events: [],
  }));
  writeFileSync(storeFile(home), JSON.stringify(data));
}

/** Every line fits `width`, and the words are those of a wide rendering: none split. */
function fitsWholeWords(lines: string[], wide: string[], width: number): void {
  for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
  const words = (ls: string[]) =>
    ls
      .join(' ')
      .split(/\s+/)
      .filter((w) => w && !/^[█░]+$/.test(w));
  expect(words(lines)).toEqual(words(wide));
}

describe('status and the check-in summary wrap every line between words', () => {
  it.each([
    [40, true, 40],
    [120, true, 120],
    [undefined, false, 80],
  ])('status at %s columns (tty %s): at most %i', async (columns, tty, width) => {
    const home = tempHome();
    busyStore(home);
    const wide = await runAt(home, ['status'], 1000, true);
    const r = await runAt(home, ['status'], columns, tty);
    expect(r.code, r.stderr).toBe(0);
    expect(r.lines.some((l) => l.startsWith('noes'))).toBe(true);
    expect(r.lines.some((l) => l.startsWith('leads'))).toBe(true);
    // The wide rendering has the long quota line on one line: the check is not empty.
    expect(wide.lines.some((l) => displayWidth(l) > 120)).toBe(true);
    fitsWholeWords(r.lines, wide.lines, width);
  });

  // The check-in asks in a terminal; no columns known reads as 80, as in a pipe.
  it.each([
    [40, 40],
    [120, 120],
    [undefined, 80],
  ])('the check-in summary at %s columns: at most %i', async (columns, width) => {
    const home = tempHome();
    busyStore(home);
    answers({ 'count:call': 9 });
    const wide = await runAt(home, ['checkin'], 1000, true);
    const home2 = tempHome();
    busyStore(home2);
    answers({ 'count:call': 9 });
    const r = await runAt(home2, ['checkin'], columns, true);
    expect(r.code).toBe(0);
    const summary = r.lines.slice(r.lines.findIndex((l) => l.startsWith('Saved')));
    const wideSummary = wide.lines.slice(wide.lines.findIndex((l) => l.startsWith('Saved')));
    expect(summary.length).toBeGreaterThan(5);
    fitsWholeWords(summary, wideSummary, width);
  });

  it.each([40, 80, 120])('belief add at %i columns', async (width) => {
    const home = tempHome();
    store(home);
    const args = ['belief', 'add', `${BELIEF} again`, '--reframe', `${AFFIRMATION} again`];
    const wide = await runAt(tempHomeWith(store), args, 1000, true);
    const r = await runAt(home, args, width, true);
    expect(r.code).toBe(0);
    expect(r.lines.length).toBeGreaterThan(2);
    // The id is new each time.
    const id = (ls: string[]) => ls.map((l) => l.replace(/^Added belief \w+:/, 'Added belief ID:'));
    fitsWholeWords(id(r.lines), id(wide.lines), width);
  });
});

function tempHomeWith(fill: (home: string) => void): string {
  const home = tempHome();
  fill(home);
  return home;
}

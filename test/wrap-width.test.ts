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
  const io: Io = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: () => {},
    stdoutIsTTY: tty,
    stdinIsTTY: tty,
    columns,
    env: { PROSPECT_HOME: home },
    now: () => noon(DAY),
  };
  const code = await run(args, io);
  vi.unstubAllEnvs();
  return { code, lines: plain(stdout).split('\n') };
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

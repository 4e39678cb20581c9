import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_END, generateStore } from '../../bench/data.js';
import { cli, storeFile, tempHome } from '../helpers.js';

// string-width and wrap-ansi each build an Intl.Segmenter when they are evaluated (and measure
// with it), and nothing else a read command runs does: a preloaded module that reports every
// Segmenter built shows whether the width libraries were loaded, in both builds (the code-cache
// script, dist/script/cli.js, and the ES module chunks with PROSPECT_NO_CODE_CACHE=1).
const MARK = 'SEGMENTER-BUILT';

function watched(): Record<string, string> {
  const dir = tempHome();
  const hook = join(dir, 'segmenter.mjs');
  writeFileSync(
    hook,
    `import { writeSync } from 'node:fs';
const Real = Intl.Segmenter;
Intl.Segmenter = class extends Real {
  constructor(...args) { writeSync(2, '${MARK}\\n'); super(...args); }
};
`,
  );
  return { NODE_OPTIONS: `--import=${pathToFileURL(hook).href}`, PROSPECT_CACHE_DIR: dir };
}

function setUp(home: string, client: string): void {
  for (const args of [
    ['quota', 'set', 'call', '10', '--per', 'day'],
    ['log', 'call', '3', '--note', 'left a voicemail about the spring offer'],
    ['client', 'add', client, '--since', '2026-01-02'],
  ]) {
    expect(cli(home, args).code).toBe(0);
  }
}

describe.each([
  ['the code-cache script', {}],
  ['the ES module build', { PROSPECT_NO_CODE_CACHE: '1' }],
])('string-width and wrap-ansi load only for non-ASCII text (%s)', (_, build) => {
  it('reads an ASCII-only store without loading them', () => {
    const home = tempHome();
    setUp(home, 'Acme Dental');
    const env = { ...watched(), ...build };
    for (const args of [['status'], ['status', '--json'], ['streak'], ['referrals'], ['history']]) {
      // Twice: the first run makes the code cache, the second runs from it.
      for (let run = 0; run < 2; run++) {
        const r = cli(home, args, env);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr, args.join(' ')).not.toContain(MARK);
      }
    }
  });

  it('reads the five-year bench store (ASCII names) without loading them', () => {
    const home = tempHome();
    writeFileSync(storeFile(home), JSON.stringify(generateStore()), { mode: 0o600 });
    const env = { ...watched(), ...build };
    for (const args of [
      ['status'],
      ['status', '--short'],
      ['streak'],
      ['referrals'],
      ['leads'],
      ['funnel'],
      ['report'],
      ['history'],
    ]) {
      const r = cli(home, [...args, '--date', DEFAULT_END], env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr, args.join(' ')).not.toContain(MARK);
    }
  });

  it('loads them for "Café Zoë", and lines the table up by what a terminal shows', () => {
    const home = tempHome();
    setUp(home, 'Café Zoë');
    const r = cli(home, ['referrals'], { ...watched(), ...build });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(MARK);
    const lines = r.stdout.split('\n');
    const header = lines.find((l) => l.startsWith('client'));
    const row = lines.find((l) => l.startsWith('Café Zoë'));
    expect(header?.indexOf('why now')).toBe(10);
    expect(row?.indexOf('first ask')).toBe(10);
  });

  it('measures CJK and emoji names as two columns a character', () => {
    const home = tempHome();
    setUp(home, '東京 🚀');
    const r = cli(home, ['referrals'], build);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    // The name takes 7 columns (two for each CJK character and the emoji), so the next column
    // starts at 9 on the header and right after two spaces on the row.
    expect(lines.find((l) => l.startsWith('client'))?.indexOf('why now')).toBe(9);
    expect(lines.find((l) => l.startsWith('東京 🚀'))).toMatch(/^東京 🚀 {2}first ask/);
  });
});

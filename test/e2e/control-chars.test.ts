import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it, vi } from 'vitest';
import { safeText } from '../../src/safe-text.js';
import { cli, noon, readStoreJson, runIn, storeBytes, storeFile, tempHome } from '../helpers.js';

// The store check refuses control characters in a hand edit (test/e2e/import-checks.test.ts, and the
// last test here on the built CLI). This file switches that check off in-process to prove the second
// line of defence: whatever text reaches the output step, from any field, is cleaned there.
vi.mock('../../src/store/validate.js', async (original) => ({
  ...(await original<typeof import('../../src/store/validate.js')>()),
  storeProblem: () => undefined,
}));

const TODAY = '2026-11-23';
// ESC with a screen-clearing and a retitling sequence, BEL, a bare CR, a C1 CSI, U+2028, a bidi override.
const NASTY = '\u001b[2J\u001b]0;pwned\u0007x\ry\u009b31m\u2028\u202e';
/** Any character that must never reach a terminal or a file raw (CRLF line ends aside). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const rawIn = (text: string) => RAW.test(text.replaceAll('\r\n', '\n'));
/** Chalk's colour sequences, the only escapes allowed, and only at a terminal with colour on. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding colour sequences is the point
const withoutColour = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

/** A store made by the CLI, then hand-edited (still valid) to hold control characters everywhere. */
async function nastyStore(): Promise<string> {
  const home = tempHome();
  const steps = [
    ['quota', 'set', 'call', '20', '--per', 'day', '--from', '2026-11-02'],
    ['log', 'call', '3', '--note', 'note', '--date', '2026-11-20'],
    ['client', 'add', 'Acme', '--since', '2026-06-02'],
    ['belief', 'add', 'belief', '--reframe', 'affirmation'],
    ['off', '2026-11-19', '--reason', 'reason'],
    ['config', 'set', 'name', 'Sam'],
  ];
  for (const args of steps) {
    const r = await runIn(home, args, { now: noon(TODAY) });
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  }
  const data = readStoreJson(home) as unknown as {
    entries: { note?: string }[];
    clients: { name: string }[];
    beliefs: { belief: string; affirmation: string }[];
    daysOff: { reason?: string }[];
    settings: { name: string };
  };
  for (const e of data.entries) if (e.note) e.note = `note${NASTY}`;
  for (const c of data.clients) c.name = `Acme${NASTY}`;
  for (const b of data.beliefs) {
    b.belief = `belief${NASTY}`;
    b.affirmation = `affirmation${NASTY}`;
  }
  for (const d of data.daysOff) d.reason = `reason${NASTY}`;
  data.settings.name = `Sam${NASTY}`;
  writeFileSync(storeFile(home), JSON.stringify(data, null, 2));
  return home;
}

describe('control characters from a hand-edited store (issue 11 point 9)', () => {
  it('the built CLI refuses such a store (exit 1), quoting the value escaped, and leaves it as it is', async () => {
    const home = await nastyStore();
    const before = storeBytes(home);
    const r = cli(home, ['history'], { TZ: 'UTC' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/contains a control character/);
    expect(r.stderr).toContain('\\u001b[2J');
    expect(rawIn(r.stderr), JSON.stringify(r.stderr)).toBe(false);
    expect(storeBytes(home)?.equals(before as Buffer)).toBe(true);
  });

  const commands = [
    ['history'],
    ['history', '--json'],
    ['status'],
    ['status', '--json'],
    ['client', 'list'],
    ['client', 'list', '--json'],
    ['referrals'],
    ['referrals', '--ics', '-'],
    ['belief', 'list'],
    ['affirm'],
    ['off', 'list'],
    ['config', 'get'],
    ['config', 'get', 'name'],
    ['report', '--format', 'csv'],
    ['export'],
  ];
  it.each(commands.map((args) => [args.join(' '), args] as const))(
    'prospect %s prints none of them raw',
    async (_name, args) => {
      const home = await nastyStore();
      for (const tty of [false, true]) {
        const r = await runIn(home, args, { now: noon(TODAY), tty });
        expect(r.code, r.stderr).toBe(0);
        const out = tty ? withoutColour(r.stdout) : r.stdout;
        expect(rawIn(out), JSON.stringify(r.stdout)).toBe(false);
        expect(rawIn(r.stderr), JSON.stringify(r.stderr)).toBe(false);
      }
    },
  );

  it('shows them as visible escapes, so the text is still there to read and fix', async () => {
    const home = await nastyStore();
    const r = await runIn(home, ['client', 'list'], { now: noon(TODAY) });
    expect(r.stdout).toContain('Acme\\u001b[2J\\u001b]0;pwned\\u0007x\\u000dy\\u009b31m\\u2028');
  });

  it('keeps a --json document the same data: the escapes are JSON escapes', async () => {
    const home = await nastyStore();
    const r = await runIn(home, ['client', 'list', '--json'], { now: noon(TODAY) });
    expect(JSON.parse(r.stdout)[0].name).toBe(`Acme${NASTY}`);
  });

  it('writes none of them raw into the .ics file, which still parses', async () => {
    const home = await nastyStore();
    const file = join(home, 'asks.ics');
    const r = await runIn(home, ['referrals', '--ics', file], { now: noon(TODAY) });
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(rawIn(text), JSON.stringify(text)).toBe(false);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') ?? undefined);
    expect(event.summary).toContain('Acme\\u001b[2J');
    expect(rawIn(event.summary)).toBe(false);
    expect(rawIn(event.description)).toBe(false);
  });

  it('lets colour through only when colour is on, and only colour (SGR) sequences', () => {
    const painted = '\u001b[32mdone\u001b[39m';
    expect(safeText(painted, true)).toBe(painted);
    expect(safeText(painted, false)).toBe('\\u001b[32mdone\\u001b[39m');
    expect(safeText('\u001b[2J\u001b]8;;http://x\u0007', true)).toBe(
      '\\u001b[2J\\u001b]8;;http://x\\u0007',
    );
    expect(safeText('a\r\nb\tc\rd')).toBe('a\r\nb\tc\\u000dd');
  });
});

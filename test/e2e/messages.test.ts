import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import ICAL from 'ical.js';
import { describe, expect, it, vi } from 'vitest';
import { askNumber } from '../../src/prompts.js';
import { prospectCommand, sentence, shellArg } from '../../src/render/words.js';
import { noon, runIn, storeBytes, tempHome } from '../helpers.js';

const TODAY = '2026-11-23';
const NAMES = [
  'Zed, Inc.',
  "O'Brien & Sons",
  'The "Best" Dental',
  'Cash $HOME $(id) Ltd',
  'Back`tick` Co',
  'Two  spaces',
  'Café Zoë!',
];

/** The arguments bash hands a `prospect` run by this printed command line. */
function argsInBash(commandLine: string): string[] {
  const script = `prospect() { printf '%s\\0' "$@"; }; ${commandLine}`;
  const out = execFileSync('bash', ['-c', script], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

async function withClient(name: string): Promise<string> {
  const home = tempHome();
  for (const args of [
    ['client', 'add', name, '--since', '2026-01-05'],
    ['quota', 'set', 'call', '20', '--per', 'day', '--from', '2026-11-02'],
  ]) {
    const r = await runIn(home, args, { now: noon(TODAY) });
    expect(r.code, r.stderr).toBe(0);
  }
  return home;
}

describe('printed commands survive bash (issue 11 point 22)', () => {
  it.each(NAMES)(
    'client rm %s: one full stop, and the add-again command round-trips',
    async (name) => {
      const home = await withClient(name);
      const r = await runIn(home, ['client', 'rm', name], { now: noon(TODAY) });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(/\.\./);
      expect(r.stdout).toMatch(/^Removed client .*[.!] Its asks stay/);
      const command = r.stdout.match(/add it again with: (prospect .*)\n$/)?.[1] ?? '';
      expect(argsInBash(command)).toEqual(['client', 'add', name]);
    },
  );

  it.each(NAMES)(
    'referrals, its .ics and the check-in hint: the ask command for %s round-trips',
    async (name) => {
      const home = await withClient(name);
      const r = await runIn(home, ['referrals'], { now: noon(TODAY) });
      // The whole printed command runs as printed: no pipe between the outcomes.
      const line =
        r.stdout.match(/Ask, then record it: (prospect ask .*? --outcome intro)/)?.[1] ?? '';
      expect(argsInBash(line)).toEqual(['ask', name, '--outcome', 'intro']);

      const file = join(home, 'asks.ics');
      expect((await runIn(home, ['referrals', '--ics', file], { now: noon(TODAY) })).code).toBe(0);
      const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
      const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') ?? undefined);
      const fromIcs =
        event.description.match(/Afterwards: (prospect ask .*? --outcome intro)/)?.[1] ?? '';
      expect(argsInBash(fromIcs)).toEqual(['ask', name, '--outcome', 'intro']);

      const before = storeBytes(home);
      const c = await runIn(home, ['checkin'], { now: noon(TODAY) });
      expect(c.code).toBe(2);
      const hint = c.stderr.match(/(prospect ask .*? --outcome OUTCOME)/)?.[1] ?? '';
      expect(argsInBash(hint)).toEqual(['ask', name, '--outcome', 'OUTCOME']);
      expect(storeBytes(home)).toEqual(before);
    },
  );

  it('quotes through one helper that bash reads back', () => {
    for (const name of [...NAMES, '', '-x', 'tab\there', 'a\\b', '~user', '*', '#1']) {
      expect(argsInBash(`prospect ${shellArg(name)}`)).toEqual([name]);
      expect(argsInBash(prospectCommand('client', 'add', name))).toEqual(['client', 'add', name]);
    }
    expect(shellArg('acme')).toBe('acme');
  });

  it('never doubles a full stop after a name that ends in one', () => {
    expect(sentence('Removed client Zed, Inc.')).toBe('Removed client Zed, Inc.');
    expect(sentence('Removed client Acme')).toBe('Removed client Acme.');
  });
});

describe('refusals that say what is accepted (issue 11 point 22)', () => {
  it("config set name '' says what a name may be, not to leave an option out", async () => {
    const home = tempHome();
    const r = await runIn(home, ['config', 'set', 'name', ''], { now: noon(TODAY) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('prospect: name is empty: give one line of text, up to 100 characters\n');
    expect(storeBytes(home)).toBeNull();
  });

  it('an empty option may still be left out', async () => {
    const home = tempHome();
    const r = await runIn(home, ['log', 'call', '--note', ' '], { now: noon(TODAY) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--note is empty: .*or leave the option out/);
  });

  it('the check-in answers 2.5 with "a whole number from 0 to 10000" (the real inquirer prompt)', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (chunk) => {
      shown += String(chunk);
    });
    const answer = askNumber(
      { name: 'count', message: 'How many calls today?', default: 0, min: 0, max: 10000 },
      { input, output },
    );
    input.write('2.5\r');
    // The prompt validates asynchronously: wait for its message (a fixed sleep flaked under load).
    await vi.waitFor(() => expect(shown).toContain('a whole number from 0 to 10000'), {
      timeout: 5000,
    });
    expect(shown).not.toContain('multiple of');
    input.write('\b\b\b12\r');
    await expect(answer).resolves.toBe(12);
  });
});

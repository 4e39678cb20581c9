import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, noon, plain, runIn, storeBytes, tempHome } from '../helpers.js';
import { fixtureHome } from '../reports-fixture.js';

const FORMATS = [
  ['text', 'txt'],
  ['md', 'md'],
  ['csv', 'csv'],
  ['json', 'json'],
  ['html', 'html'],
] as const;

// Two weeks of the fixture: W47 seen on its Friday (Thu 19 Nov off, the weekend still to come)
// and W53, which runs from 28 Dec 2026 to 3 Jan 2027 with New Year's Day off, once it is over.
const CASES = [
  { name: 'w47-friday', args: ['--week', '2026-W47', '--date', '2026-11-20'] },
  { name: 'w53', args: ['--week', '2026-W53', '--date', '2027-01-05'] },
] as const;

describe('prospect report: golden files', () => {
  for (const c of CASES) {
    for (const [format, ext] of FORMATS) {
      it(`${c.name} as ${format}`, async () => {
        const home = fixtureHome();
        const before = storeBytes(home);
        const r = await runIn(home, ['report', ...c.args, '--format', format]);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        await expect(r.stdout).toMatchFileSnapshot(`../fixtures/reports/${c.name}.${ext}`);
        expect(storeBytes(home)).toEqual(before);
      });
    }
  }
});

describe('prospect report', () => {
  it('fits the text report in 80 columns', async () => {
    const home = fixtureHome();
    for (const c of CASES) {
      const r = await runIn(home, ['report', ...c.args]);
      for (const line of plain(r.stdout).split('\n'))
        expect([...line].length).toBeLessThanOrEqual(80);
    }
  });

  it('text: every label of the summary lines stands apart from its value, values in one column', async () => {
    const r = await runIn(fixtureHome(), ['report', '--week', '2026-W47', '--date', '2026-11-20']);
    const lines = r.stdout.split('\n');
    const labels = ['Streak', 'Referrals', 'Meetings', 'Noes', 'Prospect 1st', 'Days off'];
    const starts = labels.map((l) => {
      const line = lines.find((x) => x.startsWith(`${l} `)) as string;
      expect(line, l).toMatch(new RegExp(`^${l}  +\\S`));
      return line.length - line.slice(l.length).trimStart().length;
    });
    expect(new Set(starts).size).toBe(1);
    // A wrapped value goes on in the same column.
    const i = lines.findIndex((x) => x.startsWith('Prospect 1st'));
    expect(lines[i + 1]?.search(/\S/)).toBe(starts[0]);
  });

  it('keeps beliefs out of every format unless --include-beliefs', async () => {
    const home = fixtureHome();
    for (const [format] of FORMATS) {
      const r = await runIn(home, [
        'report',
        '--week',
        '2026-W47',
        '--date',
        '2026-11-22',
        '--format',
        format,
      ]);
      expect(r.stdout).not.toContain('PRIVATE');
      const shared = await runIn(home, [
        'report',
        '--week',
        '2026-W47',
        '--date',
        '2026-11-22',
        '--format',
        format,
        '--include-beliefs',
      ]);
      // The CSV is the activity grid only: it has no place for beliefs, asked for or not.
      if (format === 'csv') expect(shared.stdout).not.toContain('PRIVATE');
      else expect(shared.stdout).toContain('PRIVATE-BELIEF');
    }
  });

  it('defaults to the week holding --date, and knows this and last week', async () => {
    const home = fixtureHome();
    const week = async (args: string[]) =>
      JSON.parse((await runIn(home, ['report', '--json', ...args])).stdout).week;
    expect(await week(['--date', '2026-11-18'])).toBe('2026-W47');
    expect(await week(['--date', '2026-11-18', '--week', 'last'])).toBe('2026-W46');
    expect(await week(['--date', '2027-01-02', '--week', 'this'])).toBe('2026-W53');
    const now = await runIn(home, ['report', '--json'], { now: noon('2027-01-06') });
    expect(JSON.parse(now.stdout).week).toBe('2027-W01');
  });

  it('writes --out atomically, infers the format from its name and never overwrites without --force', async () => {
    const home = fixtureHome();
    const out = join(home, 'week.html');
    const args = ['report', '--week', '2026-W47', '--date', '2026-11-22', '--out', out];
    const first = await runIn(home, args);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toContain(out);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    writeFileSync(out, 'keep me');
    const again = await runIn(home, args);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists: add --force/);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    const forced = await runIn(home, [...args, '--force', '--format', 'md']);
    expect(forced.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Weekly report/);
  });

  it('refuses bad input with exit 2, one line, and nothing on stdout', async () => {
    const home = fixtureHome();
    const before = storeBytes(home);
    for (const [args, message] of [
      [['--week', '2026-W54'], /--week '2026-W54' is not a week/],
      [['--week', 'next'], /is not a week: use an ISO week such as .*, or this or last/],
      [['--week', '2026-W50', '--date', '2026-11-20'], /starts after 2026-11-20/],
      [['--format', 'pdf'], /--format 'pdf' is not one of text, md, csv, json, html/],
      [['--date', '2026-02-30'], /--date '2026-02-30' is not a date/],
      [['--json', '--format', 'md'], /disagree/],
    ] as const) {
      const r = await runIn(home, ['report', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(storeBytes(home)).toEqual(before);
  });

  it('works as a real process: json on stdout, a missing --out folder is exit 2', () => {
    const home = fixtureHome();
    const r = cli(home, [
      'report',
      '--week',
      '2026-W53',
      '--date',
      '2027-01-03',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      schema: 'prospect.weekly-report/1',
      rep: 'Sam Rivera',
      week: '2026-W53',
      start: '2026-12-28',
      end: '2027-01-03',
      totals: { call: 108 },
      targets: { call: 120 },
      referrals: { asked: 2, intros: 0 },
    });
    // A folder that is not there is a bad --out value, like --ics's (exit 2), not a failed write.
    const missing = cli(home, ['report', '--out', join(home, 'no', 'such', 'dir', 'r.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/does not exist/);
    expect(existsSync(join(home, 'no'))).toBe(false);
  });

  it('reports an empty store without failing', async () => {
    const home = tempHome();
    const r = await runIn(home, ['report', '--date', '2026-11-20']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Nothing logged');
    expect(storeBytes(home)).toBeNull();
  });
});

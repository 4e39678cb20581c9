import { spawnSync } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cli, noon, runIn, storeBytes, tempHome } from '../helpers.js';

const NOW = noon('2026-11-23');

/** Writes through the real commands (in-process, fast); every write is dated with --date. */
async function setUp(home: string, commands: string[][]): Promise<void> {
  for (const args of commands) {
    const result = await runIn(home, args, { now: NOW });
    expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  }
}

/** The heatmap row of a weekday: its name, then cells (not the sentence that names the day). */
const row = (lines: string[], name: string) =>
  lines.find((l) => new RegExp(`^${name}[ [][^0-9A-Za-z]`).test(l)) as string;

const weekdays = (days: string[]) => days.map((d) => ['log', 'call', '10', '--date', d]);

describe('prospect streak', () => {
  it('status --json carries the same streak object as streak --json', async () => {
    const home = tempHome();
    await setUp(home, [
      ['quota', 'set', 'call', '10', '--per', 'day', '--from', '2026-11-02'],
      ['quota', 'set', 'email', '5', '--per', 'day', '--from', '2026-11-02'],
      ['quota', 'set', 'meeting', '2', '--per', 'week', '--from', '2026-11-02'],
      ...weekdays(['2026-11-18', '2026-11-19', '2026-11-20']),
      ['log', 'email', '5', '--date', '2026-11-20'],
      ['log', 'meeting', '2', '--date', '2026-11-17'],
    ]);
    for (const date of ['2026-11-20', '2026-11-23']) {
      const streak = await runIn(home, ['streak', '--json', '--date', date], { now: NOW });
      const status = await runIn(home, ['status', '--json', '--date', date], { now: NOW });
      expect(streak.code).toBe(0);
      // streak --json also says how often prospecting came first; status leaves that out.
      const { prospectFirst: _, ...fromStreak } = JSON.parse(streak.stdout);
      expect(JSON.parse(status.stdout).streak).toEqual(fromStreak);
      expect(fromStreak.asOf).toBe(date);
    }
    const json = JSON.parse((await runIn(home, ['streak', '--json'], { now: NOW })).stdout);
    expect(json).toMatchObject({
      asOf: '2026-11-23',
      daily: { current: 1, longest: 1, longestEnd: '2026-11-20' },
      weekly: { current: 1, longest: 1 },
      activities: { call: { current: 3, longest: 3, target: 10 }, email: { current: 1 } },
    });
    const status = await runIn(home, ['status'], { now: NOW });
    expect(status.stdout).toContain(
      'streak    1 day (longest 1) · weekly 1 week (longest 1) · call 3',
    );
  });

  it('draws a heatmap that reads without colour and fits 80 columns', async () => {
    const home = tempHome();
    await setUp(home, [
      ['activity', 'add', 'linkedin-direct-messages'],
      ['quota', 'set', 'call', '10', '--per', 'day', '--from', '2026-08-10'],
      ['quota', 'set', 'linkedin-direct-messages', '4', '--per', 'day', '--from', '2026-08-10'],
      ...weekdays(['2026-11-16', '2026-11-17', '2026-11-19', '2026-11-20']),
      ['log', 'linkedin-direct-messages', '4', '--date', '2026-11-16'],
      ['log', 'call', '3', '--date', '2026-11-21'],
      ['off', '2026-11-18'],
      ['log', 'call', '4', '--date', '2026-11-23'],
    ]);
    const plain = await runIn(home, ['streak'], { now: NOW, env: { NO_COLOR: '1' }, tty: true });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe(stripVTControlCharacters(plain.stdout));
    const lines = plain.stdout.split('\n');
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(80);
    const rows = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].map((name) => row(lines, name));
    // One cell per week: 16 weeks back to the first quota, each cell two columns wide.
    expect(rows[0]).toMatch(/^Mon( .){15}\[.\]$/);
    const cells = (row: string) => [...row.slice(4)].filter((_, i) => i % 2 === 0);
    expect(cells(rows[0] as string)).toHaveLength(16);
    // The last column is this week: Monday the as-of day in brackets, the rest still to come.
    expect(rows[0]?.endsWith('[░]')).toBe(true);
    for (const r of rows.slice(1)) expect(cells(r)[15] ?? ' ').toBe(' ');
    // Last week: met, half (one of two quotas), day off, half, half; calls on the Saturday.
    const lastWeek = rows.map((r) => cells(r)[14]);
    expect(lastWeek).toEqual(['█', '▓', '~', '▓', '▓', '+', '-']);
    expect(plain.stdout).toContain('every daily quota met');
    expect(plain.stdout).toContain('~ day off  - not a workday');
    expect(plain.stdout).toMatch(/^daily +0 days +longest 1 day, ended 16 Nov$/m);
    expect(plain.stdout).toMatch(/^call +4 days +since 16 Nov +your longest yet$/m);
    expect(plain.stdout).toContain('linkedin-dire…');

    const colour = await runIn(home, ['streak'], { now: NOW, tty: true });
    expect(colour.stdout).not.toBe(stripVTControlCharacters(colour.stdout));
    // Colour only adds emphasis: the characters are the same.
    expect(stripVTControlCharacters(colour.stdout)).toBe(plain.stdout);
  });

  it('says when there is nothing yet, with 12 empty weeks', async () => {
    const home = tempHome();
    const result = await runIn(home, ['streak'], { now: NOW });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('daily   0 days');
    expect(result.stdout).toContain('no weekly quota');
    expect(result.stdout).toContain('Last 12 weeks');
  });

  it('refuses a bad --date: exit 2, one line, nothing on stdout, store untouched', async () => {
    const home = tempHome();
    await setUp(home, [['log', 'call', '--date', '2026-11-20']]);
    const before = storeBytes(home);
    const result = cli(home, ['streak', '--date', '2026-11-31', '--json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^prospect: --date '2026-11-31' is not a date: use YYYY-MM-DD/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(storeBytes(home)).toEqual(before);
  });
});

describe('a week with a daylight-saving change (TZ=America/New_York, week of 2026-11-01)', () => {
  const TZ = { TZ: 'America/New_York' };

  it('runs under that time zone: clocks go back on Sunday 2026-11-01', () => {
    const offsets = spawnSync(
      process.execPath,
      [
        '-e',
        'console.log(new Date(2026, 9, 31).getTimezoneOffset(), new Date(2026, 10, 2).getTimezoneOffset())',
      ],
      { env: { ...process.env, ...TZ }, encoding: 'utf8' },
    );
    expect(offsets.stdout.trim()).toBe('240 300');
  });

  it('counts the week around the change once per day, in the built CLI', async () => {
    const home = tempHome();
    const days = [
      ...['19', '20', '21', '22', '23', '26', '27', '28', '29', '30'].map((d) => `2026-10-${d}`),
      ...['02', '03', '04', '05', '06'].map((d) => `2026-11-${d}`),
    ];
    await setUp(home, [
      ['quota', 'set', 'call', '10', '--per', 'day', '--from', '2026-10-19'],
      ['quota', 'set', 'meeting', '2', '--per', 'week', '--from', '2026-10-19'],
      ...weekdays(days),
      ['log', 'meeting', '2', '--date', '2026-10-21'],
      ['log', 'meeting', '--date', '2026-10-28'],
      // The Sunday the clocks change completes its week's weekly quota.
      ['log', 'meeting', '--date', '2026-11-01'],
      ['log', 'meeting', '--date', '2026-11-03'],
    ]);
    const asOf = (date: string) => {
      const result = cli(home, ['streak', '--json', '--date', date], TZ);
      expect(result.code, result.stderr).toBe(0);
      return JSON.parse(result.stdout);
    };
    expect(asOf('2026-11-01')).toMatchObject({
      daily: { current: 10, longestEnd: '2026-10-30' },
      weekly: { current: 2, currentStart: '2026-10-19', longestEnd: '2026-11-01' },
    });
    // The week after the change has one meeting of two: open on Friday, missed once it is over
    // (the Sunday's meeting belongs to the week before and must not be counted again).
    expect(asOf('2026-11-06')).toMatchObject({
      daily: { current: 15, longest: 15, currentStart: '2026-10-19' },
      weekly: { current: 2, longest: 2, longestEnd: '2026-11-01' },
    });
    expect(asOf('2026-11-09').weekly).toMatchObject({ current: 0, longest: 2 });

    const map = cli(home, ['streak', '--date', '2026-11-06'], TZ).stdout.split('\n');
    // Each day in its own row and column: the Sunday of the change closes its week's column.
    expect(row(map, 'Mon')).toMatch(/█ █ █$/);
    expect(row(map, 'Fri')).toMatch(/█ █\[█\]$/);
    expect(row(map, 'Sun')).toMatch(/- \+$/);
  });
});

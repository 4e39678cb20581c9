// Every date option takes the date words (SPEC ground rules), through the one parser in
// src/options.ts: the same command with a word and with the date it names does the same thing.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandUnknownOpts as Command } from '@commander-js/extra-typings';
import { describe, expect, it } from 'vitest';
import { isDateOption } from '../../src/cli/help-dates.js';
import { buildProgram } from '../../src/cli/program.js';
import { noon, readStoreJson, runIn, tempHome } from '../helpers.js';

const MONDAY = noon('2026-11-23');
/** A marketing list for `lead import` (one file for every case: it is only read). */
const LEAD_CSV = join(mkdtempSync(join(tmpdir(), 'prospect-leads-')), 'webinar.csv');
writeFileSync(LEAD_CSV, 'name,company\nAri Cole,Cole Dental\n');
const at = async (home: string, args: string[]) => runIn(home, args, { now: MONDAY });

async function setUp(): Promise<string> {
  const home = tempHome();
  for (const args of [
    ['config', 'set', 'name', 'Sam Rivera'],
    ['quota', 'set', 'call', '10', '--per', 'day', '--from', '2026-11-01'],
    ['client', 'add', 'Acme Co', '--since', '2026-11-01'],
    ['log', 'call', '3', '--date', '2026-11-19'],
    ['log', 'call', '4', '--date', '2026-11-20'],
    ['off', '2026-11-18'],
    ['lead', 'add', 'Dana Lee', '--date', '2026-11-16'],
    ['lead', 'add', 'Lee Park', '--date', '2026-11-16'],
    ['lead', 'lost', 'Lee Park', '--reason', 'timing', '--date', '2026-11-17'],
  ])
    expect((await at(home, args)).code, args.join(' ')).toBe(0);
  return home;
}

/** `@` stands for the date: once as a word, once as the date the word names on MONDAY. */
interface Case {
  command: string;
  option: string;
  args: string[];
  word: string;
  date: string;
}
const fri = (command: string, option: string, args: string[]): Case => ({
  command,
  option,
  args,
  word: 'Fri',
  date: '2026-11-20',
});
const CASES: Case[] = [
  fri('quota set', '--from', ['quota', 'set', 'email', '5', '--per', 'week', '--from', '@']),
  fri('quota rm', '--from', ['quota', 'rm', 'call', '--from', '@']),
  fri('quota list', '--date', ['quota', 'list', '--date', '@']),
  fri('log', '--date', ['log', 'email', '2', '--date', '@']),
  fri('history', '--from', ['history', '--from', '@', '--json']),
  fri('history', '--to', ['history', '--from', '2026-11-01', '--to', '@', '--json']),
  fri('history', '--date', ['history', '--date', '@', '--json']),
  fri('undo', '--date', ['undo', '--date', '@']),
  fri('status', '--date', ['status', '--date', '@', '--json']),
  fri('streak', '--date', ['streak', '--date', '@', '--json']),
  { ...fri('off', 'YYYY-MM-DD', ['off', '@']), word: 'THURSDAY', date: '2026-11-19' },
  fri('off', '--to', ['off', '2026-11-16', '--to', '@']),
  { ...fri('off rm', 'YYYY-MM-DD', ['off', 'rm', '@']), word: 'wed', date: '2026-11-18' },
  {
    ...fri('off rm', '--to', ['off', 'rm', '2026-11-17', '--to', '@']),
    word: 'wed',
    date: '2026-11-18',
  },
  fri('client add', '--since', ['client', 'add', 'Bo Li', '--since', '@']),
  fri('config get', '--date', ['config', 'get', 'workdays', '--date', '@']),
  {
    ...fri('config set', '--from', [
      'config',
      'set',
      'workdays',
      'mon,tue,wed,thu,fri,sat',
      '--from',
      '@',
    ]),
    word: 'today',
    date: '2026-11-23',
  },
  fri('lead add', '--date', ['lead', 'add', 'Bo Chen', '--date', '@']),
  fri('lead import', '--date', [
    'lead',
    'import',
    LEAD_CSV,
    '--source',
    'marketing',
    '--date',
    '@',
  ]),
  fri('lead contacted', '--date', ['lead', 'contacted', 'Dana Lee', '--date', '@']),
  fri('lead accepted', '--date', ['lead', 'accepted', 'Dana Lee', '--date', '@']),
  fri('lead rejected', '--date', [
    'lead',
    'rejected',
    'Dana Lee',
    '--reason',
    'bad-data',
    '--date',
    '@',
  ]),
  fri('lead meeting', '--date', ['lead', 'meeting', 'Dana Lee', '--date', '@']),
  fri('lead won', '--date', ['lead', 'won', 'Dana Lee', '--date', '@']),
  fri('lead lost', '--date', ['lead', 'lost', 'Dana Lee', '--reason', 'timing', '--date', '@']),
  fri('lead reopen', '--date', ['lead', 'reopen', 'Lee Park', '--date', '@']),
  fri('leads', '--date', ['leads', '--date', '@', '--json']),
  fri('leads report', '--date', ['leads', 'report', '--date', '@', '--format', 'json']),
  fri('leads report', '--from', ['leads', 'report', '--from', '@', '--format', 'json']),
  fri('leads report', '--to', [
    'leads',
    'report',
    '--from',
    '2026-11-01',
    '--to',
    '@',
    '--format',
    'json',
  ]),
  fri('funnel', '--date', ['funnel', '--date', '@', '--json']),
  fri('funnel', '--from', ['funnel', '--from', '@', '--json']),
  fri('funnel', '--to', ['funnel', '--to', '@', '--json']),
  fri('plan', '--date', ['plan', 'meeting', '4', '--per', 'month', '--date', '@', '--json']),
  fri('quota suggest', '--date', ['quota', 'suggest', '--date', '@', '--json']),
  fri('client list', '--date', ['client', 'list', '--date', '@', '--json']),
  fri('client win', '--date', ['client', 'win', 'Acme Co', '--date', '@']),
  fri('ask', '--date', ['ask', 'Acme Co', '--date', '@']),
  fri('referrals', '--date', ['referrals', '--date', '@', '--json']),
  {
    ...fri('referrals snooze', '--until', [
      'referrals',
      'snooze',
      'Acme Co',
      '--date',
      '2026-11-20',
      '--until',
      '@',
    ]),
    word: 'today',
    date: '2026-11-23',
  },
  fri('referrals snooze', '--date', [
    'referrals',
    'snooze',
    'Acme Co',
    '--date',
    '@',
    '--until',
    '2026-12-20',
  ]),
  fri('affirm', '--date', ['affirm', '--date', '@', '--json']),
  {
    ...fri('checkin', '--date', ['checkin', '--date', '@']),
    word: 'yesterday',
    date: '2026-11-22',
  },
  fri('report', '--date', ['report', '--date', '@', '--format', 'json']),
];

const fill = (args: string[], value: string) => args.map((a) => (a === '@' ? value : a));
/** A store without its random ids, to compare two runs. */
const normal = (home: string) =>
  JSON.stringify(readStoreJson(home)).replace(/"(id|lead|entry)":"[a-z0-9]{6}"/g, '"$1":"?"');
const noIds = (text: string) =>
  text.replace(/\bid [a-z0-9]{6}\b/g, 'id ?').replace(/"id": "[a-z0-9]{6}"/g, '"id": "?"');

describe('date words on every date option (on Monday 2026-11-23)', () => {
  it.each(CASES)('$command $option $word = $date', async ({ args, word, date }) => {
    const [byWord, byDate] = [await setUp(), await setUp()];
    const w = await at(byWord, fill(args, word));
    const d = await at(byDate, fill(args, date));
    expect(w.stderr).not.toMatch(/is not a date/);
    expect({ ...w, stdout: noIds(w.stdout) }).toEqual({ ...d, stdout: noIds(d.stdout) });
    expect(normal(byWord)).toBe(normal(byDate));
  });

  it.each(CASES)('$command $option: a bad word is refused, naming it', async ({ args }) => {
    const home = await setUp();
    const before = normal(home);
    const r = await at(home, fill(args, 'tomorow'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /'tomorow' is not a date: use YYYY-MM-DD, today, yesterday, or a weekday name \(mon\.\.sun/,
    );
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(normal(home)).toBe(before);
  });

  it('the cases above cover every date option and argument of the program', () => {
    const found: string[] = [];
    const walk = (c: Command, path: string[]) => {
      for (const o of c.options)
        if (isDateOption(o.flags)) found.push(`${path.join(' ')} ${o.long}`);
      for (const a of c.registeredArguments)
        if (isDateOption(a.name())) found.push(`${path.join(' ')} ${a.name()}`);
      for (const sub of c.commands) walk(sub, [...path, sub.name()]);
    };
    walk(buildProgram({} as never), []);
    expect(found.length).toBeGreaterThan(20);
    expect(new Set(CASES.map((c) => `${c.command} ${c.option}`))).toEqual(new Set(found));
  });

  it('every help with a date option says which words it takes', async () => {
    for (const c of CASES) {
      const r = await at(tempHome(), [...c.command.split(' '), '--help']);
      expect(r.stdout, c.command).toContain(
        'Dates: YYYY-MM-DD, today, yesterday, or a weekday name (mon..sun, monday..sunday: the most recent one before today).',
      );
    }
    expect((await at(tempHome(), ['activity', 'add', '--help'])).stdout).not.toContain('Dates:');
  });
});

import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, noon, ROOT, runIn, storeBytes, storeFile, tempHome } from '../helpers.js';

const now = noon('2026-11-23');
const big = 'x'.repeat(10 * 1024 + 1);

/** [what, argv, exit code, a piece of the message]: each must be refused, leaving the store alone. */
const CASES: [string, string[], number, string][] = [
  // counts
  ['count 0', ['log', 'call', '0'], 2, "count '0' is not a whole number from 1 to 10000"],
  ['negative count', ['log', 'call', '-3'], 2, "count '-3' is not a whole number"],
  ['fractional count', ['log', 'call', '1.5'], 2, "count '1.5'"],
  ['count too big', ['log', 'call', '10001'], 2, "count '10001'"],
  ['count in exponent form', ['log', 'call', '1e3'], 2, "count '1e3'"],
  ['empty count', ['log', 'call', ''], 2, "count ''"],
  ['full-width digit', ['log', 'call', '５'], 2, "count '５'"],
  ['count with letters', ['log', 'call', '3abc'], 2, "count '3abc'"],
  ['too many arguments', ['log', 'call', '1', '2'], 2, 'too many arguments'],
  // activities
  ['misspelt activity', ['log', 'caal'], 2, "did you mean 'call'?"],
  ['empty activity', ['log', ''], 2, "unknown activity ''"],
  ['unicode activity', ['log', 'café'], 2, "unknown activity 'café'"],
  ['missing activity', ['log'], 2, "missing required argument 'activity'"],
  // dates
  ['30 February', ['log', 'call', '--date', '2026-02-30'], 2, "'2026-02-30' is not a date"],
  ['month 13', ['log', 'call', '--date', '2026-13-01'], 2, "'2026-13-01' is not a date"],
  ['date without dashes', ['log', 'call', '--date', '20261120'], 2, 'use YYYY-MM-DD'],
  ['a word for a date', ['status', '--date', 'tomorrow'], 2, "'tomorrow' is not a date"],
  ['single-digit month', ['status', '--date', '2026-1-5'], 2, "'2026-1-5' is not a date"],
  ['blank date', ['streak', '--date', ' '], 2, 'is not a date'],
  ['future date on a write', ['log', 'call', '--date', '2099-01-01'], 2, 'is in the future'],
  [
    '--date without a value',
    ['log', 'call', '--date'],
    2,
    "option '--date <YYYY-MM-DD>' argument missing",
  ],
  [
    '--from after --to',
    ['history', '--from', '2026-11-20', '--to', '2026-11-01'],
    2,
    'is after --to',
  ],
  [
    '--from as an unknown word',
    ['history', '--from', 'lastweek'],
    2,
    "--from 'lastweek' is not a date: use YYYY-MM-DD, today, yesterday",
  ],
  [
    'quota from 31 November',
    ['quota', 'set', 'call', '4', '--per', 'day', '--from', '2026-11-31'],
    2,
    'is not a date',
  ],
  ['quota list on a bad date', ['quota', 'list', '--date', 'nope'], 2, "'nope' is not a date"],
  // text
  ['note over 10 kB', ['log', 'call', '--note', big], 2, '--note is 10241 characters long'],
  ['empty note', ['log', 'call', '--note', ''], 2, '--note is empty'],
  ['blank note', ['log', 'call', '--note', '   '], 2, '--note is empty'],
  [
    'note with a newline',
    ['log', 'call', '--note', 'one\ntwo'],
    2,
    '--note contains a control character',
  ],
  [
    'note with an escape sequence',
    ['log', 'call', '--note', '\u001b[31mred'],
    2,
    'control character',
  ],
  ['note with a C1 control', ['log', 'call', '--note', 'a\u0085b'], 2, 'control character'],
  [
    'contact with a tab',
    ['log', 'call', '--contact', 'Dana\tLee'],
    2,
    '--contact contains a control character',
  ],
  [
    'name with a bell',
    ['config', 'set', 'name', 'Sam\u0007'],
    2,
    'name contains a control character',
  ],
  ['empty name', ['config', 'set', 'name', ''], 2, 'name is empty'],
  [
    'reason too long',
    ['off', '2026-12-24', '--reason', 'r'.repeat(201)],
    2,
    '--reason is 201 characters long',
  ],
  // choices and options
  ['unknown source', ['log', 'call', '--source', 'friend'], 2, "--source 'friend' is not one of"],
  ['--source without a value', ['log', 'call', '--source'], 2, 'argument missing'],
  ['unknown option', ['log', 'call', '--bogus'], 2, "unknown option '--bogus'"],
  [
    'unknown option after --json',
    ['status', '--json', '--verbose'],
    2,
    "unknown option '--verbose'",
  ],
  ['a value for a flag', ['activity', 'list', '--json=yes'], 2, "unknown option '--json=yes'"],
  [
    'unknown period',
    ['quota', 'set', 'call', '40', '--per', 'year'],
    2,
    "--per 'year' is not one of",
  ],
  [
    'missing --per',
    ['quota', 'set', 'call', '40'],
    2,
    "required option '--per <period>' not specified",
  ],
  ['target 0', ['quota', 'set', 'call', '0', '--per', 'day'], 2, "target '0'"],
  [
    'misspelt quota activity',
    ['quota', 'set', 'cal', '4', '--per', 'day'],
    2,
    "did you mean 'call'?",
  ],
  ['ending a quota that is not there', ['quota', 'rm', 'upsell'], 2, 'there is no quota on upsell'],
  // ids and days off
  ['unknown entry id', ['rm', 'zzzzzz'], 2, "no entry has the id 'zzzzzz'"],
  ['empty entry id', ['rm', ''], 2, "no entry has the id ''"],
  [
    'day off range backwards',
    ['off', '2026-12-24', '--to', '2026-12-20'],
    2,
    'is before 2026-12-24',
  ],
  [
    'day off range over a year',
    ['off', '2026-01-01', '--to', '2027-06-01'],
    2,
    'more than 366 days',
  ],
  ['day off not a date', ['off', 'xmas'], 2, "'xmas' is not a date"],
  ['removing a day that is not off', ['off', 'rm', '2026-12-25'], 2, 'is not a day off'],
  // activities and settings
  [
    'activity name with a space',
    ['activity', 'add', 'Linked In'],
    2,
    "activity name 'Linked In' is not accepted",
  ],
  [
    'activity name with a newline',
    ['activity', 'add', 'bad\nname'],
    2,
    "activity name 'bad\\nname'",
  ],
  ['activity name in unicode', ['activity', 'add', 'ünïcode'], 2, 'is not accepted'],
  ['activity that exists', ['activity', 'add', 'calls'], 2, "exists already as 'call'"],
  ['unknown workday', ['config', 'set', 'workdays', 'mon,funday'], 2, "workday 'funday'"],
  ['cadence 0', ['config', 'set', 'referral.cadenceDays', '0'], 2, "referral.cadenceDays '0'"],
  ['unknown setting', ['config', 'set', 'colour', 'red'], 2, "unknown setting 'colour'"],
  ['misspelt setting', ['config', 'get', 'nmae'], 2, "did you mean 'name'?"],
  ['where with an argument', ['where', 'extra'], 2, 'too many arguments'],
  ['doctor with an unknown option', ['doctor', '--fix'], 2, "unknown option '--fix'"],
  ['unknown command', ['lgo', 'call'], 2, "unknown command 'lgo'"],
  [
    'unknown option before the command',
    ['--date', '2026-11-20', 'status'],
    2,
    "unknown option '--date'",
  ],
];

describe('bad input', () => {
  let home: string;
  let before: Buffer | null;
  // One store for the whole table (a realistic one: the v1 fixture); every case must leave it alone.
  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'prospect-bad-input-'));
    copyFileSync(join(ROOT, 'test', 'fixtures', 'store-v1.json'), storeFile(home));
    before = storeBytes(home);
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('has at least 40 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  for (const [what, args, code, message] of CASES) {
    it(`${what}: exit ${code}, one line on stderr, nothing on stdout, store unchanged`, async () => {
      const r = await runIn(home, args, { now });
      expect(r.code, r.stderr).toBe(code);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^prospect: [^\n]*\n$/);
      expect(r.stderr).toContain(message);
      expect(storeBytes(home)).toEqual(before);
    });
  }
});

describe('bad input through the real process', () => {
  const REAL: [string[], number, string][] = [
    [['log', 'call', '0'], 2, "count '0'"],
    [['log', 'call', '--date'], 2, 'argument missing'],
    [['log', 'caal', '3'], 2, "did you mean 'call'?"],
    [['activity', 'add', 'evil\u001b]0;pwned\u0007'], 2, '\\u001b]0;pwned\\u0007'],
    [['lgo'], 2, "unknown command 'lgo'"],
  ];
  it('exit codes, one-line stderr, empty stdout, store byte-identical', () => {
    const home = tempHome();
    expect(cli(home, ['log', 'call', '2']).code).toBe(0);
    const before = storeBytes(home);
    for (const [args, code, message] of REAL) {
      const r = cli(home, args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(code);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^prospect: [^\n]*\n$/);
      expect(r.stderr).toContain(message);
      expect(storeBytes(home)).toEqual(before);
    }
  });

  it('a PROSPECT_HOME that is a file: exit 1, one line, nothing written', () => {
    const home = join(tempHome(), 'a-file');
    writeFileSync(home, 'not a folder');
    const r = cli(home, ['log', 'call', '1']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^prospect: [^\n]*\n$/);
    expect(r.stderr).toContain('is a file, not a folder');
    expect(storeBytes(home)).toBeNull();
    expect(storeFile(home)).toContain('a-file');
  });
});

import { describe, expect, it } from 'vitest';
import { cli, noon, runIn, storeBytes, tempHome } from '../helpers.js';

const at = { now: noon('2026-11-23') };

/** A store with something in it, so "byte-identical" means something. */
async function seeded(): Promise<string> {
  const home = tempHome();
  await runIn(home, ['quota', 'set', 'call', '40', '--per', 'day', '--from', '2026-11-02'], at);
  await runIn(home, ['log', 'call', '5', '--date', '2026-11-20'], at);
  return home;
}

// Each: the arguments, and what the one-line message must name.
const CASES: [string, string[], RegExp][] = [
  ['a negative count', ['log', 'call', '-5'], /count '-5' is not a whole number from 1 to 10000/],
  ['a zero count', ['log', 'call', '0'], /count '0' is not a whole number from 1 to 10000/],
  [
    'a fractional count',
    ['log', 'call', '2.5'],
    /count '2\.5' is not a whole number from 1 to 10000/,
  ],
  ['a non-numeric count', ['log', 'call', 'ten'], /count 'ten' is not a whole number/],
  [
    'a count over 10000',
    ['log', 'call', '10001'],
    /count '10001' is not a whole number from 1 to 10000/,
  ],
  [
    'an impossible date',
    ['log', 'call', '--date', '2026-02-30'],
    /'2026-02-30' is not a date: use YYYY-MM-DD/,
  ],
  [
    'a US-format date',
    ['log', 'call', '--date', '11/23/2026'],
    /'11\/23\/2026' is not a date: use YYYY-MM-DD/,
  ],
  [
    'a future date on a write',
    ['log', 'call', '--date', '2026-11-24'],
    /2026-11-24 is in the future: today is 2026-11-23/,
  ],
  ['a misspelt activity', ['log', 'cals', '3'], /unknown activity 'cals': did you mean 'call'\?/],
  ['an unknown activity', ['log', 'golf', '3'], /unknown activity 'golf'.*prospect activity list/],
  ['an unknown command', ['stauts'], /unknown command 'stauts' \(did you mean status\?\)/],
  [
    'an unknown option',
    ['log', 'call', '--nte', 'x'],
    /unknown option '--nte' \(did you mean --note\?\)/,
  ],
  [
    'a bad quota period',
    ['quota', 'set', 'call', '5', '--per', 'year'],
    /--per 'year' is not one of day, week, month, quarter/,
  ],
  ['a quota without a period', ['quota', 'set', 'call', '5'], /--per/],
  ['a bad read date', ['status', '--date', '2026-13-01'], /'2026-13-01' is not a date/],
  [
    'a bad lead source',
    ['log', 'meeting', '--source', 'cold'],
    /--source 'cold' is not one of self, referral, marketing, event, other/,
  ],
  [
    'an unknown setting',
    ['config', 'set', 'workday', 'mon'],
    /unknown setting 'workday': did you mean 'workdays'\?/,
  ],
  ['a bad workday', ['config', 'set', 'workdays', 'mon,funday'], /workday 'funday' is not one of/],
  ['an unknown entry id', ['rm', 'zzzzzz'], /no entry has the id 'zzzzzz'/],
  [
    'a bad activity name',
    ['activity', 'add', 'Cold Calls'],
    /activity name 'Cold Calls' is not accepted/,
  ],
];

describe('bad input: exit 2, one line naming the value, nothing on stdout, store untouched', () => {
  it.each(CASES)('%s', async (_what, args, message) => {
    const home = await seeded();
    const before = storeBytes(home);
    const r = await runIn(home, args, at);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(storeBytes(home)).toEqual(before);
  });

  it('a failed first command creates no store at all', async () => {
    const home = tempHome();
    expect((await runIn(home, ['log', 'call', '0'], at)).code).toBe(2);
    expect(storeBytes(home)).toBeNull();
  });

  it('the real process exits 2 too, with the message on stderr only', async () => {
    const home = await seeded();
    const before = storeBytes(home);
    const r = cli(home, ['log', 'call', '-5']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe("prospect: count '-5' is not a whole number from 1 to 10000\n");
    expect(storeBytes(home)).toEqual(before);
    const unknown = cli(home, ['lgo']);
    expect(unknown).toMatchObject({
      code: 2,
      stdout: '',
      stderr: "prospect: unknown command 'lgo' (did you mean log?)\n",
    });
  });
});

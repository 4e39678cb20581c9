import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGE_CHARS, SHOWN_CHARS, shown } from '../../src/errors.js';
import { SCHEMA_VERSION } from '../../src/store/schema.js';
import { noon, ROOT, readStoreJson, runIn, storeBytes, storeFile, tempHome } from '../helpers.js';
import { fixtureData, fixtureHome } from '../reports-fixture.js';

// The fixture's history runs to 2027-01-10.
const at = { now: noon('2027-01-10') };
type Store = ReturnType<typeof fixtureData>;
const entry = (fields: Record<string, unknown>) => ({
  id: 'zz1',
  date: '2026-12-01',
  activity: 'call',
  count: 3,
  ...fields,
});
const withEntry = (fields: Record<string, unknown>) => (s: Store) => {
  (s.entries as unknown[]).push(entry(fields));
};
function nested(levels: number, inner: unknown = 1): unknown {
  let v = inner;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}

/** Stands for a value nested 100,000 levels: JSON.stringify cannot write one, so it is spliced in. */
const DEEP = '__deep__';
const DEEP_TEXT = `${'['.repeat(100_000)}1${']'.repeat(100_000)}`;

/** [what, how the file's store is changed, what stderr says] */
const BAD: [string, (s: Store) => void, RegExp][] = [
  [
    'a count over 10000',
    withEntry({ count: 10001 }),
    /entries\[44\]\.count 10001 is not a whole number from 0 to 10000/,
  ],
  [
    'a count of 1e20',
    withEntry({ count: 1e20 }),
    /entries\[44\]\.count 100000000000000000000 is not a whole number/,
  ],
  ['a count of 2.5', withEntry({ count: 2.5 }), /entries\[44\]\.count 2\.5 is not a whole number/],
  [
    'a count that is text',
    withEntry({ count: '3' }),
    /entries\[44\]\.count '3' is not a whole number/,
  ],
  [
    'a date that is not one',
    withEntry({ date: '2026-02-30' }),
    /entries\[44\]\.date '2026-02-30' is not a date: use YYYY-MM-DD/,
  ],
  [
    'a date in the future',
    withEntry({ date: '2027-01-11' }),
    /entries\[44\]\.date 2027-01-11 is in the future: today is 2027-01-10/,
  ],
  [
    'an unknown activity',
    withEntry({ activity: 'teleport' }),
    /entries\[44\]\.activity 'teleport' is not an activity this store defines/,
  ],
  [
    'a note with an escape',
    withEntry({ note: 'hi \u001b[2J there' }),
    /entries\[44\]\.note 'hi \\u001b\[2J there' contains a control character/,
  ],
  [
    'a note too long',
    withEntry({ note: 'x'.repeat(501) }),
    /entries\[44\]\.note is 501 characters long: at most 500 are accepted/,
  ],
  [
    'a bad source',
    withEntry({ source: 'cold' }),
    /entries\[44\]\.source 'cold' is not one of self, referral, marketing, event, other/,
  ],
  ['a bad time', withEntry({ time: '25:00' }), /entries\[44\]\.time '25:00' is not a time/],
  [
    'a bad activity name',
    (s) => s.activities.push('Bad Name'),
    /activities\[1\] 'Bad Name' is not an activity name/,
  ],
  [
    'a quota target over 10000',
    (s) => s.quotas.push({ activity: 'call', per: 'day', target: 10001, from: '2026-12-01' }),
    /quotas\[\d+\]\.target 10001 is not a whole number from 1 to 10000/,
  ],
  [
    'a quota on an unknown activity',
    (s) => s.quotas.push({ activity: 'teleport', per: 'day', target: 3, from: '2026-12-01' }),
    /quotas\[\d+\]\.activity 'teleport' is not an activity/,
  ],
  [
    'a day off with a long reason',
    (s) => s.daysOff.push({ date: '2026-12-24', reason: 'r'.repeat(201) }),
    /daysOff\[\d+\]\.reason is 201 characters long: at most 200/,
  ],
  [
    'a client with --every 0',
    (s) => s.clients.push({ name: 'Zed', since: '2026-01-01', every: 0, wins: [] }),
    /clients\[\d+\]\.every 0 is not a whole number from 1 to 3650/,
  ],
  [
    'a client twice',
    (s) =>
      s.clients.push({
        ...(s.clients[0] as Store['clients'][number]),
        name: (s.clients[0]?.name ?? '').toUpperCase(),
      }),
    /clients\[\d+\]\.name '.*' is there twice/,
  ],
  [
    'a belief tagged with an unknown activity',
    (s) => s.beliefs.push({ id: 'bb1', belief: 'b', affirmation: 'a', tag: 'teleport' }),
    /beliefs\[\d+\]\.tag 'teleport' is not an activity/,
  ],
  [
    'a name with a bell',
    (s) => {
      s.settings.name = 'Sam\u0007';
    },
    /settings\.name 'Sam\\u0007' contains a control character/,
  ],
  [
    'a referral cadence of 0',
    (s) => {
      s.settings.referral.cadenceDays = 0;
    },
    /settings\.referral\.cadenceDays 0 is not a whole number from 1 to 3650/,
  ],
  [
    'workdays that are not dated',
    (s) => {
      (s.settings as { workdays: unknown }).workdays = ['mon'];
    },
    /settings\.workdays\[0\] is not a workdays change/,
  ],
  [
    'an entry nested 100,000 deep',
    withEntry({ extra: DEEP }),
    /entries\[44\]\.extra nests more than 16 levels deep/,
  ],
  [
    'a note nested 100,000 deep',
    withEntry({ note: DEEP }),
    /entries\[44\]\.note a list is not text/,
  ],
];

function writeExport(
  dir: string,
  name: string,
  change: (s: Store) => void,
  schemaVersion?: number,
): string {
  const store = fixtureData();
  change(store);
  if (schemaVersion !== undefined) store.schemaVersion = schemaVersion;
  const file = join(dir, name);
  const text = JSON.stringify({ schema: 'prospect.export/1', store });
  writeFileSync(file, text.replace(`"${DEEP}"`, DEEP_TEXT));
  return file;
}

describe('import holds every record to the rules of the command that writes it', () => {
  it.each(BAD)(
    '%s: exit 2, one line naming it, the store byte for byte as it was',
    async (_what, change, message) => {
      const home = fixtureHome();
      const before = storeBytes(home);
      const file = writeExport(tempHome(), 'bad.json', change);
      for (const extra of [[], ['--replace']]) {
        const r = await runIn(home, ['import', file, ...extra], at);
        expect(r.code, r.stderr).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(message);
        expect(r.stderr).toMatch(/cannot be imported: .*\. Nothing was changed\n$/);
        expect(r.stderr.split('\n')).toHaveLength(2);
        expect(storeBytes(home)).toEqual(before);
      }
      // Into a new store too: nothing is created.
      const fresh = tempHome();
      expect((await runIn(fresh, ['import', file], at)).code).toBe(2);
      expect(storeBytes(fresh)).toBeNull();
    },
  );

  it('a schema-1 export nested 100,000 deep is refused while checking, not at the write', async () => {
    const home = fixtureHome();
    const before = storeBytes(home);
    const file = writeExport(tempHome(), 'v1.json', withEntry({ extra: DEEP }), 1);
    const r = await runIn(home, ['import', file], at);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/cannot be imported: it nests too deep to be a store/);
    expect(storeBytes(home)).toEqual(before);
  });

  it('JSON nested too deep to parse is exit 2 with a clear message', async () => {
    const home = fixtureHome();
    const before = storeBytes(home);
    const file = join(tempHome(), 'deep.json');
    writeFileSync(file, DEEP_TEXT);
    const r = await runIn(home, ['import', file], at);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/deep\.json (nests too deep to read|is not a prospect export)/);
    expect(r.stderr.length).toBeLessThan(400);
    expect(storeBytes(home)).toEqual(before);
  });

  it('a 50 MB value is quoted by its first 40 characters, never echoed whole', async () => {
    const home = fixtureHome();
    const before = storeBytes(home);
    const huge = `teleport${'x'.repeat(50 * 1024 * 1024)}`;
    const file = writeExport(tempHome(), 'huge.json', withEntry({ activity: huge }));
    const r = await runIn(home, ['import', file], at);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`'${huge.slice(0, 40)}…' is not an activity`);
    expect(r.stderr.length).toBeLessThan(400);
    expect(storeBytes(home)).toEqual(before);
  });

  it('a schema-1 export imports: its workdays hold from the beginning', async () => {
    const home = tempHome();
    const v1 = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'store-v1.json'), 'utf8'));
    const file = join(tempHome(), 'v1-export.json');
    writeFileSync(file, JSON.stringify({ schema: 'prospect.export/1', store: v1 }));
    const r = await runIn(home, ['import', file], { now: noon('2026-11-23') });
    expect(r.code, r.stderr).toBe(0);
    const data = readStoreJson(home);
    expect(data.schemaVersion).toBe(SCHEMA_VERSION);
    expect(data.settings).toMatchObject({
      workdays: [{ from: null, days: ['mon', 'tue', 'wed', 'thu', 'fri'] }],
    });
    expect(data.entries).toHaveLength(v1.entries.length);
  });
});

describe('a hand-edited store obeys the same rules', () => {
  it('a count of 10001 written into the store: every command exits 1 naming it, nothing changes', async () => {
    const home = fixtureHome();
    const data = JSON.parse(readFileSync(storeFile(home), 'utf8'));
    data.entries[3].count = 10001;
    writeFileSync(storeFile(home), JSON.stringify(data));
    const before = storeBytes(home);
    for (const args of [['status'], ['log', 'call', '1']]) {
      const r = await runIn(home, args, at);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('entries[3].count 10001 is not a whole number from 0 to 10000');
      expect(r.stderr).toContain('prospect doctor');
    }
    expect(storeBytes(home)).toEqual(before);
  });
});

describe('shown: how a message quotes a value', () => {
  it('quotes text up to 40 characters, then …; escapes control characters; never serialises', () => {
    expect(shown('call')).toBe("'call'");
    expect(shown('y'.repeat(SHOWN_CHARS + 1))).toBe(`'${'y'.repeat(SHOWN_CHARS)}…'`);
    expect(shown('a\u001b[31mb')).toBe("'a\\u001b[31mb'");
    expect(shown(1e20)).toBe('100000000000000000000');
    expect(shown(nested(100_000))).toBe('a list');
    expect(shown({ a: 1 })).toBe('an object');
    expect(shown(undefined)).toBe('nothing');
  });

  it('a whole message is bounded too, keeping its end (what is accepted)', async () => {
    const home = tempHome();
    const r = await runIn(home, ['log', 'call', '1', '--note', `${'n'.repeat(5000)}\u0001`], at);
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeLessThanOrEqual(MESSAGE_CHARS + 80);
    const long = await runIn(home, ['log', 'call', 'z'.repeat(100_000)], at);
    expect(long.code).toBe(2);
    expect(long.stderr.length).toBeLessThanOrEqual(MESSAGE_CHARS + 80);
    expect(long.stderr).toMatch(/is not a whole number from 1 to 10000\n$/);
  });
});

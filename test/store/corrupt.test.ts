import { chmodSync, existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../src/store/backup.js';
import { lockPath } from '../../src/store/lock.js';
import { migrate, SCHEMA_VERSION } from '../../src/store/schema.js';
import { noon, ROOT, runIn, storeBytes, storeFile, tempHome } from '../helpers.js';

const now = noon('2026-11-23');
// The fixture at the current schema: a sound store that needs no migration (so no backup).
/** The fixture store as this release writes it (migrated from schema 1). */
const good = JSON.stringify(
  migrate(JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'store-v1.json'), 'utf8'))).data,
);
const goodJson = () => JSON.parse(good);

const BROKEN: [string, string][] = [
  ['truncated JSON', good.slice(0, 700)],
  ['an empty file', ''],
  ['not an object', '[1,2,3]'],
  [
    'a count that is text',
    JSON.stringify({
      ...goodJson(),
      entries: [{ id: 'a', date: '2026-11-02', activity: 'call', count: '3' }],
    }),
  ],
  ['a bad date', JSON.stringify({ ...goodJson(), daysOff: [{ date: '2026-02-30' }] })],
  ['settings missing', JSON.stringify({ ...goodJson(), settings: undefined })],
  ['no schemaVersion', JSON.stringify({ ...goodJson(), schemaVersion: undefined })],
];
const NEWER = JSON.stringify({ ...goodJson(), schemaVersion: 99, somethingNew: [] });

const COMMANDS = [
  ['log', 'call', '1'],
  ['quota', 'set', 'call', '40', '--per', 'day'],
  ['quota', 'rm', 'call'],
  ['quota', 'list'],
  ['history'],
  ['undo'],
  ['rm', 'abc234'],
  ['status'],
  ['status', '--json'],
  ['streak'],
  ['off', '2026-12-24'],
  ['off', 'list'],
  ['off', 'rm', '2026-11-11'],
  ['activity', 'add', 'linkedin'],
  ['activity', 'list'],
  ['config', 'get'],
  ['config', 'set', 'name', 'Sam'],
];

async function expectRefused(home: string, text: string, nextStep: string) {
  for (const args of COMMANDS) {
    const r = await runIn(home, args, { now });
    const what = `${args.join(' ')}: ${r.stderr}`;
    expect(r.code, what).toBe(1);
    expect(r.stdout, what).toBe('');
    expect(r.stderr.trim().split('\n'), what).toHaveLength(1);
    expect(r.stderr, what).toContain(storeFile(home));
    expect(r.stderr, what).toContain(nextStep);
    expect(storeBytes(home)?.toString(), what).toBe(text);
  }
  expect(existsSync(lockPath(storeFile(home)))).toBe(false);
  // A write to an older store copies it before migrating (a -before-schema-N backup); no other.
  expect(listBackups(storeFile(home)).filter((b) => !/-before-schema-\d+\.json$/.test(b))).toEqual(
    [],
  );
}

describe('a store that cannot be used', () => {
  for (const [name, text] of BROKEN) {
    it(`${name}: every command exits 1 naming the file and 'prospect doctor', and changes nothing`, async () => {
      const home = tempHome();
      writeFileSync(storeFile(home), text);
      await expectRefused(home, text, 'prospect doctor');
    });
  }

  it('a newer schema: every command says to upgrade prospect, and changes nothing', async () => {
    const home = tempHome();
    writeFileSync(storeFile(home), NEWER);
    await expectRefused(home, NEWER, 'upgrade prospect');
  });
});

describe('doctor', () => {
  it('reports a sound store', async () => {
    const home = tempHome();
    writeFileSync(storeFile(home), good, { mode: 0o600 });
    const r = await runIn(home, ['doctor'], { now });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Store    ${storeFile(home)}`);
    expect(r.stdout).toContain(`sound: schema ${SCHEMA_VERSION}, 43 entries`);
    expect(r.stdout).toContain('Nothing to do.');
  });

  it('reports what is wrong, who can read the file, and the backup it would restore', async () => {
    const home = tempHome();
    writeFileSync(storeFile(home), good, { mode: 0o644 });
    await runIn(home, ['log', 'call', '1'], { now }); // the day's first write keeps a copy
    writeFileSync(storeFile(home), good.slice(0, 700));
    chmodSync(storeFile(home), 0o644);
    const r = await runIn(home, ['doctor'], { now });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('NOT USABLE: it is not valid JSON');
    expect(r.stdout).toContain('file 0644: others can read it');
    expect(r.stdout).toMatch(
      /newest usable: prospect-\d{8}T\d{9}Z-(?:daily|before-schema-\d+)\.json \(43 entries\)/,
    );
    expect(r.stdout).toContain('Next: prospect doctor --restore');
    const j = JSON.parse((await runIn(home, ['doctor', '--json'], { now })).stdout);
    expect(j).toMatchObject({ ok: false, exists: true, fileMode: '0644' });
    expect(j.store.problem).toContain('not valid JSON');
    expect(j.backups[0]).toMatchObject({ ok: true, entries: 43 });
  });

  it('--restore keeps the broken file, then puts the newest usable backup in place', async () => {
    const home = tempHome();
    writeFileSync(storeFile(home), good);
    await runIn(home, ['log', 'call', '1'], { now });
    const broken = good.slice(0, 700);
    writeFileSync(storeFile(home), broken);
    const r = await runIn(home, ['doctor', '--restore'], { now });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^Restored prospect-\S+-(?:daily|before-schema-\d+)\.json \(43 entries\) as the store\./,
    );
    // The backup is the schema-1 fixture as it was; restored, it is the same store migrated.
    expect(JSON.parse(storeBytes(home)?.toString() ?? '')).toEqual(migrate(goodJson()).data);
    const copies = listBackups(storeFile(home));
    const brokenCopy = copies.find((c) => c.endsWith('-broken.json')) as string;
    expect(r.stdout).toContain(brokenCopy);
    expect(readFileSync(brokenCopy, 'utf8')).toBe(broken);
    // Now sound: a second restore changes nothing.
    const before = storeBytes(home);
    const again = await runIn(home, ['doctor', '--restore'], { now });
    expect(again.stdout).toBe('The store is sound: nothing to restore.\n');
    expect(storeBytes(home)).toEqual(before);
  });

  it('--restore skips backups that are broken too', async () => {
    const home = tempHome();
    writeFileSync(storeFile(home), good);
    const backups = join(home, 'backups');
    await runIn(home, ['log', 'call', '1'], { now });
    const older = listBackups(storeFile(home))[0] as string;
    writeFileSync(join(backups, 'prospect-29991231T000000000Z-daily.json'), '{"schemaVersion":1');
    writeFileSync(storeFile(home), 'garbage');
    const r = await runIn(home, ['doctor', '--restore'], { now });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(older.split('/').at(-1));
  });

  it('--restore without a usable backup: exit 1, the broken store is left as it is', async () => {
    const home = tempHome();
    writeFileSync(storeFile(home), 'garbage');
    const r = await runIn(home, ['doctor', '--restore'], { now });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('there is no usable backup');
    expect(storeBytes(home)?.toString()).toBe('garbage');
    expect(listBackups(storeFile(home))).toEqual([]);
  });

  it('--restore refuses a store from a newer prospect', async () => {
    const home = tempHome();
    writeFileSync(storeFile(home), good);
    await runIn(home, ['log', 'call', '1'], { now });
    writeFileSync(storeFile(home), NEWER);
    const report = await runIn(home, ['doctor'], { now });
    expect(report.stdout).toContain('Next: upgrade prospect');
    const r = await runIn(home, ['doctor', '--restore'], { now });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('upgrade prospect');
    expect(storeBytes(home)?.toString()).toBe(NEWER);
  });

  it('reports a stale lock and leftovers of killed writes, and the next write clears them', async () => {
    const home = tempHome();
    await runIn(home, ['log', 'call', '1'], { now });
    writeFileSync(lockPath(storeFile(home)), '');
    writeFileSync(`${storeFile(home)}.tmp-1763884800123abc123`, '{"sch');
    const old = Date.now() / 1000 - 3600;
    utimesSync(lockPath(storeFile(home)), old, old);
    const r = await runIn(home, ['doctor'], { now });
    expect(r.stdout).toContain('is stale');
    expect(r.stdout).toContain('1 temp file of interrupted writes');
    expect((await runIn(home, ['log', 'call', '1'], { now })).code).toBe(0);
    const after = await runIn(home, ['doctor', '--json'], { now });
    expect(JSON.parse(after.stdout)).toMatchObject({ ok: true, lock: null, tempFiles: [] });
  });
});

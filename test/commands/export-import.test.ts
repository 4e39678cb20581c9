import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/schema.js';
import { noon, readStoreJson, runIn, storeBytes, storeFile, tempHome } from '../helpers.js';
import { fixtureData, fixtureHome } from '../reports-fixture.js';

/** The fixture store (an older schema on disk) as this release reads it. */
const current = () => migrate(fixtureData()).data;

async function exportFixture(): Promise<string> {
  const home = fixtureHome();
  const out = join(tempHome(), 'export.json');
  const r = await runIn(home, ['export', '--out', out], { now: noon('2027-01-10') });
  expect(r.code).toBe(0);
  return out;
}

describe('prospect export', () => {
  it('prints the whole store as one versioned document, beliefs included', async () => {
    const home = fixtureHome();
    const r = await runIn(home, ['export'], { now: noon('2027-01-10') });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.schema).toBe('prospect.export/1');
    expect(typeof doc.exportedAt).toBe('string');
    expect(doc.store).toEqual(current());
    expect(r.stdout).toContain('PRIVATE-BELIEF');
  });
});

describe('prospect import', () => {
  it('into an empty store gives the same history, settings and reports', async () => {
    const file = await exportFixture();
    const home = tempHome();
    const r = await runIn(home, ['import', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Imported .* into a new store: 44 entries/);
    expect(readStoreJson(home)).toEqual(current());
    const source = fixtureHome();
    const history = async (h: string) =>
      (await runIn(h, ['history', '--date', '2027-01-10', '--json'])).stdout;
    expect(await history(home)).toBe(await history(source));
    const report = async (h: string) =>
      (await runIn(h, ['report', '--week', '2026-W53', '--date', '2027-01-10', '--json'])).stdout;
    expect(await report(home)).toBe(await report(source));
  });

  it('changes nothing the second time: the store bytes stay the same', async () => {
    const file = await exportFixture();
    const home = fixtureHome();
    // Some history here that the file does not have, so this is a real merge.
    await runIn(home, ['log', 'call', '7', '--date', '2027-01-05'], { now: noon('2027-01-06') });
    const first = await runIn(home, ['import', file]);
    expect(first.code).toBe(0);
    const after = storeBytes(home);
    const second = await runIn(home, ['import', file]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/Nothing new/);
    expect(storeBytes(home)).toEqual(after);
    expect(readStoreJson(home).entries).toHaveLength(45);
  });

  it('merges by entry id and keeps local settings', async () => {
    const file = await exportFixture();
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    doc.store.entries.push({ id: 'zz9', date: '2026-12-01', activity: 'call', count: 3 });
    doc.store.settings.name = 'Someone Else';
    doc.store.daysOff.push({ date: '2026-12-24', reason: 'Christmas Eve' });
    writeFileSync(file, JSON.stringify(doc));
    const home = fixtureHome();
    const r = await runIn(home, ['import', file]);
    expect(r.stdout).toMatch(/added 1 entry, 1 day off \(44 entries already here/);
    const data = readStoreJson(home) as unknown as ReturnType<typeof fixtureData>;
    expect(data.entries.filter((e) => e.id === 'zz9')).toHaveLength(1);
    expect(data.settings.name).toBe('Sam Rivera');
    expect(data.daysOff.map((d) => d.date)).toContain('2026-12-24');
  });

  it('--replace swaps the store and keeps a backup of the one it replaced', async () => {
    const file = await exportFixture();
    const home = tempHome();
    await runIn(home, ['log', 'email', '3', '--date', '2027-01-05'], { now: noon('2027-01-06') });
    const before = storeBytes(home);
    const r = await runIn(home, ['import', file, '--replace'], { now: noon('2027-01-06') });
    expect(r.code).toBe(0);
    expect(readStoreJson(home)).toEqual(current());
    // Besides the daily safety copy a write may keep, exactly one backup is the import's.
    const backups = readdirSync(join(home, 'backups')).filter((f) => f.endsWith('-import.json'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(home, 'backups', backups[0] as string))).toEqual(before);
  });

  it('checks the whole file first: a bad one leaves the store byte for byte as it was', async () => {
    const home = fixtureHome();
    const before = storeBytes(home);
    const dir = tempHome();
    const good = fixtureData();
    const cases: [string, unknown, RegExp][] = [
      ['other.json', { schema: 'prospect.weekly-report/1' }, /is not a prospect export/],
      [
        'newer.json',
        { schema: 'prospect.export/1', store: { ...good, schemaVersion: 99 } },
        /newer prospect/,
      ],
      [
        'bad-entry.json',
        {
          schema: 'prospect.export/1',
          store: {
            ...good,
            entries: [...good.entries, { id: 'x', date: '2026-13-01', activity: 'call', count: 1 }],
          },
        },
        /entries\[44\] is not a log entry/,
      ],
      [
        'dup.json',
        {
          schema: 'prospect.export/1',
          store: { ...good, entries: [...good.entries, good.entries[0]] },
        },
        /repeats the id 'e0001'/,
      ],
      [
        'unknown.json',
        {
          schema: 'prospect.export/1',
          store: {
            ...good,
            entries: [
              ...good.entries,
              { id: 'q1', date: '2026-12-01', activity: 'teleport', count: 1 },
            ],
          },
        },
        /activity 'teleport', which the file does not define/,
      ],
    ];
    for (const [name, doc, message] of cases) {
      const file = join(dir, name);
      writeFileSync(file, JSON.stringify(doc));
      for (const extra of [[], ['--replace']]) {
        const r = await runIn(home, ['import', file, ...extra]);
        expect(r.code, name).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(message);
        expect(storeBytes(home)).toEqual(before);
      }
    }
    const missing = await runIn(home, ['import', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.json: no such file/);
    expect(existsSync(join(home, 'backups'))).toBe(false);
    expect(storeBytes(home)).toEqual(before);
    expect(existsSync(storeFile(home))).toBe(true);
  });
});

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/schema.js';
import { noon, readStoreJson, runIn, storeBytes, storeFile, tempHome } from '../helpers.js';
import { fixtureData, fixtureHome } from '../reports-fixture.js';

/** The fixture's history runs to 2027-01-10: an import on an earlier day would be refused. */
const at = { now: noon('2027-01-10') };
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

  it('counts what it wrote in words that agree with the number: 1 entry, 2 entries', async () => {
    const home = tempHome();
    const dir = tempHome();
    const day = { now: noon('2026-11-20') };
    expect((await runIn(home, ['log', 'call', '3'], day)).code).toBe(0);
    const one = await runIn(home, ['export', '--out', join(dir, 'one.json')], day);
    expect(one.stderr).toContain('the whole store (1 entry)');
    const csv = await runIn(home, ['export', '--out', join(dir, 'one.csv')], day);
    expect(csv.stderr).toContain('the log (1 entry, csv)');
    expect((await runIn(home, ['log', 'email', '2'], day)).code).toBe(0);
    const two = await runIn(home, ['export', '--out', join(dir, 'two.json')], day);
    expect(two.stderr).toContain('the whole store (2 entries)');
  });

  it('without --format takes the format from --out: .json and .csv, any other extension refused', async () => {
    const home = fixtureHome();
    const dir = tempHome();
    const json = await runIn(home, ['export', '--out', join(dir, 'backup.JSON')], at);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'backup.JSON'), 'utf8')).store).toEqual(current());
    const csv = await runIn(home, ['export', '--out', join(dir, 'log.csv')], at);
    expect(csv.code, csv.stderr).toBe(0);
    expect(readFileSync(join(dir, 'log.csv'), 'utf8')).toMatch(
      /^\ufeff?id,date,time,activity,count/,
    );
    const before = storeBytes(home);
    for (const name of ['x.txt', 'w47.xlsx']) {
      const r = await runIn(home, ['export', '--out', join(dir, name)], at);
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(name);
      expect(r.stderr).toMatch(/\.json.*\.csv|\.csv.*\.json/);
      expect(r.stderr).toContain('--format');
      expect(existsSync(join(dir, name))).toBe(false);
    }
    expect(storeBytes(home)).toEqual(before);
    // --format still wins over the extension, and no extension is the JSON backup, as before.
    const forced = await runIn(
      home,
      ['export', '--format', 'json', '--out', join(dir, 'x.txt')],
      at,
    );
    expect(forced.code, forced.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'x.txt'), 'utf8')).schema).toBe('prospect.export/1');
    const bare = await runIn(home, ['export', '--out', join(dir, 'backup')], at);
    expect(bare.code, bare.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'backup'), 'utf8')).schema).toBe('prospect.export/1');
  });
});

describe('prospect import', () => {
  it('into an empty store gives the same history, settings and reports', async () => {
    const file = await exportFixture();
    const home = tempHome();
    const r = await runIn(home, ['import', file], at);
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

  it('names everything that came, into a new store and with --replace, not the entries alone', async () => {
    const file = await exportFixture();
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    doc.store.leads.push({
      id: 'lea001',
      name: 'Dana Lee',
      source: 'marketing',
      received: '2026-12-01',
      events: [],
    });
    writeFileSync(file, JSON.stringify(doc));
    const contents =
      '44 entries, 6 quota changes, 2 days off, 3 clients, 1 client win, 1 belief, 1 activity, 1 lead.';
    const fresh = await runIn(tempHome(), ['import', file], at);
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stdout).toContain(`into a new store: ${contents}`);
    const replaced = await runIn(fixtureHome(), ['import', file, '--replace'], at);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stdout).toContain(`: ${contents}`);
  });

  it('changes nothing the second time: the store bytes stay the same', async () => {
    const file = await exportFixture();
    const home = fixtureHome();
    // Some history here that the file does not have, so this is a real merge.
    await runIn(home, ['log', 'call', '7', '--date', '2027-01-05'], { now: noon('2027-01-06') });
    const first = await runIn(home, ['import', file], at);
    expect(first.code).toBe(0);
    const after = storeBytes(home);
    const second = await runIn(home, ['import', file], at);
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
    const r = await runIn(home, ['import', file], at);
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
        /entries\[44\]\.date '2026-13-01' is not a date: use YYYY-MM-DD/,
      ],
      [
        'dup.json',
        {
          schema: 'prospect.export/1',
          store: { ...good, entries: [...good.entries, good.entries[0]] },
        },
        /entries\[44\]\.id 'e0001' is there twice/,
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
        /entries\[44\]\.activity 'teleport' is not an activity this store defines/,
      ],
    ];
    for (const [name, doc, message] of cases) {
      const file = join(dir, name);
      writeFileSync(file, JSON.stringify(doc));
      for (const extra of [[], ['--replace']]) {
        const r = await runIn(home, ['import', file, ...extra], at);
        expect(r.code, name).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(message);
        expect(storeBytes(home)).toEqual(before);
      }
    }
    const missing = await runIn(home, ['import', join(dir, 'nope.json')], at);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.json: no such file/);
    expect(existsSync(join(home, 'backups'))).toBe(false);
    expect(storeBytes(home)).toEqual(before);
    expect(existsSync(storeFile(home))).toBe(true);
  });
});

describe('import and a local quota', () => {
  const on = { now: noon('2026-11-20') };

  async function homeAndFile(fileQuotas: string[][]): Promise<[string, string]> {
    const other = tempHome();
    for (const args of fileQuotas) await runIn(other, ['quota', 'set', ...args], on);
    await runIn(other, ['log', 'call', '5', '--date', '2026-11-17'], on);
    const file = join(tempHome(), 'backup.json');
    expect((await runIn(other, ['export', '--out', file], on)).code).toBe(0);
    const home = tempHome();
    await runIn(home, ['quota', 'set', 'call', '50', '--per', 'day', '--from', '2026-11-16'], on);
    return [home, file];
  }

  it('a conflicting change from the file is skipped, the local one kept, and the summary says so', async () => {
    const [home, file] = await homeAndFile([
      ['call', '30', '--per', 'day', '--from', '2026-11-16'],
      ['email', '20', '--per', 'week', '--from', '2026-11-16'],
    ]);
    const r = await runIn(home, ['import', file], on);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('added 1 entry, 1 quota change');
    expect(r.stdout).toContain(
      "Skipped 1 quota change that differs from yours (what is here is kept; --replace takes the file's):\n  call from 2026-11-16: the file says 30 a day, yours is 50 a day\n",
    );
    const list = JSON.parse((await runIn(home, ['quota', 'list', '--json'], on)).stdout);
    expect(list).toEqual([
      { activity: 'call', per: 'day', target: 50, from: '2026-11-16' },
      { activity: 'email', per: 'week', target: 20, from: '2026-11-16' },
    ]);
    // Imported again: nothing new, and the conflict is still named.
    const again = await runIn(home, ['import', file], on);
    expect(again.stdout).toMatch(/^Nothing new in .*\nSkipped 1 quota change/);
  });

  it('the same change in the file is not a conflict; --replace still takes the whole file', async () => {
    const [home, file] = await homeAndFile([
      ['call', '50', '--per', 'day', '--from', '2026-11-16'],
    ]);
    const same = await runIn(home, ['import', file], on);
    expect(same.stdout).not.toContain('Skipped');
    const [home2, file2] = await homeAndFile([
      ['call', '30', '--per', 'day', '--from', '2026-11-16'],
    ]);
    expect((await runIn(home2, ['import', file2, '--replace'], on)).code).toBe(0);
    const list = JSON.parse((await runIn(home2, ['quota', 'list', '--json'], on)).stdout);
    expect(list).toEqual([{ activity: 'call', per: 'day', target: 30, from: '2026-11-16' }]);
  });

  it('a file with two changes of one quota on one day is refused', async () => {
    const [home, file] = await homeAndFile([
      ['call', '30', '--per', 'day', '--from', '2026-11-16'],
    ]);
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    doc.store.quotas.push({ ...doc.store.quotas[0], target: 31 });
    writeFileSync(file, JSON.stringify(doc));
    const before = storeBytes(home);
    const r = await runIn(home, ['import', file], on);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'quotas[1] is a second change of the call quota from 2026-11-16: one change per activity and day',
    );
    expect(storeBytes(home)).toEqual(before);
  });
});

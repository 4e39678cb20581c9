import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MIGRATIONS,
  type Migration,
  migrate,
  migrateV2toV3,
  SCHEMA_VERSION,
} from '../../src/store/schema.js';
import { cli, ROOT, storeFile, tempHome } from '../helpers.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'store-v1.json');
const fixture = () => JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
/** The fixture as schema 2 wrote it: its workdays dated (MIGRATIONS[1]). */
const fixtureV2 = () => (MIGRATIONS[1] as Migration)(fixture());

describe('schema 3 (outcomes)', () => {
  it('is registered at 2 -> 3, and this release reads schema 3 or later', () => {
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(3);
    expect(MIGRATIONS[2]).toBe(migrateV2toV3);
  });

  it("leaves today's store fixture's entries untimed and otherwise as they were", () => {
    const raw = fixture();
    const { data } = migrate(fixture());
    expect(data.schemaVersion).toBe(SCHEMA_VERSION);
    expect(data.entries).toEqual(raw.entries);
    expect(data.entries.some((e) => 'time' in e)).toBe(false);
    expect(data.activities).toEqual(['linkedin-dm']);
  });

  it("turns a user's own conversation, meeting-held or no-show (or a plural) into the built-in", () => {
    const raw = fixtureV2();
    raw.schemaVersion = 2;
    raw.activities = ['linkedin-dm', 'conversation', 'meetings-held', 'no-show'];
    raw.entries = [
      { id: 'a1', date: '2026-11-02', activity: 'conversation', count: 3 },
      { id: 'a2', date: '2026-11-02', activity: 'meetings-held', count: 1 },
      { id: 'a3', date: '2026-11-02', activity: 'linkedin-dm', count: 2 },
    ];
    raw.quotas = [{ activity: 'meetings-held', per: 'week', target: 2, from: '2026-11-02' }];
    const { data } = migrate(raw);
    expect(data.activities).toEqual(['linkedin-dm']);
    expect(data.entries.map((e) => e.activity)).toEqual([
      'conversation',
      'meeting-held',
      'linkedin-dm',
    ]);
    expect(data.quotas[0]?.activity).toBe('meeting-held');
  });

  it('refuses an entry whose time is not HH:MM', () => {
    const raw = fixtureV2();
    raw.schemaVersion = 3;
    (raw.entries as Record<string, unknown>[])[0] = {
      id: 'x',
      date: '2026-11-02',
      activity: 'call',
      count: 1,
      time: '9am',
    };
    expect(() => migrate(raw)).toThrow('entries[0]');
  });

  it('a write to an old store keeps a backup from before the migration', () => {
    const home = tempHome();
    const before = readFileSync(FIXTURE);
    writeFileSync(storeFile(home), before);
    const r = cli(home, ['log', 'call', '1', '--date', '2026-11-02']);
    expect(r.code, r.stderr).toBe(0);
    const backups = readdirSync(join(home, 'backups'));
    const copy = backups.find((f) => f.endsWith(`-before-schema-${SCHEMA_VERSION}.json`));
    expect(copy).toBeDefined();
    expect(readFileSync(join(home, 'backups', copy as string))).toEqual(before);
  });
});

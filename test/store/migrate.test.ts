import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addLeads,
  findProblem,
  MIGRATIONS,
  type Migration,
  migrate,
  SCHEMA_VERSION,
  StoreProblem,
} from '../../src/store/schema.js';
import { ROOT } from '../helpers.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'store-v1.json');
const fixture = () => JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;

describe('the first released schema (fixture store-v1.json)', () => {
  it('is sound and loads into the current schema with nothing lost', () => {
    const raw = fixture();
    expect(raw.schemaVersion).toBe(1);
    // Sound as the store it was once the step to schema 2 (dated workdays) has run.
    expect(findProblem((MIGRATIONS[1] as Migration)(raw))).toBeUndefined();
    const { data, fromVersion } = migrate(fixture());
    expect(fromVersion).toBe(1);
    expect(data.schemaVersion).toBe(SCHEMA_VERSION);
    // Everything the file holds is still there, field for field; the workdays are now dated.
    const { schemaVersion: _, settings, ...rest } = raw;
    expect(data).toMatchObject(rest);
    const { workdays, ...otherSettings } = settings as Record<string, unknown>;
    expect(data.settings).toMatchObject(otherSettings);
    expect(data.settings.workdays).toEqual([{ from: null, days: workdays }]);
    expect(data.entries).toHaveLength((raw.entries as unknown[]).length);
  });

  it('keeps its workdays from the beginning: the step to schema 2 dates them from null', () => {
    const { data } = migrate(fixture());
    expect(data.settings.workdays).toEqual([
      { from: null, days: ['mon', 'tue', 'wed', 'thu', 'fri'] },
    ]);
    // Read unmigrated, the old list is refused: the check knows only the dated form.
    expect(findProblem({ ...fixture(), schemaVersion: 2 })).toMatch(/^settings\.workdays\[0\]/);
  });

  it('covers every part of a store a user fills in', () => {
    const raw = fixture() as Record<string, unknown[]>;
    for (const key of ['activities', 'quotas', 'entries', 'daysOff', 'clients', 'beliefs']) {
      expect(raw[key]?.length, key).toBeGreaterThan(0);
    }
    const quotas = raw.quotas as { target: number | null }[];
    expect(quotas.some((q) => q.target === null)).toBe(true);
    const clients = raw.clients as { wins: unknown[] }[];
    expect(clients.some((c) => c.wins.length > 0)).toBe(true);
  });
});

describe('migrate with a migration table', () => {
  // A test-only schema 2: entries gain a `tags` list, the settings a `timezone` (on top of the
  // real step to schema 2, dated workdays, which the store checks need).
  const realToV2 = MIGRATIONS[1] as Migration;
  const toV2: Migration = (raw) => ({
    ...realToV2(raw),
    entries: (raw.entries as Record<string, unknown>[]).map((e) => ({ ...e, tags: [] })),
    settings: { ...(realToV2(raw).settings as object), timezone: 'local' },
  });

  it('runs each step in order and lands on the target version with nothing lost', () => {
    const raw = fixture();
    const { data, fromVersion } = migrate(raw, { 1: toV2 }, 2);
    expect(fromVersion).toBe(1);
    expect(data.schemaVersion).toBe(2);
    const before = raw.entries as Record<string, unknown>[];
    expect(data.entries).toEqual(before.map((e) => ({ ...e, tags: [] })));
    expect(data.clients).toEqual(raw.clients);
    expect(data.quotas).toEqual(raw.quotas);
    expect((data.settings as unknown as Record<string, unknown>).timezone).toBe('local');
    // The caller's object is not touched: a failed write leaves nothing half-migrated in memory.
    expect(raw.schemaVersion).toBe(1);
    expect(before[0]).not.toHaveProperty('tags');
  });

  it('chains several steps', () => {
    const seen: number[] = [];
    const step =
      (n: number): Migration =>
      (d) => {
        seen.push(n);
        return n === 1 ? realToV2(d) : d;
      };
    // Schema 4 requires leads: the last step is the real one after the recording.
    const { data } = migrate(
      fixture(),
      { 1: step(1), 2: step(2), 3: (d) => addLeads(step(3)(d)) },
      4,
    );
    expect(seen).toEqual([1, 2, 3]);
    expect(data.schemaVersion).toBe(4);
  });

  it('says which step failed and why', () => {
    const bad: Migration = () => {
      throw new Error('entries[3] has no date');
    };
    expect(() => migrate(fixture(), { 1: bad }, 2)).toThrow(
      'migrating it from schema 1 to 2 failed (entries[3] has no date)',
    );
  });

  it('refuses a missing step', () => {
    expect(() => migrate(fixture(), {}, 2)).toThrow('no migration from schema 1');
  });

  it('never migrates a newer store downward', () => {
    const raw = { ...fixture(), schemaVersion: SCHEMA_VERSION + 1 };
    let problem: unknown;
    try {
      migrate(raw);
    } catch (error) {
      problem = error;
    }
    expect(problem).toBeInstanceOf(StoreProblem);
    expect((problem as StoreProblem).newer).toBe(true);
    expect((problem as Error).message).toContain('upgrade prospect');
  });

  it('checks every log entry, including each one dated like the one before it', () => {
    const good = { id: 'a', date: '2026-11-20', activity: 'call', count: 2 };
    const problem = (entries: unknown[]) => {
      try {
        migrate({ ...fixture(), entries });
      } catch (error) {
        return (error as Error).message;
      }
      return undefined;
    };
    expect(problem([good, { ...good, id: 'b' }])).toBeUndefined();
    expect(problem([{ ...good, date: undefined }])).toBe(
      'entries[0].date nothing is not a date: use YYYY-MM-DD',
    );
    expect(problem([null])).toBe('entries[0] is not a log entry');
    expect(problem([good, { ...good, id: 'b', date: undefined }])).toBe(
      'entries[1].date nothing is not a date: use YYYY-MM-DD',
    );
    expect(problem([good, { ...good, id: 'b', date: '2026-02-30' }])).toBe(
      "entries[1].date '2026-02-30' is not a date: use YYYY-MM-DD",
    );
    expect(problem([good, { ...good, id: 'b' }, { ...good, id: 'c', count: -1 }])).toBe(
      'entries[2].count -1 is not a whole number from 0 to 10000',
    );
    expect(problem([good, { ...good, id: 'b', count: 1.5 }])).toBe(
      'entries[1].count 1.5 is not a whole number from 0 to 10000',
    );
    expect(problem([good, { ...good, id: 7 }])).toBe(
      'entries[1].id 7 is not an id (lower-case letters and digits, up to 40)',
    );
    expect(problem([good, good])).toBe("entries[1].id 'a' is there twice: each entry has its own");
    expect(problem([good, { ...good, id: 'b', activity: null }])).toBe(
      "entries[1].activity null is not an activity this store defines: see 'prospect activity list'",
    );
    for (const field of ['note', 'contact', 'client']) {
      expect(problem([good, { ...good, id: 'b', [field]: 1 }]), field).toBe(
        `entries[1].${field} 1 is not text`,
      );
    }
    expect(problem([good, { ...good, id: 'b', source: 1 }])).toBe(
      'entries[1].source 1 is not one of self, referral, marketing, event, other',
    );
  });

  it('refuses what is not a store', () => {
    expect(() => migrate([])).toThrow('does not hold a JSON object');
    expect(() => migrate({ schemaVersion: '1' })).toThrow('is not a version number');
    expect(() => migrate({ ...fixture(), entries: [{ id: 'x', date: 'soon' }] })).toThrow(
      "entries[0].date 'soon' is not a date",
    );
  });
});

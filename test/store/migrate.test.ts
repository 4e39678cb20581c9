import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addLeads,
  findProblem,
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
    expect(findProblem(raw)).toBeUndefined();
    const { data, fromVersion } = migrate(fixture());
    expect(fromVersion).toBe(1);
    expect(data.schemaVersion).toBe(SCHEMA_VERSION);
    // Everything the file holds is still there, field for field.
    const { schemaVersion: _, ...rest } = raw;
    expect(data).toMatchObject(rest);
    expect(data.entries).toHaveLength((raw.entries as unknown[]).length);
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
  // A test-only schema 2: entries gain a `tags` list, the settings a `timezone`.
  const toV2: Migration = (d) => ({
    ...d,
    entries: (d.entries as Record<string, unknown>[]).map((e) => ({ ...e, tags: [] })),
    settings: { ...(d.settings as object), timezone: 'local' },
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
        return d;
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
    expect(problem([{ ...good, date: undefined }])).toBe('entries[0] is not a log entry');
    expect(problem([null])).toBe('entries[0] is not a log entry');
    expect(problem([good, { ...good, date: undefined }])).toBe('entries[1] is not a log entry');
    expect(problem([good, { ...good, date: '2026-02-30' }])).toBe('entries[1] is not a log entry');
    expect(problem([good, good, { ...good, count: -1 }])).toBe('entries[2] is not a log entry');
    expect(problem([good, { ...good, count: 1.5 }])).toBe('entries[1] is not a log entry');
    expect(problem([good, { ...good, id: 7 }])).toBe('entries[1] is not a log entry');
    expect(problem([good, { ...good, activity: null }])).toBe('entries[1] is not a log entry');
    for (const field of ['note', 'contact', 'source', 'client']) {
      expect(problem([good, { ...good, [field]: 1 }]), field).toBe(
        'entries[1] has a field of the wrong type',
      );
    }
  });

  it('refuses what is not a store', () => {
    expect(() => migrate([])).toThrow('does not hold a JSON object');
    expect(() => migrate({ schemaVersion: '1' })).toThrow('is not a version number');
    expect(() => migrate({ ...fixture(), entries: [{ id: 'x', date: 'soon' }] })).toThrow(
      'entries[0] is not a log entry',
    );
  });
});

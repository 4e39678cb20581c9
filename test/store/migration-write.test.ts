import { copyFileSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { listBackups } from '../../src/store/backup.js';
import { noon, ROOT, readStoreJson, runIn, storeBytes, storeFile, tempHome } from '../helpers.js';

// This file wraps the real migration from schema 1 to 2 (dated workdays) with one that can fail
// and marks what it did. It proves the path: backup first, then migrate, then one write.
const state = vi.hoisted(() => ({ fail: false }));
vi.mock('../../src/store/schema.js', async (original) => {
  const real = await original<typeof import('../../src/store/schema.js')>();
  return {
    ...real,
    SCHEMA_VERSION: 2,
    MIGRATIONS: {
      1: (d: Record<string, unknown>) => {
        if (state.fail) throw new Error('clients[1] has no name');
        const migrated = (real.MIGRATIONS[1] as (d: Record<string, unknown>) => typeof d)(d);
        return { ...migrated, settings: { ...(migrated.settings as object), timezone: 'local' } };
      },
    },
  };
});

const FIXTURE = join(ROOT, 'test', 'fixtures', 'store-v1.json');
const now = noon('2026-11-23');

function v1Home(): string {
  const home = tempHome();
  copyFileSync(FIXTURE, storeFile(home));
  return home;
}

describe('a write to an older store', () => {
  it('backs the old store up, migrates it and keeps everything', async () => {
    state.fail = false;
    const home = v1Home();
    const before = readFileSync(FIXTURE);
    const r = await runIn(home, ['log', 'call', '5', '--date', '2026-11-23'], { now });
    expect(r.code, r.stderr).toBe(0);
    const backups = listBackups(storeFile(home));
    const migrationCopy = backups.find((b) => b.endsWith('-before-schema-2.json'));
    expect(migrationCopy).toBeDefined();
    expect(readFileSync(migrationCopy as string)).toEqual(before);
    expect(statSync(migrationCopy as string).mode & 0o777).toBe(0o600);

    const after = readStoreJson(home);
    const old = JSON.parse(before.toString());
    expect(after.schemaVersion).toBe(2);
    expect((after.settings as Record<string, unknown>).timezone).toBe('local');
    expect(after.entries.slice(0, -1)).toEqual(old.entries);
    expect(after.entries.at(-1)).toMatchObject({ activity: 'call', count: 5, date: '2026-11-23' });
    for (const key of [
      'quotas',
      'daysOff',
      'clients',
      'beliefs',
      'activities',
      'removedTemplates',
    ]) {
      expect(after[key], key).toEqual(old[key]);
    }
  });

  it('a read does not write: the file stays schema 1', async () => {
    state.fail = false;
    const home = v1Home();
    const r = await runIn(home, ['history', '--json'], { now });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(43);
    expect(storeBytes(home)).toEqual(readFileSync(FIXTURE));
    expect(listBackups(storeFile(home))).toEqual([]);
  });

  it('a migration that fails leaves the store as it was, the backup, and a clear message', async () => {
    state.fail = true;
    const home = v1Home();
    const r = await runIn(home, ['log', 'call', '5'], { now });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const backups = listBackups(storeFile(home));
    expect(backups).toHaveLength(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('migrating it from schema 1 to 2 failed (clients[1] has no name)');
    expect(r.stderr).toContain(backups[0]);
    expect(r.stderr).toContain(storeFile(home));
    expect(storeBytes(home)).toEqual(readFileSync(FIXTURE));
    expect(readFileSync(backups[0] as string)).toEqual(readFileSync(FIXTURE));
  });
});

import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreData } from '../src/domain/types.js';
import { migrate } from '../src/store/schema.js';
import { ROOT, storeFile, tempHome } from './helpers.js';

/** The fixed store the report, team and export tests read: two weeks with a day off each. */
export const FIXTURE_STORE = join(ROOT, 'test', 'fixtures', 'reports', 'store.json');

/** The fixture store as this release reads it (migrated to the current schema in memory). */
export function fixtureData(): StoreData {
  return migrate(JSON.parse(readFileSync(FIXTURE_STORE, 'utf8'))).data;
}

/** A fresh PROSPECT_HOME holding a copy of the fixture store. */
export function fixtureHome(): string {
  const home = tempHome();
  copyFileSync(FIXTURE_STORE, storeFile(home));
  return home;
}

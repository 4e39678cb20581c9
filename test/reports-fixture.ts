import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreData } from '../src/domain/types.js';
import { ROOT, storeFile, tempHome } from './helpers.js';

/** The fixed store the report, team and export tests read: two weeks with a day off each. */
export const FIXTURE_STORE = join(ROOT, 'test', 'fixtures', 'reports', 'store.json');

export function fixtureData(): StoreData {
  return JSON.parse(readFileSync(FIXTURE_STORE, 'utf8'));
}

/** A fresh PROSPECT_HOME holding a copy of the fixture store. */
export function fixtureHome(): string {
  const home = tempHome();
  copyFileSync(FIXTURE_STORE, storeFile(home));
  return home;
}

import { seedDefaults } from '../domain/affirm.js';
import type { StoreData } from '../domain/types.js';
import { workdaysFromStart } from '../domain/workdays.js';
import { defaultBeliefs } from './templates.js';
import { type CheckOptions, storeProblem } from './validate.js';

/** The store layout this release writes. Bump it and add a migration when the layout changes. */
export const SCHEMA_VERSION = 5;

/** A new store: default settings and the default beliefs from templates/affirmations.json. */
export function emptyStore(): StoreData {
  const data: StoreData = {
    schemaVersion: SCHEMA_VERSION,
    settings: {
      name: '',
      workdays: workdaysFromStart(),
      referral: { cadenceDays: 90, firstAskAfterDays: 30 },
    },
    activities: [],
    quotas: [],
    entries: [],
    daysOff: [],
    clients: [],
    beliefs: [],
    removedTemplates: [],
    leads: [],
  };
  seedDefaults(data, defaultBeliefs());
  return data;
}

export type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

/** The activities schema 3 made built in; a store may hold one of them as the user's own. */
const BUILT_IN_SINCE_3: ReadonlyMap<string, string> = new Map([
  ['conversation', 'conversation'],
  ['conversations', 'conversation'],
  ['meeting-held', 'meeting-held'],
  ['meetings-held', 'meeting-held'],
  ['no-show', 'no-show'],
  ['no-shows', 'no-show'],
]);

/**
 * Schema 2 to 3 (Release 2's outcomes): entries may carry `time`, and old entries stay untimed
 * (a time is never invented). A user's own `conversation`, `meeting-held` or `no-show` (or its
 * plural) becomes the built-in one: dropped from the custom list, its entries and quotas renamed.
 */
export const migrateV2toV3: Migration = (d) => {
  const rename = (name: unknown) =>
    typeof name === 'string' ? (BUILT_IN_SINCE_3.get(name) ?? name) : name;
  const activities = d.activities as unknown[];
  return {
    ...d,
    activities: activities.filter((a) => typeof a !== 'string' || !BUILT_IN_SINCE_3.has(a)),
    entries: (d.entries as Record<string, unknown>[]).map((e) =>
      typeof e === 'object' && e !== null && rename(e.activity) !== e.activity
        ? { ...e, activity: rename(e.activity) }
        : e,
    ),
    quotas: (d.quotas as Record<string, unknown>[]).map((q) =>
      typeof q === 'object' && q !== null && rename(q.activity) !== q.activity
        ? { ...q, activity: rename(q.activity) }
        : q,
    ),
  };
};

/**
 * migrations[n] turns a schema-n store into a schema-(n+1) one; migrate() runs them in turn.
 * 1 -> 2: workdays became dated. A store's one list of workdays holds from the beginning.
 * 2 -> 3: entries may carry a time; three outcome activities became built in.
 * 3 -> 4: the store gains its list of leads.
 * 4 -> 5: the log's oldest part may live in a history file beside the store (src/store/history.ts);
 *    the data is the same, so nothing changes here: the first write after it splits the store.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  1: (data) => {
    const settings = data.settings;
    if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) return data;
    const { workdays } = settings as Record<string, unknown>;
    return { ...data, settings: { ...settings, workdays: [{ from: null, days: workdays }] } };
  },
  2: migrateV2toV3,
  3: addLeads,
  4: (data) => data,
};

/** Schema 3 -> 4: the store gains its list of leads, empty. */
export function addLeads(data: Record<string, unknown>): Record<string, unknown> {
  return { ...data, leads: Array.isArray(data.leads) ? data.leads : [] };
}

/** Why a store cannot be used. `newer`: written by a later release, so only an upgrade helps. */
export class StoreProblem extends Error {
  constructor(
    message: string,
    readonly newer = false,
    /** A migration step failed (the store was sound as it was): worth a copy for a bug report. */
    readonly inMigration = false,
  ) {
    super(message);
  }
}

/** The schema version a parsed store says it has, or a StoreProblem when it has none. */
export function versionOf(raw: unknown): number {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new StoreProblem('it does not hold a JSON object');
  }
  const version = (raw as Record<string, unknown>).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new StoreProblem(`its schemaVersion ${JSON.stringify(version)} is not a version number`);
  }
  return version;
}

/**
 * Brings a parsed store up to `target` (SCHEMA_VERSION), or says why it cannot. Never migrates
 * downward: a store from a newer release is refused. The table and target are parameters so a
 * test can prove the path with a migration of its own.
 */
export function migrate(
  raw: unknown,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  target: number = SCHEMA_VERSION,
): { data: StoreData; fromVersion: number } {
  const fromVersion = versionOf(raw);
  if (fromVersion > target) {
    throw new StoreProblem(
      `it was written by a newer prospect (schema ${fromVersion}; this one reads up to ${target}): upgrade prospect`,
      true,
    );
  }
  // A copy, so a migration that fails half-way cannot leave the caller's object half-changed.
  let data = raw as Record<string, unknown>;
  if (fromVersion < target) {
    try {
      data = structuredClone(raw) as Record<string, unknown>;
    } catch (error) {
      // structuredClone recurses: a value nested thousands deep overflows the stack.
      if (error instanceof RangeError) throw new StoreProblem('it nests too deep to be a store');
      throw error;
    }
  }
  for (let v = fromVersion; v < target; v++) {
    const step = migrations[v];
    if (!step) throw new StoreProblem(`this prospect has no migration from schema ${v}`);
    try {
      data = { ...step(data), schemaVersion: v + 1 };
    } catch (error) {
      throw new StoreProblem(
        `migrating it from schema ${v} to ${v + 1} failed (${(error as Error).message})`,
        false,
        true,
      );
    }
  }
  const problem = findProblem(data);
  if (problem) throw new StoreProblem(problem);
  return { data: data as unknown as StoreData, fromVersion };
}

/**
 * The first thing wrong with a store, in words, or undefined when it is sound: the rules of the
 * commands that write each record (src/store/validate.ts), for the store and for an import.
 */
export function findProblem(
  d: Record<string, unknown>,
  opts: CheckOptions = {},
): string | undefined {
  return storeProblem(d, opts);
}

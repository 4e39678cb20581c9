import { ACTIVITY_NAME } from '../domain/activities.js';
import { seedDefaults } from '../domain/affirm.js';
import { parseDay } from '../domain/dates.js';
import { findLeadProblem } from '../domain/leads.js';
import { PERIODS, type StoreData, WEEKDAYS } from '../domain/types.js';
import { defaultBeliefs } from './templates.js';

/** The store layout this release writes. Bump it and add a migration when the layout changes. */
export const SCHEMA_VERSION = 4;

/** A new store: default settings and the default beliefs from templates/affirmations.json. */
export function emptyStore(): StoreData {
  const data: StoreData = {
    schemaVersion: SCHEMA_VERSION,
    settings: {
      name: '',
      workdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
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

/**
 * migrations[n] turns a schema-n store into a schema-(n+1) one. Schema 1 is the first release,
 * so there is nothing to migrate yet; the loop in migrate() is the path later releases extend.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // placeholder: replaced at merge
  1: (data) => data,
  // placeholder: replaced at merge
  2: (data) => data,
  3: addLeads,
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
  let data = (fromVersion < target ? structuredClone(raw) : raw) as Record<string, unknown>;
  for (let v = fromVersion; v < target; v++) {
    const step = migrations[v];
    if (!step) throw new StoreProblem(`this prospect has no migration from schema ${v}`);
    try {
      data = { ...step(data), schemaVersion: v + 1 };
    } catch (error) {
      throw new StoreProblem(
        `migrating it from schema ${v} to ${v + 1} failed (${(error as Error).message})`,
      );
    }
  }
  const problem = findProblem(data);
  if (problem) throw new StoreProblem(problem);
  return { data: data as unknown as StoreData, fromVersion };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
/** A store repeats each date many times (one per entry); check each distinct string once. */
const checkedDays = new Set<string>();
const isDay = (v: unknown) => {
  if (typeof v !== 'string') return false;
  if (checkedDays.has(v)) return true;
  if (parseDay(v) === null) return false;
  checkedDays.add(v);
  return true;
};
const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const optString = (v: unknown) => v === undefined || typeof v === 'string';

/** The first thing wrong with a store's shape, in words, or undefined when it is sound. */
export function findProblem(d: Record<string, unknown>): string | undefined {
  const s = d.settings;
  if (!isObject(s)) return 'settings is missing';
  if (typeof s.name !== 'string') return 'settings.name is not text';
  if (!Array.isArray(s.workdays) || !s.workdays.every((w) => WEEKDAYS.includes(w))) {
    return 'settings.workdays is not a list of mon..sun';
  }
  const r = s.referral;
  if (!isObject(r) || !isCount(r.cadenceDays) || !isCount(r.firstAskAfterDays)) {
    return 'settings.referral is not two whole numbers';
  }
  if (s.lead !== undefined && !(isObject(s.lead) && isCount(s.lead.followUpDays)))
    return 'settings.lead.followUpDays is not a whole number';
  for (const key of [
    'activities',
    'quotas',
    'entries',
    'daysOff',
    'clients',
    'beliefs',
    'removedTemplates',
  ]) {
    if (!Array.isArray(d[key])) return `${key} is not a list`;
  }
  const at = (key: string, i: number, what: string) => `${key}[${i}] ${what}`;
  // Plain indexed loops: a store holds tens of thousands of entries, and this runs on every command
  // before the JIT has warmed up, where iterators and destructuring cost several times more.
  const activities = d.activities as unknown[];
  for (let i = 0; i < activities.length; i++) {
    const a = activities[i];
    if (typeof a !== 'string' || !ACTIVITY_NAME.test(a))
      return at('activities', i, 'is not an activity name');
  }
  const quotas = d.quotas as unknown[];
  for (let i = 0; i < quotas.length; i++) {
    const q = quotas[i];
    if (
      !isObject(q) ||
      typeof q.activity !== 'string' ||
      !PERIODS.includes(q.per as never) ||
      !isDay(q.from)
    ) {
      return at('quotas', i, 'is not a quota change');
    }
    if (q.target !== null && !(isCount(q.target) && (q.target as number) > 0))
      return at('quotas', i, 'has a bad target');
  }
  const entries = d.entries as unknown[];
  // The checks of isObject, isDay, isCount and optString written out: this loop runs over every
  // entry on every command, in V8's baseline tier where a function call is not inlined.
  let lastDay: string | undefined;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as Record<string, unknown>;
    if (typeof e !== 'object' || e === null || Array.isArray(e)) {
      return at('entries', i, 'is not a log entry');
    }
    const date = e.date;
    const count = e.count;
    if (
      typeof e.id !== 'string' ||
      // A log is mostly in date order: the previous entry's date was checked already.
      ((lastDay === undefined || date !== lastDay) && !isDay(date)) ||
      typeof e.activity !== 'string' ||
      typeof count !== 'number' ||
      !Number.isInteger(count) ||
      count < 0
    ) {
      return at('entries', i, 'is not a log entry');
    }
    lastDay = date as string;
    const { note, contact, source, client } = e;
    if (
      (note !== undefined && typeof note !== 'string') ||
      (contact !== undefined && typeof contact !== 'string') ||
      (source !== undefined && typeof source !== 'string') ||
      (client !== undefined && typeof client !== 'string')
    ) {
      return at('entries', i, 'has a field of the wrong type');
    }
  }
  const daysOff = d.daysOff as unknown[];
  for (let i = 0; i < daysOff.length; i++) {
    const o = daysOff[i];
    if (!isObject(o) || !isDay(o.date) || !optString(o.reason))
      return at('daysOff', i, 'is not a day off');
  }
  const clients = d.clients as unknown[];
  for (let i = 0; i < clients.length; i++) {
    const c = clients[i];
    if (!isObject(c) || typeof c.name !== 'string' || !isDay(c.since) || !Array.isArray(c.wins)) {
      return at('clients', i, 'is not a client');
    }
  }
  const beliefs = d.beliefs as unknown[];
  for (let i = 0; i < beliefs.length; i++) {
    const b = beliefs[i];
    if (
      !isObject(b) ||
      typeof b.id !== 'string' ||
      typeof b.belief !== 'string' ||
      typeof b.affirmation !== 'string'
    ) {
      return at('beliefs', i, 'is not a belief');
    }
  }
  // Schema 4 brought leads: a store of an earlier schema has none to check.
  if (!(typeof d.schemaVersion === 'number' && d.schemaVersion < 4)) {
    if (!Array.isArray(d.leads)) return 'leads is not a list';
  }
  const leadProblem = Array.isArray(d.leads) ? findLeadProblem(d.leads, isDay) : undefined;
  if (leadProblem) return leadProblem;
  return undefined;
}

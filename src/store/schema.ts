import { ACTIVITY_NAME } from '../domain/activities.js';
import { seedDefaults } from '../domain/affirm.js';
import { parseDay } from '../domain/dates.js';
import { PERIODS, type StoreData, WEEKDAYS } from '../domain/types.js';
import { workdaysFromStart } from '../domain/workdays.js';
import { defaultBeliefs } from './templates.js';

/** The store layout this release writes. Bump it and add a migration when the layout changes. */
export const SCHEMA_VERSION = 2;

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
  };
  seedDefaults(data, defaultBeliefs());
  return data;
}

export type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * migrations[n] turns a schema-n store into a schema-(n+1) one; migrate() runs them in turn.
 * 1 -> 2: workdays became dated. A store's one list of workdays holds from the beginning.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  1: (data) => {
    const settings = data.settings;
    if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) return data;
    const { workdays } = settings as Record<string, unknown>;
    return { ...data, settings: { ...settings, workdays: [{ from: null, days: workdays }] } };
  },
};

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
  let data = (fromVersion < target ? structuredClone(raw) : raw) as Record<string, unknown>;
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
  const workdaysProblem = findWorkdaysProblem(s.workdays);
  if (workdaysProblem) return workdaysProblem;
  const r = s.referral;
  if (!isObject(r) || !isCount(r.cadenceDays) || !isCount(r.firstAskAfterDays)) {
    return 'settings.referral is not two whole numbers';
  }
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
  return undefined;
}

/**
 * What is wrong with a workdays history, or undefined: a list of `{ from, days }`, the first from
 * the beginning (`from: null`), the rest on real days in increasing order, each with at least one
 * of mon..sun, none twice.
 */
function findWorkdaysProblem(history: unknown): string | undefined {
  if (!Array.isArray(history) || history.length === 0) {
    return 'settings.workdays is not a list of workdays changes ({ "from": null, "days": ["mon", ...] } first)';
  }
  let last = '';
  for (let i = 0; i < history.length; i++) {
    const c = history[i];
    const at = `settings.workdays[${i}]`;
    if (!isObject(c)) return `${at} is not a workdays change ({ "from": ..., "days": [...] })`;
    if (i === 0 && c.from !== null)
      return `${at}.from is not null: the first workdays hold from the beginning`;
    if (i > 0) {
      if (!isDay(c.from)) return `${at}.from is not a date (YYYY-MM-DD)`;
      if ((c.from as string) <= last) return `${at}.from is not after the change before it`;
      last = c.from as string;
    }
    const days = c.days;
    if (
      !Array.isArray(days) ||
      days.length === 0 ||
      !days.every((w) => WEEKDAYS.includes(w)) ||
      new Set(days).size !== days.length
    ) {
      return `${at}.days is not a list of mon..sun (at least one, none twice)`;
    }
  }
  return undefined;
}

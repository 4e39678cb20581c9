import { ACTIVITY_NAME, BUILT_IN_ACTIVITIES } from '../domain/activities.js';
import { LIMITS } from '../domain/limits.js';
import { ASK_OUTCOMES, type Day, LEAD_SOURCES, PERIODS } from '../domain/types.js';
import { shown } from '../errors.js';
import {
  dayProblem,
  ID,
  idProblem,
  isObject,
  oneOf,
  type Rec,
  TIME,
  textProblem,
  unknownProblem,
  wholeProblem,
} from './validate-fields.js';
import { leadsProblem } from './validate-leads.js';
import { settingsProblem } from './validate-settings.js';

/**
 * The one check of a store's contents, for the store as it is read (every command) and for a file
 * being imported: each record obeys the rules, limits and wording of the command that writes it.
 * `today`, given for an import, also refuses what a command refuses as being in the future.
 * Fields this release does not know are kept, if they nest at most MAX_DEPTH deep (in log
 * entries, checked for an import only: see the entries loop).
 */
export interface CheckOptions {
  today?: Day;
}

const ENTRY_FIELDS = new Set([
  'id',
  'date',
  'activity',
  'count',
  'time',
  'note',
  'contact',
  'source',
  'client',
  'outcome',
  'group',
  'lead',
]);
const QUOTA_FIELDS = new Set(['activity', 'per', 'target', 'from']);
const DAY_OFF_FIELDS = new Set(['date', 'reason']);
const CLIENT_FIELDS = new Set(['name', 'since', 'every', 'wins', 'snoozeUntil', 'snoozedOn']);
const WIN_FIELDS = new Set(['date', 'note']);
const BELIEF_FIELDS = new Set(['id', 'belief', 'affirmation', 'tag', 'template']);
/** The lists every store has (leads came with schema 4 and are checked apart). */
const LIST_FIELDS = [
  'activities',
  'quotas',
  'entries',
  'daysOff',
  'clients',
  'beliefs',
  'removedTemplates',
] as const;
const STORE_FIELDS = new Set(['schemaVersion', 'settings', ...LIST_FIELDS, 'leads']);

/** The first thing wrong with a store, in words that name the place and the value, or undefined. */
export function storeProblem(d: Rec, opts: CheckOptions = {}): string | undefined {
  const { today } = opts;
  const settings = settingsProblem(d.settings);
  if (settings) return settings;

  for (const key of LIST_FIELDS) {
    if (!Array.isArray(d[key])) return `${key} is not a list`;
  }
  const unknownTop = unknownProblem(d, STORE_FIELDS, 'the store');
  if (unknownTop) return unknownTop;

  const known = knownActivities(d.activities as unknown[]);
  if (typeof known === 'string') return known;
  const activity = (v: unknown, at: string): string | undefined =>
    typeof v === 'string' && known.has(v)
      ? undefined
      : `${at} ${shown(v)} is not an activity this store defines: see 'prospect activity list'`;
  const p =
    quotasProblem(d.quotas as unknown[], activity) ??
    entriesProblem(d.entries as unknown[], known, activity, today) ??
    daysOffProblem(d.daysOff as unknown[]) ??
    clientsProblem(d.clients as unknown[], today) ??
    beliefsProblem(d.beliefs as unknown[], activity);
  if (p) return p;

  const removed = d.removedTemplates as unknown[];
  for (let i = 0; i < removed.length; i++) {
    const p = idProblem(removed[i], `removedTemplates[${i}]`);
    if (p) return p;
  }
  return leadsProblem(d);
}

type ActivityCheck = (v: unknown, at: string) => string | undefined;

/** Whether a store whose own activities are `activities` knows `name` (built in or its own). */
export function knownActivity(name: string, activities: readonly string[]): boolean {
  return (BUILT_IN_ACTIVITIES as readonly string[]).includes(name) || activities.includes(name);
}

/** The activities a record may name: the built-in ones and those the store defines, or a problem. */
function knownActivities(activities: unknown[]): Set<string> | string {
  // A Map-free Set of strings: `constructor` or `__proto__` is a name like any other.
  const known = new Set<string>(BUILT_IN_ACTIVITIES);
  for (let i = 0; i < activities.length; i++) {
    const a = activities[i];
    if (typeof a !== 'string' || !ACTIVITY_NAME.test(a) || a.length > LIMITS.activityName) {
      return `activities[${i}] ${shown(a)} is not an activity name: lower-case letters, digits and hyphens, starting with a letter (up to ${LIMITS.activityName})`;
    }
    if (known.has(a)) return `activities[${i}] '${a}' is there twice (or is a built-in activity)`;
    known.add(a);
  }
  return known;
}

function quotasProblem(quotas: unknown[], activity: ActivityCheck): string | undefined {
  const quotaDays = new Set<string>();
  for (let i = 0; i < quotas.length; i++) {
    const q = quotas[i];
    const at = `quotas[${i}]`;
    if (!isObject(q)) return `${at} is not a quota change`;
    const p =
      activity(q.activity, `${at}.activity`) ??
      oneOf(q.per, `${at}.per`, PERIODS) ??
      dayProblem(q.from, `${at}.from`, undefined) ??
      (q.target === null ? undefined : wholeProblem(q.target, `${at}.target`, 1, LIMITS.count)) ??
      unknownProblem(q, QUOTA_FIELDS, at);
    if (p) return p;
    // `quota set --from D` replaces the change on D: one per activity and day.
    const place = `${q.activity}\u0000${q.from}`;
    if (quotaDays.has(place)) {
      return `${at} is a second change of the ${q.activity as string} quota from ${q.from as string}: one change per activity and day`;
    }
    quotaDays.add(place);
  }
  return undefined;
}

function entriesProblem(
  entries: unknown[],
  known: ReadonlySet<string>,
  activity: ActivityCheck,
  today: Day | undefined,
): string | undefined {
  const ids = new Set<string>();
  // Plain indexed loops and the common case first: a store holds tens of thousands of entries,
  // and this runs on every command before the JIT has warmed up.
  let lastDay: unknown = entries; // no date is this list: the first entry is checked
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as Rec;
    if (typeof e !== 'object' || e === null || Array.isArray(e)) {
      return `entries[${i}] is not a log entry`;
    }
    const id = e.id;
    const date = e.date;
    const count = e.count;
    // A log is mostly in date order: the previous entry's date was checked already.
    if (date !== lastDay || today !== undefined) {
      const p = dayProblem(date, `entries[${i}].date`, today);
      if (p) return p;
      lastDay = date;
    }
    if (typeof id !== 'string' || !ID.test(id)) return idProblem(id, `entries[${i}].id`);
    if (ids.has(id)) return `entries[${i}].id '${id}' is there twice: each entry has its own`;
    ids.add(id);
    if (typeof e.activity !== 'string' || !known.has(e.activity)) {
      return activity(e.activity, `entries[${i}].activity`);
    }
    // 0 is what a check-in leaves when a day's total is lowered below an entry with a note.
    if (
      typeof count !== 'number' ||
      !Number.isInteger(count) ||
      count < 0 ||
      count > LIMITS.count
    ) {
      return wholeProblem(count, `entries[${i}].count`, 0, LIMITS.count);
    }
    // An import also walks every field for ones this release does not know (for-in over tens of
    // thousands of entries costs more than the rest of the check, on every command).
    if (today !== undefined) {
      const p = unknownProblem(e, ENTRY_FIELDS, `entries[${i}]`);
      if (p) return p;
    }
    if (
      e.note !== undefined ||
      e.contact !== undefined ||
      e.source !== undefined ||
      e.client !== undefined ||
      e.outcome !== undefined ||
      e.time !== undefined ||
      e.group !== undefined ||
      e.lead !== undefined
    ) {
      const p = entryExtras(e, `entries[${i}]`);
      if (p) return p;
    }
  }
  return undefined;
}

function daysOffProblem(daysOff: unknown[]): string | undefined {
  for (let i = 0; i < daysOff.length; i++) {
    const o = daysOff[i];
    const at = `daysOff[${i}]`;
    if (!isObject(o)) return `${at} is not a day off`;
    const p =
      dayProblem(o.date, `${at}.date`, undefined) ??
      (o.reason === undefined ? undefined : textProblem(o.reason, `${at}.reason`, LIMITS.reason)) ??
      unknownProblem(o, DAY_OFF_FIELDS, at);
    if (p) return p;
  }
  return undefined;
}

function clientsProblem(clients: unknown[], today: Day | undefined): string | undefined {
  const names = new Set<string>();
  for (let i = 0; i < clients.length; i++) {
    const c = clients[i];
    const at = `clients[${i}]`;
    if (!isObject(c)) return `${at} is not a client`;
    const p =
      textProblem(c.name, `${at}.name`, LIMITS.clientName) ??
      dayProblem(c.since, `${at}.since`, today) ??
      (c.every === undefined
        ? undefined
        : wholeProblem(c.every, `${at}.every`, 1, LIMITS.cadenceDays)) ??
      (c.snoozeUntil === undefined
        ? undefined
        : dayProblem(c.snoozeUntil, `${at}.snoozeUntil`, undefined)) ??
      (c.snoozedOn === undefined
        ? undefined
        : dayProblem(c.snoozedOn, `${at}.snoozedOn`, undefined)) ??
      (Array.isArray(c.wins) ? winsProblem(c.wins, at, today) : `${at}.wins is not a list`) ??
      unknownProblem(c, CLIENT_FIELDS, at);
    if (p) return p;
    const key = (c.name as string).toLowerCase();
    if (names.has(key))
      return `${at}.name ${shown(c.name)} is there twice (names are matched ignoring case)`;
    names.add(key);
  }
  return undefined;
}

function beliefsProblem(beliefs: unknown[], activity: ActivityCheck): string | undefined {
  for (let i = 0; i < beliefs.length; i++) {
    const b = beliefs[i];
    const at = `beliefs[${i}]`;
    if (!isObject(b)) return `${at} is not a belief`;
    const p =
      idProblem(b.id, `${at}.id`) ??
      textProblem(b.belief, `${at}.belief`, LIMITS.belief) ??
      textProblem(b.affirmation, `${at}.affirmation`, LIMITS.belief) ??
      (b.tag === undefined ? undefined : activity(b.tag, `${at}.tag`)) ??
      (b.template === undefined ? undefined : idProblem(b.template, `${at}.template`)) ??
      unknownProblem(b, BELIEF_FIELDS, at);
    if (p) return p;
  }
  return undefined;
}

/** The optional fields of a log entry, each as the command that writes it checks it. */
function entryExtras(e: Rec, at: string): string | undefined {
  return (
    (e.time === undefined || (typeof e.time === 'string' && TIME.test(e.time))
      ? undefined
      : `${at}.time ${shown(e.time)} is not a time: use HH:MM, 24-hour local time`) ??
    (e.note === undefined ? undefined : textProblem(e.note, `${at}.note`, LIMITS.text)) ??
    (e.contact === undefined
      ? undefined
      : textProblem(e.contact, `${at}.contact`, LIMITS.contact)) ??
    (e.source === undefined ? undefined : oneOf(e.source, `${at}.source`, LEAD_SOURCES)) ??
    (e.client === undefined
      ? undefined
      : textProblem(e.client, `${at}.client`, LIMITS.clientName)) ??
    (e.outcome === undefined ? undefined : oneOf(e.outcome, `${at}.outcome`, ASK_OUTCOMES)) ??
    (e.group === undefined ? undefined : idProblem(e.group, `${at}.group`)) ??
    (e.lead === undefined ? undefined : idProblem(e.lead, `${at}.lead`))
  );
}

function winsProblem(wins: unknown[], at: string, today: Day | undefined): string | undefined {
  for (let j = 0; j < wins.length; j++) {
    const w = wins[j];
    const where = `${at}.wins[${j}]`;
    if (!isObject(w)) return `${where} is not a win`;
    const p =
      dayProblem(w.date, `${where}.date`, today) ??
      (w.note === undefined ? undefined : textProblem(w.note, `${where}.note`, LIMITS.text)) ??
      unknownProblem(w, WIN_FIELDS, where);
    if (p) return p;
  }
  return undefined;
}

import { ACTIVITY_NAME, BUILT_IN_ACTIVITIES } from '../domain/activities.js';
import { parseDay } from '../domain/dates.js';
import { findLeadProblem } from '../domain/leads.js';
import { LIMITS } from '../domain/limits.js';
import { ASK_OUTCOMES, type Day, LEAD_SOURCES, PERIODS, WEEKDAYS } from '../domain/types.js';
import { shown } from '../errors.js';

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

/** How deep a field this release does not know may nest (a crafted file nests 100,000 deep). */
export const MAX_DEPTH = 16;

type Rec = Record<string, unknown>;
const isObject = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A store repeats each date many times (one per entry); check each distinct string once. */
const checkedDays = new Set<string>();
const isDay = (v: unknown): v is Day => {
  if (typeof v !== 'string') return false;
  if (checkedDays.has(v)) return true;
  if (parseDay(v) === null) return false;
  checkedDays.add(v);
  return true;
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const ID = /^[0-9a-z][0-9a-z-]{0,39}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** What is wrong with a day, in the words `--date` uses, or undefined. */
function dayProblem(v: unknown, at: string, today: Day | undefined): string | undefined {
  if (!isDay(v)) return `${at} ${shown(v)} is not a date: use YYYY-MM-DD`;
  if (today !== undefined && v > today) return `${at} ${v} is in the future: today is ${today}`;
  return undefined;
}

/** What textOption would say about free text, or undefined. */
function textProblem(v: unknown, at: string, max: number): string | undefined {
  if (typeof v !== 'string') return `${at} ${shown(v)} is not text`;
  if (v.trim() === '') return `${at} is empty: give some text, or leave it out`;
  if (CONTROL.test(v))
    return `${at} ${shown(v)} contains a control character: use plain text on one line`;
  if (v.length > max) return `${at} is ${v.length} characters long: at most ${max} are accepted`;
  return undefined;
}

function wholeProblem(v: unknown, at: string, min: number, max: number): string | undefined {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    return `${at} ${shown(v)} is not a whole number from ${min} to ${max}`;
  }
  return undefined;
}

function oneOf(v: unknown, at: string, allowed: readonly string[]): string | undefined {
  return typeof v === 'string' && allowed.includes(v)
    ? undefined
    : `${at} ${shown(v)} is not one of ${allowed.join(', ')}`;
}

function idProblem(v: unknown, at: string): string | undefined {
  return typeof v === 'string' && ID.test(v)
    ? undefined
    : `${at} ${shown(v)} is not an id (lower-case letters and digits, up to 40)`;
}

/**
 * Whether a value nests deeper than `max` (lists and objects): walked with a stack of its own, so
 * a value nested 100,000 deep is answered, not a stack overflow.
 */
export function tooDeep(value: unknown, max = MAX_DEPTH): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (depth > max) return true;
    for (const child of Object.values(v as object)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** An unknown field is kept as it is, unless it nests too deep to be written back. */
function unknownProblem(rec: Rec, known: ReadonlySet<string>, at: string): string | undefined {
  for (const key in rec) {
    if (known.has(key)) continue;
    if (tooDeep(rec[key])) {
      return `${at}.${printableKey(key)} nests more than ${MAX_DEPTH} levels deep: a store holds no such value`;
    }
  }
  return undefined;
}

const printableKey = (key: string) => shown(key).slice(1, -1);

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
const STORE_FIELDS = new Set([
  'schemaVersion',
  'settings',
  'activities',
  'quotas',
  'entries',
  'daysOff',
  'clients',
  'beliefs',
  'removedTemplates',
  'leads',
]);
const SETTINGS_FIELDS = new Set(['name', 'workdays', 'referral', 'prospectFirstBefore', 'lead']);

/** The first thing wrong with a store, in words that name the place and the value, or undefined. */
export function storeProblem(d: Rec, opts: CheckOptions = {}): string | undefined {
  const { today } = opts;
  const s = d.settings;
  if (!isObject(s)) return 'settings is missing';
  if (typeof s.name !== 'string') return `settings.name ${shown(s.name)} is not text`;
  if (s.name !== '') {
    const p = textProblem(s.name, 'settings.name', LIMITS.repName);
    if (p) return p;
  }
  const workdays = workdaysProblem(s.workdays);
  if (workdays) return workdays;
  const r = s.referral;
  if (!isObject(r)) return 'settings.referral is not two whole numbers';
  const referral =
    wholeProblem(r.cadenceDays, 'settings.referral.cadenceDays', 1, LIMITS.cadenceDays) ??
    wholeProblem(r.firstAskAfterDays, 'settings.referral.firstAskAfterDays', 0, LIMITS.cadenceDays);
  if (referral) return referral;
  if (
    s.prospectFirstBefore !== undefined &&
    (typeof s.prospectFirstBefore !== 'string' || !TIME.test(s.prospectFirstBefore))
  ) {
    return `settings.prospectFirstBefore ${shown(s.prospectFirstBefore)} is not a time: use HH:MM, 24-hour local time`;
  }
  if (s.lead !== undefined) {
    if (!isObject(s.lead)) return `settings.lead ${shown(s.lead)} is not { "followUpDays": n }`;
    const p = wholeProblem(
      s.lead.followUpDays,
      'settings.lead.followUpDays',
      0,
      LIMITS.cadenceDays,
    );
    if (p) return p;
  }
  const unknownSetting = unknownProblem(s, SETTINGS_FIELDS, 'settings');
  if (unknownSetting) return unknownSetting;

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
  const unknownTop = unknownProblem(d, STORE_FIELDS, 'the store');
  if (unknownTop) return unknownTop;

  // Activities a record may name: the built-in ones and those the store defines. A Map-free Set
  // of strings: `constructor` or `__proto__` is a name like any other.
  const known = new Set<string>(BUILT_IN_ACTIVITIES);
  const activities = d.activities as unknown[];
  for (let i = 0; i < activities.length; i++) {
    const a = activities[i];
    if (typeof a !== 'string' || !ACTIVITY_NAME.test(a) || a.length > LIMITS.activityName) {
      return `activities[${i}] ${shown(a)} is not an activity name: lower-case letters, digits and hyphens, starting with a letter (up to ${LIMITS.activityName})`;
    }
    if (known.has(a)) return `activities[${i}] '${a}' is there twice (or is a built-in activity)`;
    known.add(a);
  }
  const activity = (v: unknown, at: string): string | undefined =>
    typeof v === 'string' && known.has(v)
      ? undefined
      : `${at} ${shown(v)} is not an activity this store defines: see 'prospect activity list'`;

  const quotas = d.quotas as unknown[];
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

  const entries = d.entries as unknown[];
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

  const daysOff = d.daysOff as unknown[];
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

  const clients = d.clients as unknown[];
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

  const beliefs = d.beliefs as unknown[];
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

  const removed = d.removedTemplates as unknown[];
  for (let i = 0; i < removed.length; i++) {
    const p = idProblem(removed[i], `removedTemplates[${i}]`);
    if (p) return p;
  }
  return leadsProblem(d);
}

/**
 * The leads (schema 4 on): their shape, stages and reasons as src/domain/leads.ts rules them, and
 * their text as `lead add` and `lead import` check it.
 */
function leadsProblem(d: Rec): string | undefined {
  if (typeof d.schemaVersion === 'number' && d.schemaVersion < 4 && d.leads === undefined)
    return undefined;
  if (!Array.isArray(d.leads)) return 'leads is not a list';
  const leads = d.leads as unknown[];
  const shape = findLeadProblem(leads, isDay);
  if (shape) return shape;
  for (let i = 0; i < leads.length; i++) {
    const l = leads[i] as Rec;
    const at = `leads[${i}]`;
    const p =
      textProblem(l.name, `${at}.name`, LIMITS.leadName) ??
      optTextProblem(l.company, `${at}.company`, LIMITS.leadField) ??
      optTextProblem(l.email, `${at}.email`, LIMITS.email) ??
      optTextProblem(l.campaign, `${at}.campaign`, LIMITS.leadField) ??
      optTextProblem(l.note, `${at}.note`, LIMITS.text);
    if (p) return p;
    const events = l.events as Rec[];
    for (let j = 0; j < events.length; j++) {
      const e = events[j] as Rec;
      const q = optTextProblem(e.note, `${at}.events[${j}].note`, LIMITS.text);
      if (q) return q;
    }
  }
  return undefined;
}

const optTextProblem = (v: unknown, at: string, max: number) =>
  v === undefined ? undefined : textProblem(v, at, max);

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

/**
 * What is wrong with a workdays history, or undefined: a list of `{ from, days }`, the first from
 * the beginning (`from: null`), the rest on real days in increasing order, each with at least one
 * of mon..sun, none twice.
 */
function workdaysProblem(history: unknown): string | undefined {
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
      if (!isDay(c.from)) return `${at}.from ${shown(c.from)} is not a date: use YYYY-MM-DD`;
      if (c.from <= last) return `${at}.from ${c.from} is not after the change before it`;
      last = c.from;
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
    const p = unknownProblem(c, new Set(['from', 'days']), at);
    if (p) return p;
  }
  return undefined;
}

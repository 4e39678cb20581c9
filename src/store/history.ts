import {
  type BigIntStats,
  closeSync,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  unlinkSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { addDay } from '../domain/dates.js';
import { isClosed, stageOf } from '../domain/leads.js';
import type { Day, Entry, Lead, StoreData } from '../domain/types.js';
import type { HistoryPolicy } from './place.js';
import { SCHEMA_VERSION, StoreProblem } from './schema.js';
import { isDay } from './validate-fields.js';

// The store's layout since schema 5 (README "Your data", "Performance"):
// - `prospect.json`, the store file, holds everything a command writes day to day: settings,
//   quotas, clients, beliefs, days off, and the entries and leads of the last year or so.
// - `prospect-history-<token>.json` beside it holds the log's older part: the longest run at the
//   start of `entries` dated before a day (`before`), and the longest run at the start of `leads`
//   that are closed with every date before another (`leadsBefore`: closed leads leave sooner, as
//   only the leads report looks back at them). The store file names it in its `history` field with
//   the two days and the two counts. The whole store is the history's lists followed by the store
//   file's, in that order, so the log keeps its order (undo takes back the last entry).
// - A history file is never changed: a write that changes the history writes a new one (fsynced)
//   before it renames the store file that names it, then removes the old one. A reader that finds
//   the history file gone read a store file that was replaced meanwhile: it reads again.
// - Only a write moves entries into the history, when the store file holds at least `minMove`
//   of them older than `keepDays` before the last day in the log; so most writes rewrite only the
//   store file, and most reads parse only it plus the history's summary (src/domain/history.ts).

export const HISTORY_PREFIX = 'prospect-history-';
const HISTORY_NAME = /^prospect-history-[a-z0-9]{1,32}\.json$/;

/** The store file's `history` field. */
export interface HistoryRef {
  file: string;
  before: Day;
  entries: number;
  leadsBefore: Day;
  leads: number;
}

/** Where a store is split: the two days and how many entries and leads are in the history. */
export type Split = Omit<HistoryRef, 'file'>;

/**
 * The history a parsed store file of this schema names, checked; undefined when it is not a store
 * file of this schema (a newer one is refused as such by its migration) or names none.
 */
export function currentRef(raw: unknown): HistoryRef | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const r = raw as Record<string, unknown>;
  return r.schemaVersion === SCHEMA_VERSION ? historyRef(r) : undefined;
}

/**
 * The store file put back together with its history: the history's entries and leads first, then
 * its own, and no `history` field. Lists that are not lists are left for the store's check.
 */
export function withHistory(
  head: Record<string, unknown>,
  history: { entries: readonly unknown[]; leads: readonly unknown[] },
): Record<string, unknown> {
  const { history: _, ...rest } = head;
  return {
    ...rest,
    entries: Array.isArray(head.entries) ? [...history.entries, ...head.entries] : head.entries,
    leads: Array.isArray(head.leads) ? [...history.leads, ...head.leads] : head.leads,
  };
}

/** The `history` field of a parsed store file, checked, or undefined when it has none. */
export function historyRef(raw: Record<string, unknown>): HistoryRef | undefined {
  const h = raw.history;
  if (h === undefined) return undefined;
  const bad = (what: string): never => {
    throw new StoreProblem(`its history field ${what}`);
  };
  if (typeof h !== 'object' || h === null || Array.isArray(h)) return bad('is not an object');
  const r = h as Record<string, unknown>;
  for (const key of Object.keys(r)) {
    if (!['file', 'before', 'entries', 'leadsBefore', 'leads'].includes(key)) {
      bad(`has an unknown field ${key}`);
    }
  }
  if (typeof r.file !== 'string' || !HISTORY_NAME.test(r.file)) {
    bad(`names no history file (${HISTORY_PREFIX}<letters and digits>.json)`);
  }
  for (const key of ['before', 'leadsBefore'] as const) {
    const day = r[key];
    if (typeof day !== 'string' || !isDay(day)) bad(`has no day in ${key}`);
  }
  for (const key of ['entries', 'leads'] as const) {
    const n = r[key];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) bad(`has no count in ${key}`);
  }
  return r as unknown as HistoryRef;
}

export function historyPath(storeFile: string, ref: HistoryRef): string {
  return join(dirname(storeFile), ref.file);
}

export interface HistoryFile {
  path: string;
  text: string;
  stat: BigIntStats;
  entries: Entry[];
  leads: Lead[];
}

/**
 * The history file is missing: the store file was replaced meanwhile (a reader reads it again),
 * or the history is lost.
 */
export class HistoryMissing extends StoreProblem {
  constructor(path: string) {
    super(`its history file ${path} is missing`);
  }
}

/** Reads, parses and checks the shape of the history file the store file names. */
export function readHistory(storeFile: string, ref: HistoryRef): HistoryFile {
  const path = historyPath(storeFile, ref);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new HistoryMissing(path);
    throw new StoreProblem(
      `its history file ${ref.file} cannot be read (${(error as Error).message})`,
    );
  }
  let text: string;
  let stat: BigIntStats;
  try {
    stat = fstatSync(fd, { bigint: true });
    text = readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new StoreProblem(
      `its history file ${ref.file} is not valid JSON (${(error as Error).message})`,
    );
  }
  const r = raw as Record<string, unknown>;
  if (
    typeof raw !== 'object' ||
    raw === null ||
    !Array.isArray(r.entries) ||
    !Array.isArray(r.leads)
  ) {
    throw new StoreProblem(`its history file ${ref.file} does not hold lists of entries and leads`);
  }
  for (const key of Object.keys(r)) {
    if (key !== 'entries' && key !== 'leads') {
      throw new StoreProblem(`its history file ${ref.file} has an unknown field ${key}`);
    }
  }
  const entries = r.entries as Entry[];
  const leads = r.leads as Lead[];
  if (entries.length !== ref.entries || leads.length !== ref.leads) {
    throw new StoreProblem(
      `its history file ${ref.file} holds ${entries.length} entries and ${leads.length} leads, not the ${ref.entries} and ${ref.leads} the store file counts`,
    );
  }
  return { path, text, stat, entries, leads };
}

/**
 * The rules that make the split invisible, checked on the whole store: the history's entries
 * and leads are the ones the split would put there. Called after the whole store was checked, so
 * the shapes are sound.
 */
export function splitProblem(
  ref: HistoryRef,
  entries: readonly Entry[],
  leads: readonly Lead[],
): string | undefined {
  for (let i = 0; i < ref.entries; i++) {
    const e = entries[i] as Entry;
    if (!(e.date < ref.before)) {
      return `entries[${i}] (${e.date}) is in the history file but not before its day ${ref.before}`;
    }
  }
  for (let i = 0; i < ref.leads; i++) {
    if (!movable(leads[i] as Lead, ref.leadsBefore)) {
      return `leads[${i}] is in the history file but is open or has a date from ${ref.leadsBefore} on`;
    }
  }
  return undefined;
}

/** A lead may be in the history: closed, received and moved on before `before`. */
function movable(lead: Lead, before: Day): boolean {
  if (!(lead.received < before)) return false;
  for (const e of lead.events) if (!(e.date < before)) return false;
  return isClosed(stageOf(lead.events));
}

/** How many entries and leads at the start of the lists may be in a history split at these days. */
export function movablePrefix(data: StoreData, before: Day, leadsBefore: Day): Split {
  let entries = 0;
  while (entries < data.entries.length && (data.entries[entries] as Entry).date < before) entries++;
  // A store older than schema 4 (in a test's mocked migration) has no leads.
  const list = data.leads ?? [];
  let leads = 0;
  while (leads < list.length && movable(list[leads] as Lead, leadsBefore)) leads++;
  return { before, entries, leadsBefore, leads };
}

/** The log's last day, where a new split is counted back from. */
export function lastDay(data: StoreData): Day | undefined {
  let last: Day | undefined;
  for (const e of data.entries) if (last === undefined || e.date > last) last = e.date;
  return last;
}

/**
 * A split that moves at least minMove more into the history than `current` holds: the days
 * keepDays and leadKeepDays before the log's last day (never earlier than `current`'s).
 * Undefined when there is none.
 */
export function furtherSplit(
  data: StoreData,
  current: Split | undefined,
  policy: HistoryPolicy,
): Split | undefined {
  const last = lastDay(data);
  if (last === undefined) return undefined;
  const later = (a: Day, b: Day | undefined) => (b === undefined || a > b ? a : b);
  const next = movablePrefix(
    data,
    later(addDay(last, -policy.keepDays), current?.before),
    later(addDay(last, -policy.leadKeepDays), current?.leadsBefore),
  );
  const already = current ? current.entries + current.leads : 0;
  return next.entries + next.leads - already >= policy.minMove ? next : undefined;
}

/** Where the whole store `data` is split: where it was (`current`'s days), or further on. */
export function chooseSplit(
  data: StoreData,
  current: HistoryRef | undefined,
  policy: HistoryPolicy,
): Split | undefined {
  const kept = current ? movablePrefix(data, current.before, current.leadsBefore) : undefined;
  const further = furtherSplit(data, kept, policy);
  if (further) return further;
  return kept && kept.entries + kept.leads > 0 ? kept : undefined;
}

/** A new history file's name: never one in use (the time and a random part). */
export function newHistoryName(): string {
  const random = Math.floor(Math.random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
  return `${HISTORY_PREFIX}${Date.now().toString(36)}${random}.json`;
}

/** History files in the store's folder other than `keep` (left by a crash or a restore). */
export function otherHistories(storeFile: string, keep: string | undefined): string[] {
  const dir = dirname(storeFile);
  try {
    return readdirSync(dir)
      .filter(
        (f) =>
          f !== keep &&
          (HISTORY_NAME.test(f) || (f.startsWith(HISTORY_PREFIX) && f.includes('.json.tmp-'))),
      )
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

export function removeFiles(files: readonly string[]): void {
  for (const file of files) {
    try {
      unlinkSync(file);
    } catch {}
  }
}

/**
 * The whole store as one JSON text (a backup): the store file with its history put back. A text
 * that is no store file of this schema naming a history is returned as it is; a history that is
 * missing or broken throws a StoreProblem saying so.
 */
export function wholeStoreText(storeFile: string, text: string): string {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text);
  } catch {
    return text;
  }
  const ref = currentRef(raw);
  if (ref === undefined) return text;
  return JSON.stringify(withHistory(raw, readHistory(storeFile, ref)));
}

import type { Ctx } from '../context.js';
import {
  EXPORT_SCHEMA,
  type MergeCounts,
  mergeStore,
  type QuotaConflict,
} from '../domain/merge.js';
import type { Day, StoreData } from '../domain/types.js';
import { usage } from '../errors.js';
import { readJsonInput } from '../files/input.js';
import { plural } from '../render/format.js';
import { backupStore } from '../store/backup.js';
import { findProblem, migrate, StoreProblem } from '../store/schema.js';
import { updateStore } from '../store/store.js';

/** Reads and checks the whole file before the store is touched: an export, or a bare store file. */
function readImport(file: string, today: Day): StoreData {
  const raw = readJsonInput(file, "give a file made by 'prospect export'");
  const isObject = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
  const doc = raw as Record<string, unknown>;
  let store: unknown;
  if (isObject && doc.schema === EXPORT_SCHEMA) store = doc.store;
  // A plain store file (prospect.json copied from another machine) is accepted too.
  else if (isObject && 'schemaVersion' in doc && !('schema' in doc)) store = doc;
  else {
    const schema = isObject ? JSON.stringify(doc.schema ?? null) : 'none';
    usage(
      `${file} is not a prospect export (its schema is ${schema}, expected "${EXPORT_SCHEMA}"): make one with 'prospect export --out FILE'`,
    );
  }
  let data: StoreData;
  try {
    data = migrate(store).data;
  } catch (error) {
    if (error instanceof StoreProblem)
      usage(`${file} cannot be imported: ${error.message}. Nothing was changed`);
    throw error;
  }
  // The store's checks again, with today: nothing logged in the future, as the commands refuse.
  const problem = findProblem(data as unknown as Record<string, unknown>, { today });
  if (problem) usage(`${file} cannot be imported: ${problem}. Nothing was changed`);
  return data;
}

/** `44 entries, 6 quota changes, 2 days off, ...`: each kind of record counted, the empty left out. */
function countsText(c: MergeCounts): string {
  const added = [
    [c.entries, 'entry', 'entries'],
    [c.quotas, 'quota change', 'quota changes'],
    [c.daysOff, 'day off', 'days off'],
    [c.clients, 'client', 'clients'],
    [c.wins, 'client win', 'client wins'],
    [c.beliefs, 'belief', 'beliefs'],
    [c.activities, 'activity', 'activities'],
    [c.leads, 'lead', 'leads'],
  ] as const;
  const parts = added.filter(([n]) => n > 0).map(([n, one, many]) => plural(n, one, many));
  return parts.length === 0 ? plural(0, 'entry', 'entries') : parts.join(', ');
}

/** What a whole store holds, counted as a merge counts what it adds. */
function contentsText(d: StoreData): string {
  return countsText({
    entries: d.entries.length,
    entriesKnown: 0,
    quotas: d.quotas.length,
    daysOff: d.daysOff.length,
    clients: d.clients.length,
    wins: d.clients.reduce((n, c) => n + c.wins.length, 0),
    beliefs: d.beliefs.length,
    activities: d.activities.length,
    leads: d.leads.length,
  });
}

function mergeSummary(c: MergeCounts): string {
  const known =
    c.entriesKnown > 0
      ? ` (${plural(c.entriesKnown, 'entry', 'entries')} already here, kept as they were)`
      : '';
  return `added ${countsText(c)}${known}`;
}

const quotaText = (q: QuotaConflict['local']) =>
  q.target === null ? 'no quota' : `${q.target} a ${q.per}`;

/** The quota changes kept as they are here, one line each, or nothing. */
function conflictsSummary(conflicts: readonly QuotaConflict[]): string {
  if (conflicts.length === 0) return '';
  const lines = conflicts.map(
    (c) =>
      `\n  ${c.activity} from ${c.from}: the file says ${quotaText(c.file)}, yours is ${quotaText(c.local)}`,
  );
  return `\nSkipped ${plural(conflicts.length, 'quota change', 'quota changes')} that ${conflicts.length === 1 ? 'differs' : 'differ'} from yours (what is here is kept; --replace takes the file's):${lines.join('')}`;
}

export async function importStore(
  ctx: Ctx,
  file: string,
  opts: { replace?: boolean },
): Promise<void> {
  const incoming = readImport(file, ctx.today);
  const message = await updateStore(ctx.store, (data, loaded) => {
    if (opts.replace) {
      const backup = backupStore(loaded.path, 'import', ctx.io.now());
      Object.assign(data, structuredClone(incoming));
      return `Replaced the store with ${file}: ${contentsText(incoming)}.${backup ? ` The store it replaced is kept in ${backup}` : ''}`;
    }
    if (!loaded.exists) {
      // A new machine: take the whole store as it was (settings, and beliefs without the defaults a
      // new store starts with), or the history would read differently here.
      Object.assign(data, structuredClone(incoming));
      return `Imported ${file} into a new store: ${contentsText(incoming)}.`;
    }
    const conflicts: QuotaConflict[] = [];
    const counts = mergeStore(data, incoming, conflicts);
    const nothing = Object.entries(counts).every(([k, n]) => k === 'entriesKnown' || n === 0);
    const skipped = conflictsSummary(conflicts);
    return nothing
      ? `Nothing new in ${file}: the store already holds all of it.${skipped}`
      : `Imported ${file}: ${mergeSummary(counts)}.${loaded.exists ? " Your settings were kept (--replace takes the file's)." : ''}${skipped}`;
  });
  ctx.io.stdout(`${message}\n`);
}

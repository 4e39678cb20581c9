import { allActivities } from './activities.js';
import { mergeLeads } from './leads.js';
import type { Belief, Client, QuotaChange, StoreData } from './types.js';

export const EXPORT_SCHEMA = 'prospect.export/1';

export interface MergeCounts {
  entries: number;
  /** Entries whose id was already here: the local copy is kept. */
  entriesKnown: number;
  quotas: number;
  daysOff: number;
  clients: number;
  wins: number;
  beliefs: number;
  activities: number;
  /** Leads by id; one whose open twin (same name and company) is here already is left out. */
  leads: number;
}

const quotaKey = (q: QuotaChange) => `${q.activity}\u0000${q.per}\u0000${q.target}\u0000${q.from}`;
const winKey = (w: { date: string; note?: string }) => `${w.date}\u0000${w.note ?? ''}`;
const lower = (s: string) => s.toLocaleLowerCase();

/**
 * Merges an imported store into `into`, in place. Each record has a key, and a record whose key
 * is already here is left as it is: entries by id, quota changes by all their fields, days off by
 * date, clients by name (their wins are joined), beliefs by id, template or text, activities by
 * name. So merging the same store twice changes nothing the second time. Settings stay local:
 * they are this machine's (the command takes the file's settings when there was no store yet).
 */
export function mergeStore(into: StoreData, from: StoreData): MergeCounts {
  const counts: MergeCounts = {
    entries: 0,
    entriesKnown: 0,
    quotas: 0,
    daysOff: 0,
    clients: 0,
    wins: 0,
    beliefs: 0,
    activities: 0,
    leads: 0,
  };
  const builtIn = new Set(allActivities([]));
  for (const a of from.activities) {
    if (!builtIn.has(a) && !into.activities.includes(a)) {
      into.activities.push(a);
      counts.activities++;
    }
  }
  const ids = new Set(into.entries.map((e) => e.id));
  for (const e of from.entries) {
    if (ids.has(e.id)) {
      counts.entriesKnown++;
      continue;
    }
    into.entries.push({ ...e });
    ids.add(e.id);
    counts.entries++;
  }
  const quotas = new Set(into.quotas.map(quotaKey));
  for (const q of from.quotas) {
    if (quotas.has(quotaKey(q))) continue;
    into.quotas.push({ ...q });
    quotas.add(quotaKey(q));
    counts.quotas++;
  }
  const off = new Set(into.daysOff.map((d) => d.date));
  for (const d of from.daysOff) {
    if (off.has(d.date)) continue;
    into.daysOff.push({ ...d });
    off.add(d.date);
    counts.daysOff++;
  }
  if (counts.daysOff > 0) into.daysOff.sort((a, b) => (a.date < b.date ? -1 : 1));
  for (const c of from.clients) {
    const here = into.clients.find((x) => lower(x.name) === lower(c.name));
    if (!here) {
      into.clients.push(copyClient(c));
      counts.clients++;
      continue;
    }
    const wins = new Set(here.wins.map(winKey));
    for (const w of c.wins) {
      if (wins.has(winKey(w))) continue;
      here.wins.push({ ...w });
      wins.add(winKey(w));
      counts.wins++;
    }
    if (counts.wins > 0) here.wins.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }
  for (const b of from.beliefs) {
    if (into.beliefs.some((x) => sameBelief(x, b))) continue;
    if (b.template !== undefined && into.removedTemplates.includes(b.template)) continue;
    into.beliefs.push({ ...b });
    counts.beliefs++;
  }
  for (const t of from.removedTemplates) {
    if (!into.removedTemplates.includes(t)) into.removedTemplates.push(t);
  }
  counts.leads = mergeLeads(into, from);
  return counts;
}

function sameBelief(a: Belief, b: Belief): boolean {
  return (
    a.id === b.id ||
    (a.template !== undefined && a.template === b.template) ||
    lower(a.belief.trim()) === lower(b.belief.trim())
  );
}

function copyClient(c: Client): Client {
  return { ...c, wins: c.wins.map((w) => ({ ...w })) };
}

/** What else must hold for a store to be imported, beyond its shape (schema.ts checks that). */
export function importProblem(data: StoreData): string | undefined {
  const known = new Set(allActivities(data.activities));
  const ids = new Set<string>();
  for (const [i, e] of data.entries.entries()) {
    if (ids.has(e.id)) return `entries[${i}] repeats the id '${e.id}'`;
    ids.add(e.id);
    if (!known.has(e.activity))
      return `entries[${i}] is of the activity '${e.activity}', which the file does not define`;
  }
  for (const [i, q] of data.quotas.entries()) {
    if (!known.has(q.activity))
      return `quotas[${i}] is on the activity '${q.activity}', which the file does not define`;
  }
  return undefined;
}

import { allActivities } from './activities.js';
import { clientKey } from './clients.js';
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

/** A quota change in the file that differs from the local one for the same activity and day. */
export interface QuotaConflict {
  activity: string;
  from: string;
  local: { per: QuotaChange['per']; target: number | null };
  file: { per: QuotaChange['per']; target: number | null };
}

/** A quota change's place: one change per activity and day, as `quota set --from` keeps it. */
const quotaKey = (q: QuotaChange) => `${q.activity}\u0000${q.from}`;
const winKey = (w: { date: string; note?: string }) => `${w.date}\u0000${w.note ?? ''}`;
const lower = (s: string) => s.toLocaleLowerCase();

/**
 * Merges an imported store into `into`, in place. Each record has a key, and a record whose key
 * is already here is left as it is: entries by id, quota changes by activity and day (one that
 * differs from the local one is added to `conflicts`, not applied), days off by
 * date, clients by name (their wins are joined), beliefs by id, template or text, activities by
 * name. So merging the same store twice changes nothing the second time. Settings stay local:
 * they are this machine's (the command takes the file's settings when there was no store yet).
 */
export function mergeStore(
  into: StoreData,
  from: StoreData,
  conflicts: QuotaConflict[] = [],
): MergeCounts {
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
  counts.quotas = mergeQuotas(into, from, conflicts);
  const off = new Set(into.daysOff.map((d) => d.date));
  for (const d of from.daysOff) {
    if (off.has(d.date)) continue;
    into.daysOff.push({ ...d });
    off.add(d.date);
    counts.daysOff++;
  }
  if (counts.daysOff > 0) into.daysOff.sort((a, b) => (a.date < b.date ? -1 : 1));
  mergeClients(into, from, counts);
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

/**
 * Quota changes by activity and day. What is here is kept: a change in the file for an activity
 * and day that has one here is skipped, and when it says something else (another target or
 * period) it is reported. Returns how many were added.
 */
function mergeQuotas(into: StoreData, from: StoreData, conflicts: QuotaConflict[]): number {
  let added = 0;
  const quotas = new Map(into.quotas.map((q) => [quotaKey(q), q]));
  for (const q of from.quotas) {
    const here = quotas.get(quotaKey(q));
    if (here) {
      if (here.target !== q.target || here.per !== q.per) {
        conflicts.push({
          activity: q.activity,
          from: q.from,
          local: { per: here.per, target: here.target },
          file: { per: q.per, target: q.target },
        });
      }
      continue;
    }
    const copy = { ...q };
    into.quotas.push(copy);
    quotas.set(quotaKey(q), copy);
    added++;
  }
  return added;
}

/** Clients by name (client identity: clientKey); the wins of a client here are joined. */
function mergeClients(into: StoreData, from: StoreData, counts: MergeCounts): void {
  for (const c of from.clients) {
    const here = into.clients.find((x) => clientKey(x.name) === clientKey(c.name));
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

import { findClient } from './clients.js';
import { unlinkLeadEvent } from './leads.js';
import type { AskOutcome, Day, Entry, StoreData } from './types.js';

export interface AskInput {
  client: string;
  date: Day;
  outcome?: AskOutcome;
  note?: string;
  /** `HH:MM` when the ask happened, where known. */
  time?: string;
}

/**
 * Records a referral ask in the activity log: one `referral-ask`, and with the outcome `intro` one
 * `referral` grouped with it, so undo or rm takes both away and the client is due again.
 * The log is the only record of asks: "last asked" is always derived from it.
 * The entries carry the client's name as it is stored, however `ask.client` was typed.
 */
export function recordAsk(data: StoreData, ask: AskInput, newId: () => string): Entry[] {
  const client = findClient(data.clients, ask.client)?.name ?? ask.client;
  const entry: Entry = {
    id: newId(),
    date: ask.date,
    activity: 'referral-ask',
    count: 1,
    ...(ask.time === undefined ? {} : { time: ask.time }),
    client,
  };
  if (ask.outcome !== undefined) entry.outcome = ask.outcome;
  if (ask.note !== undefined) entry.note = ask.note;
  const written = [entry];
  if (ask.outcome === 'intro') {
    written.push({
      id: newId(),
      date: ask.date,
      activity: 'referral',
      count: 1,
      ...(ask.time === undefined ? {} : { time: ask.time }),
      client,
      group: entry.id,
    });
  }
  data.entries.push(...written);
  return written;
}

/** Removes an entry together with the entries grouped with it; returns what was removed. */
export function removeEntryGroup(data: StoreData, id: string): Entry[] {
  const target = data.entries.find((e) => e.id === id);
  if (!target) return [];
  const head = target.group ?? target.id;
  const removed = data.entries.filter((e) => e.id === head || e.group === head);
  data.entries = data.entries.filter((e) => !(e.id === head || e.group === head));
  // A `lead meeting` wrote the entry with the lead's meeting event: they go together.
  for (const e of removed) if (e.lead !== undefined) unlinkLeadEvent(data, e);
  return removed;
}

import { sortKey } from './names.js';
import { nearest } from './suggest.js';
import type { Client } from './types.js';

/**
 * Client identity, the one place it is decided. Two names are the same client when their keys are
 * equal: trimmed, in one Unicode form (NFC, so "é" typed as one code point or as "e" plus a
 * combining accent is the same letter), and case-folded. Everything that matches a client by name
 * (ask, client, referrals snooze, the activity log's asks, import's merge) uses this key.
 */
export const clientKey = (name: string): string => name.normalize('NFC').trim().toLowerCase();

/** The key with the accents taken off too ("Café Zoë" -> "cafe zoe"): for a name typed without them. */
const looseKey = (name: string): string => sortKey(clientKey(name));

/** The client whose key is the name's key: the exact match, with no guessing. */
export function findClient(clients: readonly Client[], name: string): Client | undefined {
  const key = clientKey(name);
  return clients.find((c) => clientKey(c.name) === key);
}

export type ClientLookup =
  | { ok: true; client: Client }
  /** Several clients match once accents are ignored: the caller names them all. */
  | { ok: false; ambiguous: string[] }
  | { ok: false; suggestion?: string };

/**
 * The client a typed name means: the exact match (ignoring case and spaces around it), else the
 * one client whose name matches ignoring accents too ("Cafe Zoe" finds "Café Zoë"); with several
 * such clients, their names; with none, the near miss it probably meant.
 */
export function lookupClient(clients: readonly Client[], name: string): ClientLookup {
  const exact = findClient(clients, name);
  if (exact) return { ok: true, client: exact };
  const loose = looseKey(name);
  const matches = clients.filter((c) => looseKey(c.name) === loose);
  if (matches.length === 1 && matches[0]) return { ok: true, client: matches[0] };
  if (matches.length > 1) return { ok: false, ambiguous: matches.map((c) => c.name) };
  return {
    ok: false,
    suggestion: nearest(
      clientKey(name),
      clients.map((c) => c.name),
    ),
  };
}

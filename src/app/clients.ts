import { lookupClient } from '../domain/clients.js';
import { AskLog, referralStates } from '../domain/referrals.js';
import type { Client, Day, StoreData } from '../domain/types.js';
import { usage } from '../errors.js';
import { longDay } from '../render/format.js';
import { reasonText } from '../render/referrals.js';

/**
 * The client a typed name means (ignoring case, and accents when only one client fits), or exit 2
 * naming the clients it could mean, or the near miss it resembles.
 */
export function requireClient(data: StoreData, name: string): Client {
  const found = lookupClient(data.clients, name);
  if (found.ok) return found.client;
  if ('ambiguous' in found) {
    usage(
      `client '${name}' could be ${found.ambiguous.map((n) => `'${n}'`).join(' or ')}: type the name with its accents`,
    );
  }
  const hint = found.suggestion ? `did you mean '${found.suggestion}'? ` : '';
  const where =
    data.clients.length === 0
      ? "there are no clients yet: add one with 'prospect client add'"
      : "see 'prospect client list' (or add it with 'prospect client add')";
  usage(`unknown client '${name}': ${hint}${where}`);
}

/** When the client is next due, in a sentence, as of `asOf`. */
export function nextAskSentence(data: StoreData, client: Client, asOf: Day): string {
  const state = referralStates([client], AskLog.of(data), data.settings, asOf)[0];
  if (!state) return '';
  if (state.daysOverdue >= 0) return `Referral ask due now (${reasonText(state, asOf)}).`;
  return `Next referral ask due ${longDay(state.dueDate)} (${reasonText(state, asOf)}).`;
}

/** requireClient, for something dated `date` (an ask, a win): not before they became a client. */
export function requireClientOn(data: StoreData, name: string, date: Day): Client {
  const client = requireClient(data, name);
  if (date < client.since) {
    usage(
      `--date ${date} is before ${client.name} became a client (${client.since}): give a date from ${client.since} on`,
    );
  }
  return client;
}

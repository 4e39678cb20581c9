import { addDay, daysBetween } from './dates.js';
import type { Client, Day, Entry, Settings } from './types.js';

export type DueReason = 'first-ask' | 'cadence' | 'after-win';

export interface ReferralState {
  client: string;
  reason: DueReason;
  dueDate: Day;
  /** Days from the due date to the as-of date: 0 on the day, negative while it is still ahead. */
  daysOverdue: number;
  lastAsk: Day | null;
  lastOutcome: string | null;
  /** The win that made it due, for `after-win`. */
  win: Day | null;
  since: Day;
  snoozedUntil: Day | null;
}

const sameName = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/**
 * When each client is next due for a referral ask, as of `asOf`. Only what is dated on or before
 * `asOf` counts: asks and wins made later are ignored, clients added later are left out.
 * "Last asked" comes from the activity log (`referral-ask` entries naming the client).
 */
export function referralStates(
  clients: readonly Client[],
  entries: readonly Entry[],
  settings: Settings,
  asOf: Day,
): ReferralState[] {
  const lastAsks = new Map<string, Entry>();
  for (const e of entries) {
    if (e.activity !== 'referral-ask' || e.client === undefined || e.date > asOf) continue;
    const key = e.client.toLocaleLowerCase();
    const seen = lastAsks.get(key);
    if (!seen || e.date >= seen.date) lastAsks.set(key, e);
  }
  const states: ReferralState[] = [];
  for (const c of clients) {
    if (c.since > asOf) continue;
    const ask = lastAsks.get(c.name.toLocaleLowerCase());
    const lastAsk = ask?.date ?? null;
    let reason: DueReason;
    let dueDate: Day;
    if (lastAsk === null) {
      reason = 'first-ask';
      dueDate = addDay(c.since, settings.referral.firstAskAfterDays);
    } else {
      reason = 'cadence';
      dueDate = addDay(lastAsk, c.every ?? settings.referral.cadenceDays);
    }
    const after = lastAsk ?? c.since;
    let win: Day | null = null;
    for (const w of c.wins) {
      if (w.date > after && w.date <= asOf && (win === null || w.date < win)) win = w.date;
    }
    if (win !== null && win < dueDate) {
      reason = 'after-win';
      dueDate = win;
    }
    states.push({
      client: c.name,
      reason,
      dueDate,
      daysOverdue: daysBetween(dueDate, asOf),
      lastAsk,
      lastOutcome: ask?.outcome ?? null,
      win: reason === 'after-win' ? win : null,
      since: c.since,
      snoozedUntil: c.snoozeUntil && c.snoozeUntil > asOf ? c.snoozeUntil : null,
    });
  }
  return states;
}

const byOverdueThenName = (a: ReferralState, b: ReferralState) =>
  b.daysOverdue - a.daysOverdue ||
  a.client.localeCompare(b.client, undefined, { sensitivity: 'base' });

/** The asks due on `asOf`: due date reached and not snoozed past it; most overdue first, then by name. */
export function dueAsks(states: readonly ReferralState[]): ReferralState[] {
  return states
    .filter((s) => s.daysOverdue >= 0 && s.snoozedUntil === null)
    .sort(byOverdueThenName);
}

/** The asks coming due in the `days` after `asOf` (a snoozed client comes due when its snooze ends). */
export function upcomingAsks(
  states: readonly ReferralState[],
  asOf: Day,
  days = 14,
): ReferralState[] {
  const horizon = addDay(asOf, days);
  return states
    .map((s) => {
      if (s.snoozedUntil !== null && s.snoozedUntil > s.dueDate) {
        return { ...s, dueDate: s.snoozedUntil, daysOverdue: daysBetween(s.snoozedUntil, asOf) };
      }
      return s;
    })
    .filter((s) => s.dueDate > asOf && s.dueDate <= horizon)
    .sort((a, b) =>
      a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : byOverdueThenName(a, b),
    );
}

export function findClient(clients: readonly Client[], name: string): Client | undefined {
  return clients.find((c) => sameName(c.name, name.trim()));
}

import { clientKey } from './clients.js';
import { addDay, daysBetween } from './dates.js';
import { historyOf } from './history.js';
import { compareNames } from './names.js';
import type { AskOutcome, Client, Day, Entry, Settings, StoreData } from './types.js';

export type DueReason = 'first-ask' | 'cadence' | 'after-win';

export interface ReferralState {
  client: string;
  reason: DueReason;
  dueDate: Day;
  /** Days from the due date to the as-of date: 0 on the day, negative while it is still ahead. */
  daysOverdue: number;
  lastAsk: Day | null;
  lastOutcome: AskOutcome | null;
  /** The win that made it due, for `after-win`. */
  win: Day | null;
  since: Day;
  /** The cadence in force for this client: its own `--every`, or the configured default. */
  cadenceDays: number;
  snoozedUntil: Day | null;
}

/**
 * The log's `referral-ask` entries naming a client, by client, in log order: gathered once, so a
 * report of many weeks asks "who is due?" once a week without reading the whole log each time.
 */
export class AskLog {
  private readonly byKey = new Map<string, Entry[]>();
  // A client's name repeats on each of its asks (thousands in a long log): fold each spelling once.
  private readonly keys = new Map<string, string>();

  /** The whole log's asks: the history's, then the store's. */
  static of(data: StoreData): AskLog {
    const history = historyOf(data);
    return history ? new AskLog(history.asks, data.entries) : new AskLog(data.entries);
  }

  /** The asks among `entries`, then among `more` (the history's, then the store file's). */
  constructor(entries: readonly Entry[], more: readonly Entry[] = []) {
    for (const e of entries) this.add(e);
    for (const e of more) this.add(e);
  }

  private add(e: Entry): void {
    if (e.activity !== 'referral-ask' || e.client === undefined) return;
    const key = this.key(e.client);
    const list = this.byKey.get(key);
    if (list) list.push(e);
    else this.byKey.set(key, [e]);
  }

  /** Every ask of the client named `name` (any spelling), whatever its date. */
  of(name: string): readonly Entry[] {
    return this.byKey.get(this.key(name)) ?? [];
  }

  // Each client's asks by date, ties in log order (a stable sort): made when first asked for.
  private readonly byDate = new Map<string, Entry[]>();

  /**
   * The client's last ask dated from `since` to `asOf`: the latest date, and of asks on that day
   * the one added last; undefined when there is none. A binary search in the client's asks by
   * date, as a report of many weeks asks it for every client every week.
   */
  lastAsk(name: string, since: Day, asOf: Day): Entry | undefined {
    const key = this.key(name);
    let list = this.byDate.get(key);
    if (list === undefined) {
      list = [...(this.byKey.get(key) ?? [])].sort((a, b) =>
        a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
      );
      this.byDate.set(key, list);
    }
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as Entry).date <= asOf) lo = mid + 1;
      else hi = mid;
    }
    const last = list[lo - 1];
    return last !== undefined && last.date >= since ? last : undefined;
  }

  private key(name: string): string {
    let key = this.keys.get(name);
    if (key === undefined) {
      key = clientKey(name);
      this.keys.set(name, key);
    }
    return key;
  }
}

/**
 * When each client is next due for a referral ask, as of `asOf`. Only what is dated on or before
 * `asOf` counts: asks, wins and snoozes made later are ignored, clients added later are left out.
 * "Last asked" comes from the activity log (`referral-ask` entries naming the client); an ask
 * dated before the client's `since` belongs to an earlier spell (a client removed and added again)
 * and does not count.
 */
export function referralStates(
  clients: readonly Client[],
  entries: readonly Entry[] | AskLog,
  settings: Settings,
  asOf: Day,
): ReferralState[] {
  const asks = entries instanceof AskLog ? entries : new AskLog(entries);
  const states: ReferralState[] = [];
  for (const c of clients) {
    if (c.since > asOf) continue;
    // The log is in the order entries were added, so on a tie the one added later is the last.
    const ask = asks.lastAsk(c.name, c.since, asOf);
    const lastAsk = ask?.date ?? null;
    const cadenceDays = c.every ?? settings.referral.cadenceDays;
    let reason: DueReason;
    let dueDate: Day;
    if (lastAsk === null) {
      reason = 'first-ask';
      dueDate = addDay(c.since, settings.referral.firstAskAfterDays);
    } else {
      reason = 'cadence';
      dueDate = addDay(lastAsk, cadenceDays);
    }
    // A win on the day of the last ask is taken as what that ask followed up, so it must be later.
    const after = lastAsk ?? c.since;
    let win: Day | null = null;
    for (const w of c.wins) {
      if (w.date > after && w.date <= asOf && (win === null || w.date < win)) win = w.date;
    }
    if (win !== null && win < dueDate) {
      reason = 'after-win';
      dueDate = win;
    }
    const snoozed =
      c.snoozeUntil !== undefined &&
      c.snoozeUntil > asOf &&
      (c.snoozedOn === undefined || c.snoozedOn <= asOf);
    states.push({
      client: c.name,
      reason,
      dueDate,
      daysOverdue: daysBetween(dueDate, asOf),
      lastAsk,
      lastOutcome: ask?.outcome ?? null,
      win: reason === 'after-win' ? win : null,
      since: c.since,
      cadenceDays,
      snoozedUntil: snoozed ? (c.snoozeUntil as Day) : null,
    });
  }
  return states;
}

const byName = (a: ReferralState, b: ReferralState) => compareNames(a.client, b.client);

const byOverdueThenName = (a: ReferralState, b: ReferralState) =>
  b.daysOverdue - a.daysOverdue || byName(a, b);

/** The asks due on `asOf`: due date reached and not snoozed past it; most overdue first, then by name. */
export function dueAsks(states: readonly ReferralState[]): ReferralState[] {
  return states
    .filter((s) => s.daysOverdue >= 0 && s.snoozedUntil === null)
    .sort(byOverdueThenName);
}

/** Clients whose ask is due but hidden by a snooze that has not ended yet, by name. */
function snoozedAsks(states: readonly ReferralState[]): ReferralState[] {
  return states.filter((s) => s.daysOverdue >= 0 && s.snoozedUntil !== null).sort(byName);
}

/**
 * The asks coming due in the `days` after `asOf`, soonest first: a snoozed client comes due when
 * its snooze ends, if that is later than its due date.
 */
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
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : byName(a, b)));
}

const UPCOMING_DAYS = 14;

/** What `prospect referrals` shows as of a day: asks due, snoozed, and coming up. */
export interface ReferralsView {
  asOf: Day;
  /** Clients on the list on `asOf`. */
  clients: number;
  due: ReferralState[];
  upcoming: ReferralState[];
  snoozed: ReferralState[];
}

export function referralsView(data: StoreData, asOf: Day, days = UPCOMING_DAYS): ReferralsView {
  const states = referralStates(data.clients, AskLog.of(data), data.settings, asOf);
  return {
    asOf,
    clients: states.length,
    due: dueAsks(states),
    upcoming: upcomingAsks(states, asOf, days),
    snoozed: snoozedAsks(states),
  };
}

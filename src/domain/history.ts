import { addDay } from './dates.js';
import { folded, leadKey } from './leads.js';
import type { AskOutcome, Day, Entry, Lead, StoreData } from './types.js';

/**
 * How far back before its as-of day a command read through readRecent may look at single entries
 * and leads (the funnel's 90 days, a quarter, a 52-week trend all fit): a year and a day.
 */
export const RECENT_DAYS = 366;

/**
 * The first days a command looks at single entries and at leads (readRecent, updateRecent): the
 * store file alone answers when its history holds nothing from these days on.
 */
export interface Since {
  entries: Day;
  leads: Day;
}

/** What a command as of `asOf` looks at: entries of the last year and a day, leads as of `asOf`. */
export const recentFrom = (asOf: Day): Since => ({
  entries: addDay(asOf, -RECENT_DAYS),
  leads: asOf,
});

/**
 * What the fast read path knows of the store's history file (src/store/history.ts) without
 * reading it: the entries and leads moved out of the store file because they are older than
 * `before`, summed up. A command that reads the log only through a Tally (day totals) and an
 * AskLog (the asks), and looks at single entries only from `before` on, answers the same from the
 * store file plus this summary as from the whole log (test/store/history-equivalence.test.ts).
 */
export interface History {
  /** Its entries are dated before this day. */
  readonly before: Day;
  /** Its leads are closed and have every date before this day. */
  readonly leadsBefore: Day;
  /** Day totals by activity. */
  readonly days: ReadonlyMap<Day, ReadonlyMap<string, number>>;
  /** The `referral-ask` entries naming a client, in log order. */
  readonly asks: readonly Entry[];
  /** Ids of the history's entries and leads: a new id must clash with neither. */
  readonly entryIds: ReadonlySet<string>;
  readonly leadIds: ReadonlySet<string>;
  /** Its leads' names as matchLead compares them: a name among them needs the whole store. */
  readonly leadNames: ReadonlySet<string>;
  /** The activities its entries use: the store file must still know them. */
  readonly activities: readonly string[];
}

/**
 * The summary as it is kept on disk: what every read needs, and apart from it the ids and names a
 * write needs (parsed only then). src/store/summary-cache.ts writes and reads them.
 */
export interface HistoryJson {
  before: Day;
  leadsBefore: Day;
  days: Record<Day, Record<string, number>>;
  /** The asks as AskLog reads them: date, client, outcome (or null). */
  asks: [Day, string, AskOutcome | null][];
  activities: string[];
}

export interface HistoryIdsJson {
  entryIds: string;
  leadIds: string;
  leadNames: string[];
}

/** The summary of the history's entries and leads. */
export function summarise(
  entries: readonly Entry[],
  leads: readonly Lead[],
  split: { before: Day; leadsBefore: Day },
): { read: HistoryJson; ids: HistoryIdsJson } {
  const days: Record<Day, Record<string, number>> = Object.create(null);
  const activities = new Set<string>();
  const asks: HistoryJson['asks'] = [];
  for (const e of entries) {
    // Objects without a prototype, as JSON keeps them: an activity may be named `constructor`.
    let day = days[e.date];
    if (day === undefined) {
      day = Object.create(null) as Record<string, number>;
      days[e.date] = day;
    }
    day[e.activity] = (day[e.activity] ?? 0) + e.count;
    activities.add(e.activity);
    if (e.activity === 'referral-ask' && e.client !== undefined) {
      asks.push([e.date, e.client, e.outcome ?? null]);
    }
  }
  const leadNames = new Set<string>();
  for (const l of leads) leadNames.add(leadKey(l.name)).add(folded(l.name));
  return {
    read: {
      before: split.before,
      leadsBefore: split.leadsBefore,
      days,
      asks,
      activities: [...activities],
    },
    ids: {
      entryIds: entries.map((e) => e.id).join(' '),
      leadIds: leads.map((l) => l.id).join(' '),
      leadNames: [...leadNames],
    },
  };
}

/** The summary in the form the domain reads it; `ids` parses the write part when first asked. */
export function fromJson(j: HistoryJson, ids: () => HistoryIdsJson): History {
  const days = new Map<Day, ReadonlyMap<string, number>>();
  for (const day of Object.keys(j.days)) {
    days.set(day, new Map(Object.entries(j.days[day] as Record<string, number>)));
  }
  const asks: Entry[] = j.asks.map(([date, client, outcome]) => {
    const e: Entry = { id: '', date, activity: 'referral-ask', count: 1, client };
    if (outcome !== null) e.outcome = outcome;
    return e;
  });
  let parsed: { entryIds: Set<string>; leadIds: Set<string>; leadNames: Set<string> } | undefined;
  const written = () => {
    if (parsed === undefined) {
      const raw = ids();
      const split = (s: string) => new Set(s === '' ? [] : s.split(' '));
      parsed = {
        entryIds: split(raw.entryIds),
        leadIds: split(raw.leadIds),
        leadNames: new Set(raw.leadNames),
      };
    }
    return parsed;
  };
  return {
    before: j.before,
    leadsBefore: j.leadsBefore,
    days,
    asks,
    activities: j.activities,
    get entryIds() {
      return written().entryIds;
    },
    get leadIds() {
      return written().leadIds;
    },
    get leadNames() {
      return written().leadNames;
    },
  };
}

// The store file's data as a fast read gives it (its entries and leads only from `before` on),
// tied to the summary of the rest. A WeakMap, so the data stays a plain StoreData that is written
// as it is, and the whole store (every slow read) simply has none.
const attached = new WeakMap<StoreData, History>();

/** Ties the summary of the history to the store file's data read without it. */
export function attachHistory(data: StoreData, history: History): void {
  attached.set(data, history);
}

/** The summary of what `data` leaves out, or undefined when `data` is the whole store. */
export function historyOf(data: StoreData): History | undefined {
  return attached.get(data);
}

/** The ids of every entry, the history's included. */
export function entryIdsOf(data: StoreData): Set<string> {
  const ids = new Set(historyOf(data)?.entryIds);
  for (const e of data.entries) ids.add(e.id);
  return ids;
}

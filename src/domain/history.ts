import { addDay } from './dates.js';
import { folded, leadKey } from './leads.js';
import {
  ASK_OUTCOMES,
  type AskOutcome,
  type Day,
  type Entry,
  type Lead,
  type StoreData,
} from './types.js';

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
  /** One day's totals by activity (undefined: nothing logged), made when first asked for. */
  day(date: Day): ReadonlyMap<string, number> | undefined;
  /** The earliest day it has totals for. */
  readonly firstDay: Day | undefined;
  /** The `referral-ask` entries naming a client, in log order. */
  readonly asks: readonly Entry[];
  /** Whether the history has an entry or a lead with this id (a new id must clash with neither). */
  hasEntryId(id: string): boolean;
  hasLeadId(id: string): boolean;
  /** Ids of the history's entries and leads, as sets (the store file's check against them). */
  readonly entryIds: ReadonlySet<string>;
  readonly leadIds: ReadonlySet<string>;
  /** Its leads' names as matchLead compares them: a name among them needs the whole store. */
  readonly leadNames: ReadonlySet<string>;
  /** The activities its entries use: the store file must still know them. */
  readonly activities: readonly string[];
}

/**
 * Thrown by a command's change when the store file alone cannot answer (a lead or an entry it
 * names may be in the history, or the summary's ids are damaged): updateRecent then runs the
 * change again on the whole store.
 */
export class NeedsWholeStore extends Error {}

/**
 * The summary as it is kept on disk: what every read needs, and apart from it the ids and names a
 * write needs (parsed only then). src/store/summary-cache.ts writes and reads them. Compact, as
 * every read parses it: a day's totals as one row of counts in the order of `activities`, an ask
 * as its date, the index of its client in `clients` and of its outcome in ASK_OUTCOMES (-1: none).
 */
export interface HistoryJson {
  before: Day;
  leadsBefore: Day;
  activities: string[];
  days: [Day, ...number[]][];
  clients: string[];
  asks: [Day, number, number][];
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
  const column = new Map<string, number>();
  const totals = new Map<Day, number[]>();
  const clients = new Map<string, number>();
  const asks: HistoryJson['asks'] = [];
  for (const e of entries) {
    let at = column.get(e.activity);
    if (at === undefined) {
      at = column.size;
      column.set(e.activity, at);
    }
    let row = totals.get(e.date);
    if (row === undefined) {
      row = [];
      totals.set(e.date, row);
    }
    row[at] = (row[at] ?? 0) + e.count;
    if (e.activity === 'referral-ask' && e.client !== undefined) {
      let client = clients.get(e.client);
      if (client === undefined) {
        client = clients.size;
        clients.set(e.client, client);
      }
      asks.push([e.date, client, e.outcome === undefined ? -1 : ASK_OUTCOMES.indexOf(e.outcome)]);
    }
  }
  const days: HistoryJson['days'] = [];
  for (const [date, row] of totals) {
    days.push([date, ...Array.from({ length: column.size }, (_, i) => row[i] ?? 0)]);
  }
  const leadNames = new Set<string>();
  for (const l of leads) leadNames.add(leadKey(l.name)).add(folded(l.name));
  return {
    read: {
      before: split.before,
      leadsBefore: split.leadsBefore,
      activities: [...column.keys()],
      days,
      clients: [...clients.keys()],
      asks,
    },
    ids: {
      entryIds: entries.map((e) => e.id).join(' '),
      leadIds: leads.map((l) => l.id).join(' '),
      leadNames: [...leadNames],
    },
  };
}

/** One row of day totals as a map of activity to count (zero counts left out). */
function dayOf(j: HistoryJson, row: HistoryJson['days'][number]): Map<string, number> {
  // Plain indexed loops: this runs on every read, before (and without) the optimising compiler,
  // where destructuring a row cost five times as much.
  const day = new Map<string, number>();
  const names = j.activities;
  for (let i = 1; i < row.length; i++) {
    const n = row[i] as number;
    if (n !== 0) day.set(names[i - 1] as string, n);
  }
  return day;
}

/** The asks of a summary as AskLog reads them. */
function asksOf(j: HistoryJson): Entry[] {
  const asks: Entry[] = [];
  for (let i = 0; i < j.asks.length; i++) {
    const [date, client, outcome] = j.asks[i] as HistoryJson['asks'][number];
    const e: Entry = {
      id: '',
      date,
      activity: 'referral-ask',
      count: 1,
      client: j.clients[client] as string,
    };
    if (outcome >= 0) e.outcome = ASK_OUTCOMES[outcome] as AskOutcome;
    asks.push(e);
  }
  return asks;
}

/**
 * The summary in the form the domain reads it. Each part is made when first asked for: `leads`
 * and `funnel` never ask for the day totals or the asks, and `ids` (the write part, parsed only
 * then) is for writes.
 */
export function fromJson(j: HistoryJson, ids: () => HistoryIdsJson): History {
  let rows: Map<Day, HistoryJson['days'][number]> | undefined;
  const made = new Map<Day, Map<string, number>>();
  let first: Day | null | undefined;
  const rowOf = (date: Day) => {
    if (rows === undefined) {
      rows = new Map();
      for (let r = 0; r < j.days.length; r++) {
        const row = j.days[r] as HistoryJson['days'][number];
        rows.set(row[0], row);
      }
    }
    return rows.get(date);
  };
  const day = (date: Day): Map<string, number> | undefined => {
    let map = made.get(date);
    if (map === undefined) {
      const row = rowOf(date);
      if (row === undefined) return undefined;
      map = dayOf(j, row);
      made.set(date, map);
    }
    return map;
  };
  let asks: Entry[] | undefined;
  // The write part is parsed when first asked for (a write), the sets made only for the store
  // file's check: asking whether one new id is taken is a search of the joined ids.
  // A damaged write part (checked when parsed) sends the write to the whole store.
  let raw: HistoryIdsJson | undefined;
  const written = () => {
    if (raw === undefined) {
      try {
        raw = ids();
      } catch {
        throw new NeedsWholeStore('the summary of the history is damaged');
      }
    }
    return raw;
  };
  const padded = (joined: string) => ` ${joined} `;
  let entryText: string | undefined;
  let leadText: string | undefined;
  let sets: { entryIds: Set<string>; leadIds: Set<string>; leadNames: Set<string> } | undefined;
  const asSets = () => {
    if (sets === undefined) {
      const w = written();
      const split = (s: string) => new Set(s === '' ? [] : s.split(' '));
      sets = {
        entryIds: split(w.entryIds),
        leadIds: split(w.leadIds),
        leadNames: new Set(w.leadNames),
      };
    }
    return sets;
  };
  return {
    before: j.before,
    leadsBefore: j.leadsBefore,
    day,
    get firstDay() {
      if (first === undefined) {
        first = null;
        for (let r = 0; r < j.days.length; r++) {
          const date = (j.days[r] as HistoryJson['days'][number])[0];
          if (first === null || date < first) first = date;
        }
      }
      return first ?? undefined;
    },
    get asks() {
      asks ??= asksOf(j);
      return asks;
    },
    activities: j.activities,
    hasEntryId(id) {
      entryText ??= padded(written().entryIds);
      return id !== '' && !id.includes(' ') && entryText.includes(` ${id} `);
    },
    hasLeadId(id) {
      leadText ??= padded(written().leadIds);
      return id !== '' && !id.includes(' ') && leadText.includes(` ${id} `);
    },
    get entryIds() {
      return asSets().entryIds;
    },
    get leadIds() {
      return asSets().leadIds;
    },
    get leadNames() {
      return asSets().leadNames;
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

/** Taken ids: has() and add(), as newId and its callers use a Set. */
export interface Taken {
  has(id: string): boolean;
  add(id: string): void;
}

/** The ids of every entry, the history's included (its ids are searched, not copied). */
export function entryIdsOf(data: StoreData): Taken {
  const own = new Set<string>();
  for (const e of data.entries) own.add(e.id);
  const history = historyOf(data);
  return {
    has: (id) => own.has(id) || history?.hasEntryId(id) === true,
    add: (id) => {
      own.add(id);
    },
  };
}

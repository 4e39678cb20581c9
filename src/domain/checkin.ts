import { affirmationFor } from './affirm.js';
import { recordAsk } from './asks.js';
import { Calendar } from './calendar.js';
import { addDay } from './dates.js';
import { progress, QuotaBook, Tally } from './quotas.js';
import { dueAsks, type ReferralState, referralStates, upcomingAsks } from './referrals.js';
import type { AskOutcome, Belief, Day, Entry, Period, StoreData, Weekday } from './types.js';
import { workdaysFromStart } from './workdays.js';

/** One "how many X today?" question: the day's total, with what is logged as the default. */
export interface CountQuestion {
  activity: string;
  per: Period;
  target: number;
  /** What the log holds for the day now: the default answer. */
  logged: number;
  /** The lowest total accepted: entries that record referral asks are not taken back here. */
  min: number;
}

export interface Questions {
  date: Day;
  /** True on a store where no quota was ever set: the check-in sets the rep up instead. */
  setup: boolean;
  affirmation: Belief | undefined;
  /** Activities behind pace, most behind first. */
  behind: string[];
  counts: CountQuestion[];
  asksDue: ReferralState[];
  /** The noes of the day; null when `rejection` has a daily quota, so it is asked with the counts. */
  noes: { logged: number; min: number } | null;
  /** Why the day does not score (then it has no goal), or null on a scoring day. */
  notScoring: 'a day off' | 'not a workday' | null;
}

export interface SetupAnswers {
  name: string;
  workdays: Weekday[];
  quotas: { activity: string; per: Period; target: number }[];
}

export interface Answers {
  date: Day;
  setup?: SetupAnswers;
  /** `shown` is the default the rep saw: a total equal to it is left alone. */
  counts: { activity: string; shown: number; total: number }[];
  asks: { client: string; outcome: AskOutcome }[];
  noes?: { shown: number; total: number };
  note?: string;
}

export type Change =
  | { kind: 'setup'; name: string; workdays: Weekday[]; quotas: SetupAnswers['quotas'] }
  | { kind: 'count'; activity: string; from: number; to: number }
  | { kind: 'ask'; client: string; outcome: AskOutcome }
  | { kind: 'note'; text: string };

const isAskEntry = (e: Entry) => e.client !== undefined || e.group !== undefined;

function dayEntries(data: StoreData, date: Day, activity: string): Entry[] {
  return data.entries.filter((e) => e.date === date && e.activity === activity);
}

function countOn(data: StoreData, date: Day, activity: string): { logged: number; min: number } {
  let logged = 0;
  let min = 0;
  for (const e of dayEntries(data, date, activity)) {
    logged += e.count;
    if (isAskEntry(e)) min += e.count;
  }
  return { logged, min };
}

/**
 * The quotas the rep is behind on as of `date`, most behind first. The day in progress cannot be
 * behind yet, so a daily quota is judged on the last scoring day before `date`, and a longer one
 * on the pace expected before `date` began.
 */
export function behindOn(data: StoreData, date: Day): string[] {
  const quotas = new QuotaBook(data.quotas);
  const tally = new Tally(data.entries.filter((e) => e.date <= date));
  const calendar = new Calendar(data.settings.workdays, data.daysOff);
  const gaps: { activity: string; gap: number }[] = [];
  for (const q of quotas.allInForce(date)) {
    if (q.per === 'day') {
      let day = addDay(date, -1);
      for (let i = 0; i < 14 && !calendar.isScoring(day); i++) day = addDay(day, -1);
      const then = quotas.inForce(q.activity, day);
      if (!calendar.isScoring(day) || then?.per !== 'day') continue;
      const done = tally.count(day, q.activity);
      if (done < then.target) gaps.push({ activity: q.activity, gap: 1 - done / then.target });
    } else {
      const p = progress(q, date, tally, calendar);
      if (p.scoringDays === 0) continue;
      const before = p.scoringDaysElapsed - (calendar.isScoring(date) ? 1 : 0);
      const expected = (q.target * before) / p.scoringDays;
      if (p.done < expected)
        gaps.push({ activity: q.activity, gap: (expected - p.done) / q.target });
    }
  }
  // Array#sort is stable: equal gaps keep the order the quotas were set in.
  return gaps.sort((a, b) => b.gap - a.gap).map((g) => g.activity);
}

function asksDueOn(data: StoreData, date: Day): ReferralState[] {
  const entries = data.entries.filter((e) => e.date <= date);
  return dueAsks(referralStates(data.clients, entries, data.settings, date));
}

/** The next referral ask after the check-in: the most overdue one, or the first coming up. */
export function nextAsk(data: StoreData, date: Day): ReferralState | undefined {
  const due = asksDueOn(data, date);
  if (due.length > 0) return due[0];
  const entries = data.entries.filter((e) => e.date <= date);
  return upcomingAsks(referralStates(data.clients, entries, data.settings, date), date, 366)[0];
}

/** What the check-in asks on `date`, from the store as it is. */
export function questionsFor(data: StoreData, date: Day): Questions {
  const behind = behindOn(data, date);
  const setup = data.quotas.length === 0;
  const calendar = new Calendar(data.settings.workdays, data.daysOff);
  const daily = new QuotaBook(data.quotas).dailyInForce(date);
  const counts = daily.map((q) => ({
    activity: q.activity,
    per: q.per,
    target: q.target,
    ...countOn(data, date, q.activity),
  }));
  return {
    date,
    setup,
    affirmation: affirmationFor(data.beliefs, date, behind),
    behind,
    counts,
    asksDue: setup ? [] : asksDueOn(data, date),
    noes: daily.some((q) => q.activity === 'rejection') ? null : countOn(data, date, 'rejection'),
    notScoring: calendar.isScoring(date)
      ? null
      : calendar.isDayOff(date)
        ? 'a day off'
        : 'not a workday',
  };
}

/**
 * Makes the log hold `total` for `activity` on `date`. Up: one entry with the difference. Down:
 * the day's entries are reduced, the one added last first, removing those that reach 0 (a 0
 * entry with a note is kept for its note). Entries recording referral asks are never taken back
 * here (`prospect rm` does that), so the total does not go below them.
 */
export function setDayTotal(
  data: StoreData,
  date: Day,
  activity: string,
  total: number,
  newId: () => string,
): { from: number; to: number; added?: Entry } {
  const { logged, min } = countOn(data, date, activity);
  const target = Math.max(total, min);
  if (target > logged) {
    const added: Entry = { id: newId(), date, activity, count: target - logged };
    data.entries.push(added);
    return { from: logged, to: target, added };
  }
  let excess = logged - target;
  for (const e of [...dayEntries(data, date, activity)].reverse()) {
    if (excess === 0) break;
    if (isAskEntry(e) || e.count === 0) continue;
    const take = Math.min(e.count, excess);
    e.count -= take;
    excess -= take;
  }
  data.entries = data.entries.filter(
    (e) =>
      !(e.date === date && e.activity === activity && e.count === 0 && !isAskEntry(e) && !e.note),
  );
  return { from: logged, to: target };
}

/** True when the answers would change nothing: then the check-in does not write at all. */
export function changesNothing(answers: Answers): boolean {
  return (
    answers.setup === undefined &&
    answers.asks.length === 0 &&
    answers.counts.every((c) => c.total === c.shown) &&
    (answers.noes === undefined || answers.noes.total === answers.noes.shown) &&
    !answers.note
  );
}

/**
 * Applies a check-in's answers to the store, as the one write at its end. Asks go first (through
 * recordAsk, like `prospect ask`), so a daily quota on `referral-ask` or `referral` answered as the
 * day's total is not counted twice. Only totals the rep changed from the default shown are
 * applied, so a check-in never undoes what another command logged in the meantime.
 */
export function applyCheckin(data: StoreData, answers: Answers, newId: () => string): Change[] {
  const { date } = answers;
  const changes: Change[] = [];
  if (answers.setup) {
    const { name, workdays, quotas } = answers.setup;
    data.settings.name = name;
    // The first check-in sets the store up: its workdays hold from the beginning.
    data.settings.workdays = workdaysFromStart(workdays);
    for (const q of quotas) {
      data.quotas = data.quotas.filter((c) => !(c.activity === q.activity && c.from === date));
      data.quotas.push({ activity: q.activity, per: q.per, target: q.target, from: date });
    }
    changes.push({ kind: 'setup', name, workdays, quotas });
  }
  for (const ask of answers.asks) {
    recordAsk(data, { client: ask.client, date, outcome: ask.outcome }, newId);
    changes.push({ kind: 'ask', client: ask.client, outcome: ask.outcome });
  }
  const added: Entry[] = [];
  const totals = [...answers.counts];
  if (answers.noes) totals.push({ activity: 'rejection', ...answers.noes });
  for (const c of totals) {
    if (c.total === c.shown) continue;
    const result = setDayTotal(data, date, c.activity, c.total, newId);
    if (result.added) added.push(result.added);
    if (result.from !== result.to) {
      changes.push({ kind: 'count', activity: c.activity, from: result.from, to: result.to });
    }
  }
  if (answers.note) {
    const home = added[0];
    if (home) home.note = answers.note;
    else {
      // Nothing else was written: the note gets an entry of its own that counts nothing.
      const activity = answers.counts[0]?.activity ?? 'call';
      data.entries.push({ id: newId(), date, activity, count: 0, note: answers.note });
    }
    changes.push({ kind: 'note', text: answers.note });
  }
  return changes;
}

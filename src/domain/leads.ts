import { Calendar } from './calendar.js';
import { addDay, toDate } from './dates.js';
import { nearest } from './suggest.js';
import type { Day, Lead, LeadEvent, LeadStage, StoreData } from './types.js';

/** Where a lead came from. Unified with LEAD_SOURCES in types.ts at merge. */
export const LEAD_ORIGINS = ['self', 'referral', 'marketing', 'event', 'other'] as const;
export type LeadOrigin = (typeof LEAD_ORIGINS)[number];

export const LEAD_STAGES: readonly LeadStage[] = [
  'contacted',
  'accepted',
  'rejected',
  'meeting',
  'won',
  'lost',
];
/** SPEC's reasons for `rejected` and `lost`. */
export const LEAD_REASONS = [
  'not-decision-maker',
  'no-budget',
  'no-need',
  'bad-data',
  'existing-customer',
  'competitor',
  'no-response',
  'timing',
  'other',
] as const;
export const DEFAULT_FOLLOW_UP_DAYS = 3;

/** A lead's stage: `new` before any event; after `reopened`, the stage it had before it closed. */
export type LeadState = LeadStage | 'new';

/** The events that happened on or before `asOf` (events are kept in the order they happened). */
export function eventsAsOf(lead: Lead, asOf: Day): LeadEvent[] {
  let n = lead.events.length;
  while (n > 0 && (lead.events[n - 1] as LeadEvent).date > asOf) n--;
  return n === lead.events.length ? lead.events : lead.events.slice(0, n);
}

/** The stage after `events`: the last one, where a `reopened` goes back to the stage before the close. */
export function stageOf(events: readonly LeadEvent[]): LeadState {
  let stage: LeadState = 'new';
  let beforeClose: LeadState = 'new';
  // An indexed loop over plain comparisons: it runs for every lead on every `leads` and `status`.
  for (let i = 0; i < events.length; i++) {
    const next = (events[i] as LeadEvent).stage;
    if (next === 'reopened') {
      stage = beforeClose;
    } else {
      if (next === 'won' || next === 'lost' || next === 'rejected') beforeClose = stage;
      stage = next;
    }
  }
  return stage;
}

export const isClosed = (stage: LeadState) =>
  stage === 'won' || stage === 'lost' || stage === 'rejected';

/**
 * Why `event` cannot be added to `lead`, in words, or undefined when it can: a closed lead takes
 * only `reopened`, an open one anything but; nothing before the lead was received or before its
 * last event (events stay in the order they happened); rejected and lost need a reason.
 */
export function moveProblem(lead: Lead, event: LeadEvent): string | undefined {
  return moveProblemAfter(lead, stageOf(lead.events), lead.events.at(-1), event);
}

/** moveProblem for a lead whose stage and last event the caller has already worked out. */
export function moveProblemAfter(
  lead: Pick<Lead, 'name' | 'received' | 'time'>,
  stage: LeadState,
  last: LeadEvent | undefined,
  event: LeadEvent,
): string | undefined {
  const closed = isClosed(stage);
  if (event.stage === 'reopened') {
    if (!closed)
      return `lead '${lead.name}' is open (${stage}): only a won, lost or rejected lead can be reopened`;
  } else if (closed) {
    return `lead '${lead.name}' is closed (${stage}): reopen it first with 'prospect lead reopen'`;
  }
  if ((event.stage === 'rejected' || event.stage === 'lost') && event.reason === undefined) {
    return `lead ${event.stage} needs --reason: one of ${LEAD_REASONS.join(', ')}`;
  }
  if (event.date < lead.received) {
    return `--date ${event.date} is before the lead was received (${lead.received})`;
  }
  if (last && event.date < last.date) {
    return `--date ${event.date} is before the lead's last event (${last.stage} on ${last.date}): events go in the order they happened`;
  }
  if (event.date === lead.received && isBefore(event.time, lead.time)) {
    return `--time ${event.time} is before the lead was received (${lead.time})`;
  }
  if (last && event.date === last.date && isBefore(event.time, last.time)) {
    return `--time ${event.time} is before the lead's last event (${last.stage} at ${last.time})`;
  }
  return undefined;
}

const isBefore = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && a < b;

/** Name keys: case and Unicode form never matter; accents only matter when they tell leads apart. */
export const leadKey = (s: string) => s.trim().normalize('NFC').toLocaleLowerCase();
const NOT_ASCII = /[^ -~]/;
/** leadKey without accents; printable ASCII (most names) needs no normalising. */
export const folded = (s: string) =>
  NOT_ASCII.test(s)
    ? leadKey(s)
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
    : s.trim().toLowerCase();

export type LeadMatch =
  | { ok: true; lead: Lead }
  | { ok: false; candidates: Lead[]; suggestion?: string };

/**
 * The lead a typed name (or id) means. Case and Unicode form are ignored; accents too when that
 * still names one lead. Several leads of one name: `prefer` picks when exactly one fits it (the
 * open one for a stage move), else all are returned so the command can ask for the id.
 */
export function matchLead(
  leads: readonly Lead[],
  typed: string,
  prefer: (lead: Lead) => boolean = () => true,
): LeadMatch {
  const key = leadKey(typed);
  const byId = leads.find((l) => l.id === key);
  if (byId) return { ok: true, lead: byId };
  let found = leads.filter((l) => leadKey(l.name) === key);
  if (found.length === 0) {
    const f = folded(typed);
    found = leads.filter((l) => folded(l.name) === f);
  }
  if (found.length === 1) return { ok: true, lead: found[0] as Lead };
  const preferred = found.filter(prefer);
  if (preferred.length === 1) return { ok: true, lead: preferred[0] as Lead };
  if (found.length > 0) return { ok: false, candidates: preferred.length > 0 ? preferred : found };
  const suggestion = nearest(
    typed.trim(),
    leads.map((l) => l.name),
  );
  return suggestion === undefined
    ? { ok: false, candidates: [] }
    : { ok: false, candidates: [], suggestion };
}

/** An open lead of the same name and company (case, form and accents ignored), if any. */
export function openTwin(leads: readonly Lead[], name: string, company?: string): Lead | undefined {
  const n = folded(name);
  const c = folded(company ?? '');
  return leads.find(
    (l) => folded(l.name) === n && folded(l.company ?? '') === c && !isClosed(stageOf(l.events)),
  );
}

export type LeadDueReason = 'first-touch' | 'follow-up';

export interface LeadView {
  lead: Lead;
  stage: LeadState;
  events: LeadEvent[];
  lastEvent: LeadEvent | null;
  due: boolean;
  dueReason: LeadDueReason | null;
  /** Scoring days since it was received (the as-of day counts, the day received does not). */
  age: number;
  /** Scoring days since its last event (or since it was received). */
  idle: number;
}

/**
 * Counts scoring days after a day up to `asOf`, in constant time per question once built: a
 * list of leads asks once per lead.
 */
function scoringSince(calendar: Calendar, first: Day, asOf: Day): (day: Day) => number {
  const days: Day[] = [];
  const weekdays: number[] = [];
  // Stepped a day at a time, the weekday carried along: this runs on every `leads` and `status`.
  let weekday = toDate(first).getDay();
  for (let day = first; day <= asOf; day = addDay(day, 1)) {
    days.push(day);
    weekdays.push(weekday);
    weekday = (weekday + 1) % 7;
  }
  const index = new Map<Day, number>();
  let total = 0;
  // total: scoring days in (day, asOf], from the end.
  for (let i = days.length - 1; i >= 0; i--) {
    const day = days[i] as Day;
    index.set(day, total);
    if (calendar.isScoringOn(day, weekdays[i] as number)) total++;
  }
  return (day) => (day < first ? total : (index.get(day) ?? 0));
}

/**
 * The leads received on or before `asOf`, as they stood that day: the never contacted first, then
 * the follow-ups due, then the rest, each oldest first. Due: open and never contacted (speed to lead), or open with its
 * last event `followUpDays` scoring days old or more.
 */
export function leadViews(data: StoreData, asOf: Day): LeadView[] {
  const followUp = data.settings.lead?.followUpDays ?? DEFAULT_FOLLOW_UP_DAYS;
  const leads = data.leads.filter((l) => l.received <= asOf);
  if (leads.length === 0) return [];
  let first = asOf;
  for (const l of leads) if (l.received < first) first = l.received;
  const since = scoringSince(new Calendar(data.settings.workdays, data.daysOff), first, asOf);
  const views = leads.map((lead): LeadView => {
    const events = eventsAsOf(lead, asOf);
    const stage = stageOf(events);
    const lastEvent = events.at(-1) ?? null;
    const idle = since(lastEvent?.date ?? lead.received);
    const open = !isClosed(stage);
    const dueReason: LeadDueReason | null = !open
      ? null
      : stage === 'new'
        ? 'first-touch'
        : idle >= followUp
          ? 'follow-up'
          : null;
    return {
      lead,
      stage,
      events,
      lastEvent,
      due: dueReason !== null,
      dueReason,
      age: since(lead.received),
      idle,
    };
  });
  const rank = (v: LeadView) =>
    v.dueReason === 'first-touch' ? 0 : v.dueReason === 'follow-up' ? 1 : 2;
  const keyed = views.map((v) => ({
    v,
    key: `${rank(v)} ${v.lead.received} ${v.lead.time ?? '99:99'}`,
  }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.v);
}

/** Time to first touch: the first event after received (`contacted`, or a later stage when it was skipped). */
export interface FirstTouch {
  /** Hours, when the lead and the first event both have a time. */
  hours: number | null;
  /** Calendar days from received to the first event. */
  days: number;
}

export function firstTouch(lead: Lead, events: readonly LeadEvent[]): FirstTouch | null {
  const first = events.find((e) => e.stage !== 'reopened');
  if (!first) return null;
  const days = Math.round(
    (Date.UTC(...ymd(first.date)) - Date.UTC(...ymd(lead.received))) / 86_400_000,
  );
  if (lead.time === undefined || first.time === undefined) return { hours: null, days };
  const minutes = days * 1440 + minutesOf(first.time) - minutesOf(lead.time);
  return { hours: minutes / 60, days };
}

const ymd = (d: Day): [number, number, number] => [
  Number(d.slice(0, 4)),
  Number(d.slice(5, 7)) - 1,
  Number(d.slice(8, 10)),
];
const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** Removes the lead event written with a log entry (`lead meeting`), when the entry is removed. */
export function unlinkLeadEvent(data: StoreData, entry: { id: string; lead?: string }): void {
  const lead = data.leads.find((l) => l.id === entry.lead);
  if (lead) lead.events = lead.events.filter((e) => e.entry !== entry.id);
}

/** Adds `from`'s leads that `into` lacks (by id), leaving out any that would be an open twin. */
export function mergeLeads(into: StoreData, from: StoreData): number {
  const ids = new Set(into.leads.map((l) => l.id));
  let added = 0;
  for (const l of from.leads ?? []) {
    if (ids.has(l.id)) continue;
    if (!isClosed(stageOf(l.events)) && openTwin(into.leads, l.name, l.company)) continue;
    into.leads.push(structuredClone(l));
    ids.add(l.id);
    added++;
  }
  return added;
}

/**
 * Records that the rep touched these leads on `date` (the check-in's tick list). A lead never
 * contacted becomes `contacted`; a follow-up keeps its stage (the same stage again, dated today),
 * which restarts its follow-up clock. No time: the check-in records days, and times are never
 * invented. A lead that cannot take the event (closed meanwhile, or with a later event) is left
 * out. Returns the leads touched.
 */
export function touchLeads(data: StoreData, ids: readonly string[], date: Day): Lead[] {
  const touched: Lead[] = [];
  for (const id of ids) {
    const lead = data.leads.find((l) => l.id === id);
    if (!lead) continue;
    const stage = stageOf(lead.events);
    const event: LeadEvent = { stage: stage === 'new' ? 'contacted' : (stage as LeadStage), date };
    if (moveProblem(lead, event) !== undefined) continue;
    lead.events.push(event);
    touched.push(lead);
  }
  return touched;
}

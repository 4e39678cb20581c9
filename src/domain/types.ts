/** A local calendar date, `YYYY-MM-DD`. Never a UTC instant. */
export type Day = string;

export type Period = 'day' | 'week' | 'month' | 'quarter';
export const PERIODS: readonly Period[] = ['day', 'week', 'month', 'quarter'];

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export type LeadSource = 'self' | 'referral' | 'marketing' | 'event' | 'other';
export const LEAD_SOURCES: readonly LeadSource[] = [
  'self',
  'referral',
  'marketing',
  'event',
  'other',
];

export type AskOutcome = 'intro' | 'later' | 'declined';
export const ASK_OUTCOMES: readonly AskOutcome[] = ['intro', 'later', 'declined'];

/** One change to a quota: from `from` on, `activity` has `target` per `per` (null: no quota). */
export interface QuotaChange {
  activity: string;
  per: Period;
  target: number | null;
  from: Day;
}

/** One line of the activity log. */
export interface Entry {
  id: string;
  date: Day;
  activity: string;
  count: number;
  /** Local wall-clock time `HH:MM` when it happened, where known; never invented. */
  time?: string;
  note?: string;
  contact?: string;
  source?: LeadSource;
  /** Set on entries written by `prospect ask`: the client asked. */
  client?: string;
  outcome?: AskOutcome;
  /** The id of the entry this one was written with (an ask's introduction): they go together. */
  group?: string;
  /** The id of the lead this entry belongs to (`lead meeting`). */
  lead?: string;
}

export interface DayOff {
  date: Day;
  reason?: string;
}

export interface Win {
  date: Day;
  note?: string;
}

export interface Client {
  name: string;
  since: Day;
  every?: number;
  wins: Win[];
  snoozeUntil?: Day;
  /** The as-of day the snooze was set on: an as-of date before it ignores the snooze. */
  snoozedOn?: Day;
}

export interface Belief {
  id: string;
  belief: string;
  affirmation: string;
  tag?: string;
  /** Set on the pairs that came from templates/, so a removed default stays removed. */
  template?: string;
}

/** From `from` on (null: from the beginning), the workdays are `days`. */
export interface WorkdaysChange {
  from: Day | null;
  days: Weekday[];
}

export interface Settings {
  name: string;
  /** Dated like quotas: the first change is from the beginning, the rest in date order. */
  workdays: WorkdaysChange[];
  referral: { cadenceDays: number; firstAskAfterDays: number };
  /** `HH:MM`: a day counts as prospected first when prospecting started before it (default 12:00). */
  prospectFirstBefore?: string;
  /** `lead.followUpDays`: scoring days after a lead's last event before it is due again (3). */
  lead?: { followUpDays: number };
}

export interface StoreData {
  schemaVersion: number;
  settings: Settings;
  /** Activities the user defined, besides the built-in ones. */
  activities: string[];
  quotas: QuotaChange[];
  entries: Entry[];
  daysOff: DayOff[];
  clients: Client[];
  beliefs: Belief[];
  /** Template ids the user removed; they are not seeded again. */
  removedTemplates: string[];
  /** The leads the rep works (`prospect lead ...`). */
  leads: Lead[];
}

/** What moves a lead on: `won`, `lost` and `rejected` close it; `reopened` opens it again. */
export type LeadStage = 'contacted' | 'accepted' | 'rejected' | 'meeting' | 'won' | 'lost';

export interface LeadEvent {
  stage: LeadStage | 'reopened';
  date: Day;
  /** Local `HH:MM` where known; never invented. */
  time?: string;
  reason?: string;
  note?: string;
  /** The id of the `meeting` log entry written with a `meeting` event: undo takes both back. */
  entry?: string;
}

/** A person to prospect, from the rep's own work or from a list marketing sent. */
export interface Lead {
  id: string;
  name: string;
  company?: string;
  email?: string;
  /** self, referral, marketing, event or other. */
  source: string;
  campaign?: string;
  /** The day it was received, and the local `HH:MM` where known. */
  received: Day;
  time?: string;
  note?: string;
  /** In the order they happened. */
  events: LeadEvent[];
}

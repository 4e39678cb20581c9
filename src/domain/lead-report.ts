import { addDay } from './dates.js';
import {
  eventsAsOf,
  firstTouch,
  isClosed,
  LEAD_ORIGINS,
  type LeadState,
  stageOf,
} from './leads.js';
import type { Day, Lead, StoreData } from './types.js';

export const LEAD_REPORT_SCHEMA = 'prospect.lead-report/1';
const DEFAULT_WINDOW_DAYS = 30;

/** The first day of the default window ending `to`: the last 30 days. */
export const leadReportFrom = (to: Day): Day => addDay(to, -(DEFAULT_WINDOW_DAYS - 1));

export interface LeadReportRow {
  source: string;
  campaign: string | null;
  received: number;
  /** Touched at all: contacted, or a later stage with `contacted` skipped. */
  contacted: number;
  /** Reached accepted, meeting or won. */
  accepted: number;
  /** Stand rejected, won or lost as of the as-of day. */
  rejected: number;
  /** Had a meeting. */
  meetings: number;
  won: number;
  lost: number;
  open: number;
  rejectReasons: Record<string, number>;
  lostReasons: Record<string, number>;
  /** Over leads whose received time and first touch both have a time; null when there are none. */
  medianHoursToFirstTouch: number | null;
  /** Of those timed leads, the share first touched within an hour. */
  withinHourShare: number | null;
  /** Of all leads received, the share first touched on the day received. */
  sameDayShare: number | null;
  /** How many leads the hour figures stand on. */
  timed: number;
  /** The raw figures behind the median and shares, so a team report can combine reps exactly. */
  sameDay: number;
  firstTouchHours: number[];
}

/** One marketing lead, for the feedback: no email, ever. */
export interface LeadReportLead {
  /** Set in a team report: whose lead it is. */
  rep?: string;
  name: string;
  company: string | null;
  campaign: string | null;
  received: Day;
  receivedTime: string | null;
  stage: LeadState;
  reason: string | null;
  hoursToFirstTouch: number | null;
  daysToFirstTouch: number | null;
}

export type MeetingsBySource = Record<
  'self' | 'referral' | 'marketing' | 'event' | 'other' | 'unspecified',
  number
>;

export interface LeadReport {
  schema: typeof LEAD_REPORT_SCHEMA;
  rep: string;
  from: Day;
  to: Day;
  asOf: Day;
  rows: LeadReportRow[];
  total: LeadReportRow;
  leads: LeadReportLead[];
  meetingsBySource: MeetingsBySource;
  repSourcedShare: number | null;
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;
export const share = (n: number, of: number) => (of === 0 ? null : round(n / of, 3));

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1
    ? (s[mid] as number)
    : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** A row's counts with the figures worked out: the part a team report can sum. */
export interface RowTally {
  row: LeadReportRow;
  hours: number[];
  sameDay: number;
}

export function emptyTally(source: string, campaign: string | null): RowTally {
  return {
    row: {
      source,
      campaign,
      received: 0,
      contacted: 0,
      accepted: 0,
      rejected: 0,
      meetings: 0,
      won: 0,
      lost: 0,
      open: 0,
      rejectReasons: {},
      lostReasons: {},
      medianHoursToFirstTouch: null,
      withinHourShare: null,
      sameDayShare: null,
      timed: 0,
      sameDay: 0,
      firstTouchHours: [],
    },
    hours: [],
    sameDay: 0,
  };
}

const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** Adds one lead, as it stands on `asOf`, to a tally; returns what the lead row needs. */
function addLead(t: RowTally, lead: Lead, asOf: Day): LeadReportLead {
  const events = eventsAsOf(lead, asOf);
  const stage = stageOf(events);
  const r = t.row;
  r.received++;
  const touch = firstTouch(lead, events);
  if (touch) {
    r.contacted++;
    if (touch.days === 0) t.sameDay++;
    if (touch.hours !== null) t.hours.push(touch.hours);
  }
  if (events.some((e) => e.stage === 'accepted' || e.stage === 'meeting' || e.stage === 'won'))
    r.accepted++;
  if (events.some((e) => e.stage === 'meeting')) r.meetings++;
  const closing = events.at(-1);
  const reason = isClosed(stage) ? (closing?.reason ?? null) : null;
  if (stage === 'rejected') {
    r.rejected++;
    bump(r.rejectReasons, reason ?? 'other');
  } else if (stage === 'lost') {
    r.lost++;
    bump(r.lostReasons, reason ?? 'other');
  } else if (stage === 'won') r.won++;
  else r.open++;
  return {
    name: lead.name,
    company: lead.company ?? null,
    campaign: lead.campaign ?? null,
    received: lead.received,
    receivedTime: lead.time ?? null,
    stage,
    reason,
    hoursToFirstTouch:
      touch?.hours === undefined || touch.hours === null ? null : round(touch.hours, 2),
    daysToFirstTouch: touch ? touch.days : null,
  };
}

/** Works out the median and shares of a tally from its raw figures. */
export function finish(t: RowTally): LeadReportRow {
  const m = median(t.hours);
  t.row.medianHoursToFirstTouch = m === null ? null : round(m, 2);
  t.row.withinHourShare = share(t.hours.filter((h) => h <= 1).length, t.hours.length);
  t.row.sameDayShare = share(t.sameDay, t.row.received);
  t.row.timed = t.hours.length;
  t.row.sameDay = t.sameDay;
  t.row.firstTouchHours = t.hours.map((h) => round(h, 2));
  return t.row;
}

const sourceRank = (s: string) => {
  const i = (LEAD_ORIGINS as readonly string[]).indexOf(s);
  return i < 0 ? LEAD_ORIGINS.length : i;
};

/** Rows in a stable order: by source as SPEC lists them, then campaign (none first). */
export function compareRows(a: LeadReportRow, b: LeadReportRow): number {
  const d = sourceRank(a.source) - sourceRank(b.source);
  if (d !== 0) return d;
  const ca = a.campaign ?? '';
  const cb = b.campaign ?? '';
  return ca < cb ? -1 : ca > cb ? 1 : 0;
}

export interface LeadReportOptions {
  from?: Day;
  to: Day;
  asOf: Day;
  source?: string;
}

/**
 * How the leads received from `from` to `to` (default: the 30 days ending on `to`) stood on `asOf`:
 * a row per source and campaign, a total, one row per marketing lead, and the meetings of the
 * window by source (from the log, so meetings logged without a lead count too).
 */
export function buildLeadReport(data: StoreData, opts: LeadReportOptions): LeadReport {
  const to = opts.to;
  const from = opts.from ?? leadReportFrom(to);
  const tallies = new Map<string, RowTally>();
  const total = emptyTally('all', null);
  const leads: LeadReportLead[] = [];
  const inWindow = data.leads.filter(
    (l) =>
      l.received >= from &&
      l.received <= to &&
      l.received <= opts.asOf &&
      (opts.source === undefined || l.source === opts.source),
  );
  for (const lead of inWindow) {
    const key = `${lead.source}\u0000${lead.campaign ?? ''}`;
    let t = tallies.get(key);
    if (!t) {
      t = emptyTally(lead.source, lead.campaign ?? null);
      tallies.set(key, t);
    }
    const row = addLead(t, lead, opts.asOf);
    addLead(total, lead, opts.asOf);
    if (lead.source === 'marketing') leads.push(row);
  }
  leads.sort((a, b) => {
    const ka = `${a.received} ${a.receivedTime ?? '99:99'} ${a.name}`;
    const kb = `${b.received} ${b.receivedTime ?? '99:99'} ${b.name}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  const meetingsBySource = countMeetings(data, from, to < opts.asOf ? to : opts.asOf);
  return {
    schema: LEAD_REPORT_SCHEMA,
    rep: data.settings.name,
    from,
    to,
    asOf: opts.asOf,
    rows: [...tallies.values()].map(finish).sort(compareRows),
    total: finish(total),
    leads,
    meetingsBySource,
    repSourcedShare: repSourcedShare(meetingsBySource),
  };
}

export function emptyMeetings(): MeetingsBySource {
  return { self: 0, referral: 0, marketing: 0, event: 0, other: 0, unspecified: 0 };
}

/** `meeting` entries of the window, by their `--source`. */
function countMeetings(data: StoreData, from: Day, to: Day): MeetingsBySource {
  const counts = emptyMeetings();
  for (const e of data.entries) {
    if (e.activity !== 'meeting' || e.date < from || e.date > to) continue;
    const key = (e.source ?? 'unspecified') as keyof MeetingsBySource;
    counts[key in counts ? key : 'other'] += e.count;
  }
  return counts;
}

/** (self + referral) / meetings with a known source: what the rep generated. */
export function repSourcedShare(m: MeetingsBySource): number | null {
  const known = m.self + m.referral + m.marketing + m.event + m.other;
  return share(m.self + m.referral, known);
}

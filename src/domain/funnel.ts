import { addDay } from './dates.js';
import { type Day, type Entry, LEAD_SOURCES, type LeadSource } from './types.js';

/** The funnel's default window: the 90 days ending on the as-of day. */
const FUNNEL_WINDOW_DAYS = 90;

export function defaultWindow(asOf: Day): { from: Day; to: Day } {
  return { from: addDay(asOf, -(FUNNEL_WINDOW_DAYS - 1)), to: asOf };
}

export interface FunnelRatios {
  callsPerConversation: number | null;
  conversationsPerMeeting: number | null;
  callsPerMeeting: number | null;
  noesPerMeeting: number | null;
  /** meeting-held / (meeting-held + no-show), a share from 0 to 1. */
  showRate: number | null;
  /** referral / referral-ask, a share. */
  introRate: number | null;
}

export type MeetingSources = Record<LeadSource | 'unspecified', number>;

export interface Funnel {
  asOf: Day;
  from: Day;
  to: Day;
  counts: Record<string, number>;
  ratios: FunnelRatios;
  meetingsBySource: MeetingSources;
  /** (self + referral) / meetings with a known source; null when none has one. */
  repSourcedShare: number | null;
}

/** The activities a funnel always names, in funnel order, even at 0. */
const FUNNEL_ACTIVITIES = [
  'call',
  'conversation',
  'meeting',
  'meeting-held',
  'no-show',
  'rejection',
  'referral-ask',
  'referral',
] as const;

/** `a / b`, or null when there is nothing to divide by. */
export const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/** SPEC's six ratios from counts by activity (missing activities count 0). */
export function ratiosOf(counts: Readonly<Record<string, number>>): FunnelRatios {
  const n = (a: string) => counts[a] ?? 0;
  return {
    callsPerConversation: ratio(n('call'), n('conversation')),
    conversationsPerMeeting: ratio(n('conversation'), n('meeting')),
    callsPerMeeting: ratio(n('call'), n('meeting')),
    noesPerMeeting: ratio(n('rejection'), n('meeting')),
    showRate: ratio(n('meeting-held'), n('meeting-held') + n('no-show')),
    introRate: ratio(n('referral'), n('referral-ask')),
  };
}

function emptySources(): MeetingSources {
  const sources = {} as MeetingSources;
  for (const s of LEAD_SOURCES) sources[s] = 0;
  sources.unspecified = 0;
  return sources;
}

/** The share of meetings the rep generated: (self + referral) / all with a known source. */
export function repSourcedShare(sources: Readonly<MeetingSources>): number | null {
  let known = 0;
  for (const s of LEAD_SOURCES) known += sources[s];
  return ratio(sources.self + sources.referral, known);
}

/** Counts, ratios and meeting sources of the entries dated `from` to `to` (both included). */
export function funnel(entries: readonly Entry[], from: Day, to: Day, asOf: Day = to): Funnel {
  const counts: Record<string, number> = {};
  for (const a of FUNNEL_ACTIVITIES) counts[a] = 0;
  const sources = emptySources();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as Entry;
    if (e.date < from || e.date > to) continue;
    counts[e.activity] = (counts[e.activity] ?? 0) + e.count;
    if (e.activity === 'meeting') {
      const source = e.source !== undefined && LEAD_SOURCES.includes(e.source) ? e.source : null;
      sources[source ?? 'unspecified'] += e.count;
    }
  }
  return {
    asOf,
    from,
    to,
    counts,
    ratios: ratiosOf(counts),
    meetingsBySource: sources,
    repSourcedShare: repSourcedShare(sources),
  };
}

const FRACTIONS = [
  '',
  'a whole meeting',
  'half',
  'a third',
  'a quarter',
  'a fifth',
  'a sixth',
  'a seventh',
  'an eighth',
  'a ninth',
  'a tenth',
  'an eleventh',
  'a twelfth',
];

/**
 * "So what, next": what a no is worth at the rep's own noes per meeting, in one line;
 * undefined while the ratio is unknown.
 */
/** Shares of a meeting between a half and one, in words. */
const SIMPLE_SHARES: readonly (readonly [number, string])[] = [
  [2 / 3, 'two thirds'],
  [3 / 4, 'three quarters'],
  [4 / 5, 'four fifths'],
  [3 / 5, 'three fifths'],
  [5 / 6, 'five sixths'],
];

export function soWhatNext(noesPerMeeting: number | null): string | undefined {
  if (noesPerMeeting === null || noesPerMeeting <= 0) return undefined;
  const shown = oneDecimal(noesPerMeeting);
  const each = Math.round(noesPerMeeting);
  const head = `${shown} ${shown === '1' ? 'no' : 'noes'} per meeting`;
  if (shown === '1') return `${head}: each no is worth a meeting. So what, next!`;
  if (noesPerMeeting < 2) {
    // Below two noes a meeting "half" would round too far: say the share exactly.
    const worth = 1 / noesPerMeeting;
    const simple = SIMPLE_SHARES.find(([share]) => Math.abs(share - worth) < 0.005);
    const part =
      worth > 1
        ? `${oneDecimal(worth)} meetings`
        : `${simple?.[1] ?? oneDecimal(worth)} of a meeting`;
    return `${head}: each no is worth ${part}. So what, next!`;
  }
  const part = FRACTIONS[each] ?? `1/${each}`;
  return `${head}: each no is ${part} of your next meeting. So what, next!`;
}

/** `12.3`, `4`, `0.5`: one decimal, none when whole. */
export function oneDecimal(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

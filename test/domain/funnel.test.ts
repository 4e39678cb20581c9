import { describe, expect, it } from 'vitest';
import {
  defaultWindow,
  funnel,
  ratiosOf,
  repSourcedShare,
  soWhatNext,
} from '../../src/domain/funnel.js';
import type { Entry } from '../../src/domain/types.js';

let n = 0;
const e = (date: string, activity: string, count: number, extra: Partial<Entry> = {}): Entry => ({
  id: `e${n++}`,
  date,
  activity,
  count,
  ...extra,
});

describe('funnel ratios (SPEC), each with its null case', () => {
  const counts = {
    call: 1180,
    conversation: 96,
    meeting: 22,
    'meeting-held': 18,
    'no-show': 4,
    rejection: 154,
    'referral-ask': 10,
    referral: 3,
  };
  it('divides the day totals as SPEC says', () => {
    const r = ratiosOf(counts);
    expect(r.callsPerConversation).toBeCloseTo(1180 / 96); // 12.29
    expect(r.conversationsPerMeeting).toBeCloseTo(96 / 22); // 4.36
    expect(r.callsPerMeeting).toBeCloseTo(1180 / 22); // 53.6
    expect(r.noesPerMeeting).toBe(7); // 154 / 22
    expect(r.showRate).toBeCloseTo(18 / 22); // 18 / (18 + 4)
    expect(r.introRate).toBeCloseTo(0.3); // 3 / 10
  });
  it.each([
    ['callsPerConversation', { conversation: 0 }],
    ['conversationsPerMeeting', { meeting: 0 }],
    ['callsPerMeeting', { meeting: 0 }],
    ['noesPerMeeting', { meeting: 0 }],
    ['showRate', { 'meeting-held': 0, 'no-show': 0 }],
    ['introRate', { 'referral-ask': 0 }],
  ] as const)('%s is null on a zero denominator', (key, zero) => {
    expect(ratiosOf({ ...counts, ...zero })[key]).toBeNull();
  });
  it('a show rate of 0 (only no-shows) is 0, not null', () => {
    expect(ratiosOf({ 'no-show': 2 }).showRate).toBe(0);
  });
});

describe('funnel over a window', () => {
  const entries = [
    e('2026-08-01', 'call', 500), // before the window
    e('2026-11-02', 'call', 40),
    e('2026-11-02', 'conversation', 4),
    e('2026-11-03', 'meeting', 1, { source: 'self' }),
    e('2026-11-04', 'meeting', 2, { source: 'referral' }),
    e('2026-11-05', 'meeting', 1, { source: 'marketing' }),
    e('2026-11-06', 'meeting', 1, { source: 'event' }),
    e('2026-11-06', 'meeting', 3),
    e('2026-11-30', 'call', 99), // after the window
  ];
  it('counts only the window, and sums meetings by source with unspecified apart', () => {
    const f = funnel(entries, '2026-09-01', '2026-11-20');
    expect(f.counts.call).toBe(40);
    expect(f.counts.meeting).toBe(8);
    expect(f.counts['no-show']).toBe(0);
    expect(f.meetingsBySource).toEqual({
      self: 1,
      referral: 2,
      marketing: 1,
      event: 1,
      other: 0,
      unspecified: 3,
    });
    // (self 1 + referral 2) / 5 with a known source
    expect(f.repSourcedShare).toBeCloseTo(3 / 5);
    expect(f.ratios.callsPerMeeting).toBe(5);
  });
  it('has a null share without a meeting of known source', () => {
    expect(
      repSourcedShare(
        funnel([e('2026-11-02', 'meeting', 2)], '2026-11-01', '2026-11-30').meetingsBySource,
      ),
    ).toBeNull();
  });
  it('defaults to the 90 days ending on the as-of day', () => {
    expect(defaultWindow('2026-11-27')).toEqual({ from: '2026-08-30', to: '2026-11-27' });
  });
});

describe('so what, next', () => {
  it('says what a no is worth at the ratio', () => {
    expect(soWhatNext(7)).toBe(
      '7 noes per meeting: each no is a seventh of your next meeting. So what, next!',
    );
    expect(soWhatNext(6.6)).toContain('6.6 noes per meeting: each no is a seventh');
    expect(soWhatNext(30)).toContain('each no is 1/30 of your next meeting');
    expect(soWhatNext(1)).toContain('each no is worth a meeting');
    // Under one and a half noes a meeting, exact: 4 noes for 3 meetings is three quarters each.
    expect(soWhatNext(4 / 3)).toContain(
      '1.3 noes per meeting: each no is worth three quarters of a meeting',
    );
    expect(soWhatNext(1.5)).toContain('each no is worth two thirds of a meeting');
    expect(soWhatNext(1.25)).toContain('each no is worth four fifths of a meeting');
    // Not a simple fraction: one decimal.
    expect(soWhatNext(1.3)).toContain('each no is worth 0.8 of a meeting');
    // Fewer noes than meetings: more than a meeting each.
    expect(soWhatNext(0.5)).toContain('0.5 noes per meeting: each no is worth 2 meetings');
  });
  it('says nothing while the ratio is unknown', () => {
    expect(soWhatNext(null)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/domain/calendar.js';
import { plan } from '../../src/domain/plan.js';
import type { Entry } from '../../src/domain/types.js';

const calendar = new Calendar(['mon', 'tue', 'wed', 'thu', 'fri'], []);
const ASOF = '2026-11-20'; // a Friday; the window is 2026-08-23 .. 2026-11-20: 65 scoring days
const entries = (counts: Record<string, number>): Entry[] =>
  Object.entries(counts).map(([activity, count], i) => ({
    id: `e${i}`,
    date: '2026-11-02',
    activity,
    count,
  }));
const RATIOS = { call: 650, conversation: 53, meeting: 12, 'meeting-held': 9, 'no-show': 3 };
const need = (p: ReturnType<typeof plan>, activity: string) =>
  p.needs.find((x) => x.activity === activity);

describe('plan (SPEC rounding, worked by hand)', () => {
  it('meetings a month: the issue example, 650 calls and 53 conversations, 31 calls a day', () => {
    const p = plan({
      entries: entries(RATIOS),
      calendar,
      asOf: ASOF,
      activity: 'meeting',
      target: 12,
      per: 'month',
    });
    // November 2026 has 21 weekdays.
    expect(p.scoringDays).toBe(21);
    expect(p.window).toEqual({ from: '2026-08-23', to: ASOF });
    // calls 12 x 650/12 = 650, 650/21 = 30.95 -> 31; conversations 12 x 53/12 = 53, 53/21 = 2.52 -> 3
    expect(need(p, 'call')).toEqual({ activity: 'call', perPeriod: 650, perDay: 31 });
    expect(need(p, 'conversation')).toEqual({ activity: 'conversation', perPeriod: 53, perDay: 3 });
    expect(need(p, 'meeting')).toEqual({ activity: 'meeting', perPeriod: 12, perDay: 1 });
    // now: 650 calls over the window's 65 scoring days
    expect(p.now.call).toBe(10);
    expect(p.missing).toEqual([]);
  });
  it('held meetings: booked = n / showRate first, rounded up, then the rest from the booked', () => {
    const p = plan({
      entries: entries(RATIOS),
      calendar,
      asOf: ASOF,
      activity: 'meeting-held',
      target: 10,
      per: 'month',
    });
    // showRate 9/12: 10 / 0.75 = 13.3 -> 14 booked; 14 x 53/12 = 61.8 -> 62; 14 x 650/12 = 758.3 -> 759
    expect(need(p, 'meeting')).toEqual({ activity: 'meeting', perPeriod: 14, perDay: 1 });
    expect(need(p, 'conversation')).toEqual({ activity: 'conversation', perPeriod: 62, perDay: 3 });
    // 759 / 21 = 36.1 -> 37
    expect(need(p, 'call')).toEqual({ activity: 'call', perPeriod: 759, perDay: 37 });
  });
  it('a week divides by the scoring days of the week holding the as-of day', () => {
    const p = plan({
      entries: entries(RATIOS),
      calendar,
      asOf: ASOF,
      activity: 'meeting',
      target: 3,
      per: 'week',
    });
    expect(p.scoringDays).toBe(5);
    // 3 x 650/12 = 162.5 -> 163, /5 = 32.6 -> 33; 3 x 53/12 = 13.25 -> 14, /5 = 2.8 -> 3
    expect(need(p, 'call')).toEqual({ activity: 'call', perPeriod: 163, perDay: 33 });
    expect(need(p, 'conversation')).toEqual({ activity: 'conversation', perPeriod: 14, perDay: 3 });
  });
  it('without held meetings or no-shows: null where the show rate is needed, and what to log', () => {
    const p = plan({
      entries: entries({ call: 650, meeting: 12 }),
      calendar,
      asOf: ASOF,
      activity: 'meeting-held',
      target: 10,
      per: 'month',
    });
    expect(p.ratios.showRate).toBeNull();
    expect(need(p, 'meeting')?.perPeriod).toBeNull();
    expect(need(p, 'call')).toEqual({ activity: 'call', perPeriod: null, perDay: null });
    expect(p.missing.join(' ')).toContain('prospect log meeting-held');
    // No conversations logged: they are left out of the plan, and the rep is told.
    expect(need(p, 'conversation')).toBeUndefined();
  });
  it('without meetings: calls are null and it says to log meetings', () => {
    const p = plan({
      entries: entries({ call: 100 }),
      calendar,
      asOf: ASOF,
      activity: 'meeting',
      target: 4,
      per: 'week',
    });
    expect(p.ratios.callsPerMeeting).toBeNull();
    expect(need(p, 'call')?.perPeriod).toBeNull();
    expect(p.missing.join(' ')).toContain('prospect log meeting');
  });
});

import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/domain/calendar.js';
import { plan } from '../../src/domain/plan.js';
import type { Entry } from '../../src/domain/types.js';

const calendar = new Calendar(['mon', 'tue', 'wed', 'thu', 'fri'], []);
const ASOF = '2026-11-20'; // a Friday; the window is 2026-08-23 .. 2026-11-20: 65 scoring days
// One referral ask logged before the window: the rep's log starts before it, so the whole window
// counts (see 'a rep who started logging inside the window').
const entries = (counts: Record<string, number>): Entry[] => [
  { id: 'old', date: '2026-06-01', activity: 'referral-ask', count: 1 },
  ...Object.entries(counts).map(([activity, count], i) => ({
    id: `e${i}`,
    date: '2026-11-02',
    activity,
    count,
  })),
];
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

  it('a rep who started logging inside the window: now and the ratios start at the first entry', () => {
    // Two weeks of 30 calls a scoring day, from Mon 9 Nov: 10 scoring days to Fri 20 Nov.
    const list: Entry[] = [];
    for (const date of ['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13']) {
      list.push({ id: `a${date}`, date, activity: 'call', count: 30 });
    }
    for (const date of ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20']) {
      list.push({ id: `b${date}`, date, activity: 'call', count: 30 });
    }
    list.push({ id: 'm', date: '2026-11-12', activity: 'meeting', count: 6 });
    // A Saturday entry before them is the first entry: the window starts there.
    list.push({ id: 's', date: '2026-11-07', activity: 'referral-ask', count: 1 });
    const p = plan({
      entries: list,
      calendar,
      asOf: ASOF,
      activity: 'meeting',
      target: 12,
      per: 'month',
    });
    expect(p.window).toEqual({ from: '2026-11-07', to: ASOF });
    expect(p.windowScoringDays).toBe(10);
    expect(p.now.call).toBe(30);
    // Entries after the as-of day do not move the window.
    const late = plan({
      entries: [
        ...entries(RATIOS).slice(1),
        { id: 'x', date: '2026-11-25', activity: 'call', count: 1 },
      ],
      calendar,
      asOf: ASOF,
      activity: 'meeting',
      target: 12,
      per: 'month',
    });
    expect(late.window.from).toBe('2026-11-02');
    // With the whole window logged, it is the default window.
    const full = plan({
      entries: entries(RATIOS),
      calendar,
      asOf: ASOF,
      activity: 'meeting',
      target: 12,
      per: 'month',
    });
    expect(full.window.from).toBe('2026-08-23');
    expect(full.windowScoringDays).toBe(65);
  });
});

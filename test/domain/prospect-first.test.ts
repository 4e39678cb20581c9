import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/domain/calendar.js';
import { prospectFirst } from '../../src/domain/prospect-first.js';
import type { Entry } from '../../src/domain/types.js';

let n = 0;
const e = (date: string, activity: string, time?: string): Entry => ({
  id: `e${n++}`,
  date,
  activity,
  count: 1,
  ...(time === undefined ? {} : { time }),
});
// Week 2026-W48: Mon 23 .. Fri 27 scoring, Wed 25 a day off.
const calendar = new Calendar(['mon', 'tue', 'wed', 'thu', 'fri'], [{ date: '2026-11-25' }]);

describe('prospect first', () => {
  it('judges each scoring day by its earliest timed prospecting entry; untimed days apart', () => {
    const entries = [
      e('2026-11-23', 'call', '13:00'),
      e('2026-11-23', 'email', '08:30'), // Monday: earliest prospecting 08:30 -> first
      e('2026-11-24', 'meeting', '07:00'), // an outcome does not count
      e('2026-11-24', 'call', '14:10'), // Tuesday: 14:10 -> not first
      e('2026-11-25', 'call', '07:00'), // a day off: not a scoring day
      e('2026-11-26', 'call'), // Thursday: prospecting without a time -> left out
      e('2026-11-27', 'conversation', '11:59'), // Friday: just before noon -> first
      e('2026-11-28', 'call', '08:00'), // Saturday: not a workday
    ];
    expect(prospectFirst(entries, calendar, '2026-11-23', '2026-11-29', '12:00')).toEqual({
      days: 2,
      timedDays: 3,
      before: '12:00',
      scoringDays: 4,
      untimedDays: 1,
    });
  });
  it('a time exactly at the threshold is not before it', () => {
    const r = prospectFirst(
      [e('2026-11-23', 'call', '12:00')],
      calendar,
      '2026-11-23',
      '2026-11-23',
      '12:00',
    );
    expect(r).toMatchObject({ days: 0, timedDays: 1 });
  });
  it('follows the configured threshold', () => {
    const r = prospectFirst(
      [e('2026-11-23', 'call', '09:30')],
      calendar,
      '2026-11-23',
      '2026-11-23',
      '09:00',
    );
    expect(r.days).toBe(0);
  });
});

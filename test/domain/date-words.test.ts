import { describe, expect, it } from 'vitest';
import { parseDateWord, weekdayOf } from '../../src/domain/dates.js';

// The most recent such day before today (SPEC ground rules); a weekday on itself is a week ago.
const MONDAY = '2026-11-23';
const WEDNESDAY = '2026-11-25';
const SUNDAY = '2026-11-29';
const NEW_YEAR = '2027-01-01'; // a Friday

describe('date words', () => {
  it('the fixed days are the weekdays the cases below assume', () => {
    expect([MONDAY, WEDNESDAY, SUNDAY, NEW_YEAR].map(weekdayOf)).toEqual([
      'mon',
      'wed',
      'sun',
      'fri',
    ]);
  });

  it.each([
    [MONDAY, 'today', '2026-11-23'],
    [MONDAY, 'yesterday', '2026-11-22'],
    [MONDAY, 'mon', '2026-11-16'],
    [MONDAY, 'tue', '2026-11-17'],
    [MONDAY, 'wed', '2026-11-18'],
    [MONDAY, 'thu', '2026-11-19'],
    [MONDAY, 'fri', '2026-11-20'],
    [MONDAY, 'sat', '2026-11-21'],
    [MONDAY, 'sun', '2026-11-22'],
    [MONDAY, 'monday', '2026-11-16'],
    [MONDAY, 'tuesday', '2026-11-17'],
    [MONDAY, 'wednesday', '2026-11-18'],
    [MONDAY, 'thursday', '2026-11-19'],
    [MONDAY, 'friday', '2026-11-20'],
    [MONDAY, 'saturday', '2026-11-21'],
    [MONDAY, 'sunday', '2026-11-22'],
    [WEDNESDAY, 'today', '2026-11-25'],
    [WEDNESDAY, 'yesterday', '2026-11-24'],
    [WEDNESDAY, 'mon', '2026-11-23'],
    [WEDNESDAY, 'tue', '2026-11-24'],
    [WEDNESDAY, 'wed', '2026-11-18'],
    [WEDNESDAY, 'thursday', '2026-11-19'],
    [WEDNESDAY, 'sun', '2026-11-22'],
    [SUNDAY, 'sun', '2026-11-22'],
    [SUNDAY, 'sat', '2026-11-28'],
    [SUNDAY, 'mon', '2026-11-23'],
    [NEW_YEAR, 'yesterday', '2026-12-31'],
    [NEW_YEAR, 'fri', '2026-12-25'],
    [NEW_YEAR, 'thu', '2026-12-31'],
    [NEW_YEAR, 'sat', '2026-12-26'],
  ])('on %s, %s is %s', (today, word, expected) => {
    expect(parseDateWord(word, today)).toBe(expected);
  });

  it.each(['TODAY', 'Yesterday', 'MON', 'Friday', 'sUnDaY'])('%s: case does not matter', (word) => {
    expect(parseDateWord(word, MONDAY)).toBe(parseDateWord(word.toLowerCase(), MONDAY));
    expect(parseDateWord(word, MONDAY)).not.toBeNull();
  });

  it('still takes YYYY-MM-DD, and only real dates', () => {
    expect(parseDateWord('2026-11-20', MONDAY)).toBe('2026-11-20');
    expect(parseDateWord('2026-02-30', MONDAY)).toBeNull();
  });

  it.each(['tomorrow', 'mo', 'tues', 'weds', 'last monday', 'yday', '', 'toString', 'constructor'])(
    'refuses %j',
    (word) => {
      expect(parseDateWord(word, MONDAY)).toBeNull();
    },
  );
});

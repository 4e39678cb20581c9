import { parse } from 'shell-quote';
import { describe, expect, it } from 'vitest';
import { LONG_WEEKDAY, SHORT_MONTH, shortWeekdayAt } from '../../src/domain/day-names.js';
import { WEEKDAYS } from '../../src/domain/types.js';
import { longDay, shortDay } from '../../src/render/format.js';
import { weekdayName } from '../../src/render/report-common.js';
import { askCommand, paceGap } from '../../src/render/words.js';

describe('one home for the names of days and months', () => {
  it('names days by JavaScript index, Monday-first keys, and months', () => {
    expect([0, 1, 6].map(shortWeekdayAt)).toEqual(['Sun', 'Mon', 'Sat']);
    expect(WEEKDAYS.map((w) => LONG_WEEKDAY[w])).toEqual([
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
    ]);
    expect(SHORT_MONTH[10]).toBe('Nov');
  });

  it('the renderers take their names from it', () => {
    expect(longDay('2026-11-23')).toBe('Mon 23 Nov 2026');
    expect(shortDay('2026-12-01')).toBe('1 Dec');
    expect(weekdayName('2026-11-29')).toBe('Sun');
  });
});

describe('askCommand', () => {
  it('quotes the client for the shell, and is one command a shell runs as printed (no pipe)', () => {
    expect(askCommand("O'Brien $x")).toBe(`prospect ask "O'Brien \\$x" --outcome intro`);
    expect(askCommand('Acme', 'later')).toBe('prospect ask Acme --outcome later');
    // shell-quote's parse gives an operator object for |, ;, & or a redirection: none may appear.
    for (const cmd of [askCommand("O'Brien $x"), askCommand('Zed | Co; rm -rf ~')])
      expect(parse(cmd).every((word) => typeof word === 'string')).toBe(true);
  });
});

describe('paceGap', () => {
  it('is the one pace wording: on pace, ahead by, behind by at least 1', () => {
    expect(paceGap(true, 0.4)).toBe('on pace');
    expect(paceGap(true, 2.6)).toBe('ahead by 3');
    expect(paceGap(false, -0.2)).toBe('behind by 1');
    expect(paceGap(false, -4.5)).toBe('behind by 5');
  });
});

import type { ChalkInstance } from 'chalk';
import { toDate } from '../domain/dates.js';
import type { DayScore, Run, Streak } from '../domain/streak.js';
import type { Day } from '../domain/types.js';
import { longDay, plural, shortDay, table } from './format.js';
import { renderHeatmap } from './heatmap.js';

const NAME_WIDTH = 14;

/** `30 Oct`, with the year only when it is not the as-of year: short, so a row fits 80 columns. */
function when(day: Day, asOf: Day): string {
  const year = toDate(day).getFullYear();
  return year === toDate(asOf).getFullYear() ? shortDay(day) : `${shortDay(day)} ${year}`;
}

function sinceText(run: Run, asOf: Day): string {
  return run.current > 0 && run.currentStart !== null
    ? `since ${when(run.currentStart, asOf)}`
    : '';
}

function longestText(run: Run, unit: string, asOf: Day): string {
  if (run.longest === 0 || run.longestEnd === null) return 'no run yet';
  if (run.current > 0 && run.current === run.longest && run.currentStart === run.longestStart) {
    return 'your longest yet';
  }
  return `longest ${plural(run.longest, unit)}, ended ${when(run.longestEnd, asOf)}`;
}

/** `prospect streak` for people: the streaks, when the longest ended, and the calendar. */
export function renderStreak(
  s: Streak,
  days: readonly DayScore[],
  c: ChalkInstance,
  opts: { asOfIsToday: boolean },
): string {
  const lines: string[] = [c.bold(`Streaks as of ${longDay(s.asOf)}`)];
  const rows: string[][] = [
    [
      'daily',
      plural(s.daily.current, 'day'),
      sinceText(s.daily, s.asOf),
      longestText(s.daily, 'day', s.asOf),
    ],
  ];
  rows.push(
    s.weekly
      ? [
          'weekly',
          plural(s.weekly.current, 'week'),
          sinceText(s.weekly, s.asOf),
          longestText(s.weekly, 'week', s.asOf),
        ]
      : ['weekly', '-', '', 'no weekly quota'],
  );
  for (const [activity, run] of Object.entries(s.activities)) {
    rows.push([
      // Long custom names are cut so a row stays within 80 columns.
      activity.length > NAME_WIDTH ? `${activity.slice(0, NAME_WIDTH - 1)}…` : activity,
      plural(run.current, 'day'),
      sinceText(run, s.asOf),
      longestText(run, 'day', s.asOf),
    ]);
  }
  lines.push(...table(rows, [1]));

  const asOfDay = days.find((d) => d.date === s.asOf);
  if (asOfDay?.scoring && !asOfDay.met) {
    const what = asOfDay.quotas > 0 ? 'every daily quota is met' : 'you log something';
    lines.push(
      `${opts.asOfIsToday ? 'Today' : longDay(s.asOf)} is still open: it counts once ${what}.`,
    );
  } else if (asOfDay && !asOfDay.scoring) {
    lines.push(
      `${opts.asOfIsToday ? 'Today' : longDay(s.asOf)} is ${asOfDay.dayOff ? 'a day off' : 'not a workday'}: it neither counts nor breaks a streak.`,
    );
  }
  if (days.length > 0) {
    lines.push('');
    lines.push(...renderHeatmap(days, s.asOf, c, opts));
  }
  return `${lines.join('\n')}\n`;
}

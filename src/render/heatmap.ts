import type { ChalkInstance } from 'chalk';
import { toDate } from '../domain/dates.js';
import { SHORT_MONTH, SHORT_WEEKDAY } from '../domain/day-names.js';
import type { DayScore } from '../domain/streak.js';
import { type Day, WEEKDAYS } from '../domain/types.js';
import { longDay, shortDay } from './format.js';

const ROW_NAMES = WEEKDAYS.map((w) => SHORT_WEEKDAY[w]);
const LABEL_WIDTH = 4;

/**
 * Each kind of day has its own character, so the map reads the same without colour (NO_COLOR, a
 * pipe); colour only adds emphasis.
 */
const CELLS = {
  met: '█',
  half: '▓',
  some: '░',
  none: '·',
  dayOff: '~',
  rest: '-',
  restLogged: '+',
  untracked: ' ',
  future: ' ',
} as const;

function cell(day: DayScore, c: ChalkInstance, asOf: Day): string {
  if (day.future || day.untracked) return CELLS.future;
  if (day.dayOff) return c.cyan(CELLS.dayOff);
  if (!day.workday) return day.logged ? c.magenta(CELLS.restLogged) : c.dim(CELLS.rest);
  if (day.met) return c.green(CELLS.met);
  if (day.share >= 0.5) return c.green(CELLS.half);
  if (day.share > 0 || day.logged) return c.yellow(CELLS.some);
  // An as-of day with nothing yet is still open, not a miss.
  return day.date === asOf ? CELLS.none : c.red(CELLS.none);
}

/**
 * A contribution-graph calendar: one column per ISO week (oldest left), rows Monday to Sunday, the
 * as-of day in brackets. `days` runs from a Monday to a Sunday. Width: 4 + 2 x weeks + 1 columns.
 */
export function renderHeatmap(
  days: readonly DayScore[],
  asOf: Day,
  c: ChalkInstance,
  opts: { asOfIsToday: boolean },
): string[] {
  const weeks = Math.floor(days.length / 7);
  if (weeks === 0) return [];
  const first = days[0] as DayScore;
  const lines: string[] = [];
  lines.push(
    c.bold(
      `Last ${weeks} weeks, ${longDay(first.date, toDate(first.date).getFullYear() !== toDate(asOf).getFullYear())} to ${longDay(asOf)}`,
    ),
  );
  lines.push(monthHeader(days, weeks));
  for (let row = 0; row < 7; row++) {
    let line = (ROW_NAMES[row] as string).padEnd(LABEL_WIDTH - 1);
    let previousWasAsOf = false;
    for (let week = 0; week < weeks; week++) {
      const day = days[week * 7 + row] as DayScore;
      const isAsOf = day.date === asOf;
      line += isAsOf ? c.bold('[') : previousWasAsOf ? c.bold(']') : ' ';
      line += cell(day, c, asOf);
      previousWasAsOf = isAsOf;
    }
    if (previousWasAsOf) line += c.bold(']');
    lines.push(line.trimEnd());
  }
  lines.push(...legend(days, c, asOf, opts.asOfIsToday));
  return lines;
}

/** Month names over the week column that holds the 1st; the first column names its own month. */
function monthHeader(days: readonly DayScore[], weeks: number): string {
  const labels: { at: number; name: string }[] = [];
  for (let week = 0; week < weeks; week++) {
    const monday = toDate((days[week * 7] as DayScore).date);
    const sunday = toDate((days[week * 7 + 6] as DayScore).date);
    const startsMonth = monday.getDate() === 1 || sunday.getMonth() !== monday.getMonth();
    if (week > 0 && !startsMonth) continue;
    labels.push({ at: LABEL_WIDTH + 2 * week, name: SHORT_MONTH[sunday.getMonth()] as string });
  }
  // The first column's month gives way when the next month's name would run into it.
  const [firstLabel, secondLabel] = labels;
  if (firstLabel && secondLabel && secondLabel.at <= firstLabel.at + firstLabel.name.length) {
    labels.shift();
  }
  let header = '';
  for (const { at, name } of labels) header = header.padEnd(at) + name;
  return header;
}

function legend(days: readonly DayScore[], c: ChalkInstance, asOf: Day, asOfIsToday: boolean) {
  const withQuotas = days.some((d) => d.quotas > 0);
  const first = withQuotas
    ? [
        `${c.green(CELLS.met)} every daily quota met`,
        `${c.green(CELLS.half)} half or more`,
        `${c.yellow(CELLS.some)} less`,
        `${c.red(CELLS.none)} nothing`,
      ]
    : [`${c.green(CELLS.met)} something logged`, `${c.red(CELLS.none)} nothing logged`];
  first.push(`${c.bold('[ ]')} ${asOfIsToday ? 'today' : shortDay(asOf)}`);
  const second = [
    `${c.cyan(CELLS.dayOff)} day off`,
    `${c.dim(CELLS.rest)} not a workday`,
    `${c.magenta(CELLS.restLogged)} activity on a non-workday`,
  ];
  return [`${first.join('  ')}`, `${second.join('  ')}`];
}

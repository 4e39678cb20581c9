import { getDay } from 'date-fns/getDay';
import { toDate } from '../domain/dates.js';
import type { Day } from '../domain/types.js';

const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** `Mon 23 Nov 2026`, or without the year. */
export function longDay(day: Day, withYear = true): string {
  const date = toDate(day);
  const base = `${WEEKDAY_NAMES[getDay(date)]} ${date.getDate()} ${MONTH_NAMES[date.getMonth()]}`;
  return withYear ? `${base} ${date.getFullYear()}` : base;
}

/** `23 Nov`, the short form used inside sentences. */
export function shortDay(day: Day): string {
  const date = toDate(day);
  return `${date.getDate()} ${MONTH_NAMES[date.getMonth()]}`;
}

/** A progress bar that still reads without colour: filled and empty cells differ in shape. */
export function bar(done: number, target: number, width = 20): string {
  const share = target <= 0 ? 1 : Math.min(1, done / target);
  const filled = Math.round(share * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Terminal columns a string takes: emoji and East Asian wide characters take two, marks none. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    if (/\p{M}|\u200d|\ufe0f/u.test(ch)) continue;
    width +=
      /\p{Extended_Pictographic}|[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  }
  return width;
}

/** A plain table: columns padded to their widest cell; `right` columns align numbers. */
export function table(
  rows: readonly (readonly string[])[],
  right: readonly number[] = [],
): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell));
    });
  }
  return rows.map((row) =>
    row
      .map((cell, i) => {
        const pad = ' '.repeat((widths[i] ?? 0) - displayWidth(cell));
        return right.includes(i) ? pad + cell : i === row.length - 1 ? cell : cell + pad;
      })
      .join('  ')
      .trimEnd(),
  );
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

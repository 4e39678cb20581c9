import { getDay } from 'date-fns/getDay';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import { toDate } from '../domain/dates.js';
import { SHORT_MONTH, shortWeekdayAt } from '../domain/day-names.js';
import type { Day } from '../domain/types.js';

/** `Mon 23 Nov 2026`, or without the year. */
export function longDay(day: Day, withYear = true): string {
  const date = toDate(day);
  const base = `${shortWeekdayAt(getDay(date))} ${date.getDate()} ${SHORT_MONTH[date.getMonth()]}`;
  return withYear ? `${base} ${date.getFullYear()}` : base;
}

/** `23 Nov`, the short form used inside sentences. */
export function shortDay(day: Day): string {
  const date = toDate(day);
  return `${date.getDate()} ${SHORT_MONTH[date.getMonth()]}`;
}

/**
 * A progress bar that still reads without colour: filled and empty cells differ in shape. Rounded
 * down like the percents, so only a met target fills the bar.
 */
export function bar(done: number, target: number, width = 20): string {
  const share = target <= 0 ? 1 : Math.min(1, done / target);
  const filled = Math.floor(share * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Terminal columns a string takes (string-width): emoji and ZWJ sequences such as a family take
 * two, East Asian wide characters two, combining marks none, colour codes none.
 */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/**
 * Text in lines of at most `width` columns (wrap-ansi), broken between words; a word longer than a
 * line (a URL, or CJK text, which has no spaces) is cut at the column limit. Runs of spaces and
 * line breaks read as one space. Colour codes in the text are carried over the breaks.
 */
export function wrapLines(text: string, width: number): string[] {
  const words = text.split(/\s+/).filter(Boolean).join(' ');
  if (words === '') return [];
  return wrapAnsi(words, Math.max(2, width), { hard: true, trim: true }).split('\n');
}

/**
 * `head` then `body` wrapped to `width` columns, the lines after the first indented by `indent`
 * spaces: `Mon  a note that goes on` / `     and on`.
 */
export function wrapHanging(head: string, body: string, width: number, indent: number): string[] {
  const words = body.split(/\s+/).filter(Boolean).join(' ');
  const [first = ''] = wrapLines(words, width - displayWidth(head));
  const rest = wrapLines(words.slice(first.length), width - indent);
  const pad = ' '.repeat(indent);
  return [`${head}${first}`.trimEnd(), ...rest.map((line) => pad + line)];
}

/** The width to wrap to: the terminal's, when writing to one, else 80. */
export function terminalWidth(columns: number | undefined): number {
  return columns !== undefined && columns > 0 ? columns : 80;
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

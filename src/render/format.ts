import { getDay } from 'date-fns/getDay';
import type stringWidthFn from 'string-width';
import type wrapAnsiFn from 'wrap-ansi';
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

/**
 * A whole number with thousands separated by commas, as toLocaleString('en-US') writes it,
 * without loading ICU's number formatting (~10 ms the first time, on every `funnel`).
 */
export function grouped(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? `-${out}` : out;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Text every character of which is one column wide on its own and joins no neighbour into one
 * grapheme: printable ASCII (no control characters, no colour codes) and the few symbols
 * prospect's own output uses (· – — … ← ↑ → ↓, bar and spark blocks). Its width is its length.
 * test/render/format-ascii.test.ts checks each symbol against string-width and wrap-ansi.
 */
const ONE_COLUMN = /^[\x20-\x7e\u00b7\u2013\u2014\u2026\u2190-\u2193\u2581-\u2588\u2591-\u2593]*$/;

interface TextLib {
  stringWidth: typeof stringWidthFn;
  wrapAnsi: typeof wrapAnsiFn;
}
let textLib: TextLib | undefined;

/**
 * string-width and wrap-ansi, loaded on first use: evaluating them (Unicode property regexes,
 * Intl.Segmenter and its ICU data) cost ~20-30 ms, and almost all text prospect measures is ASCII,
 * which never needs them. In the bundle (dist/ and dist/script/cli.js) esbuild turns `require` of
 * a bundled ES module into a call that evaluates it there and then; run from the sources (vitest),
 * test/setup-require.ts provides Node's own `require`, which loads an ES module too.
 */
function lib(): TextLib {
  textLib ??= {
    stringWidth: require('string-width').default,
    wrapAnsi: require('wrap-ansi').default,
  };
  return textLib;
}

/**
 * Terminal columns a string takes (string-width): emoji and ZWJ sequences such as a family take
 * two, East Asian wide characters two, combining marks none, colour codes none. Printable ASCII
 * (and prospect's own symbols) is its length, without loading string-width.
 */
export function displayWidth(text: string): number {
  return ONE_COLUMN.test(text) ? text.length : lib().stringWidth(text);
}

/** True when every character of `text` takes one column and stands alone (ONE_COLUMN). */
export function isOneColumn(text: string): boolean {
  return ONE_COLUMN.test(text);
}

/**
 * Text in lines of at most `width` columns (wrap-ansi), broken between words; a word longer than a
 * line (a URL, or CJK text, which has no spaces) is cut at the column limit. Runs of spaces and
 * line breaks read as one space. Colour codes in the text are carried over the breaks.
 */
export function wrapLines(text: string, width: number): string[] {
  const words = text.split(/\s+/).filter(Boolean).join(' ');
  if (words === '') return [];
  const columns = Math.max(2, width);
  if (ONE_COLUMN.test(words)) return wrapAscii(words, columns);
  return lib().wrapAnsi(words, columns, { hard: true, trim: true }).split('\n');
}

/**
 * wrap-ansi's `{ hard: true, trim: true }` for ONE_COLUMN words joined by single spaces, where
 * every character is one column and there are no escapes: the same steps, the same lines
 * (test/render/format.test.ts compares the two on random text).
 */
function wrapAscii(text: string, columns: number): string[] {
  const rows: string[] = [];
  let row = '';
  let rowLength = 0;
  let first = true;
  for (const word of text.split(' ')) {
    if (first) first = false;
    else if (rowLength > 0) {
      row += ' ';
      rowLength++;
    }
    if (word.length > columns) {
      // A word longer than a line: cut at the column limit, starting on this row when that takes
      // no more breaks than starting on the next.
      const breaksHere = 1 + Math.floor((word.length - (columns - rowLength) - 1) / columns);
      const breaksNext = Math.floor((word.length - 1) / columns);
      if (breaksNext < breaksHere) {
        rows.push(row);
        row = '';
        rowLength = 0;
      }
      for (let i = 0; i < word.length; i++) {
        if (rowLength > 0 && rowLength + 1 > columns) {
          rows.push(row);
          row = '';
          rowLength = 0;
        }
        row += word[i];
        rowLength++;
        if (rowLength === columns && i < word.length - 1) {
          rows.push(row);
          row = '';
          rowLength = 0;
        }
      }
      continue;
    }
    if (rowLength + word.length > columns && rowLength > 0 && word.length > 0) {
      rows.push(row);
      row = '';
      rowLength = 0;
    }
    row += word;
    rowLength += word.length;
  }
  rows.push(row);
  return rows.map((line) => line.replace(/ +$/, ''));
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

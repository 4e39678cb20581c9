import type { Io } from './io.js';

/**
 * What may never reach a terminal or a file raw, wherever the text came from (a hand-edited store,
 * an import, a teammate's report): C0 controls but \n and \t, DEL, the C1 controls (U+0080-U+009F,
 * U+009B is a one-byte CSI on some terminals), the line and paragraph separators, and the bidi
 * marks, embeddings, overrides and isolates that reorder what is shown. A CR is kept only as the
 * first half of a CRLF line end (iCalendar needs those; it cannot overwrite a line). An SGR
 * sequence (`ESC [ 1;31 m`: colour and weight only, it cannot move the cursor, retitle the window
 * or write a link) is matched as a whole so that chalk's colours can be let through.
 */
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /\u001b\[[0-9;]*m|\r\n|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Every character a one-line message escapes: all of UNSAFE's, and \n and \t too. */
export const UNSAFE_IN_A_LINE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `\u001b`: visible, and inside a JSON string it is the escape of the very same character. */
const visible = (ch: string) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * The one sanitising step for everything written to a terminal or a file (see safeIo and
 * writeOutput): each unsafe character is replaced by its visible `\uXXXX` escape. With
 * `keepColour`, SGR colour sequences (chalk's, when colour is on) pass; without it, none do.
 */
export function safeText(text: string, keepColour = false): string {
  return text.replace(UNSAFE, (match) => {
    if (match === '\r\n') return match;
    if (match.length > 1) return keepColour ? match : visible(match[0] as string) + match.slice(1);
    return visible(match);
  });
}

/**
 * The streams a command writes to, with every write going through safeText: a command cannot
 * forget to clean a name, note or reason it prints. Colour codes pass only when colour is on.
 */
export function safeIo(io: Io, colour: boolean): Io {
  const safe = Object.create(io) as Io;
  safe.stdout = (text) => io.stdout(safeText(text, colour));
  safe.stderr = (text) => io.stderr(safeText(text, colour));
  return safe;
}

import type { Ctx } from '../context.js';
import { usage } from '../errors.js';
import { deliver, STDOUT } from '../files/output.js';
import { choice } from '../options.js';
import { REPORT_FORMATS, type ReportFormat } from '../render/report-common.js';

/** The options of every command that writes a document: report, team, leads report, export. */
export interface OutputOptions {
  format?: string;
  json?: boolean;
  out?: string;
  force?: boolean;
  includeBeliefs?: boolean;
}

// A Map: the extension is the user's word (`x.constructor` must not find Object's constructor).
const BY_EXTENSION = new Map<string, ReportFormat>([
  ['txt', 'text'],
  ['text', 'text'],
  ['md', 'md'],
  ['markdown', 'md'],
  ['csv', 'csv'],
  ['json', 'json'],
  ['html', 'html'],
  ['htm', 'html'],
]);

/**
 * `--format`, else `--json`, else the extension of `--out` (week.html), else text. An extension
 * prospect does not write (w47.xlsx) is refused rather than filled with text.
 */
export function resolveFormat(opts: OutputOptions): ReportFormat {
  if (opts.format !== undefined) {
    const format = choice(opts.format, REPORT_FORMATS, '--format');
    if (opts.json && format !== 'json')
      usage(`--json and --format ${format} disagree: give one of them`);
    return format;
  }
  if (opts.json) return 'json';
  if (opts.out === undefined || opts.out === STDOUT) return 'text';
  const ext = opts.out.match(/\.([^./\\]+)$/)?.[1];
  if (ext === undefined) return 'text';
  const format = BY_EXTENSION.get(ext.toLowerCase());
  if (format === undefined) {
    const name = opts.out.length > 60 ? `${opts.out.slice(0, 60)}...` : opts.out;
    usage(
      `--out ${name}: prospect does not write .${ext.slice(0, 20)} files: name it .txt, .md, .csv, .json, .html or .htm, or give --format`,
    );
  }
  return format;
}

/** Prints the document (no `--out`, or `--out -`), or writes it atomically and says where on stderr. */
export function emit(ctx: Ctx, text: string, opts: OutputOptions, what: string): void {
  const path = deliver(ctx.io, opts.out ?? STDOUT, text, { force: opts.force });
  if (path === null) return;
  // stderr, so stdout stays empty and a script's pipe never sees a stray line.
  ctx.io.stderr(`Wrote ${what} to ${path}\n`);
}

/** No `--out`, or `--out -`: the document goes to stdout (colour may apply). */
export function toStdout(out: string | undefined): boolean {
  return out === undefined || out === STDOUT;
}

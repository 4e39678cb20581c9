import { basename, resolve } from 'node:path';
import type { Ctx } from '../context.js';
import { addDay, isoWeekLabel, parseIsoWeek, periodOf, type Span } from '../domain/dates.js';
import { buildWeeklyReport, type WeeklyReport } from '../domain/report.js';
import type { Day } from '../domain/types.js';
import { printable, usage } from '../errors.js';
import { paint } from '../io.js';
import { choice, dateOrToday } from '../options.js';
import { json } from '../render/format.js';
import { REPORT_FORMATS, type ReportFormat } from '../render/report-common.js';
import { deliver, STDOUT } from '../store/output.js';
import { readStore } from '../store/store.js';

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

/** `2026-W47`, `this` or `last`, relative to the as-of day. */
export function weekOption(value: string | undefined, asOf: Day): Span {
  if (value === undefined || value.toLowerCase() === 'this') return periodOf('week', asOf);
  if (value.toLowerCase() === 'last') return periodOf('week', addDay(asOf, -7));
  const span = parseIsoWeek(value.toUpperCase());
  if (span === null) {
    usage(
      `--week '${value}' is not a week: use an ISO week such as ${isoWeekLabel(asOf)}, or this or last`,
    );
  }
  if (span.start > asOf) {
    usage(`--week ${value.toUpperCase()} starts after ${asOf}: nothing in it has happened yet`);
  }
  return span;
}

export const NAME_HINT = 'no name set (prospect config set name "Your Name")';

/**
 * The rep of a report from a store with no name set: the store folder's name when PROSPECT_HOME
 * picks it (people keep one folder per rep), else "unnamed rep" (conf's own folder names no one).
 */
export function unnamedRep(home: string | undefined): string {
  const folder = home ? printable(basename(resolve(home))).trim() : '';
  return folder === '' || folder === '.' ? 'unnamed rep' : folder;
}

async function renderReport(
  r: WeeklyReport,
  format: ReportFormat,
  color: boolean,
): Promise<string> {
  switch (format) {
    case 'json':
      return json(r);
    case 'text':
      return (await import('../render/report-text.js')).renderReportText(r, paint(color));
    case 'md':
      return (await import('../render/report-md.js')).renderReportMd(r);
    case 'csv':
      return (await import('../render/report-csv.js')).renderReportCsv(r);
    case 'html':
      return (await import('../render/report-html.js')).renderReportHtml(r);
  }
}

export interface ReportOptions extends OutputOptions {
  week?: string;
  date?: string;
  weeks?: string;
  month?: string;
  quarter?: string;
}

export async function report(ctx: Ctx, opts: ReportOptions): Promise<void> {
  const asOf = dateOrToday(opts.date, ctx.today, '--date', { write: false });
  const given = (['weeks', 'month', 'quarter'] as const).filter((k) => opts[k] !== undefined);
  if (given.length > 1) usage(`--${given[0]} and --${given[1]} disagree: give one of them`);
  if (opts.week !== undefined && (opts.month !== undefined || opts.quarter !== undefined))
    usage(
      `--week and --${opts.month !== undefined ? 'month' : 'quarter'} disagree: give one of them`,
    );
  if (given.length === 1) {
    const { periodReport, trendReport } = await import('./trend.js');
    if (opts.weeks !== undefined) return trendReport(ctx, opts, asOf);
    return periodReport(ctx, opts, asOf);
  }
  const week = weekOption(opts.week, asOf);
  const format = resolveFormat(opts);
  const { data } = readStore();
  const r = buildWeeklyReport(data, { week, asOf, includeBeliefs: opts.includeBeliefs === true });
  if (r.rep.trim() === '') {
    // PROSPECT_HOME: the same place storePath() takes the store's folder from.
    r.rep = unnamedRep(process.env.PROSPECT_HOME);
    ctx.io.stderr(`${NAME_HINT}: this report calls you '${r.rep}'\n`);
  }
  // Colour only on a terminal, never in a file.
  const text = await renderReport(r, format, ctx.color && toStdout(opts.out));
  emit(ctx, text, opts, `the ${r.week} report (${format})`);
}

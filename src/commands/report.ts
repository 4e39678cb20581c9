import { addDay, isoWeekLabel, parseIsoWeek, periodOf, type Span } from '../domain/dates.js';
import { buildWeeklyReport, type WeeklyReport } from '../domain/report.js';
import type { Day } from '../domain/types.js';
import { usage } from '../errors.js';
import { paint } from '../io.js';
import { choice, dateOrToday } from '../options.js';
import type { Ctx } from '../program.js';
import { json } from '../render/format.js';
import { REPORT_FORMATS, type ReportFormat } from '../render/report-common.js';
import { writeOutput } from '../store/output.js';
import { readStore } from '../store/store.js';

export interface OutputOptions {
  format?: string;
  json?: boolean;
  out?: string;
  force?: boolean;
  includeBeliefs?: boolean;
}

const BY_EXTENSION: Record<string, ReportFormat> = {
  txt: 'text',
  text: 'text',
  md: 'md',
  markdown: 'md',
  csv: 'csv',
  json: 'json',
  html: 'html',
  htm: 'html',
};

/** `--format`, else `--json`, else the extension of `--out` (week.html), else text. */
export function resolveFormat(opts: OutputOptions): ReportFormat {
  if (opts.format !== undefined) {
    const format = choice(opts.format, REPORT_FORMATS, '--format');
    if (opts.json && format !== 'json')
      usage(`--json and --format ${format} disagree: give one of them`);
    return format;
  }
  if (opts.json) return 'json';
  const ext = opts.out?.match(/\.([a-z]+)$/i)?.[1]?.toLowerCase();
  return (ext && BY_EXTENSION[ext]) || 'text';
}

/** Prints the document, or writes it atomically to `--out` and says where on stderr. */
export function emit(ctx: Ctx, text: string, opts: OutputOptions, what: string): void {
  if (opts.out === undefined) {
    ctx.io.stdout(text);
    return;
  }
  const path = writeOutput(opts.out, text, { force: opts.force });
  // stderr, so stdout stays empty and a script's pipe never sees a stray line.
  ctx.io.stderr(`Wrote ${what} to ${path}\n`);
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
  // Colour only on a terminal, never in a file.
  const text = await renderReport(r, format, ctx.color && opts.out === undefined);
  emit(ctx, text, opts, `the ${r.week} report (${format})`);
}

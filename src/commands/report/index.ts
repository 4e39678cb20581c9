import { basename, resolve } from 'node:path';
import { emit, resolveFormat, toStdout } from '../../app/documents.js';
import { renderAs } from '../../app/render-as.js';
import type { Ctx } from '../../context.js';
import { buildWeeklyReport, type WeeklyReport } from '../../domain/report.js';
import { printable, usage } from '../../errors.js';
import { dateOrToday } from '../../options.js';
import type { ReportFormat } from '../../render/report-common.js';
import { readRecent } from '../../store/store.js';
import { type ReportOptions, weekOption } from './options.js';

const NAME_HINT = 'no name set (prospect config set name "Your Name")';

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
  return renderAs(r, format, color, {
    text: async () => (await import('../../render/report-text.js')).renderReportText,
    md: async () => (await import('../../render/report-md.js')).renderReportMd,
    csv: async () => (await import('../../render/report-csv.js')).renderReportCsv,
    html: async () => (await import('../../render/report-html.js')).renderReportHtml,
  });
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
  // A weekly report looks at no lead: any day will do for them.
  const { data } = readRecent(ctx.store, { entries: week.start, leads: asOf });
  const r = buildWeeklyReport(data, { week, asOf, includeBeliefs: opts.includeBeliefs === true });
  if (r.rep.trim() === '') {
    // PROSPECT_HOME: the same place ctx.store.path takes the store's folder from.
    r.rep = unnamedRep(ctx.io.env.PROSPECT_HOME);
    ctx.io.stderr(`${NAME_HINT}: this report calls you '${r.rep}'\n`);
  }
  // Colour only on a terminal, never in a file.
  const text = await renderReport(r, format, ctx.color && toStdout(opts.out));
  emit(ctx, text, opts, `the ${r.week} report (${format})`);
}

import { emit, resolveFormat } from '../../app/documents.js';
import { renderAs } from '../../app/render-as.js';
import type { Ctx } from '../../context.js';
import { addDay } from '../../domain/dates.js';
import { buildPeriodReport, type PeriodKind } from '../../domain/period.js';
import { buildTrendReport, MAX_TREND_WEEKS, MIN_TREND_WEEKS } from '../../domain/trend.js';
import type { Day } from '../../domain/types.js';
import { wholeNumber } from '../../options.js';
import { readRecent, readStore } from '../../store/store.js';
import { periodOption, type ReportOptions, weekOption } from './options.js';

/** `report --weeks N`: the N weeks ending with the chosen week, each as of the same day. */
export async function trendReport(ctx: Ctx, opts: ReportOptions, asOf: Day): Promise<void> {
  const count = wholeNumber(opts.weeks ?? '', '--weeks', MIN_TREND_WEEKS, MAX_TREND_WEEKS);
  const last = weekOption(opts.week, asOf);
  const format = resolveFormat(opts);
  // The first of the weeks: count - 1 weeks before the last one's Monday.
  const { data } = readRecent(ctx.store, {
    entries: addDay(last.start, -7 * (count - 1)),
    leads: asOf,
  });
  const t = buildTrendReport(data, { last, count, asOf });
  const text = await renderAs(t, format, ctx.color && opts.out === undefined, {
    text: async () => (await import('../../render/trend.js')).renderTrendText,
    md: async () => (await import('../../render/trend.js')).renderTrendMd,
    csv: async () => (await import('../../render/trend.js')).renderTrendCsv,
    html: async () => (await import('../../render/trend-html.js')).renderTrendHtml,
  });
  const first = t.weeks[0]?.week;
  const end = t.weeks.at(-1)?.week;
  emit(ctx, text, opts, `the trend ${first} to ${end} (${format})`);
}

/** `2026-11` / `2026-Q4`, `this` or `last`, relative to the as-of day. */

/** `report --month` / `--quarter`: the period's totals against every quota that fits in it. */
export async function periodReport(ctx: Ctx, opts: ReportOptions, asOf: Day): Promise<void> {
  const kind: PeriodKind = opts.month !== undefined ? 'month' : 'quarter';
  const span = periodOption(kind, (opts.month ?? opts.quarter) as string, asOf);
  const format = resolveFormat(opts);
  const { data } = readStore(ctx.store);
  const p = buildPeriodReport(data, { kind, span, asOf });
  const text = await renderAs(p, format, ctx.color && opts.out === undefined, {
    text: async () => (await import('../../render/period.js')).renderPeriodText,
    md: async () => (await import('../../render/period.js')).renderPeriodMd,
    csv: async () => (await import('../../render/period.js')).renderPeriodCsv,
    html: async () => (await import('../../render/period.js')).renderPeriodHtml,
  });
  emit(ctx, text, opts, `the ${p.period} report (${format})`);
}

import { emit, type OutputOptions, resolveFormat } from '../app/documents.js';
import { renderAs } from '../app/render-as.js';
import { dayWindow } from '../app/window.js';
import type { Ctx } from '../context.js';
import { recentFrom } from '../domain/history.js';
import { buildLeadReport, type LeadReport, leadReportFrom } from '../domain/lead-report.js';
import { LEAD_ORIGINS, leadViews } from '../domain/leads.js';
import { choice, dateOrToday } from '../options.js';
import { paint } from '../paint.js';
import { json } from '../render/format.js';
import { leadsJson, renderLeads } from '../render/leads.js';
import type { ReportFormat } from '../render/report-common.js';
import { readRecent, readStore } from '../store/store.js';

export async function leads(
  ctx: Ctx,
  opts: { date?: string; source?: string; all?: boolean; json?: boolean },
): Promise<void> {
  const asOf = dateOrToday(opts.date, ctx.today, '--date', { write: false });
  const source =
    opts.source === undefined ? undefined : choice(opts.source, LEAD_ORIGINS, '--source');
  // Closed leads may be in the history: --all reads the whole store.
  const { data } = opts.all ? readStore(ctx.store) : readRecent(ctx.store, recentFrom(asOf));
  const views = leadViews(data, asOf).filter(
    (v) =>
      (opts.all || (v.stage !== 'won' && v.stage !== 'lost' && v.stage !== 'rejected')) &&
      (source === undefined || v.lead.source === source),
  );
  ctx.io.stdout(
    opts.json
      ? json(leadsJson(views, asOf))
      : renderLeads(views, asOf, paint(ctx.color), opts.all === true),
  );
}

async function renderLeadReport(
  r: LeadReport,
  format: ReportFormat,
  color: boolean,
): Promise<string> {
  // json: prospect.lead-report/1, SPEC's keys, the total row besides the rows; emails never.
  return renderAs(r, format, color, {
    text: async () => (await import('../render/leads-report.js')).renderLeadReportText,
    md: async () => (await import('../render/leads-report.js')).renderLeadReportMd,
    csv: async () => (await import('../render/leads-report.js')).renderLeadReportCsv,
    html: async () => (await import('../render/leads-report-html.js')).renderLeadReportHtml,
  });
}

export async function leadsReport(
  ctx: Ctx,
  opts: OutputOptions & { from?: string; to?: string; date?: string; source?: string },
): Promise<void> {
  const { asOf, from, to } = dayWindow(opts, ctx.today);
  const source =
    opts.source === undefined ? undefined : choice(opts.source, LEAD_ORIGINS, '--source');
  const format = resolveFormat(opts);
  // Leads received in the window, and its meetings: nothing before its first day.
  const since = from ?? leadReportFrom(to);
  const { data } = readRecent(ctx.store, { entries: since, leads: since });
  const r = buildLeadReport(data, { from, to, asOf, source });
  const text = await renderLeadReport(r, format, ctx.color && opts.out === undefined);
  emit(ctx, text, opts, `the leads report ${r.from} to ${r.to} (${format})`);
}

import { emit, type OutputOptions } from '../../app/documents.js';
import { renderAs } from '../../app/render-as.js';
import type { Ctx } from '../../context.js';
import type { LeadReport } from '../../domain/lead-report.js';
import { TeamInputProblem } from '../../domain/team.js';
import { buildTeamLeadReport, isLeadReport, readLeadReport } from '../../domain/team-leads.js';
import { usage } from '../../errors.js';
import { json, plural } from '../../render/format.js';
import type { ReportFormat } from '../../render/report-common.js';

/** `team` over reps' lead reports: one `prospect.team-lead-report/1` for marketing. */
export async function teamLeads(
  ctx: Ctx,
  raws: readonly { file: string; raw: unknown }[],
  format: ReportFormat,
  opts: OutputOptions,
): Promise<void> {
  const inputs: { file: string; report: LeadReport }[] = [];
  for (const { file, raw } of raws) {
    if (!isLeadReport(raw))
      usage(
        `${file} is not a lead report: give only lead reports (prospect leads report --format json), or only weekly reports`,
      );
    try {
      inputs.push({ file, report: readLeadReport(raw) });
    } catch (error) {
      if (error instanceof TeamInputProblem)
        usage(`${file} is not a lead report: ${error.message}`);
      throw error;
    }
  }
  let t: ReturnType<typeof buildTeamLeadReport>;
  try {
    t = buildTeamLeadReport(inputs);
  } catch (error) {
    if (error instanceof TeamInputProblem) usage(error.message);
    throw error;
  }
  const view = { ...t, rep: `team of ${t.reps.length} (${t.reps.join(', ')})` };
  // The JSON is the roll-up itself; the other formats show the team as one rep.
  const text =
    format === 'json'
      ? json(t)
      : await renderAs(view, format, ctx.color && opts.out === undefined, {
          text: async () => (await import('../../render/leads-report.js')).renderLeadReportText,
          md: async () => (await import('../../render/leads-report.js')).renderLeadReportMd,
          csv: async () => (await import('../../render/leads-report.js')).renderLeadReportCsv,
          html: async () =>
            (await import('../../render/leads-report-html.js')).renderLeadReportHtml,
        });
  emit(ctx, text, opts, `the team lead report of ${plural(t.reps.length, 'rep')} (${format})`);
}

import type { LeadReport } from '../domain/lead-report.js';
import { TeamInputProblem } from '../domain/team.js';
import { buildTeamLeadReport, isLeadReport, readLeadReport } from '../domain/team-leads.js';
import { usage } from '../errors.js';
import { paint } from '../io.js';
import type { Ctx } from '../program.js';
import { json, plural } from '../render/format.js';
import type { ReportFormat } from '../render/report-common.js';
import { emit, type OutputOptions } from './report.js';

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
  let text: string;
  if (format === 'json') text = json(t);
  else if (format === 'html')
    text = (await import('../render/leads-report-html.js')).renderLeadReportHtml(view);
  else {
    const m = await import('../render/leads-report.js');
    text =
      format === 'md'
        ? m.renderLeadReportMd(view)
        : format === 'csv'
          ? m.renderLeadReportCsv(view)
          : m.renderLeadReportText(view, paint(ctx.color && opts.out === undefined));
  }
  emit(ctx, text, opts, `the team lead report of ${plural(t.reps.length, 'rep')} (${format})`);
}

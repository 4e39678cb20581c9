import { emit, type OutputOptions } from '../../app/documents.js';
import { renderAs } from '../../app/render-as.js';
import type { Ctx } from '../../context.js';
import type { RepReport } from '../../domain/team.js';
import { TeamInputProblem } from '../../domain/team.js';
import { buildTeamTrend, type TeamTrend } from '../../domain/team-trend.js';
import { usage } from '../../errors.js';
import type { ReportFormat } from '../../render/report-common.js';

/** `team` given reports of several weeks: reps by weeks (SPEC, Trends). */
export async function teamTrend(
  ctx: Ctx,
  inputs: { file: string; report: RepReport }[],
  format: ReportFormat,
  opts: OutputOptions,
): Promise<void> {
  let t: TeamTrend;
  try {
    t = buildTeamTrend(inputs);
  } catch (error) {
    if (error instanceof TeamInputProblem) usage(error.message);
    throw error;
  }
  const text = await renderAs(t, format, ctx.color && opts.out === undefined, {
    text: async () => (await import('../../render/team-trend.js')).renderTeamTrendText,
    md: async () => (await import('../../render/team-trend.js')).renderTeamTrendMd,
    csv: async () => (await import('../../render/team-trend.js')).renderTeamTrendCsv,
    html: async () => (await import('../../render/team-trend-html.js')).renderTeamTrendHtml,
  });
  emit(ctx, text, opts, `the team trend ${t.weeks[0]} to ${t.weeks.at(-1)} (${format})`);
}

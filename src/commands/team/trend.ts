import { emit, type OutputOptions } from '../../app/documents.js';
import type { Ctx } from '../../context.js';
import type { RepReport } from '../../domain/team.js';
import { TeamInputProblem } from '../../domain/team.js';
import { buildTeamTrend, type TeamTrend } from '../../domain/team-trend.js';
import { usage } from '../../errors.js';
import { paint } from '../../io.js';
import { json } from '../../render/format.js';
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
  let text: string;
  if (format === 'json') {
    text = json(t);
  } else if (format === 'html') {
    text = (await import('../../render/team-trend-html.js')).renderTeamTrendHtml(t);
  } else {
    const r = await import('../../render/team-trend.js');
    text =
      format === 'text'
        ? r.renderTeamTrendText(t, paint(ctx.color && opts.out === undefined))
        : format === 'md'
          ? r.renderTeamTrendMd(t)
          : r.renderTeamTrendCsv(t);
  }
  emit(ctx, text, opts, `the team trend ${t.weeks[0]} to ${t.weeks.at(-1)} (${format})`);
}

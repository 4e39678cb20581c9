import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { emit, type OutputOptions, resolveFormat, toStdout } from '../../app/documents.js';
import { renderAs } from '../../app/render-as.js';
import type { Ctx } from '../../context.js';
import {
  buildTeamReport,
  type RepReport,
  repName,
  TeamInputProblem,
  type TeamReport,
} from '../../domain/team.js';
import { isLeadReport } from '../../domain/team-leads.js';
import { readRepReports } from '../../domain/team-trend.js';
import { printable, usage } from '../../errors.js';
import { readJsonInput } from '../../files/input.js';
import { plural } from '../../render/format.js';
import type { ReportFormat } from '../../render/report-common.js';

/** The files named, with each folder standing for the `.json` files directly inside it. */
function expand(args: readonly string[]): string[] {
  const files: string[] = [];
  for (const arg of args) {
    let isDir = false;
    try {
      isDir = statSync(arg).isDirectory();
    } catch (error) {
      usage(
        `cannot read ${arg}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (error as Error).message}`,
      );
    }
    if (!isDir) {
      files.push(arg);
      continue;
    }
    // join(arg, f) for each file is the folder's joined prefix then the name (a name from
    // readdir has no separator and is never . or ..): one join, not one per file.
    const prefix = join(arg, 'x').slice(0, -1);
    const inside = readdirSync(arg)
      .filter((f) => f.toLowerCase().endsWith('.json'))
      .sort()
      .map((f) => prefix + f);
    if (inside.length === 0) usage(`the folder ${arg} holds no .json reports`);
    files.push(...inside);
  }
  return files;
}

const WANTED =
  "give reports made with 'prospect report --format json' or 'prospect leads report --format json'";

/**
 * One file read: a lead report as parsed, or the weekly reports it holds, or why it holds none
 * (told only once every file is read, and only if no file is a lead report).
 */
type Read =
  | { file: string; lead: unknown }
  | { file: string; reports: RepReport[] }
  | { file: string; problem: TeamInputProblem };

/**
 * Reads and checks one file as soon as it is parsed, keeping only what the roll-up needs: the
 * parsed days of 600 weekly reports held to the end cost the garbage collector ~3 ms.
 */
function readOne(file: string): Read {
  const raw = readJsonInput(file, WANTED);
  if (isLeadReport(raw)) return { file, lead: raw };
  try {
    return { file, reports: readRepReports(raw) };
  } catch (error) {
    if (error instanceof TeamInputProblem) return { file, problem: error };
    throw error;
  }
}

function check(read: Read): RepReport[] {
  if ('problem' in read) usage(`${read.file} is not a weekly report: ${read.problem.message}`);
  return 'reports' in read ? read.reports : [];
}

async function renderTeam(t: TeamReport, format: ReportFormat, color: boolean): Promise<string> {
  return renderAs(t, format, color, {
    text: async () => (await import('../../render/team-text.js')).renderTeamText,
    md: async () => (await import('../../render/team-md.js')).renderTeamMd,
    csv: async () => (await import('../../render/team-csv.js')).renderTeamCsv,
    html: async () => (await import('../../render/team-html.js')).renderTeamHtml,
  });
}

export async function team(ctx: Ctx, paths: string[], opts: OutputOptions): Promise<void> {
  const format = resolveFormat(opts);
  const files = expand(paths);
  const reads = files.map(readOne);
  // Reps' lead reports (prospect leads report --format json) make a team lead report; any other
  // file among them is refused there (as no lead report).
  if (reads.some((r) => 'lead' in r)) {
    const { teamLeads } = await import('./leads.js');
    const raws = reads.map((r) => ({ file: r.file, raw: 'lead' in r ? r.lead : undefined }));
    await teamLeads(ctx, raws, format, opts);
    return;
  }
  // Every file is read and checked before anything is written.
  const inputs = reads.flatMap((read) =>
    check(read).map((report) => ({ file: read.file, report })),
  );
  for (const { file, report } of inputs) {
    if (report.rep.trim() === '') {
      ctx.io.stderr(
        `${printable(file)} names no rep: shown as '${printable(repName(report, file))}'; the rep sets a name with prospect config set name "Their Name"\n`,
      );
    }
  }
  // Reports of several weeks make a trend: reps by weeks (SPEC, Trends).
  if (new Set(inputs.map((i) => i.report.week)).size > 1) {
    const { teamTrend } = await import('./trend.js');
    return teamTrend(ctx, inputs, format, opts);
  }
  let t: TeamReport;
  try {
    t = buildTeamReport(inputs, { includeBeliefs: opts.includeBeliefs === true });
  } catch (error) {
    if (error instanceof TeamInputProblem) usage(error.message);
    throw error;
  }
  const text = await renderTeam(t, format, ctx.color && toStdout(opts.out));
  emit(
    ctx,
    text,
    opts,
    `the ${t.week} team roll-up of ${plural(t.reps.length, 'rep')} (${format})`,
  );
}

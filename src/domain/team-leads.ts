import {
  compareRows,
  emptyMeetings,
  emptyTally,
  finish,
  LEAD_REPORT_SCHEMA,
  type LeadReport,
  type LeadReportLead,
  type LeadReportRow,
  type MeetingsBySource,
  type RowTally,
  repSourcedShare,
} from './lead-report.js';
import { TeamInputProblem } from './team.js';

const TEAM_LEAD_REPORT_SCHEMA = 'prospect.team-lead-report/1';

export interface TeamLeadReport {
  schema: typeof TEAM_LEAD_REPORT_SCHEMA;
  reps: string[];
  /** The widest window the reports cover, and the latest as-of day. */
  from: string;
  to: string;
  asOf: string;
  rows: LeadReportRow[];
  total: LeadReportRow;
  leads: (LeadReportLead & { rep: string })[];
  meetingsBySource: MeetingsBySource;
  repSourcedShare: number | null;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const COUNTS = [
  'received',
  'contacted',
  'accepted',
  'rejected',
  'meetings',
  'won',
  'lost',
  'open',
] as const;
const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export const isLeadReport = (raw: unknown) => isObject(raw) && raw.schema === LEAD_REPORT_SCHEMA;

/** Checks one parsed file is a rep's lead report this roll-up can read. */
export function readLeadReport(raw: unknown): LeadReport {
  if (!isObject(raw) || raw.schema !== LEAD_REPORT_SCHEMA)
    throw new TeamInputProblem(`its schema is not ${LEAD_REPORT_SCHEMA}`);
  if (typeof raw.rep !== 'string') throw new TeamInputProblem('it has no rep');
  for (const key of ['from', 'to', 'asOf']) {
    if (typeof raw[key] !== 'string') throw new TeamInputProblem(`it has no ${key}`);
  }
  if (!Array.isArray(raw.rows) || !Array.isArray(raw.leads) || !isObject(raw.meetingsBySource))
    throw new TeamInputProblem('it has no rows, leads or meetingsBySource');
  raw.rows.forEach((row, i) => {
    if (!isObject(row) || typeof row.source !== 'string' || !COUNTS.every((k) => isCount(row[k])))
      throw new TeamInputProblem(`rows[${i}] is not a row of counts`);
  });
  raw.leads.forEach((lead, i) => {
    if (!isObject(lead) || typeof lead.name !== 'string')
      throw new TeamInputProblem(`leads[${i}] is not a lead`);
  });
  return raw as unknown as LeadReport;
}

function addRow(t: RowTally, row: LeadReportRow): void {
  for (const k of COUNTS) t.row[k] += row[k];
  for (const [reason, n] of Object.entries(row.rejectReasons ?? {}))
    t.row.rejectReasons[reason] = (t.row.rejectReasons[reason] ?? 0) + n;
  for (const [reason, n] of Object.entries(row.lostReasons ?? {}))
    t.row.lostReasons[reason] = (t.row.lostReasons[reason] ?? 0) + n;
  t.hours.push(...(row.firstTouchHours ?? []));
  t.sameDay += row.sameDay ?? Math.round((row.sameDayShare ?? 0) * row.received);
}

/**
 * Sums reps' lead reports per source and campaign; the median and shares are worked out again
 * from the reps' raw figures (a median of medians would be wrong). Each marketing lead keeps its rep.
 */
export function buildTeamLeadReport(
  inputs: readonly { file: string; report: LeadReport }[],
): TeamLeadReport {
  const seen = new Map<string, string>();
  const tallies = new Map<string, RowTally>();
  const total = emptyTally('all', null);
  const meetings = emptyMeetings();
  const leads: (LeadReportLead & { rep: string })[] = [];
  for (const { file, report } of inputs) {
    const key = report.rep.trim().toLocaleLowerCase();
    const other = seen.get(key);
    if (other !== undefined)
      throw new TeamInputProblem(
        `${file} and ${other} are both lead reports of ${report.rep || 'an unnamed rep'}: give one per rep`,
      );
    seen.set(key, file);
    for (const row of report.rows) {
      const k = `${row.source}\u0000${row.campaign ?? ''}`;
      let t = tallies.get(k);
      if (!t) {
        t = emptyTally(row.source, row.campaign ?? null);
        tallies.set(k, t);
      }
      addRow(t, row);
      addRow(total, row);
    }
    for (const [s, n] of Object.entries(report.meetingsBySource)) {
      if (s in meetings && typeof n === 'number') meetings[s as keyof MeetingsBySource] += n;
    }
    for (const lead of report.leads) leads.push({ ...lead, rep: report.rep });
  }
  const dates = inputs.map((i) => i.report);
  const min = (xs: string[]) => xs.reduce((a, b) => (b < a ? b : a));
  const max = (xs: string[]) => xs.reduce((a, b) => (b > a ? b : a));
  return {
    schema: TEAM_LEAD_REPORT_SCHEMA,
    reps: inputs.map((i) => i.report.rep),
    from: min(dates.map((d) => d.from)),
    to: max(dates.map((d) => d.to)),
    asOf: max(dates.map((d) => d.asOf)),
    rows: [...tallies.values()].map(finish).sort(compareRows),
    total: finish(total),
    leads: leads.sort((a, b) => (a.received < b.received ? -1 : a.received > b.received ? 1 : 0)),
    meetingsBySource: meetings,
    repSourcedShare: repSourcedShare(meetings),
  };
}

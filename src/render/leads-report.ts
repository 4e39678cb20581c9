import type { ChalkInstance } from 'chalk';
import type { LeadReport, LeadReportLead, LeadReportRow } from '../domain/lead-report.js';
import { longDay, table } from './format.js';
import { clean, escapeMd, shareText } from './report-common.js';
import { toCsv } from './report-csv.js';
import { mdTable } from './report-md.js';

/** `45 min` under an hour, else `2.5 h`. */
export const hoursText = (h: number | null) =>
  h === null ? '–' : h < 1 ? `${Math.round(h * 60)} min` : `${Math.round(h * 10) / 10} h`;

/** `no-budget 2, timing 1`, most frequent first. */
export function reasonsText(reasons: Record<string, number>): string {
  return Object.entries(reasons)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([r, n]) => `${r} ${n}`)
    .join(', ');
}

export const rowLabel = (r: LeadReportRow) =>
  r.source === 'all' ? 'all leads' : `${r.source}${r.campaign ? ` / ${r.campaign}` : ''}`;

/** The time to first touch in words: hours where both ends are timed, else calendar days. */
export function touchText(l: LeadReportLead): string {
  if (l.hoursToFirstTouch !== null) return hoursText(l.hoursToFirstTouch);
  if (l.daysToFirstTouch === null) return 'not yet';
  return l.daysToFirstTouch === 0
    ? 'same day'
    : `${l.daysToFirstTouch} day${l.daysToFirstTouch === 1 ? '' : 's'}`;
}

export const ROW_HEAD = [
  'source / campaign',
  'received',
  'contacted',
  'accepted',
  'meetings',
  'won',
  'lost',
  'rejected',
  'open',
  'median time to first touch',
  'within 1 h',
  'same day',
  'reasons rejected',
  'reasons lost',
];

export function rowCells(r: LeadReportRow, text: (s: string) => string): string[] {
  return [
    text(rowLabel(r)),
    String(r.received),
    String(r.contacted),
    String(r.accepted),
    String(r.meetings),
    String(r.won),
    String(r.lost),
    String(r.rejected),
    String(r.open),
    hoursText(r.medianHoursToFirstTouch),
    shareText(r.withinHourShare),
    shareText(r.sameDayShare),
    text(reasonsText(r.rejectReasons)),
    text(reasonsText(r.lostReasons)),
  ];
}

export const LEAD_HEAD = [
  'name',
  'company',
  'campaign',
  'received',
  'stage',
  'reason',
  'first touch',
];

/** The report as the renderers read it: a rep's, or a team's with each lead's rep. */
export type LeadReportView = Omit<LeadReport, 'schema'>;

const withRep = (r: LeadReportView) => r.leads.some((l) => l.rep !== undefined);
/** The lead table's header: with a rep column in a team report. */
export const leadHead = (r: LeadReportView) => (withRep(r) ? ['rep', ...LEAD_HEAD] : LEAD_HEAD);

export function leadCells(l: LeadReportLead, text: (s: string) => string): string[] {
  return [
    ...(l.rep === undefined ? [] : [text(l.rep)]),
    text(l.name),
    text(l.company ?? ''),
    text(l.campaign ?? ''),
    `${l.received}${l.receivedTime ? ` ${l.receivedTime}` : ''}`,
    l.stage,
    l.reason ?? '',
    touchText(l),
  ];
}

/** The window and the as-of day, as one sentence. */
export function titleWords(r: LeadReportView): string {
  return `Leads received from ${longDay(r.from)} to ${longDay(r.to)}, each at its stage on ${longDay(r.asOf)}.`;
}

export function meetingWords(r: LeadReportView): string {
  const m = r.meetingsBySource;
  const parts = Object.entries(m)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${s} ${n}`);
  if (parts.length === 0) return 'No meetings logged in this window.';
  // The log's meetings, not only the leads': the table's `meetings` column counts leads only.
  return `All meetings logged in the window, by source (from leads and from the log): ${parts.join(', ')}. Of those with a known source, booked by the rep (self-sourced and referrals): ${shareText(r.repSourcedShare)}.`;
}

export const LEGEND =
  'Contacted: touched at all. Accepted: taken on as a real prospect (accepted, a meeting or won). First touch: from received to the first contact, in hours where both times are known, else in days; within 1 h is of the timed leads, same day of all received. –: nothing to measure (no lead with both times known).';

export function renderLeadReportText(r: LeadReportView, c: ChalkInstance): string {
  const out: string[] = [];
  out.push(c.bold(`Leads report${r.rep ? ` · ${clean(r.rep)}` : ''}`));
  out.push(titleWords(r));
  out.push('');
  if (r.total.received === 0) {
    out.push('No leads received in this window.');
  } else {
    const head = ROW_HEAD.slice(0, 12);
    head[9] = 'median first touch';
    const lines = table(
      [head, ...[...r.rows, r.total].map((row) => rowCells(row, clean).slice(0, 12))],
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
    );
    out.push(c.dim(lines[0] ?? ''), ...lines.slice(1));
    if (r.total.rejected > 0)
      out.push('', `Reasons rejected: ${reasonsText(r.total.rejectReasons)}`);
    if (r.total.lost > 0) out.push(`Reasons lost: ${reasonsText(r.total.lostReasons)}`);
  }
  out.push('', meetingWords(r));
  if (r.leads.length > 0) {
    out.push('', c.bold('Marketing leads'));
    out.push(...table([leadHead(r), ...r.leads.map((l) => leadCells(l, clean))]));
  }
  if (r.total.received > 0) out.push('', c.dim(LEGEND));
  return `${out.join('\n')}\n`;
}

export function renderLeadReportMd(r: LeadReportView): string {
  const out: string[] = [];
  out.push(`# Leads report${r.rep ? `: ${escapeMd(r.rep)}` : ''}`);
  out.push('', titleWords(r), '');
  if (r.total.received === 0) out.push('No leads received in this window.');
  else {
    out.push(
      ...mdTable(
        ROW_HEAD,
        [...r.rows, r.total].map((row) => rowCells(row, escapeMd)),
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
      ),
    );
  }
  out.push('', escapeMd(meetingWords(r)));
  if (r.leads.length > 0) {
    out.push('', '## Marketing leads', '');
    out.push(
      ...mdTable(
        leadHead(r),
        r.leads.map((l) => leadCells(l, escapeMd)),
      ),
    );
  }
  out.push('', `_${LEGEND}_`);
  return `${out.join('\n')}\n`;
}

/** Two tables in one file: the rows, an empty line, then the marketing leads. */
export function renderLeadReportCsv(r: LeadReportView): string {
  // The CSV keeps the median as a number of hours, as the JSON does.
  const head = ['rep', 'from', 'to', 'as of', 'source', 'campaign', ...ROW_HEAD.slice(1)].map(
    (h) => (h === 'median time to first touch' ? 'median hours to first touch' : h),
  );
  const rows = [...r.rows, r.total].map((row) => {
    const cells = rowCells(row, (s) => s);
    return [
      r.rep,
      r.from,
      r.to,
      r.asOf,
      row.source,
      row.campaign ?? '',
      row.received,
      row.contacted,
      row.accepted,
      row.meetings,
      row.won,
      row.lost,
      row.rejected,
      row.open,
      row.medianHoursToFirstTouch,
      row.withinHourShare,
      row.sameDayShare,
      cells[12] as string,
      cells[13] as string,
    ];
  });
  const leadsHead = [
    ...(withRep(r) ? ['rep'] : []),
    'lead',
    'company',
    'campaign',
    'received',
    'received time',
    'stage',
    'reason',
    'hours to first touch',
    'days to first touch',
  ];
  const leadRows = r.leads.map((l) => [
    ...(withRep(r) ? [l.rep ?? ''] : []),
    l.name,
    l.company ?? '',
    l.campaign ?? '',
    l.received,
    l.receivedTime ?? '',
    l.stage,
    l.reason ?? '',
    l.hoursToFirstTouch,
    l.daysToFirstTouch,
  ]);
  const first = toCsv([head, ...rows]);
  return r.leads.length === 0
    ? first
    : `${first}\r\n${toCsv([leadsHead, ...leadRows]).replace(/^\uFEFF/, '')}`;
}

import { stringify } from 'csv-stringify/sync';
import type { WeeklyReport } from '../domain/report.js';

/**
 * RFC 4180 CSV for a spreadsheet: CRLF line ends, a header row, a UTF-8 byte order mark (so Excel
 * reads names with accents right), and csv-stringify's formula escaping: a text cell that starts
 * with = + - @ tab or CR gets a leading `'`, so a note cannot run as a formula. Numbers are
 * written as numbers and stay numbers. Cells holding a line break are quoted as RFC 4180 asks.
 */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return stringify(rows as (string | number | null)[][], {
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
    quoted_match: /[\r\n]/,
  });
}

/**
 * One row per activity: rep, week, the seven days, total, target and percent, then that
 * activity's notes of the week (one per line in the cell). Days still to come are empty.
 */
export function renderReportCsv(r: WeeklyReport): string {
  const head = [
    'rep',
    'week',
    'activity',
    ...r.days.map((d) => d.date),
    'total',
    'target',
    'percent',
    'notes',
  ];
  const rows = r.activities.map((a) => {
    const target = r.targets[a];
    const pace = r.pace.find((p) => p.activity === a);
    return [
      r.rep,
      r.week,
      a,
      ...r.days.map((d) => (d.upcoming ? null : (d.counts[a] ?? 0))),
      r.totals[a] ?? 0,
      target ?? null,
      pace ? pace.percent : null,
      r.notes
        .filter((n) => n.activity === a)
        .map((n) => n.note)
        .join('\n'),
    ];
  });
  // Prospect first as one more row: days prospected first, of the timed days, and the share.
  const p = r.prospectFirst;
  rows.push([
    r.rep,
    r.week,
    `prospect first (before ${p.before}; ${p.untimedDays} untimed days left out)`,
    ...r.days.map(() => null),
    p.days,
    p.timedDays,
    p.timedDays === 0 ? null : Math.round((p.days * 100) / p.timedDays),
    '',
  ]);
  return toCsv([head, ...rows]);
}

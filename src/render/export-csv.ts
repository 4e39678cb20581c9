import type { Entry } from '../domain/types.js';
import { clean } from './report-common.js';
import { toCsv } from './report-csv.js';

/** SPEC's header for `export --format csv`. */
const EXPORT_CSV_HEADER = [
  'id',
  'date',
  'time',
  'activity',
  'count',
  'source',
  'client',
  'lead',
  'outcome',
  'contact',
  'note',
] as const;

/**
 * The whole log as one tidy table: one row per entry, oldest first (by date; within a day the
 * entries without a time first, then by time; ties in the order they were logged), formula-safe
 * like the report CSV. Empty cells where a field is unknown: no time is invented. Free text is
 * cleaned of control characters (an imported store could hold them).
 */
export function renderExportCsv(entries: readonly Entry[]): string {
  const sorted = entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => cmp(a.e.date, b.e.date) || cmp(a.e.time ?? '', b.e.time ?? '') || a.i - b.i)
    .map(({ e }) => e);
  const rows = sorted.map((e) => [
    e.id,
    e.date,
    e.time ?? null,
    e.activity,
    e.count,
    e.source ?? null,
    text(e.client),
    e.lead ?? null,
    e.outcome ?? null,
    text(e.contact),
    text(e.note),
  ]);
  return toCsv([[...EXPORT_CSV_HEADER], ...rows]);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function text(value: string | undefined): string | null {
  return value === undefined ? null : clean(value);
}

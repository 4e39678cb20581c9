import type { OutputOptions } from '../../app/documents.js';
import {
  addDay,
  isoWeekLabel,
  parseIsoWeek,
  periodLabel,
  periodOf,
  type Span,
} from '../../domain/dates.js';
import { type PeriodKind, parsePeriod } from '../../domain/period.js';
import type { Day } from '../../domain/types.js';
import { usage } from '../../errors.js';

export interface ReportOptions extends OutputOptions {
  week?: string;
  date?: string;
  weeks?: string;
  month?: string;
  quarter?: string;
}

/** `2026-W47`, `this` or `last`, relative to the as-of day. */
export function weekOption(value: string | undefined, asOf: Day): Span {
  if (value === undefined || value.toLowerCase() === 'this') return periodOf('week', asOf);
  if (value.toLowerCase() === 'last') return periodOf('week', addDay(asOf, -7));
  const span = parseIsoWeek(value.toUpperCase());
  if (span === null) {
    usage(
      `--week '${value}' is not a week: use an ISO week such as ${isoWeekLabel(asOf)}, or this or last`,
    );
  }
  if (span.start > asOf) {
    usage(`--week ${value.toUpperCase()} starts after ${asOf}: nothing in it has happened yet`);
  }
  return span;
}

export function periodOption(kind: PeriodKind, value: string, asOf: Day): Span {
  const lower = value.toLowerCase();
  if (lower === 'this') return periodOf(kind, asOf);
  if (lower === 'last') return periodOf(kind, addDay(periodOf(kind, asOf).start, -1));
  const span = parsePeriod(kind, value);
  const example = periodLabel(kind, asOf);
  if (span === null) {
    usage(
      `--${kind} '${value}' is not a ${kind}: use ${kind === 'month' ? 'YYYY-MM' : 'YYYY-Qn'} such as ${example}, or this or last`,
    );
  }
  if (span.start > asOf) {
    usage(`--${kind} ${value.toUpperCase()} starts after ${asOf}: nothing in it has happened yet`);
  }
  return span;
}

import {
  LEGEND,
  type LeadReportView,
  leadCells,
  leadHead,
  meetingWords,
  ROW_HEAD,
  rowCells,
  titleWords,
} from './leads-report.js';
import { escapeHtml as e } from './report-common.js';
import { htmlPage } from './report-html.js';

const NUMERIC = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);

/** Fourteen columns in the page's width: the long headings and the reasons wrap, the figures do not. */
const CSS = `th.n { white-space: normal; hyphens: none; }
table.rows { font-size: 13px; }
table.rows td.reasons { min-width: 6.5em; }
table.rows th, table.rows td { padding: 4px 4px; }`;

function htmlTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: Set<number>,
  tableClass?: string,
  wrapFrom = Number.POSITIVE_INFINITY,
): string {
  const cls = (i: number) =>
    numeric.has(i) ? ' class="n"' : i >= wrapFrom ? ' class="reasons"' : '';
  return `<table${tableClass ? ` class="${tableClass}"` : ''}>
<thead><tr>${head.map((h, i) => `<th${cls(i)}>${e(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${c}</td>`).join('')}</tr>`).join('\n')}
</tbody>
</table>`;
}

/** The leads report as one self-contained page to mail: every user text escaped, no script. */
export function renderLeadReportHtml(r: LeadReportView): string {
  const title = `Leads report${r.rep ? `: ${e(r.rep)}` : ''}`;
  const parts = [`<h1>${title}</h1>`, `<p class="sub">${e(titleWords(r))}</p>`];
  if (r.total.received === 0) parts.push('<p>No leads received in this window.</p>');
  else {
    parts.push(
      '<h2>Per source and campaign</h2>',
      htmlTable(
        ROW_HEAD,
        [...r.rows, r.total].map((row) => rowCells(row, e)),
        NUMERIC,
        'rows',
        12,
      ),
    );
  }
  parts.push(`<p>${e(meetingWords(r))}</p>`);
  if (r.leads.length > 0) {
    parts.push(
      '<h2>Marketing leads</h2>',
      htmlTable(
        leadHead(r),
        r.leads.map((l) => leadCells(l, e)),
        new Set(),
      ),
    );
  }
  parts.push(`<p class="legend">${e(LEGEND)}</p>`);
  return htmlPage(title, parts.join('\n'), CSS);
}

import { parse } from 'csv-parse/sync';
import { leadKey } from './leads.js';
import { LIMITS } from './limits.js';
import type { Lead } from './types.js';

export const MAX_LEAD_NAME = LIMITS.leadName;
const MAX_FIELD = LIMITS.leadField;

/** A row of a lead list, checked. */
export interface LeadRow {
  line: number;
  name: string;
  company?: string;
  email?: string;
  campaign?: string;
  note?: string;
}

/** A column read: a lead field, or a half of a name split in two (joined into `name`). */
type Column = keyof Omit<LeadRow, 'line'> | 'first' | 'last';

/** Header spellings a marketing export uses for each column (compared lower-case, spaces and _ as -). */
const HEADERS: Record<string, Column> = {
  name: 'name',
  'full-name': 'name',
  'contact-name': 'name',
  contact: 'name',
  company: 'company',
  'company-name': 'company',
  organization: 'company',
  organisation: 'company',
  account: 'company',
  email: 'email',
  'e-mail': 'email',
  'email-address': 'email',
  campaign: 'campaign',
  note: 'note',
  notes: 'note',
  'first-name': 'first',
  firstname: 'first',
  'given-name': 'first',
  'last-name': 'last',
  lastname: 'last',
  surname: 'last',
  'family-name': 'last',
};

const headerKey = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');

export class LeadFileProblem extends Error {}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: cleaning control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
/** A cell as one line of plain text: a quoted line break becomes a space. */
const cell = (v: string | undefined) =>
  (v ?? '').replace(CONTROL, ' ').replace(/ {2,}/g, ' ').trim();

/**
 * Reads a lead list: a header row naming the columns (`name` required; `company`, `email`,
 * `campaign`, `note`; other columns ignored), a byte order mark and CRLF line ends accepted,
 * quoted fields may hold commas and line breaks. The whole file is checked before anything is
 * used: every bad row is named by its line number in one LeadFileProblem.
 */
export function parseLeadCsv(text: string): { rows: LeadRow[]; ignored: string[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // CRLF as LF first: csv-parse counts a CRLF inside a quoted field as two lines.
    records = parse(text.replace(/\r\n/g, '\n'), {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    throw new LeadFileProblem(`it is not a readable CSV file (${(error as Error).message})`);
  }
  const head = records[0];
  if (!head)
    throw new LeadFileProblem(
      'it is empty: give a header row (name,company,email,campaign,note) and a row per lead',
    );
  const columns = head.record.map((h) => HEADERS[headerKey(h)]);
  const ignored = head.record.filter((_, i) => columns[i] === undefined).map((h) => cell(h));
  const split =
    !columns.includes('name') && (columns.includes('first') || columns.includes('last'));
  if (!columns.includes('name') && !split) {
    // A spreadsheet saved with `;` between fields reads as one column named `Name;Company;...`.
    if (head.record.some((h) => h.includes(';')))
      throw new LeadFileProblem(
        "the file is separated by ';': save it as comma-separated (CSV), with a header row naming the columns (name required)",
      );
    throw new LeadFileProblem(
      `its header row (${cell(head.record.join(',')).slice(0, 60)}) has no name column: the first row must name the columns, with name (or first name and last name) required (company, email, campaign, note optional)`,
    );
  }
  const rows: LeadRow[] = [];
  const problems: string[] = [];
  // info.lines is the line a record ends on; a record starts on the line after the previous one.
  let start = head.info.lines + 1;
  for (let r = 1; r < records.length; r++) {
    const { record, info } = records[r] as { record: string[]; info: { lines: number } };
    const line = start;
    start = info.lines + 1;
    const row: LeadRow = { line, name: '' };
    const halves = { first: '', last: '' };
    for (let i = 0; i < record.length; i++) {
      const key = columns[i];
      const value = cell(record[i]);
      if (key === undefined || value === '') continue;
      if (key === 'first' || key === 'last') {
        if (halves[key] === '') halves[key] = value;
      } else if (row[key] === undefined || row[key] === '') row[key] = value;
    }
    // A name column wins; without one (or where it is empty), first and last name joined.
    if (row.name === '') row.name = [halves.first, halves.last].filter((v) => v !== '').join(' ');
    if (record.every((v) => cell(v) === '')) continue;
    const problem =
      row.name === ''
        ? 'has no name'
        : row.name.length > MAX_LEAD_NAME
          ? `has a name of ${row.name.length} characters (at most ${MAX_LEAD_NAME})`
          : row.email !== undefined && !EMAIL.test(row.email)
            ? `has the email '${row.email.slice(0, 40)}', which is not an address`
            : [row.company, row.campaign, row.note].some(
                  (v) => v !== undefined && v.length > MAX_FIELD,
                )
              ? `has a field longer than ${MAX_FIELD} characters`
              : undefined;
    if (problem) problems.push(`line ${line} ${problem}`);
    else rows.push(row);
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 10).join('; ');
    const more = problems.length > 10 ? `; and ${problems.length - 10} more` : '';
    throw new LeadFileProblem(`${plural(problems.length)} bad: ${shown}${more}`);
  }
  return { rows, ignored };
}

const plural = (n: number) => (n === 1 ? '1 row is' : `${n} rows are`);

/** The key a lead is known by across imports: its name and company, case, form and accents aside. */
const importKey = (name: string, company?: string) =>
  `${leadKey(name)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')}\u0000${leadKey(company ?? '')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')}`;

/**
 * Splits checked rows into the leads to add and those already known (in the store, or earlier in
 * the same file): importing the same list twice adds nothing.
 */
export function newRows(
  leads: readonly Lead[],
  rows: readonly LeadRow[],
): { fresh: LeadRow[]; known: number } {
  const seen = new Set(leads.map((l) => importKey(l.name, l.company)));
  const fresh: LeadRow[] = [];
  let known = 0;
  for (const row of rows) {
    const key = importKey(row.name, row.company);
    if (seen.has(key)) {
      known++;
      continue;
    }
    seen.add(key);
    fresh.push(row);
  }
  return { fresh, known };
}

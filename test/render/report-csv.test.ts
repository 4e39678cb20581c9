import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseIsoWeek, type Span } from '../../src/domain/dates.js';
import { buildWeeklyReport } from '../../src/domain/report.js';
import { renderReportCsv } from '../../src/render/report-csv.js';
import { fixtureData } from '../reports-fixture.js';

const MALICIOUS = [
  '=HYPERLINK("http://evil.example","click")',
  '+1+cmd|" /C calc"!A0',
  '-2+3',
  '@SUM(A1:A2)',
  '\tindented=1',
  '\r=2',
];

function csvWithNotes(notes: readonly string[], name = 'Sam Rivera'): string {
  const data = fixtureData();
  data.settings.name = name;
  notes.forEach((note, i) => {
    data.entries.push({ id: `m${i}`, date: '2026-11-16', activity: 'upsell', count: 1, note });
  });
  // One malicious note per activity row, so each one starts its own cell.
  data.entries.push({ id: 'n1', date: '2026-11-17', activity: 'event', count: 1, note: notes[0] });
  return renderReportCsv(
    buildWeeklyReport(data, { week: parseIsoWeek('2026-W47') as Span, asOf: '2026-11-22' }),
  );
}

describe('report CSV', () => {
  it('reads back with a real CSV parser: header, one row per activity, numbers as numbers', () => {
    const text = csvWithNotes(['a note, with "quotes" and a comma']);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    const rows: string[][] = parse(text, { bom: true });
    const [head, ...body] = rows;
    expect(head).toEqual([
      'rep',
      'week',
      'activity',
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      'total',
      'target',
      'percent',
      'notes',
    ]);
    for (const row of body) expect(row).toHaveLength(head?.length ?? 0);
    const call = body.find((r) => r[2] === 'call');
    expect(call?.slice(3, 13)).toEqual([
      '45',
      '38',
      '31',
      '0',
      '30',
      '0',
      '0',
      '144',
      '140',
      // 144/140 is 102.9%: percents are rounded down, so only a met target shows 100.
      '102',
    ]);
    const upsell = body.find((r) => r[2] === 'upsell');
    expect(upsell?.[13]).toBe('a note, with "quotes" and a comma');
  });

  it('neutralises formulas in free text while numbers stay numbers', () => {
    for (const note of MALICIOUS) {
      const rows: string[][] = parse(csvWithNotes([note], note), { bom: true });
      const body = rows.slice(1);
      const event = body.find((r) => r[2] === 'event') as string[];
      // The cell no longer starts with a formula character: a spreadsheet shows it as text.
      expect(event[13]).toBe(`'${note}`);
      // The rep's name is free text too.
      expect(event[0]).toBe(`'${note}`);
      for (const row of body) {
        for (const cell of row.slice(3, 13)) expect(cell).toMatch(/^(\d+)?$/);
      }
    }
  });

  it('leaves the days still to come empty', () => {
    const data = fixtureData();
    const text = renderReportCsv(
      buildWeeklyReport(data, { week: parseIsoWeek('2026-W47') as Span, asOf: '2026-11-18' }),
    );
    const call = (parse(text, { bom: true }) as string[][]).find((r) => r[2] === 'call');
    expect(call?.slice(3, 10)).toEqual(['45', '38', '31', '', '', '', '']);
  });
});

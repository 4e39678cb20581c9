import { describe, expect, it } from 'vitest';
import { LeadFileProblem, newRows, parseLeadCsv } from '../../src/domain/lead-import.js';
import type { Lead } from '../../src/domain/types.js';

describe('parseLeadCsv', () => {
  it('reads a header row in any usual spelling and ignores other columns', () => {
    const { rows, ignored } = parseLeadCsv(
      'Full Name,Company Name,E-mail,Campaign,Notes,Phone\nDana Lee,Bright Smiles,dana@bright.example,nov-webinar,asked for pricing,555\n',
    );
    expect(rows).toEqual([
      {
        line: 2,
        name: 'Dana Lee',
        company: 'Bright Smiles',
        email: 'dana@bright.example',
        campaign: 'nov-webinar',
        note: 'asked for pricing',
      },
    ]);
    expect(ignored).toEqual(['Phone']);
  });

  it('accepts a BOM, CRLF, and quoted fields with commas and line breaks', () => {
    const text =
      '\uFEFFname,company,note\r\n"Lee, Dana","Smiles, Inc.","line one\r\nline two"\r\nSam Roe,,\r\n';
    const { rows } = parseLeadCsv(text);
    expect(rows).toEqual([
      { line: 2, name: 'Lee, Dana', company: 'Smiles, Inc.', note: 'line one line two' },
      { line: 4, name: 'Sam Roe' },
    ]);
  });

  it('names every bad row by its line number (lines counted through quoted line breaks)', () => {
    const text =
      'name,email\nGood One,a@b.co\n"Multi\nLine",x@y.co\n,nobody@x.co\nBad Mail,not-an-address\nGood Two,\n';
    let problem: unknown;
    try {
      parseLeadCsv(text);
    } catch (error) {
      problem = error;
    }
    expect(problem).toBeInstanceOf(LeadFileProblem);
    expect((problem as Error).message).toBe(
      "2 rows are bad: line 5 has no name; line 6 has the email 'not-an-address', which is not an address",
    );
  });

  it('refuses a file without a name column or without rows', () => {
    expect(() => parseLeadCsv('company,email\nAcme,a@b.co\n')).toThrow('has no name column');
    expect(() => parseLeadCsv('')).toThrow('it is empty');
  });

  it("names ';' as the separator of a semicolon-separated file, instead of a missing name column", () => {
    for (const text of [
      'Name;Company;Email\nDana Lee;Bright;d@b.co\n',
      '\uFEFFname;company\r\nX;Y\r\n',
    ]) {
      expect(() => parseLeadCsv(text)).toThrow(
        "the file is separated by ';': save it as comma-separated (CSV)",
      );
    }
  });

  it('joins First Name and Last Name into the name; a name column wins when it has one', () => {
    const { rows, ignored } = parseLeadCsv(
      'First Name,Last Name,Company\nDana,Lee,Bright\nPrince,,Crane\n,Roe,Acme\n',
    );
    expect(rows).toEqual([
      { line: 2, name: 'Dana Lee', company: 'Bright' },
      { line: 3, name: 'Prince', company: 'Crane' },
      { line: 4, name: 'Roe', company: 'Acme' },
    ]);
    expect(ignored).toEqual([]);
    expect(
      parseLeadCsv('firstname,surname,name\nDana,Lee,Dana Lee-Park\nSam,Roe,\n').rows.map(
        (r) => r.name,
      ),
    ).toEqual(['Dana Lee-Park', 'Sam Roe']);
    expect(() => parseLeadCsv('first name,last name\n,\nSam,\n')).not.toThrow();
    expect(() => parseLeadCsv('first name,company\n,Acme\n')).toThrow('line 2 has no name');
  });

  it('reads 10,000 rows well under a second', () => {
    const lines = ['name,company,email,campaign'];
    for (let i = 0; i < 10_000; i++)
      lines.push(`Lead ${i},Company ${i % 700},lead${i}@example.com,q4`);
    const start = performance.now();
    const { rows } = parseLeadCsv(lines.join('\n'));
    const { fresh } = newRows([], rows);
    expect(fresh).toHaveLength(10_000);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('newRows', () => {
  it('skips leads already in the store and repeats within the file (case and accents aside)', () => {
    const known: Lead[] = [
      {
        id: 'a',
        name: 'José Núñez',
        company: 'Acme',
        source: 'marketing',
        received: '2026-11-23',
        events: [],
      },
    ];
    const { fresh, known: skipped } = newRows(known, [
      { line: 2, name: 'jose nunez', company: 'ACME' },
      { line: 3, name: 'Dana Lee' },
      { line: 4, name: 'dana lee' },
      { line: 5, name: 'Dana Lee', company: 'Other' },
    ]);
    expect(fresh.map((r) => r.line)).toEqual([3, 5]);
    expect(skipped).toBe(2);
  });
});

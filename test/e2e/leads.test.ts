import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, storeBytes, tempHome } from '../helpers.js';

describe('leads through the built binary', () => {
  it('import, work and report a list; bad input exits 2 with the store untouched', () => {
    const home = tempHome();
    const list = join(home, 'list.csv');
    writeFileSync(
      list,
      'name,company,email\r\nDana Lee,Bright,dana@b.example\r\nOmar Haddad,Northwind,\r\n',
    );
    expect(
      cli(home, [
        'lead',
        'import',
        list,
        '--source',
        'marketing',
        '--date',
        '2026-11-23',
        '--time',
        '09:00',
      ]).code,
    ).toBe(0);
    expect(
      cli(home, ['lead', 'contacted', 'dana lee', '--date', '2026-11-23', '--time', '09:30']).code,
    ).toBe(0);
    const leads = JSON.parse(cli(home, ['leads', '--json', '--date', '2026-11-24']).stdout);
    expect(
      leads.leads.map((l: { name: string; dueReason: string }) => [l.name, l.dueReason]),
    ).toEqual([
      ['Omar Haddad', 'first-touch'],
      ['Dana Lee', null],
    ]);
    const report = cli(home, ['leads', 'report', '--format', 'json', '--date', '2026-11-24']);
    expect(report.code, report.stderr).toBe(0);
    expect(JSON.parse(report.stdout).rows[0]).toMatchObject({
      source: 'marketing',
      received: 2,
      contacted: 1,
      medianHoursToFirstTouch: 0.5,
    });
    expect(report.stdout).not.toContain('dana@b.example');

    const before = storeBytes(home);
    for (const [args, text] of [
      [['lead', 'lost', 'Dana Lee'], 'needs --reason'],
      [['lead', 'contacted', 'Dana Leigh'], "did you mean 'Dana Lee'"],
      [['lead', 'import', list, '--source', 'tv'], "--source 'tv'"],
    ] as const) {
      const r = cli(home, args);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(text);
    }
    expect(storeBytes(home)).toEqual(before);
  });
});

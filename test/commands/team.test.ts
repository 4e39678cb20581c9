import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoreData } from '../../src/domain/types.js';
import { cli, runIn, storeFile, tempHome } from '../helpers.js';
import { fixtureData } from '../reports-fixture.js';

/** Three reps' stores from the fixture, each a different share of Sam's week, as JSON reports. */
async function threeReports(week = '2026-W47'): Promise<{ dir: string; files: string[] }> {
  const dir = join(tempHome(), 'reports');
  mkdirSync(dir);
  const reps: [string, number][] = [
    ['Avery Stone', 1],
    ['Blake | Young', 0.3],
    ['Casey Diaz', 1.5],
  ];
  const files: string[] = [];
  for (const [name, scale] of reps) {
    const home = tempHome();
    const data: StoreData = fixtureData();
    data.settings.name = name;
    for (const e of data.entries) e.count = Math.max(1, Math.round(e.count * scale));
    writeFileSync(storeFile(home), JSON.stringify(data));
    const file = join(dir, `${name.split(' ')[0]?.toLowerCase()}.json`);
    const r = await runIn(home, [
      'report',
      '--week',
      week,
      '--date',
      '2027-01-10',
      '--json',
      '--out',
      file,
    ]);
    expect(r.code).toBe(0);
    files.push(file);
  }
  return { dir, files };
}

describe('prospect team', () => {
  for (const [format, ext] of [
    ['text', 'txt'],
    ['md', 'md'],
    ['csv', 'csv'],
    ['json', 'json'],
    ['html', 'html'],
  ] as const) {
    it(`rolls up three reps as ${format} (golden file)`, async () => {
      const { dir } = await threeReports();
      const r = await runIn(tempHome(), ['team', dir, '--format', format]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      await expect(r.stdout.replaceAll(dir, '<dir>')).toMatchFileSnapshot(
        `../fixtures/reports/team-w47.${ext}`,
      );
    });
  }

  it('ranks by percent of target and flags reps below half', async () => {
    const { files } = await threeReports();
    const r = await runIn(tempHome(), ['team', ...files, '--json']);
    const t = JSON.parse(r.stdout);
    expect(t.schema).toBe('prospect.team-report/1');
    expect(t.week).toBe('2026-W47');
    expect(t.reps.map((x: { rep: string }) => x.rep)).toEqual([
      'Casey Diaz',
      'Avery Stone',
      'Blake | Young',
    ]);
    expect(t.reps.map((x: { flagged: boolean }) => x.flagged)).toEqual([false, false, true]);
    for (const rep of t.reps) expect(rep).toHaveProperty('percent');
    const sum = t.reps.reduce((n: number, x: { totals: { call: number } }) => n + x.totals.call, 0);
    expect(t.totals.call).toBe(sum);
  });

  it('rolls reports of different weeks into a trend (Release 2) instead of refusing them', async () => {
    const { files } = await threeReports();
    const other = await threeReports('2026-W46');
    const r = await runIn(tempHome(), ['team', ...files, other.files[0] as string, '--json']);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.stdout);
    expect(t.schema).toBe('prospect.team-trend/1');
    expect(t.weeks).toEqual(['2026-W46', '2026-W47']);
    // Only one rep sent a W46 report: the others are missing that week, not at 0.
    expect(t.reps.filter((x: { missing: boolean[] }) => x.missing[0])).toHaveLength(2);
  });

  it('refuses an unreadable file or one of another schema with exit 2, naming it', async () => {
    const { files, dir } = await threeReports();
    const home = tempHome();
    const bad = join(home, 'status.json');
    writeFileSync(bad, JSON.stringify({ schema: 'prospect.team-report/1', week: '2026-W47' }));
    const notJson = join(home, 'notes.json');
    writeFileSync(notJson, 'call 12');
    for (const [file, message] of [
      [bad, /is not a weekly report: its schema is "prospect.team-report\/1"/],
      [notJson, /is not JSON/],
      [join(home, 'missing.json'), /cannot read .*missing\.json/],
    ] as const) {
      const r = cli(home, ['team', ...files, file]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(file);
      expect(r.stderr).toMatch(message);
    }
    // A folder of reports plus one of its files again: the same rep twice.
    const twice = await runIn(home, ['team', dir, files[0] as string]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/both reports of Avery Stone/);
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { addDay, parseIsoWeek, type Span } from '../../src/domain/dates.js';
import { buildWeeklyReport } from '../../src/domain/report.js';
import { buildTrendReport } from '../../src/domain/trend.js';
import { plain, runIn, storeBytes, tempHome } from '../helpers.js';
import { fixtureData, fixtureHome } from '../reports-fixture.js';

const FORMATS = ['text', 'md', 'csv', 'json', 'html'] as const;

/** A rep's weekly report of `week` as `report --format json` writes it, calls scaled by `k`. */
function repWeek(name: string, week: string, k: number): string {
  const data = fixtureData();
  data.settings.name = name;
  const span = parseIsoWeek(week) as Span;
  // The fixture's W46 entries moved into `week`, so every week has figures.
  data.entries = data.entries
    .filter((e) => e.date >= '2026-11-09' && e.date <= '2026-11-15')
    .map((e) => ({
      ...e,
      date: addDay(span.start, Math.round((Date.parse(e.date) - Date.parse('2026-11-09')) / 864e5)),
      count: Math.round(e.count * k),
    }));
  data.quotas = data.quotas.map((q) => ({ ...q, from: '2026-01-01' }));
  return JSON.stringify(buildWeeklyReport(data, { week: span, asOf: span.end }));
}

function twelveFridays(dir: string, skip: { rep: string; week: string } | null = null): string[] {
  const weeks = Array.from({ length: 12 }, (_, i) => `2026-W${String(37 + i).padStart(2, '0')}`);
  mkdirSync(dir, { recursive: true });
  weeks.forEach((week, i) => {
    for (const [rep, k] of [
      ['Avery', 0.5 + i * 0.05],
      ['Blake', 1 - i * 0.05],
      ['Casey', 0.8],
    ] as const) {
      if (skip && skip.rep === rep && skip.week === week) continue;
      writeFileSync(join(dir, `${rep.toLowerCase()}-${week}.json`), repWeek(rep, week, k));
    }
  });
  return weeks;
}

describe('prospect report --weeks', () => {
  it('writes all five formats for 12 weeks across the year boundary, store untouched', async () => {
    const home = fixtureHome();
    const before = storeBytes(home);
    for (const format of FORMATS) {
      const args = ['report', '--weeks', '12', '--week', '2027-W02', '--date', '2027-01-13'];
      const r = await runIn(home, [...args, '--format', format]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      if (format === 'json') {
        const doc = JSON.parse(r.stdout);
        expect(doc.schema).toBe('prospect.trend-report/1');
        expect(doc.weeks).toHaveLength(12);
        expect(doc.weeks.map((w: { schema: string }) => w.schema)).toEqual(
          Array(12).fill('prospect.weekly-report/1'),
        );
        expect(doc.weeks[9].week).toBe('2026-W53');
      }
      if (format === 'text') {
        const lines = plain(r.stdout).split('\n');
        for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
        expect(lines.find((l) => l.startsWith('2026-W53'))).toMatch(/28 Dec – 3 Jan\s+4\s+84%/);
        expect(lines.find((l) => l.startsWith('call'))).toMatch(/[▁-█]/);
      }
      if (format === 'csv') {
        const rows = parse(r.stdout, { bom: true, columns: true }) as Record<string, string>[];
        const w53call = rows.find((x) => x.week === '2026-W53' && x.activity === 'call');
        expect(w53call).toMatchObject({ total: '108', target: '120', percent: '90' });
      }
      if (format === 'html') expect(r.stdout).toContain('<svg');
    }
    expect(storeBytes(home)).toEqual(before);
  });

  it('refuses a count outside 2..52 and two period options at once, with exit 2', async () => {
    const home = fixtureHome();
    const before = storeBytes(home);
    for (const [args, word] of [
      [['--weeks', '1'], "--weeks '1'"],
      [['--weeks', '53'], "--weeks '53'"],
      [['--weeks', 'ten'], "--weeks 'ten'"],
      [['--month', '2026-13'], "--month '2026-13'"],
      [['--quarter', '2026-Q5'], "--quarter '2026-Q5'"],
      [['--quarter', '2027-Q1', '--date', '2026-11-20'], '2027-Q1 starts after'],
      [['--weeks', '4', '--month', 'this'], '--weeks and --month'],
      [['--week', 'last', '--quarter', 'this'], '--week and --quarter'],
    ] as const) {
      const r = await runIn(home, ['report', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(word);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(storeBytes(home)).toEqual(before);
  });
});

describe('prospect report --month and --quarter', () => {
  it('gives the period report in five formats', async () => {
    const home = fixtureHome();
    for (const format of FORMATS) {
      const r = await runIn(home, [
        'report',
        '--quarter',
        '2026-Q4',
        '--date',
        '2026-11-20',
        '--format',
        format,
      ]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(format === 'html' ? 'Quarter 2026-Q4' : '2026-Q4');
    }
    const m = JSON.parse(
      (await runIn(home, ['report', '--month', 'last', '--date', '2026-12-03', '--json'])).stdout,
    );
    expect(m).toMatchObject({ schema: 'prospect.period-report/1', period: '2026-11' });
    // The monthly social quota counts in a month report; a weekly report leaves it out.
    expect(m.targets.social).toBe(30);
    expect(m.weeks).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);
  });
});

describe('prospect team over several weeks', () => {
  it('makes a folder of twelve Fridays a trend, a missing report shown as missing', async () => {
    const dir = join(tempHome(), 'reports');
    const weeks = twelveFridays(dir, { rep: 'Casey', week: '2026-W44' });
    const r = await runIn(tempHome(), ['team', dir, '--json']);
    expect(r.stderr).toBe('');
    const t = JSON.parse(r.stdout);
    expect(t.schema).toBe('prospect.team-trend/1');
    expect(t.weeks).toEqual(weeks);
    const casey = t.reps.find((x: { rep: string }) => x.rep === 'Casey');
    expect(casey.percent[7]).toBeNull();
    expect(casey.missing[7]).toBe(true);
    expect(casey.percent.filter((p: number | null) => p === null)).toHaveLength(1);
    const trend = (rep: string) => t.reps.find((x: { rep: string }) => x.rep === rep).trend;
    expect([trend('Avery'), trend('Blake'), trend('Casey')]).toEqual([
      'rising',
      'sliding',
      'steady',
    ]);
    expect(t.totals).toHaveLength(12);
    expect(t.latest.week).toBe('2026-W48');
    const text = plain((await runIn(tempHome(), ['team', dir])).stdout);
    expect(text).toMatch(/Casey(\s+\d+){7}\s+·/);
    expect(text).toContain('↑ rising');
    expect(text).toContain('↓ sliding');
    for (const format of ['md', 'csv', 'html'] as const) {
      const f = await runIn(tempHome(), ['team', dir, '--format', format]);
      expect(f.code).toBe(0);
      expect(f.stdout).toContain(format === 'csv' ? 'Casey,2026-W44,,yes' : 'missing');
    }
  });

  it('still refuses the same rep twice in one week', async () => {
    const dir = join(tempHome(), 'reports');
    twelveFridays(dir);
    writeFileSync(join(dir, 'zz-avery-again.json'), repWeek('Avery', '2026-W40', 1));
    const r = await runIn(tempHome(), ['team', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Avery's report of 2026-W40");
  });

  it('reads a trend report as its weeks', async () => {
    const dir = join(tempHome(), 'reports');
    mkdirSync(dir);
    const trend = buildTrendReport(fixtureData(), {
      last: parseIsoWeek('2026-W47') as Span,
      count: 2,
      asOf: '2026-11-22',
    });
    writeFileSync(join(dir, 'sam-trend.json'), JSON.stringify(trend));
    writeFileSync(join(dir, 'avery-w47.json'), repWeek('Avery', '2026-W47', 1));
    const t = JSON.parse((await runIn(tempHome(), ['team', dir, '--json'])).stdout);
    expect(t.weeks).toEqual(['2026-W46', '2026-W47']);
    const avery = t.reps.find((x: { rep: string }) => x.rep === 'Avery');
    expect(avery.missing).toEqual([true, false]);
    expect(t.reps.find((x: { rep: string }) => x.rep === 'Sam Rivera').percent[0]).toBe(99);
  });
});

describe('prospect quota suggest', () => {
  it('prints the quota set commands without running them', async () => {
    const home = fixtureHome();
    const before = storeBytes(home);
    const r = await runIn(home, ['quota', 'suggest', '--weeks', '4', '--date', '2026-11-25']);
    expect(r.code).toBe(0);
    // W44..W47: calls 0 0 200 144, p80 rank ceil(3.2) = 4: 200; 200 / 4.75 scoring days = 42.1 -> 43.
    expect(r.stdout).toContain('prospect quota set call 43 --per day');
    expect(storeBytes(home)).toEqual(before);
    const doc = JSON.parse(
      (await runIn(home, ['quota', 'suggest', '--weeks', '4', '--date', '2026-11-25', '--json']))
        .stdout,
    );
    expect(doc).toMatchObject({ asOf: '2026-11-25', weeks: 4 });
    expect(doc.suggestions[0]).toMatchObject({
      activity: 'call',
      median: 72,
      p80: 200,
      suggested: 43,
      per: 'day',
      current: 30,
    });
    const bad = await runIn(home, ['quota', 'suggest', '--weeks', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--weeks '0'");
  });
});

describe('prospect export --format csv', () => {
  it('reads back with csv-parse, oldest first, sums equal to history --json', async () => {
    const home = fixtureHome();
    const out = join(home, 'log.csv');
    const w = await runIn(home, ['export', '--format', 'csv', '--out', out]);
    expect(w.code).toBe(0);
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(out, 'utf8');
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows[0]).toEqual([
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
    ]);
    const body = rows.slice(1);
    const dates = body.map((r) => r[1] as string);
    expect(dates).toEqual([...dates].sort());
    const history = JSON.parse(
      (
        await runIn(home, [
          'history',
          '--from',
          '2000-01-01',
          '--to',
          '2099-12-31',
          '--date',
          '2099-12-31',
          '--json',
        ])
      ).stdout,
    ) as {
      id: string;
      activity: string;
      count: number;
    }[];
    expect(body).toHaveLength(history.length);
    const sums = (list: [string, number][]) => {
      const m: Record<string, number> = {};
      for (const [a, n] of list) m[a] = (m[a] ?? 0) + n;
      return m;
    };
    expect(sums(body.map((r) => [r[3] as string, Number(r[4])]))).toEqual(
      sums(history.map((h) => [h.activity, h.count])),
    );
    expect(new Set(body.map((r) => r[0]))).toEqual(new Set(history.map((h) => h.id)));
  });

  it('keeps a note that looks like a formula from running', async () => {
    const home = tempHome();
    await runIn(home, ['log', 'call', '2', '--date', '2026-11-20', '--note', '=HYPERLINK("x")']);
    const r = await runIn(home, ['export', '--format', 'csv']);
    const rows = parse(r.stdout, { bom: true }) as string[][];
    expect(rows[1]?.[10]).toBe('\'=HYPERLINK("x")');
  });
});

describe('trend text fits 80 columns', () => {
  it('for team over twelve weeks, quota suggest and a 52-week trend', async () => {
    const dir = join(tempHome(), 'reports');
    twelveFridays(dir);
    const home = fixtureHome();
    const outputs = [
      (await runIn(tempHome(), ['team', dir])).stdout,
      (await runIn(home, ['quota', 'suggest', '--date', '2026-11-25'])).stdout,
      (await runIn(home, ['report', '--weeks', '52', '--date', '2027-01-10'])).stdout,
      (await runIn(home, ['report', '--quarter', 'this', '--date', '2026-11-20'])).stdout,
    ];
    for (const out of outputs) {
      for (const line of plain(out).split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    }
  });
});

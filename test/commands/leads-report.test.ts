import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { noon, runIn, storeBytes } from '../helpers.js';
import { AS_OF, leadsHome } from '../leads-fixture.js';

const now = noon(AS_OF);
const report = async (home: string, ...args: string[]) => {
  const before = storeBytes(home);
  const r = await runIn(home, ['leads', 'report', ...args], { now });
  expect(r.code, r.stderr).toBe(0);
  expect(storeBytes(home)).toEqual(before);
  // Lead emails never appear in a report.
  expect(r.stdout).not.toMatch(/ana@bright|dev@shah/);
  return r.stdout;
};

let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
});

describe('prospect leads report', () => {
  it('text: the rows, the reasons, the meetings by source and the marketing leads', async () => {
    const out = await report(leadsHome());
    expect(out).toContain('Leads report · Sam Rivera');
    expect(out).toMatch(/marketing \/ nov-webinar +4 +3 +1 +1 +0 +1 +1 +2 +1\.3 h +50% +50%/);
    expect(out).toMatch(/all leads +6 +5 +2 +2 +1 +1 +1 +3 +45 min +67% +67%/);
    expect(out).toContain('Reasons rejected: bad-data 1');
    expect(out).toContain('Reasons lost: no-budget 1');
    expect(out).toContain('booked by the rep (self-sourced and referrals): 60%.');
    expect(out).toMatch(/Cleo Park +nov-webinar +2026-11-23 +lost +no-budget +1 day/);
  });

  it('text, md, html: read without knowing the tool (sentence heading, meetings labelled, units, legend)', async () => {
    const home = leadsHome();
    const heading =
      'Leads received from Thu 29 Oct 2026 to Fri 27 Nov 2026, each at its stage on Fri 27 Nov 2026.';
    const meetings =
      'All meetings logged in the window, by source (from leads and from the log): self 2, referral 1, marketing 2, unspecified 1.';
    for (const format of ['text', 'md', 'html']) {
      const out = await report(home, '--format', format);
      const flat = out.replace(/\\/g, '').replace(/\s+/g, ' ');
      expect(flat, format).toContain(heading);
      expect(flat, format).toContain(meetings);
      expect(flat, format).not.toMatch(/Meetings booked|Rep-sourced|as they stood|How the leads/);
      expect(flat, format).toContain('booked by the rep (self-sourced and referrals): 60%');
      // The median reads in the per-lead column's units, never as a bare number of hours.
      expect(flat, format).toMatch(/median (time to )?first touch/);
      expect(flat, format).not.toMatch(/\b(0\.75|1\.25)\b/);
      // The dash is explained once.
      expect(flat.match(/–: /g), format).toHaveLength(1);
    }
  });

  it('md: a table a marketing manager reads, user text escaped', async () => {
    const out = await report(leadsHome(), '--format', 'md');
    expect(out).toContain('# Leads report: Sam Rivera');
    expect(out).toContain(
      '| marketing / nov-webinar | 4 | 3 | 1 | 1 | 0 | 1 | 1 | 2 | 1.3 h | 50% | 50% | bad-data 1 | no-budget 1 |',
    );
    expect(out).toContain(
      '| Ana \\<b\\>Ruiz\\</b\\> | Bright \\| Smiles | nov-webinar | 2026-11-23 09:00 | meeting |  | 30 min |',
    );
    expect(out).toContain('## Marketing leads');
  });

  it('csv: read back with csv-parse; numbers stay numbers; a formula cannot run', async () => {
    const out = await report(leadsHome(), '--format', 'csv');
    const rows = parse(out, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
    expect(rows[0]?.slice(0, 8)).toEqual([
      'rep',
      'from',
      'to',
      'as of',
      'source',
      'campaign',
      'received',
      'contacted',
    ]);
    const webinar = rows.find((r) => r[5] === 'nov-webinar') as string[];
    expect(webinar.slice(4, 17)).toEqual([
      'marketing',
      'nov-webinar',
      '4',
      '3',
      '1',
      '1',
      '0',
      '1',
      '1',
      '2',
      '1.25',
      '0.5',
      '0.5',
    ]);
    const ben = rows.find((r) => r[0] === 'Ben Ode') as string[];
    expect(ben[1]).toBe(`'=HYPERLINK("x")`);
    expect(rows.filter((r) => r[0] === 'lead')).toHaveLength(1);
  });

  it('json: prospect.lead-report/1 with SPEC keys', async () => {
    const j = JSON.parse(await report(leadsHome(), '--format', 'json'));
    expect(j).toMatchObject({
      schema: 'prospect.lead-report/1',
      rep: 'Sam Rivera',
      from: '2026-10-29',
      to: AS_OF,
      asOf: AS_OF,
      repSourcedShare: 0.6,
    });
    for (const key of [
      'source',
      'campaign',
      'received',
      'contacted',
      'accepted',
      'rejected',
      'meetings',
      'won',
      'lost',
      'open',
      'rejectReasons',
      'lostReasons',
      'medianHoursToFirstTouch',
      'withinHourShare',
      'sameDayShare',
    ]) {
      expect(j.rows[0]).toHaveProperty(key);
    }
    expect(j.leads).toHaveLength(5);
    expect(j.meetingsBySource).toEqual({
      self: 2,
      referral: 1,
      marketing: 2,
      event: 0,
      other: 0,
      unspecified: 1,
    });
  });

  it('--out writes atomically, refuses to overwrite without --force; the format follows the extension', async () => {
    const home = leadsHome();
    const file = join(home, 'leads.html');
    const r = await runIn(home, ['leads', 'report', '--out', file], { now });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    const again = await runIn(home, ['leads', 'report', '--out', file], { now });
    expect(again.code).toBe(2);
    expect((await runIn(home, ['leads', 'report', '--out', file, '--force'], { now })).code).toBe(
      0,
    );
  });

  it('bad input: exit 2 naming the value', async () => {
    const home = leadsHome();
    for (const [args, text] of [
      [['--from', '2026-11-30', '--to', '2026-11-20'], 'is after --to'],
      [['--format', 'pdf'], "--format 'pdf'"],
      [['--source', 'tv'], "--source 'tv'"],
    ] as const) {
      const r = await runIn(home, ['leads', 'report', ...args], { now });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(text);
    }
  });

  it('html: opened in Chromium, escaped names stay text, no script, no request', async () => {
    const html = await report(leadsHome(), '--format', 'html');
    if (!existsSync('/usr/bin/chromium')) throw new Error('/usr/bin/chromium is missing');
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => {
      requests.push(r.url());
    });
    await page.setContent(html, { waitUntil: 'load' });
    expect(await page.locator('td b').count()).toBe(0);
    expect(await page.locator('td', { hasText: 'Ana <b>Ruiz</b>' }).count()).toBe(1);
    expect(await page.locator('h2').allTextContents()).toEqual([
      'Per source and campaign',
      'Marketing leads',
    ]);
    expect(await page.locator('table').first().locator('tbody tr').count()).toBe(4);
    expect(requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:'))).toEqual([]);
    // At 1200 px the per-source table fits: the reasons and long headings wrap, nothing scrolls.
    await page.setViewportSize({ width: 1200, height: 1200 });
    const widths = await page.evaluate(() => {
      const t = document.querySelector('table') as HTMLTableElement;
      return { table: t.getBoundingClientRect().right, page: document.documentElement.scrollWidth };
    });
    expect(widths.page).toBeLessThanOrEqual(1200);
    expect(widths.table).toBeLessThanOrEqual(1200);
  }, 60_000);
});

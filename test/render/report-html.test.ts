import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIsoWeek, type Span } from '../../src/domain/dates.js';
import { buildWeeklyReport } from '../../src/domain/report.js';
import { buildTeamReport, readRepReport } from '../../src/domain/team.js';
import { renderReportHtml } from '../../src/render/report-html.js';
import { renderTeamHtml } from '../../src/render/team-html.js';
import { fixtureData } from '../reports-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const SCRIPT_NOTE = `<script>window.__ran = true; document.title = 'pwned'</script>`;

let browser: Browser | undefined;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: the HTML report is checked in Debian's headless Chromium. Install it with: apt-get update && apt-get install -y chromium`,
    );
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** Opens the page with every network request recorded: a self-contained page makes none. */
async function open(html: string): Promise<{ page: Page; requests: string[] }> {
  if (!browser) throw new Error('no browser');
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const requests: string[] = [];
  page.on('request', (r) => {
    requests.push(r.url());
  });
  await page.setContent(html, { waitUntil: 'load' });
  return { page, requests };
}

function weekHtml(): string {
  const data = fixtureData();
  data.entries.push({
    id: 'x1',
    date: '2026-12-29',
    activity: 'email',
    count: 1,
    note: SCRIPT_NOTE,
  });
  data.settings.name = `Sam <img src=x onerror="window.__ran=true">`;
  return renderReportHtml(
    buildWeeklyReport(data, { week: parseIsoWeek('2026-W53') as Span, asOf: '2027-01-03' }),
  );
}

describe('HTML report in headless Chromium', () => {
  it('draws a bar for each activity against its target', async () => {
    const { page, requests } = await open(weekHtml());
    const rows = await page.$$eval('svg.chart g.row', (gs) =>
      gs.map((g) => {
        const box = (sel: string) => {
          const el = g.querySelector(sel);
          if (!el) return null;
          const r = el.getBoundingClientRect();
          return { width: r.width, height: r.height };
        };
        return {
          label: g.getAttribute('data-label'),
          target: box('rect.target'),
          done: box('rect.done'),
        };
      }),
    );
    expect(rows.map((r) => r.label)).toEqual(['call', 'email', 'meeting', 'referral-ask']);
    for (const r of rows) {
      expect(r.target?.width, `${r.label} target`).toBeGreaterThan(0);
      expect(r.target?.height, `${r.label} target`).toBeGreaterThan(0);
      expect(r.done?.width, `${r.label} done`).toBeGreaterThan(0);
      expect(r.done?.height, `${r.label} done`).toBeGreaterThan(0);
    }
    // call: 109 of 120, so its solid bar is shorter than its target bar.
    const call = rows[0];
    expect(call?.done?.width).toBeLessThan(call?.target?.width ?? 0);
    expect(requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:'))).toEqual([]);
    await page.close();
  });

  it('shows a <script> note as text and never runs it', async () => {
    const { page } = await open(weekHtml());
    const notes = await page.$eval('table.notes', (t) => t.textContent ?? '');
    expect(notes).toContain(SCRIPT_NOTE);
    expect(await page.$eval('h1', (h) => h.textContent)).toContain('<img src=x');
    expect(
      await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran),
    ).toBeUndefined();
    expect(await page.title()).not.toBe('pwned');
    expect(await page.$$('script')).toHaveLength(0);
    expect(await page.$$('img')).toHaveLength(0);
    await page.close();
  });

  it('fits the printable width of A4 and Letter when printed', async () => {
    const { page } = await open(weekHtml());
    await page.emulateMedia({ media: 'print' });
    // A4 is 210 mm wide, Letter 215.9 mm; less the 12 mm margins, about 700 CSS pixels.
    await page.setViewportSize({ width: 700, height: 1000 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(700);
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format, preferCSSPageSize: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    }
    await page.close();
  });

  it('draws the team chart and escapes rep names', async () => {
    const reports = ['Avery', '<script>window.__ran=true</script>', 'Casey'].map((name, i) => {
      const data = fixtureData();
      data.settings.name = name;
      for (const e of data.entries) e.count *= i + 1;
      const r = buildWeeklyReport(data, {
        week: parseIsoWeek('2026-W47') as Span,
        asOf: '2026-11-22',
      });
      return { file: `${i}.json`, report: readRepReport(JSON.parse(JSON.stringify(r))) };
    });
    const { page } = await open(renderTeamHtml(buildTeamReport(reports)));
    const sizes = await page.$$eval('svg.chart rect', (rs) =>
      rs.map((r) => r.getBoundingClientRect().width * r.getBoundingClientRect().height),
    );
    expect(sizes).toHaveLength(6);
    for (const s of sizes) expect(s).toBeGreaterThan(0);
    expect(
      await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran),
    ).toBeUndefined();
    expect(await page.$eval('table', (t) => t.textContent ?? '')).toContain('<script>');
    await page.close();
  });
});

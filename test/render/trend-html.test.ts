import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDay, parseIsoWeek, type Span } from '../../src/domain/dates.js';
import { buildWeeklyReport } from '../../src/domain/report.js';
import { readRepReport } from '../../src/domain/team.js';
import { buildTeamTrend } from '../../src/domain/team-trend.js';
import { buildTrendReport } from '../../src/domain/trend.js';
import { renderTeamTrendHtml } from '../../src/render/team-trend-html.js';
import { renderTrendHtml } from '../../src/render/trend-html.js';
import { fixtureData } from '../reports-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
let browser: Browser | undefined;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
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

/** PDF pages: each page object in the file has `/Type /Page` (not `/Pages`). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

describe('trend HTML in headless Chromium', () => {
  it('draws SVG line charts with no script, loads nothing, and prints 12 weeks on one A4 page', async () => {
    const data = fixtureData();
    data.settings.name = 'Sam <b>Rivera</b>';
    const t = buildTrendReport(data, {
      last: parseIsoWeek('2027-W02') as Span,
      count: 12,
      asOf: '2027-01-13',
    });
    const { page, requests } = await open(renderTrendHtml(t));
    expect(await page.$$('script')).toHaveLength(0);
    expect(requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:'))).toEqual([]);
    // The % of target chart and one small multiple per activity, each a drawn line.
    const charts = await page.$$eval('svg.trend', (s) => s.length);
    expect(charts).toBe(1 + t.activities.length);
    const line = await page.$eval('svg.trend path.line', (p) => {
      const r = p.getBoundingClientRect();
      return { width: r.width, height: r.height };
    });
    expect(line.width).toBeGreaterThan(100);
    expect(await page.$eval('h1', (h) => h.textContent)).toContain('<b>Rivera</b>');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdfPages(pdf)).toBe(1);
    await page.close();
  });

  it('draws one line per rep on a shared chart, each its own dash pattern and marker', async () => {
    const inputs = [];
    for (let i = 0; i < 12; i++) {
      const start = addDay('2026-09-07', 7 * i);
      for (const [rep, k] of [
        ['Avery', 1 + i * 0.1],
        ['Blake', 2 - i * 0.1],
        ['Casey', 1.5],
      ] as const) {
        if (rep === 'Casey' && i === 7) continue;
        const data = fixtureData();
        data.settings.name = rep;
        data.quotas = data.quotas.map((q) => ({ ...q, from: '2026-01-01' }));
        data.entries = data.entries
          .filter((e) => e.date >= '2026-11-09' && e.date <= '2026-11-13')
          .map((e) => ({
            ...e,
            date: addDay(start, Number(e.date.slice(8)) - 9),
            count: Math.round(e.count * k * 0.5),
          }));
        const r = buildWeeklyReport(data, {
          week: { start, end: addDay(start, 6) },
          asOf: addDay(start, 6),
        });
        inputs.push({
          file: `${rep}-${i}.json`,
          report: readRepReport(JSON.parse(JSON.stringify(r))),
        });
      }
    }
    const { page } = await open(renderTeamTrendHtml(buildTeamTrend(inputs)));
    const series = await page.$$eval('svg.trend g.series', (gs) =>
      gs.map((g) => ({
        name: g.getAttribute('data-name'),
        dash: g.querySelector('path.line')?.getAttribute('stroke-dasharray') ?? '',
        // Casey's missing week breaks the line in two pieces: a gap, not a drop to 0.
        pieces: (g.querySelector('path.line')?.getAttribute('d') ?? '').split('M').length - 1,
        marker: g.lastElementChild?.tagName,
      })),
    );
    expect(series.map((s) => s.name).sort()).toEqual(['Avery', 'Blake', 'Casey']);
    expect(new Set(series.map((s) => s.dash)).size).toBe(3);
    expect(new Set(series.map((s) => s.marker)).size).toBe(3);
    expect(series.find((s) => s.name === 'Casey')?.pieces).toBe(2);
    expect(await page.$$eval('td.missing', (t) => t.length)).toBe(1);
    expect(await page.$$('script')).toHaveLength(0);
    await page.close();
  });
});

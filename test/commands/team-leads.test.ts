import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoreData } from '../../src/domain/types.js';
import { noon, runIn, storeFile, tempHome } from '../helpers.js';
import { AS_OF, leadsFixture } from '../leads-fixture.js';

const now = noon(AS_OF);

/** One rep's lead report as JSON in `dir`, from the fixture changed by `change`. */
async function repReport(
  dir: string,
  file: string,
  change: (d: StoreData) => void,
): Promise<string> {
  const home = tempHome();
  const data = leadsFixture();
  change(data);
  writeFileSync(storeFile(home), JSON.stringify(data));
  const out = join(dir, file);
  const r = await runIn(home, ['leads', 'report', '--format', 'json', '--out', out], { now });
  expect(r.code, r.stderr).toBe(0);
  return out;
}

async function threeReps(dir: string): Promise<string[]> {
  return [
    await repReport(dir, 'sam.json', () => {}),
    await repReport(dir, 'alex.json', (d) => {
      d.settings.name = 'Alex Kim';
      d.leads = d.leads.filter((l) => l.id === 'ana001' || l.id === 'ben002');
    }),
    await repReport(dir, 'jo.json', (d) => {
      d.settings.name = 'Jo Li';
      d.leads = d.leads.filter((l) => l.id === 'eve005');
      d.entries = [];
    }),
  ];
}

describe('team over lead reports', () => {
  it('sums three reps per source and campaign, works the median out again, keeps each lead rep', async () => {
    const dir = tempHome();
    await threeReps(dir);
    const r = await runIn(tempHome(), ['team', dir, '--format', 'json'], { now });
    expect(r.code, r.stderr).toBe(0);
    const t = JSON.parse(r.stdout);
    expect(t.schema).toBe('prospect.team-lead-report/1');
    expect(t.reps).toEqual(['Alex Kim', 'Jo Li', 'Sam Rivera']);
    const webinar = t.rows.find((x: { campaign: string }) => x.campaign === 'nov-webinar');
    // Sam 4 + Alex 2 received; hours 0.5, 2, 0.5, 2: median 1.25, 2 of 4 within the hour; 4 of 6 same day.
    expect(webinar).toMatchObject({
      received: 6,
      contacted: 5,
      accepted: 2,
      rejected: 2,
      meetings: 2,
      won: 0,
      lost: 1,
      open: 3,
      rejectReasons: { 'bad-data': 2 },
      lostReasons: { 'no-budget': 1 },
      medianHoursToFirstTouch: 1.25,
      withinHourShare: 0.5,
      sameDayShare: 0.667,
    });
    const ebook = t.rows.find((x: { campaign: string }) => x.campaign === 'ebook');
    expect(ebook).toMatchObject({ received: 2, won: 2, medianHoursToFirstTouch: 0.75 });
    expect(t.total.received).toBe(9);
    expect(t.meetingsBySource).toEqual({
      self: 4,
      referral: 2,
      marketing: 4,
      event: 0,
      other: 0,
      unspecified: 2,
    });
    expect(t.repSourcedShare).toBe(0.6);
    expect(t.leads).toHaveLength(8);
    expect(
      t.leads
        .filter((l: { rep: string }) => l.rep === 'Jo Li')
        .map((l: { name: string }) => l.name),
    ).toEqual(['Eve Moss']);
    const md = await runIn(tempHome(), ['team', dir, '--format', 'md'], { now });
    expect(md.stdout).toContain('# Leads report: team of 3 (Alex Kim, Jo Li, Sam Rivera)');
    expect(md.stdout).toContain('| rep | name | company |');
  });

  it('refuses the same rep twice, and lead reports mixed with weekly reports', async () => {
    const dir = tempHome();
    const [sam] = await threeReps(dir);
    const twice = await runIn(tempHome(), ['team', sam as string, sam as string], { now });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('both lead reports of Sam Rivera');
    const weekly = join(dir, 'weekly.json');
    const home = tempHome();
    await runIn(home, ['report', '--format', 'json', '--out', weekly], { now });
    const mixed = await runIn(tempHome(), ['team', sam as string, weekly], { now });
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('is not a lead report');
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BELIEFS,
  CLIENTS,
  DAYS_OFF,
  generateStore,
  generateTeam,
  LEADS,
  STORE_LIMIT_BYTES,
  TEAM_REPS,
  writeBenchData,
} from '../../bench/data.js';
import { BUILT_IN_ACTIVITIES } from '../../src/domain/activities.js';
import { Calendar } from '../../src/domain/calendar.js';
import { daysBetween, eachDay } from '../../src/domain/dates.js';
import { migrate, SCHEMA_VERSION } from '../../src/store/schema.js';
import { tempHome } from '../helpers.js';

const END = '2026-11-20';

describe('bench data generator', () => {
  it('is deterministic for a seed and an end date, and the seed matters', () => {
    const a = JSON.stringify(generateStore({ seed: 3, end: END }));
    expect(JSON.stringify(generateStore({ seed: 3, end: END }))).toBe(a);
    expect(JSON.stringify(generateStore({ seed: 4, end: END }))).not.toBe(a);
    expect(JSON.stringify(generateTeam({ seed: 3, end: END }))).toBe(
      JSON.stringify(generateTeam({ seed: 3, end: END })),
    );
  });

  it('writes a compact store that passes the store validation, under 5 MB', () => {
    const home = tempHome();
    const out = writeBenchData(home, { end: END });
    const text = readFileSync(join(home, 'prospect.json'), 'utf8');
    // Compact, exactly as the store writes it: no indentation, no trailing newline.
    expect(text).toBe(JSON.stringify(JSON.parse(text)));
    expect(out.storeBytes).toBe(Buffer.byteLength(text));
    expect(out.storeBytes).toBeLessThanOrEqual(STORE_LIMIT_BYTES);
    const { data, fromVersion } = migrate(JSON.parse(text));
    expect(fromVersion).toBe(SCHEMA_VERSION);

    // The heavy store the issue asks for.
    expect(daysBetween(out.firstDay as string, END)).toBeGreaterThan(5 * 365 - 7);
    expect(out.lastDay).toBe(END);
    expect(data.clients).toHaveLength(CLIENTS);
    expect(data.beliefs).toHaveLength(BELIEFS);
    expect(data.daysOff).toHaveLength(DAYS_OFF);
    // 5,000 leads, mostly from marketing with campaigns, closed ones with their reasons.
    expect(data.leads).toHaveLength(LEADS);
    const marketing = data.leads.filter((l) => l.source === 'marketing');
    expect(marketing.length / LEADS).toBeGreaterThan(0.6);
    expect(marketing.every((l) => l.campaign !== undefined)).toBe(true);
    expect(new Set(data.leads.map((l) => l.source))).toEqual(
      new Set(['marketing', 'self', 'referral', 'event', 'other']),
    );
    const reasons = data.leads.flatMap((l) =>
      l.events.filter((e) => e.reason).map((e) => e.reason),
    );
    expect(new Set(reasons).size).toBeGreaterThan(5);
    expect(new Set(data.entries.map((e) => e.id)).size).toBe(data.entries.length);
    const quarterStarts = new Set(
      data.quotas.map((q) => q.from).filter((d) => /-(01|04|07|10)-01$/.test(d)),
    );
    expect(quarterStarts.size).toBeGreaterThanOrEqual(19);
    const withNote = data.entries.filter((e) => e.note !== undefined).length / data.entries.length;
    expect(withNote).toBeGreaterThan(0.17);
    expect(withNote).toBeLessThan(0.23);

    // Every built-in activity on every scoring day, nothing on other days.
    const calendar = new Calendar(data.settings.workdays, data.daysOff);
    const byDay = new Map<string, Set<string>>();
    for (const e of data.entries) {
      const day = byDay.get(e.date) ?? new Set<string>();
      day.add(e.activity);
      byDay.set(e.date, day);
    }
    for (const day of eachDay(out.firstDay as string, END)) {
      // Every built-in activity but no-show, which comes on some days only.
      if (calendar.isScoring(day))
        expect([...(byDay.get(day) ?? [])].filter((a) => a !== 'no-show').sort()).toEqual(
          BUILT_IN_ACTIVITIES.filter((a) => a !== 'no-show').sort(),
        );
      else expect(byDay.has(day)).toBe(false);
    }

    // Asks name real clients; some brought an introduction, grouped with the ask.
    const names = new Set(data.clients.map((c) => c.name));
    const asks = data.entries.filter((e) => e.activity === 'referral-ask');
    expect(asks.every((e) => e.client !== undefined && names.has(e.client))).toBe(true);
    const intros = data.entries.filter((e) => e.activity === 'referral' && e.group !== undefined);
    expect(intros.length).toBeGreaterThan(0);
    const askIds = new Set(asks.map((e) => e.id));
    expect(intros.every((e) => askIds.has(e.group as string))).toBe(true);
    expect(data.clients.some((c) => c.wins.length > 0)).toBe(true);

    // The outcomes: no-shows on some days, held meetings, and times on some entries only.
    const noShows = data.entries.filter((e) => e.activity === 'no-show').length;
    expect(noShows).toBeGreaterThan(0);
    expect(noShows).toBeLessThan(data.entries.filter((e) => e.activity === 'meeting-held').length);
    const timed = data.entries.filter((e) => e.time !== undefined).length / data.entries.length;
    expect(timed).toBeGreaterThan(0.3);
    expect(timed).toBeLessThan(0.6);
  });

  it("writes 50 reps' weekly reports of one ISO week, totals adding up", () => {
    const home = tempHome();
    writeBenchData(home, { end: END });
    const files = readdirSync(join(home, 'team'));
    expect(files).toHaveLength(TEAM_REPS);
    const reports = files.map((f) => JSON.parse(readFileSync(join(home, 'team', f), 'utf8')));
    for (const r of reports) {
      expect(r.schema).toBe('prospect.weekly-report/1');
      expect(r.week).toBe('2026-W47');
      expect(r.start).toBe('2026-11-16');
      expect(r.end).toBe('2026-11-22');
      expect(r.days.map((d: { date: string }) => d.date)).toEqual([...eachDay(r.start, r.end)]);
      for (const [activity, total] of Object.entries(r.totals)) {
        const sum = r.days.reduce(
          (n: number, d: { counts: Record<string, number> }) => n + (d.counts[activity] ?? 0),
          0,
        );
        expect(sum).toBe(total);
      }
      expect(Object.keys(r)).toEqual(
        expect.arrayContaining(['rep', 'targets', 'streak', 'referrals']),
      );
    }
    expect(new Set(reports.map((r) => r.rep)).size).toBe(TEAM_REPS);
  });
});

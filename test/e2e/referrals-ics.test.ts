import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { foldLine, refold } from '../../src/render/ics.js';
import { noon, runIn, storeBytes, tempHome } from '../helpers.js';

const TODAY = '2026-11-23';
const NOW = new Date(Date.UTC(2026, 10, 23, 8, 30, 0));
const FANCY = 'Café "Zoë", Ünïcode & Sons 🎉 — a rather long client name to force folding';

async function setUp(): Promise<string> {
  const home = tempHome();
  const steps = [
    ['client', 'add', 'Acme Dental', '--since', '2026-06-02'],
    ['client', 'add', FANCY, '--since', '2026-03-01', '--every', '60'],
    ['ask', FANCY, '--date', '2026-10-01', '--outcome', 'later'],
    ['client', 'add', 'Initech', '--since', '2026-11-01'],
  ];
  for (const args of steps) {
    const r = await runIn(home, args, { now: noon(TODAY) });
    expect(r.code, args.join(' ')).toBe(0);
  }
  return home;
}

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

describe('referrals --ics', () => {
  it('writes an RFC 5545 calendar that an independent parser reads back with the right dates', async () => {
    const home = await setUp();
    const file = join(home, 'asks.ics');
    const before = storeBytes(home);
    const r = await runIn(home, ['referrals', '--ics', file], { now: NOW });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/Wrote 3 referral asks \(1 due, 2 in the next 14 days\)/);
    expect(storeBytes(home)).toEqual(before);

    const text = readFileSync(file, 'utf8');
    // CRLF line ends only, and no content line over 75 octets.
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(text).toMatch(/\r\n /); // the long name was folded

    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((v) => {
      const e = new ICAL.Event(v);
      return {
        uid: e.uid,
        summary: e.summary,
        start: e.startDate.toString(),
        allDay: e.startDate.isDate,
        end: e.endDate.toString(),
        stamp: String(v.getFirstPropertyValue('dtstamp')),
      };
    });
    expect(events.map(({ summary, start, end, allDay }) => [summary, start, end, allDay])).toEqual([
      // Due since 2 Jul: put on the as-of day, where a calendar shows it.
      ['Ask Acme Dental for a referral', TODAY, '2026-11-24', true],
      // Asked on 1 Oct, every 60 days.
      [`Ask ${FANCY} for a referral`, '2026-11-30', '2026-12-01', true],
      ['Ask Initech for a referral', '2026-12-01', '2026-12-02', true],
    ]);
    expect(new Set(events.map((e) => e.uid)).size).toBe(3);
    for (const e of events) {
      expect(e.uid).toMatch(/@prospect$/);
      expect(e.stamp).toBe('2026-11-23T08:30:00Z');
    }
  });

  it('gives an ask the same UID on every export, so a calendar updates it instead of copying it', async () => {
    const home = await setUp();
    const uids = async (day: string) => {
      const r = await runIn(home, ['referrals', '--ics', '-', '--date', day], { now: NOW });
      return [...r.stdout.matchAll(/^UID:(.*)\r$/gm)].map((m) => m[1]);
    };
    expect(await uids('2026-11-20')).toEqual(await uids('2026-11-23'));
  });

  it('refuses to replace an existing file without --force (exit 2), and replaces it with --force', async () => {
    const home = await setUp();
    const file = join(home, 'asks.ics');
    writeFileSync(file, 'mine');
    const refused = await runIn(home, ['referrals', '--ics', file], { now: NOW });
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toMatch(/asks\.ics already exists: add --force to replace it/);
    expect(readFileSync(file, 'utf8')).toBe('mine');
    const forced = await runIn(home, ['referrals', '--ics', file, '--force'], { now: NOW });
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);
    // Written through a temp file that is renamed into place: nothing is left beside it.
    expect(readdirSync(home).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a folder that does not exist (exit 2) and writes nothing', async () => {
    const home = await setUp();
    const file = join(home, 'no', 'such', 'asks.ics');
    const r = await runIn(home, ['referrals', '--ics', file], { now: NOW });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/does not exist/);
    expect(existsSync(file)).toBe(false);
  });

  it('with --json, writes the file and prints only the JSON document', async () => {
    const home = await setUp();
    const file = join(home, 'asks.ics');
    const r = await runIn(home, ['referrals', '--ics', file, '--json'], { now: NOW });
    expect(JSON.parse(r.stdout).due).toHaveLength(1);
    expect(existsSync(file)).toBe(true);
  });
});

describe('folding', () => {
  it('folds at 75 octets, never inside a character, and unfolds to the same text', () => {
    const line = `SUMMARY:${'é'.repeat(30)}${'🎉'.repeat(20)}${'x'.repeat(40)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(octets(part)).toBeLessThanOrEqual(75);
    for (const part of parts.slice(1)) expect(part.startsWith(' ')).toBe(true);
    expect(folded.replaceAll('\r\n ', '')).toBe(line);
    expect(folded).not.toContain('\uFFFD');
  });

  it('refold turns character-based folding into octet-based folding', () => {
    const long = `DESCRIPTION:${'ü'.repeat(70)}`;
    const byChars = `${long.slice(0, 75)}\r\n\t${long.slice(75)}\r\n`;
    const out = refold(`BEGIN:VCALENDAR\r\n${byChars}END:VCALENDAR\r\n`);
    for (const line of out.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(out.replaceAll('\r\n ', '')).toBe(`BEGIN:VCALENDAR\r\n${long}\r\nEND:VCALENDAR\r\n`);
  });
});

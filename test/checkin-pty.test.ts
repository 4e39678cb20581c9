import { writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { StoreData } from '../src/domain/types.js';
import { emptyStore } from '../src/store/schema.js';
import { driveTty, type Step } from './checkin-tty.js';
import { readStoreJson, storeBytes, storeFile, tempHome } from './helpers.js';

// These drive the real built CLI (npm run build) through a pseudo-terminal, keystroke by keystroke.

const DAY = '2026-11-20';
const ENTER = '\r';
const typed = (text: string) => [...text, ENTER];

/** A rep with three daily quotas and two clients due a referral ask on DAY. */
function repStore(home: string): void {
  const data: StoreData = emptyStore();
  data.settings.name = 'Sam Rivera';
  data.quotas = [
    { activity: 'call', per: 'day', target: 40, from: '2026-11-02' },
    { activity: 'email', per: 'day', target: 20, from: '2026-11-02' },
    { activity: 'social', per: 'day', target: 10, from: '2026-11-02' },
  ];
  data.clients = [
    { name: 'Acme', since: '2026-09-01', wins: [] },
    { name: 'Dana Lee', since: '2026-10-01', wins: [] },
  ];
  writeFileSync(storeFile(home), JSON.stringify(data));
}

type Entry = { activity: string; count: number; date: string; client?: string; outcome?: string };

describe('checkin in a real terminal', () => {
  test('three daily quotas and two asks due take fewer than 15 keystrokes, and are saved', async () => {
    const home = tempHome();
    repStore(home);
    const steps: Step[] = [
      { expect: /How many calls on Fri 20 Nov\? \(goal 40, the day's total\)/, keys: typed('40') },
      { expect: /How many emails/, keys: typed('20') },
      { expect: /How many social touches/, keys: typed('10') },
      // `a` ticks every ask due.
      { expect: /Referral asks due[\s\S]*Dana Lee/, keys: ['a', ENTER] },
      { expect: /How did the ask to Acme go/, keys: [ENTER] },
      { expect: /How did the ask to Dana Lee go/, keys: [ENTER] },
      { expect: /Any noes or a note/, keys: [ENTER] },
    ];
    const run = await driveTty(home, ['checkin', '--date', DAY], steps);
    expect(run.code, run.screen).toBe(0);
    expect(run.keystrokes).toBe(14);
    expect(run.screen).toMatch(/Saved: .*call 0 → 40/);
    expect(run.screen).toMatch(/next ask/);

    const entries = readStoreJson(home).entries as Entry[];
    const count = (activity: string) =>
      entries
        .filter((e) => e.activity === activity && e.date === DAY)
        .reduce((n, e) => n + e.count, 0);
    expect([count('call'), count('email'), count('social')]).toEqual([40, 20, 10]);
    const asks = entries.filter((e) => e.activity === 'referral-ask');
    expect(asks.map((e) => [e.client, e.outcome, e.date])).toEqual([
      ['Acme', 'later', DAY],
      ['Dana Lee', 'later', DAY],
    ]);

    // A second check-in the same day, Enter everywhere, changes nothing: not one byte.
    const before = storeBytes(home);
    const again = await driveTty(
      home,
      ['checkin', '--date', DAY],
      [
        { expect: /How many calls.*\(40\)/, keys: [ENTER] },
        { expect: /How many emails.*\(20\)/, keys: [ENTER] },
        { expect: /How many social touches.*\(10\)/, keys: [ENTER] },
        { expect: /Any noes or a note/, keys: [ENTER] },
      ],
    );
    expect(again.code, again.screen).toBe(0);
    expect(again.screen).not.toMatch(/Referral asks due/);
    expect(again.screen).toMatch(/Nothing changed/);
    expect(storeBytes(home)).toEqual(before);
  });

  test('Ctrl-C half-way saves nothing and exits 130', async () => {
    const home = tempHome();
    repStore(home);
    const before = storeBytes(home);
    const run = await driveTty(
      home,
      ['checkin', '--date', DAY],
      [
        { expect: /How many calls/, keys: typed('40') },
        { expect: /How many emails/, keys: typed('20') },
        { expect: /How many social touches/, keys: typed('10') },
        { expect: /Referral asks due[\s\S]*Dana Lee/, keys: ['a', ENTER] },
        { expect: /How did the ask to Acme go/, keys: ['\x03'] },
      ],
    );
    expect(run.code, run.screen).toBe(130);
    expect(run.screen).toMatch(/nothing was saved/);
    expect(storeBytes(home)).toEqual(before);
  });

  test('the first check-in on a new store sets the rep up', async () => {
    const home = tempHome();
    const run = await driveTty(
      home,
      ['checkin', '--date', DAY],
      [
        { expect: /Your name/, keys: typed('Sam') },
        // Monday to Friday come ticked; tick Saturday too (five downs, space).
        {
          expect: /Which days do you prospect/,
          keys: ['\x1b[B', '\x1b[B', '\x1b[B', '\x1b[B', '\x1b[B', ' ', ENTER],
        },
        { expect: /How many calls a day/, keys: typed('30') },
        { expect: /emails a day/, keys: [ENTER] },
        { expect: /social touches a day/, keys: typed('0') },
        { expect: /meetings booked a week/, keys: [ENTER] },
      ],
    );
    expect(run.code, run.screen).toBe(0);
    const data = readStoreJson(home) as unknown as StoreData;
    expect(data.settings.name).toBe('Sam');
    expect(data.settings.workdays).toEqual([
      { from: null, days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
    ]);
    expect(data.quotas).toEqual([
      { activity: 'call', per: 'day', target: 30, from: DAY },
      { activity: 'email', per: 'day', target: 10, from: DAY },
      { activity: 'meeting', per: 'week', target: 3, from: DAY },
    ]);
    expect(data.beliefs.length).toBeGreaterThanOrEqual(12);
  });
});

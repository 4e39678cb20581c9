import { writeFileSync } from 'node:fs';
import { describe, expect, test, vi } from 'vitest';
import type { StoreData } from '../src/domain/types.js';
import { emptyStore } from '../src/store/schema.js';
import { answers } from './checkin-fake-prompts.js';
import { noon, plain, readStoreJson, runIn, storeFile, tempHome } from './helpers.js';

vi.mock('../src/prompts.js', () => import('./checkin-fake-prompts.js'));

function store(home: string): void {
  const data = emptyStore();
  data.settings.name = 'Sam Rivera';
  data.quotas = [
    { activity: 'call', per: 'day', target: 30, from: '2026-11-02' },
    { activity: 'meeting', per: 'week', target: 5, from: '2026-11-02' },
  ];
  data.daysOff = [{ date: '2026-11-26', reason: 'Thanksgiving' }];
  writeFileSync(storeFile(home), JSON.stringify(data));
}

describe('checkin on a day that does not score', () => {
  for (const [day, what] of [
    ['2026-11-26', 'a day off'],
    ['2026-11-28', 'not a workday'],
  ] as const) {
    test(`${day}: says it is ${what}, sets no goal, still logs what was done`, async () => {
      const home = tempHome();
      store(home);
      const asked = answers({ 'count:call': 5 });
      const r = await runIn(home, ['checkin'], { now: noon(day), tty: true });
      expect(r.code).toBe(0);
      const out = plain(r.stdout);
      expect(out).toContain(`is ${what}: no goal today, and it neither counts nor breaks a streak`);
      const call = asked.find((a) => a.name === 'count:call');
      expect(call?.message).toBe("How many calls today? (the day's total; no goal)");
      expect(out).not.toMatch(/goal 30|left +25|no workdays in this period/);
      expect(out).toMatch(/call +5 today · no goal: /);
      expect(out).toMatch(
        /left +nothing today: it is (a day off|not a workday), so there is no daily goal/,
      );
      const entries = (readStoreJson(home) as unknown as StoreData).entries;
      expect(entries).toMatchObject([{ date: day, activity: 'call', count: 5 }]);
    });
  }

  test('a workday still asks with its goal', async () => {
    const home = tempHome();
    store(home);
    const asked = answers({ 'count:call': 5 });
    const r = await runIn(home, ['checkin'], { now: noon('2026-11-27'), tty: true });
    expect(asked.find((a) => a.name === 'count:call')?.message).toBe(
      "How many calls today? (goal 30, the day's total)",
    );
    expect(plain(r.stdout)).toMatch(/left +25 calls today/);
  });
});

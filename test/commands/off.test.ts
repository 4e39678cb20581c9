import { describe, expect, it } from 'vitest';
import { dayOffRuns } from '../../src/domain/daysoff.js';
import { noon, readStoreJson, runIn, storeBytes, tempHome } from '../helpers.js';

const at = { now: noon('2026-11-27') };

describe('dayOffRuns', () => {
  it('joins consecutive days with the same reason, splits on a gap or another reason', () => {
    expect(
      dayOffRuns([
        { date: '2026-12-31', reason: 'holidays' },
        { date: '2026-12-30', reason: 'holidays' },
        { date: '2027-01-01', reason: 'holidays' },
        { date: '2027-01-02', reason: 'sick' },
        { date: '2027-01-03' },
        { date: '2027-01-05' },
      ]),
    ).toEqual([
      { from: '2026-12-30', to: '2027-01-01', days: 3, reason: 'holidays' },
      { from: '2027-01-02', to: '2027-01-02', days: 1, reason: 'sick' },
      { from: '2027-01-03', to: '2027-01-03', days: 1 },
      { from: '2027-01-05', to: '2027-01-05', days: 1 },
    ]);
  });
});

describe('off list and off rm --to', () => {
  it('lists a 68-day vacation as one line', async () => {
    const home = tempHome();
    await runIn(home, ['off', '2026-06-01', '--to', '2026-08-07', '--reason', 'sabbatical'], at);
    await runIn(home, ['off', '2026-11-26', '--reason', 'Thanksgiving'], at);
    const r = await runIn(home, ['off', 'list'], at);
    expect(r.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^2026-06-01 +to 2026-08-07 +Mon 1 Jun to Fri 7 Aug 2026 +68 days +sabbatical$/,
      ),
      expect.stringMatching(/^2026-11-26 +Thu 26 Nov 2026 +Thanksgiving$/),
      '69 days off.',
    ]);
    const json = JSON.parse((await runIn(home, ['off', 'list', '--json'], at)).stdout);
    expect(json).toHaveLength(69);
  });

  it('off rm D --to D2 removes every day off in the range, and only those', async () => {
    const home = tempHome();
    await runIn(home, ['off', '2026-12-24', '--to', '2027-01-01', '--reason', 'holidays'], at);
    const r = await runIn(home, ['off', 'rm', '2026-12-28', '--to', '2027-01-10'], at);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'Removed 5 days off from Mon 28 Dec 2026 to Sun 10 Jan 2027: regular days again.\n',
    );
    expect((readStoreJson(home).daysOff as { date: string }[]).map((d) => d.date)).toEqual([
      '2026-12-24',
      '2026-12-25',
      '2026-12-26',
      '2026-12-27',
    ]);
  });

  it('refuses a range with no day off in it, and a backwards range: exit 2, store untouched', async () => {
    const home = tempHome();
    await runIn(home, ['off', '2026-12-24'], at);
    const before = storeBytes(home);
    const empty = await runIn(home, ['off', 'rm', '2026-12-01', '--to', '2026-12-10'], at);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe(
      "prospect: there is no day off from 2026-12-01 to 2026-12-10: see 'prospect off list'\n",
    );
    const back = await runIn(home, ['off', 'rm', '2026-12-10', '--to', '2026-12-01'], at);
    expect(back.code).toBe(2);
    expect(back.stderr).toContain('--to 2026-12-01 is before 2026-12-10');
    expect(storeBytes(home)).toEqual(before);
  });

  it('a day that is not a day off: did you mean the nearest one', async () => {
    const home = tempHome();
    await runIn(home, ['off', '2026-12-24'], at);
    const r = await runIn(home, ['off', 'rm', '2026-12-23'], at);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "prospect: 2026-12-23 is not a day off: did you mean 2026-12-24? see 'prospect off list'\n",
    );
  });
});

import { describe, expect, it } from 'vitest';
import { noon, readStoreJson, runIn, storeBytes, tempHome } from '../helpers.js';

const now = noon('2026-11-27');

describe('client names typed without accents', () => {
  it('ask, client win and referrals snooze find "Café Zoë" from "Cafe Zoe"', async () => {
    const home = tempHome();
    expect(
      (await runIn(home, ['client', 'add', 'Café Zoë', '--since', '2026-06-01'], { now })).code,
    ).toBe(0);
    const asked = await runIn(home, ['ask', 'Cafe Zoe', '--outcome', 'later'], { now });
    expect(asked.stderr).toBe('');
    expect(asked.stdout).toContain('Asked Café Zoë for a referral');
    expect(readStoreJson(home).entries.at(-1)).toMatchObject({ client: 'Café Zoë' });
    expect((await runIn(home, ['client', 'win', 'CAFE ZOE'], { now })).code).toBe(0);
    const snoozed = await runIn(
      home,
      ['referrals', 'snooze', 'cafe zoe', '--until', '2026-12-20'],
      { now },
    );
    expect(snoozed.code).toBe(0);
  });

  it('two clients that differ only in accents: exit 2 naming both, store untouched', async () => {
    const home = tempHome();
    await runIn(home, ['client', 'add', 'René', '--since', '2026-06-01'], { now });
    await runIn(home, ['client', 'add', 'Rène', '--since', '2026-06-01'], { now });
    const before = storeBytes(home);
    for (const args of [
      ['ask', 'Rene'],
      ['client', 'rm', 'rene'],
      ['client', 'win', 'RENE'],
    ]) {
      const r = await runIn(home, args, { now });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^prospect: client '\w+' could be 'René' or 'Rène'/);
      expect(storeBytes(home)).toEqual(before);
    }
  });
});

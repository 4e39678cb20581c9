import { describe, expect, it } from 'vitest';
import { noon, plain, runIn, tempHome } from '../helpers.js';

/** Status wraps its lines under the text column: joined again, to match a sentence. */
const unwrap = (t: string) => plain(t).replace(/\n {2,}/g, ' ');

const at = { now: noon('2026-11-28') };

describe('pace on a day that does not score', () => {
  it('on a Saturday, the month quota needs its calls on Monday, the next workday', async () => {
    const home = tempHome();
    await runIn(
      home,
      ['quota', 'set', 'call', '200', '--per', 'month', '--from', '2026-11-01'],
      at,
    );
    await runIn(
      home,
      ['quota', 'set', 'referral-ask', '12', '--per', 'month', '--from', '2026-11-01'],
      at,
    );
    await runIn(home, ['log', 'call', '191', '--date', '2026-11-27'], at);
    await runIn(home, ['log', 'referral-ask', '9', '--date', '2026-11-27'], at);
    const out = unwrap((await runIn(home, ['status'], at)).stdout);
    expect(out).toMatch(/call .*need 9 on Mon 30 Nov, the next workday/);
    expect(out).toMatch(/referral-ask .*need 3 on Mon 30 Nov, the next workday/);
    expect(out).not.toContain('today for the last workday');
  });

  it('on a day off with two workdays left: a day for the 2 left, from the next one', async () => {
    const home = tempHome();
    const wed = { now: noon('2026-11-25') };
    await runIn(
      home,
      ['quota', 'set', 'meeting', '5', '--per', 'week', '--from', '2026-11-23'],
      wed,
    );
    await runIn(home, ['off', '2026-11-25', '--reason', 'dentist'], wed);
    await runIn(home, ['log', 'meeting', '1', '--date', '2026-11-24'], wed);
    const out = unwrap((await runIn(home, ['status'], wed)).stdout);
    expect(out).toMatch(/meeting .*need 2 a day for the 2 workdays left, from Thu 26 Nov/);
  });

  it('on a workday, it is still today', async () => {
    const home = tempHome();
    const fri = { now: noon('2026-11-27') };
    await runIn(
      home,
      ['quota', 'set', 'meeting', '5', '--per', 'week', '--from', '2026-11-23'],
      fri,
    );
    await runIn(home, ['log', 'meeting', '3', '--date', '2026-11-24'], fri);
    const out = unwrap((await runIn(home, ['status'], fri)).stdout);
    expect(out).toMatch(/meeting .*need 2 today for the last workday/);
  });

  it('status --date a Saturday: the daily quota shows its count, no bar against the target', async () => {
    const home = tempHome();
    const fri = { now: noon('2026-11-27') };
    await runIn(home, ['quota', 'set', 'call', '30', '--per', 'day', '--from', '2026-11-02'], fri);
    await runIn(
      home,
      ['quota', 'set', 'email', '60', '--per', 'week', '--from', '2026-11-02'],
      fri,
    );
    await runIn(home, ['log', 'call', '5', '--date', '2026-11-21'], fri);
    await runIn(home, ['log', 'email', '20', '--date', '2026-11-20'], fri);
    const out = plain((await runIn(home, ['status', '--date', '2026-11-21'], fri)).stdout);
    expect(out).toMatch(/^call +5 today · no goal: not a workday$/m);
    expect(out).not.toContain('5/30');
    expect(out).not.toContain('no workdays in this period');
    // The week quota keeps its bar.
    expect(out).toMatch(/^email +[█░]+ +20\/60/m);
  });
});

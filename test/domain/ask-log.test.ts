import { describe, expect, it } from 'vitest';
import { AskLog } from '../../src/domain/referrals.js';
import type { Entry } from '../../src/domain/types.js';
import { prng } from '../helpers.js';

/** What referralStates did before AskLog.lastAsk: a walk over every ask of the client. */
function scan(asks: AskLog, name: string, since: string, asOf: string): Entry | undefined {
  let ask: Entry | undefined;
  for (const e of asks.of(name)) {
    if (e.date >= since && e.date <= asOf && (!ask || e.date >= ask.date)) ask = e;
  }
  return ask;
}

const day = (n: number) =>
  `2026-${String(1 + Math.floor(n / 28)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;

describe('AskLog.lastAsk', () => {
  it('finds the ask the walk over every ask finds: latest date, on a tie the one added last (property)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rand = prng(seed);
      const names = ['Acme', 'ACME', 'Café Zoë', 'Cafe Zoe', 'Bright'];
      const entries: Entry[] = [];
      const count = Math.floor(rand() * 40);
      for (let i = 0; i < count; i++) {
        // Few distinct days, so ties are common; not in date order, as backfills leave a log.
        entries.push({
          id: `e${i}`,
          date: day(Math.floor(rand() * 20)),
          activity: rand() < 0.8 ? 'referral-ask' : 'call',
          count: 1,
          client: names[Math.floor(rand() * names.length)],
        });
      }
      const log = new AskLog(entries);
      for (let q = 0; q < 30; q++) {
        const name = names[Math.floor(rand() * names.length)] as string;
        const a = day(Math.floor(rand() * 22));
        const b = day(Math.floor(rand() * 22));
        const [since, asOf] = a <= b ? [a, b] : [b, a];
        expect(log.lastAsk(name, since, asOf), `seed ${seed}: ${name} ${since}..${asOf}`).toBe(
          scan(log, name, since, asOf),
        );
      }
    }
  });
});

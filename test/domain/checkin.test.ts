import { describe, expect, test } from 'vitest';
import {
  applyCheckin,
  behindOn,
  changesNothing,
  nextAsk,
  questionsFor,
  setDayTotal,
} from '../../src/domain/checkin.js';
import type { Entry, StoreData } from '../../src/domain/types.js';

const DAY = '2026-11-20'; // Friday

function store(change: (d: StoreData) => void = () => {}): StoreData {
  const data: StoreData = {
    schemaVersion: 1,
    settings: {
      name: 'Sam',
      workdays: [{ from: null, days: ['mon', 'tue', 'wed', 'thu', 'fri'] }],
      referral: { cadenceDays: 90, firstAskAfterDays: 30 },
    },
    activities: [],
    quotas: [
      { activity: 'call', per: 'day', target: 40, from: '2026-11-02' },
      { activity: 'meeting', per: 'week', target: 5, from: '2026-11-02' },
    ],
    entries: [],
    daysOff: [],
    clients: [],
    beliefs: [],
    removedTemplates: [],
    leads: [],
  };
  change(data);
  return data;
}

const e = (id: string, activity: string, count: number, extra: Partial<Entry> = {}): Entry => ({
  id,
  date: DAY,
  activity,
  count,
  ...extra,
});

function ids() {
  let n = 0;
  return () => `id${++n}`;
}

const total = (d: StoreData, activity: string, date = DAY) =>
  d.entries
    .filter((x) => x.date === date && x.activity === activity)
    .reduce((s, x) => s + x.count, 0);

describe('setDayTotal', () => {
  test('up: one entry with the difference', () => {
    const d = store((s) => s.entries.push(e('a', 'call', 10)));
    expect(setDayTotal(d, DAY, 'call', 25, ids())).toMatchObject({ from: 10, to: 25 });
    expect(d.entries.map((x) => [x.id, x.count])).toEqual([
      ['a', 10],
      ['id1', 15],
    ]);
  });

  test('down: the entry added last gives way first; other days and activities are left alone', () => {
    const d = store((s) =>
      s.entries.push(
        e('a', 'call', 10),
        e('x', 'call', 9, { date: '2026-11-19' }),
        e('m', 'email', 4),
        e('b', 'call', 5),
      ),
    );
    setDayTotal(d, DAY, 'call', 7, ids());
    expect(d.entries.map((x) => [x.id, x.count])).toEqual([
      ['a', 7],
      ['x', 9],
      ['m', 4],
    ]);
  });

  test('never below the asks recorded with clients', () => {
    const d = store((s) =>
      s.entries.push(
        e('k', 'referral-ask', 1, { client: 'Acme', outcome: 'later' }),
        e('p', 'referral-ask', 2),
      ),
    );
    expect(setDayTotal(d, DAY, 'referral-ask', 0, ids())).toMatchObject({ from: 3, to: 1 });
    expect(d.entries.map((x) => x.id)).toEqual(['k']);
  });
});

describe('questionsFor', () => {
  test('daily quotas with what is logged, the asks due, and the noes', () => {
    const d = store((s) => {
      s.entries.push(e('a', 'call', 12), e('r', 'rejection', 3));
      s.clients = [
        { name: 'Acme', since: '2026-09-01', wins: [] },
        { name: 'Later Inc', since: '2026-11-01', wins: [] },
      ];
    });
    const q = questionsFor(d, DAY);
    expect(q.setup).toBe(false);
    expect(q.counts).toEqual([{ activity: 'call', per: 'day', target: 40, logged: 12, min: 0 }]);
    expect(q.asksDue.map((a) => a.client)).toEqual(['Acme']);
    expect(q.noes).toEqual({ logged: 3, min: 0 });
  });

  test('a store with no quota at all is set up first', () => {
    expect(
      questionsFor(
        store((s) => (s.quotas = [])),
        DAY,
      ).setup,
    ).toBe(true);
  });

  test('entries dated after the day do not count as logged', () => {
    const d = store((s) => s.entries.push(e('a', 'call', 12, { date: '2026-11-21' })));
    expect(questionsFor(d, DAY).counts[0]?.logged).toBe(0);
  });
});

describe('behindOn', () => {
  test('a daily quota is judged on the last scoring day before, skipping the weekend', () => {
    const monday = '2026-11-23';
    const d = store((s) => s.entries.push(e('a', 'call', 39, { date: DAY })));
    expect(behindOn(d, monday)).toContain('call');
    const met = store((s) => s.entries.push(e('a', 'call', 40, { date: DAY })));
    expect(behindOn(met, monday)).not.toContain('call');
  });

  test('a weekly quota is behind when the pace before today was not reached', () => {
    // Friday: 4 of 5 scoring days done before today, so 4 meetings were expected.
    const d = store((s) => s.entries.push(e('a', 'meeting', 3, { date: '2026-11-17' })));
    expect(behindOn(d, DAY)).toContain('meeting');
    const onPace = store((s) => s.entries.push(e('a', 'meeting', 4, { date: '2026-11-17' })));
    expect(behindOn(onPace, DAY)).not.toContain('meeting');
  });

  test('most behind first', () => {
    const d = store((s) =>
      s.entries.push(
        e('a', 'call', 30, { date: '2026-11-19' }),
        e('b', 'meeting', 0, { date: '2026-11-17' }),
      ),
    );
    expect(behindOn(d, DAY)).toEqual(['meeting', 'call']);
  });
});

describe('applyCheckin', () => {
  test('applies only the totals changed from what was shown', () => {
    const d = store((s) => s.entries.push(e('a', 'call', 12)));
    // Since the rep was shown 12, another command logged 5 more: Enter must not undo that.
    d.entries.push(e('b', 'call', 5));
    const changes = applyCheckin(
      d,
      { date: DAY, counts: [{ activity: 'call', shown: 12, total: 12 }], asks: [] },
      ids(),
    );
    expect(changes).toEqual([]);
    expect(total(d, 'call')).toBe(17);
  });

  test('asks go through recordAsk, intros with their referral', () => {
    const d = store((s) => (s.clients = [{ name: 'Acme', since: '2026-09-01', wins: [] }]));
    const changes = applyCheckin(
      d,
      { date: DAY, counts: [], asks: [{ client: 'Acme', outcome: 'intro' }] },
      ids(),
    );
    expect(changes).toEqual([{ kind: 'ask', client: 'Acme', outcome: 'intro' }]);
    expect(d.entries).toEqual([
      {
        id: 'id1',
        date: DAY,
        activity: 'referral-ask',
        count: 1,
        client: 'Acme',
        outcome: 'intro',
      },
      { id: 'id2', date: DAY, activity: 'referral', count: 1, client: 'Acme', group: 'id1' },
    ]);
    // Asked today: next due after the 90-day cadence.
    expect(nextAsk(d, DAY)).toMatchObject({ client: 'Acme', dueDate: '2027-02-18' });
  });

  test('setup replaces the settings and sets quotas from the day', () => {
    const d = store((s) => (s.quotas = []));
    applyCheckin(
      d,
      {
        date: DAY,
        setup: {
          name: 'Ana',
          workdays: ['mon', 'wed'],
          quotas: [{ activity: 'call', per: 'day', target: 15 }],
        },
        counts: [],
        asks: [],
      },
      ids(),
    );
    expect(d.settings.name).toBe('Ana');
    expect(d.settings.workdays).toEqual([{ from: null, days: ['mon', 'wed'] }]);
    expect(d.quotas).toEqual([{ activity: 'call', per: 'day', target: 15, from: DAY }]);
  });

  test('changesNothing spots a check-in where every answer was the default', () => {
    const base = { date: DAY, counts: [{ activity: 'call', shown: 3, total: 3 }], asks: [] };
    expect(changesNothing(base)).toBe(true);
    expect(changesNothing({ ...base, noes: { shown: 1, total: 1 } })).toBe(true);
    expect(changesNothing({ ...base, noes: { shown: 1, total: 2 } })).toBe(false);
    expect(changesNothing({ ...base, note: 'x' })).toBe(false);
    expect(changesNothing({ ...base, asks: [{ client: 'A', outcome: 'later' }] })).toBe(false);
    expect(changesNothing({ ...base, counts: [{ activity: 'call', shown: 3, total: 4 }] })).toBe(
      false,
    );
  });
});

describe('nextAsk', () => {
  test('the most overdue ask, or else the first coming up', () => {
    const d = store((s) => {
      s.clients = [
        { name: 'Soon', since: '2026-11-01', wins: [] },
        { name: 'Late', since: '2026-09-01', wins: [] },
      ];
    });
    expect(nextAsk(d, DAY)?.client).toBe('Late');
    d.clients = d.clients.filter((c) => c.name === 'Soon');
    expect(nextAsk(d, DAY)).toMatchObject({ client: 'Soon', dueDate: '2026-12-01' });
  });
});

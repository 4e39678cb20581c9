import { describe, expect, it } from 'vitest';
import { recordAsk, removeEntryGroup } from '../../src/domain/asks.js';
import {
  dueAsks,
  type ReferralState,
  referralStates,
  referralsView,
  upcomingAsks,
} from '../../src/domain/referrals.js';
import type { AskOutcome, Client, Entry, Settings, StoreData } from '../../src/domain/types.js';
import { emptyStore } from '../../src/store/schema.js';

const settings = (cadenceDays = 90, firstAskAfterDays = 30): Settings => ({
  name: '',
  workdays: [{ from: null, days: ['mon', 'tue', 'wed', 'thu', 'fri'] }],
  referral: { cadenceDays, firstAskAfterDays },
});

const client = (name: string, since: string, extra: Partial<Client> = {}): Client => ({
  name,
  since,
  wins: [],
  ...extra,
});

let n = 0;
const askEntry = (clientName: string, date: string, outcome?: AskOutcome): Entry => ({
  id: `e${++n}`,
  date,
  activity: 'referral-ask',
  count: 1,
  client: clientName,
  ...(outcome ? { outcome } : {}),
});

function stateOf(
  c: Client,
  entries: Entry[],
  asOf: string,
  s: Settings = settings(),
): ReferralState {
  const [state] = referralStates([c], entries, s, asOf);
  if (!state) throw new Error('no state');
  return state;
}

describe('the due rule, one rule at a time', () => {
  it('never asked: due on since + firstAskAfterDays, reason first-ask', () => {
    const s = stateOf(client('Acme', '2026-06-02'), [], '2026-07-10');
    expect(s).toMatchObject({ reason: 'first-ask', dueDate: '2026-07-02', daysOverdue: 8 });
    expect(stateOf(client('Acme', '2026-06-02'), [], '2026-07-10', settings(90, 10)).dueDate).toBe(
      '2026-06-12',
    );
  });

  it('asked: due on last ask + the configured cadence, reason cadence', () => {
    const s = stateOf(client('Acme', '2026-01-05'), [askEntry('Acme', '2026-03-01')], '2026-06-15');
    expect(s).toMatchObject({ reason: 'cadence', dueDate: '2026-05-30', lastAsk: '2026-03-01' });
    expect(
      stateOf(
        client('Acme', '2026-01-05'),
        [askEntry('Acme', '2026-03-01')],
        '2026-06-15',
        settings(30),
      ).dueDate,
    ).toBe('2026-03-31');
  });

  it('the latest ask counts, whatever order the log holds them in', () => {
    const entries = [
      askEntry('Acme', '2026-04-01', 'intro'),
      askEntry('Acme', '2026-02-01', 'declined'),
    ];
    const s = stateOf(client('Acme', '2026-01-05'), entries, '2026-06-15');
    expect(s).toMatchObject({ lastAsk: '2026-04-01', lastOutcome: 'intro', dueDate: '2026-06-30' });
  });

  it("a client's own --every beats the configured cadence; without it the default applies", () => {
    const asks = [askEntry('Acme', '2026-03-01'), askEntry('Globex', '2026-03-01')];
    const states = referralStates(
      [client('Acme', '2026-01-05', { every: 45 }), client('Globex', '2026-01-05')],
      asks,
      settings(60),
      '2026-04-01',
    );
    expect(states.map((s) => [s.client, s.dueDate, s.cadenceDays])).toEqual([
      ['Acme', '2026-04-15', 45],
      ['Globex', '2026-04-30', 60],
    ]);
  });

  it('--every does not change the first ask, only the cadence after it', () => {
    const s = stateOf(client('Acme', '2026-06-02', { every: 7 }), [], '2026-06-05');
    expect(s).toMatchObject({ reason: 'first-ask', dueDate: '2026-07-02' });
  });

  it('a win after the last ask makes it due on the win date (after-win)', () => {
    const c = client('Acme', '2026-01-05', { wins: [{ date: '2026-04-10' }] });
    const s = stateOf(c, [askEntry('Acme', '2026-03-01')], '2026-04-20');
    expect(s).toMatchObject({
      reason: 'after-win',
      dueDate: '2026-04-10',
      win: '2026-04-10',
      daysOverdue: 10,
    });
  });

  it('a win before the last ask changes nothing: the cadence still rules', () => {
    const c = client('Acme', '2026-01-05', { wins: [{ date: '2026-02-10' }] });
    const s = stateOf(c, [askEntry('Acme', '2026-03-01')], '2026-04-20');
    expect(s).toMatchObject({ reason: 'cadence', dueDate: '2026-05-30', win: null });
  });

  it('a win on the day of the last ask is what that ask followed up: no new ask', () => {
    const c = client('Acme', '2026-01-05', { wins: [{ date: '2026-03-01' }] });
    expect(stateOf(c, [askEntry('Acme', '2026-03-01')], '2026-04-20').reason).toBe('cadence');
  });

  it('a never-asked client with a win after since is due on the win, before the first-ask date', () => {
    const c = client('Acme', '2026-06-02', { wins: [{ date: '2026-06-10' }] });
    expect(stateOf(c, [], '2026-06-12')).toMatchObject({
      reason: 'after-win',
      dueDate: '2026-06-10',
    });
  });

  it('a win later than the date the ask is due anyway does not push it back', () => {
    const c = client('Acme', '2026-06-02', { wins: [{ date: '2026-07-20' }] });
    expect(stateOf(c, [], '2026-07-25')).toMatchObject({
      reason: 'first-ask',
      dueDate: '2026-07-02',
    });
  });

  it('of several wins after the last ask, the earliest sets the date', () => {
    const c = client('Acme', '2026-01-05', {
      wins: [{ date: '2026-04-15' }, { date: '2026-04-10' }, { date: '2026-02-01' }],
    });
    expect(stateOf(c, [askEntry('Acme', '2026-03-01')], '2026-04-20').dueDate).toBe('2026-04-10');
  });

  it('is due on the due date itself (0 days overdue), not the day before', () => {
    const c = client('Acme', '2026-06-02');
    expect(dueAsks([stateOf(c, [], '2026-07-01')])).toEqual([]);
    const [due] = dueAsks([stateOf(c, [], '2026-07-02')]);
    expect(due?.daysOverdue).toBe(0);
  });

  it('asks are matched to clients ignoring case and accent encoding', () => {
    const decomposed = 'Cafe\u0301 Zoë';
    const c = client('Café Zoë', '2026-01-05');
    expect(
      stateOf(c, [askEntry(decomposed.toUpperCase(), '2026-03-01')], '2026-04-01').lastAsk,
    ).toBe('2026-03-01');
  });

  it('referral-ask entries without a client (plain `log referral-ask`) are not asks of a client', () => {
    const plainLog: Entry = { id: 'x', date: '2026-03-01', activity: 'referral-ask', count: 3 };
    expect(stateOf(client('Acme', '2026-01-05'), [plainLog], '2026-04-01').lastAsk).toBeNull();
  });

  it('an ask dated before since belongs to an earlier spell of a removed client and does not count', () => {
    const s = stateOf(client('Acme', '2026-05-01'), [askEntry('Acme', '2026-03-01')], '2026-06-15');
    expect(s).toMatchObject({ reason: 'first-ask', lastAsk: null, dueDate: '2026-05-31' });
  });
});

describe('snooze', () => {
  const snoozed = client('Acme', '2026-06-02', {
    snoozeUntil: '2026-07-20',
    snoozedOn: '2026-07-05',
  });

  it('hides a due client until the snooze ends', () => {
    const s = stateOf(snoozed, [], '2026-07-10');
    expect(s.daysOverdue).toBeGreaterThan(0);
    expect(s.snoozedUntil).toBe('2026-07-20');
    expect(dueAsks([s])).toEqual([]);
  });

  it('shows it again on the day the snooze ends', () => {
    expect(dueAsks([stateOf(snoozed, [], '2026-07-20')]).map((s) => s.client)).toEqual(['Acme']);
    expect(dueAsks([stateOf(snoozed, [], '2026-07-19')])).toEqual([]);
  });

  it('is ignored as of a day before it was set', () => {
    expect(dueAsks([stateOf(snoozed, [], '2026-07-04')]).map((s) => s.client)).toEqual(['Acme']);
  });

  it('a snoozed client comes up on the day its snooze ends', () => {
    const up = upcomingAsks([stateOf(snoozed, [], '2026-07-10')], '2026-07-10');
    expect(up.map((s) => [s.client, s.dueDate, s.daysOverdue])).toEqual([
      ['Acme', '2026-07-20', -10],
    ]);
  });
});

describe('as of a day in the past', () => {
  const c = client('Acme', '2026-01-05', { wins: [{ date: '2026-04-20' }] });
  const entries = [askEntry('Acme', '2026-02-01'), askEntry('Acme', '2026-06-01', 'intro')];

  it('asks and wins made later do not count', () => {
    expect(stateOf(c, entries, '2026-04-15')).toMatchObject({
      lastAsk: '2026-02-01',
      lastOutcome: null,
      reason: 'cadence',
      dueDate: '2026-05-02',
      daysOverdue: -17,
    });
    expect(stateOf(c, entries, '2026-04-25')).toMatchObject({
      reason: 'after-win',
      dueDate: '2026-04-20',
      daysOverdue: 5,
    });
    expect(stateOf(c, entries, '2026-06-02')).toMatchObject({
      reason: 'cadence',
      lastAsk: '2026-06-01',
      lastOutcome: 'intro',
      dueDate: '2026-08-30',
    });
  });

  it('clients added later are left out', () => {
    expect(referralStates([client('Later', '2026-08-01')], [], settings(), '2026-07-31')).toEqual(
      [],
    );
  });
});

describe('order and horizon', () => {
  const s = settings();
  const states = referralStates(
    [
      client('beta', '2026-01-01'),
      client('Alpha', '2026-01-01'),
      client('Most overdue', '2025-12-01'),
      client('Soon', '2026-03-05'),
      client('Far', '2026-03-20'),
    ],
    [],
    s,
    '2026-04-01',
  );

  it('due: most overdue first, then by name ignoring case', () => {
    expect(dueAsks(states).map((x) => x.client)).toEqual(['Most overdue', 'Alpha', 'beta']);
  });

  it('upcoming: only the next 14 days, soonest first', () => {
    expect(upcomingAsks(states, '2026-04-01').map((x) => [x.client, x.dueDate])).toEqual([
      ['Soon', '2026-04-04'],
    ]);
    expect(upcomingAsks(states, '2026-04-01', 40).map((x) => x.client)).toEqual(['Soon', 'Far']);
  });
});

describe('asks in the activity log', () => {
  const store = (): StoreData => {
    const data = emptyStore();
    data.clients.push(client('Acme Dental', '2026-01-05'));
    return data;
  };
  const ids = () => {
    let i = 0;
    return () => `id${++i}`;
  };

  it('an ask is one referral-ask entry; with intro also one referral grouped with it', () => {
    const data = store();
    recordAsk(
      data,
      { client: 'acme dental', date: '2026-03-01', outcome: 'later', note: 'Q2' },
      ids(),
    );
    expect(data.entries).toEqual([
      {
        id: 'id1',
        date: '2026-03-01',
        activity: 'referral-ask',
        count: 1,
        client: 'Acme Dental',
        outcome: 'later',
        note: 'Q2',
      },
    ]);
    const more = store();
    recordAsk(more, { client: 'Acme Dental', date: '2026-03-01', outcome: 'intro' }, ids());
    expect(more.entries.map((e) => [e.activity, e.group])).toEqual([
      ['referral-ask', undefined],
      ['referral', 'id1'],
    ]);
  });

  it('removing the ask (or its intro) removes both and makes the client due again', () => {
    for (const removeId of ['id1', 'id2']) {
      const data = store();
      recordAsk(data, { client: 'Acme Dental', date: '2026-03-01', outcome: 'intro' }, ids());
      const asked = referralsView(data, '2026-04-01');
      expect(asked.due).toEqual([]);
      expect(removeEntryGroup(data, removeId)).toHaveLength(2);
      expect(data.entries).toEqual([]);
      expect(referralsView(data, '2026-04-01').due.map((s) => s.reason)).toEqual(['first-ask']);
    }
  });
});

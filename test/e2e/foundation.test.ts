import { describe, expect, it } from 'vitest';
import {
  cli,
  noon,
  plain,
  readStoreJson,
  runIn,
  storeBytes,
  storeFile,
  tempHome,
} from '../helpers.js';

const TODAY = '2026-11-23';
const at = { now: noon(TODAY) };

describe('log, history, undo, rm', () => {
  it('logs to today by default, lists with ids, and undoes the last entry', () => {
    const home = tempHome();
    const logged = cli(home, ['log', 'calls', '12', '--note', 'follow up with Dana']);
    expect(logged.code).toBe(0);
    expect(logged.stderr).toBe('');
    expect(logged.stdout).toMatch(/^Logged 12 calls on .*id [a-z2-9]{6}\)/);
    expect(cli(home, ['log', 'email']).code).toBe(0);

    const history = JSON.parse(cli(home, ['history', '--json']).stdout);
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ activity: 'call', count: 12, note: 'follow up with Dana' });
    expect(history[1]).toMatchObject({ activity: 'email', count: 1 });
    expect(history[0].date).toBe(history[1].date);

    const undone = cli(home, ['undo']);
    expect(undone.stdout).toMatch(/^Removed 1 email on .*, id /);
    expect(readStoreJson(home).entries.map((e) => e.activity)).toEqual(['call']);

    const removed = cli(home, ['rm', history[0].id]);
    expect(removed.code).toBe(0);
    expect(readStoreJson(home).entries).toEqual([]);
    expect(cli(home, ['undo'])).toMatchObject({ code: 2, stdout: '' });
  });

  it('backfills a past day with --date and keeps lead source and contact', async () => {
    const home = tempHome();
    const r = await runIn(
      home,
      [
        'log',
        'meeting',
        '2',
        '--date',
        '2026-11-20',
        '--source',
        'marketing',
        '--contact',
        'Ana Núñez',
      ],
      at,
    );
    expect(r.code).toBe(0);
    expect(readStoreJson(home).entries[0]).toMatchObject({
      date: '2026-11-20',
      activity: 'meeting',
      count: 2,
      source: 'marketing',
      contact: 'Ana Núñez',
    });
  });

  it('history takes --from, --to and --date (as of)', async () => {
    const home = tempHome();
    for (const d of ['2026-11-16', '2026-11-18', '2026-11-20'])
      await runIn(home, ['log', 'call', '1', '--date', d], at);
    const ids = async (args: string[]) =>
      JSON.parse((await runIn(home, ['history', '--json', ...args], at)).stdout).map(
        (e: { date: string }) => e.date,
      );
    expect(await ids(['--from', '2026-11-17'])).toEqual(['2026-11-18', '2026-11-20']);
    expect(await ids(['--to', '2026-11-18'])).toEqual(['2026-11-16', '2026-11-18']);
    expect(await ids(['--date', '2026-11-19'])).toEqual(['2026-11-16', '2026-11-18']);
  });
});

describe('quotas', () => {
  it('a new target from D leaves the days before D on the old one, in status', async () => {
    const home = tempHome();
    await runIn(home, ['quota', 'set', 'call', '20', '--per', 'day', '--from', '2026-11-02'], at);
    await runIn(home, ['quota', 'set', 'call', '40', '--per', 'day', '--from', '2026-11-16'], at);
    await runIn(home, ['log', 'call', '25', '--date', '2026-11-13'], at);
    const statusOn = async (d: string) =>
      JSON.parse((await runIn(home, ['status', '--json', '--date', d], at)).stdout);
    expect((await statusOn('2026-11-13')).quotas[0]).toMatchObject({
      activity: 'call',
      target: 20,
      done: 25,
      onPace: true,
    });
    expect((await statusOn('2026-11-16')).quotas[0]).toMatchObject({ target: 40, done: 0 });
    // The streak keeps 13 Nov as met (25 >= 20), though today's target would be 40.
    expect((await statusOn('2026-11-13')).streak.daily.current).toBe(1);
  });

  it('quota rm ends a quota from a day on; list shows what is in force', async () => {
    const home = tempHome();
    await runIn(home, ['quota', 'set', 'email', '60', '--per', 'week', '--from', '2026-11-02'], at);
    await runIn(home, ['quota', 'rm', 'emails', '--from', '2026-11-16'], at);
    const list = async (d: string) =>
      JSON.parse((await runIn(home, ['quota', 'list', '--json', '--date', d], at)).stdout);
    expect(await list('2026-11-13')).toEqual([
      { activity: 'email', per: 'week', target: 60, from: '2026-11-02' },
    ]);
    expect(await list('2026-11-16')).toEqual([]);
    expect(await runIn(home, ['quota', 'rm', 'email'], at)).toMatchObject({ code: 2, stdout: '' });
  });
});

describe('status', () => {
  it('has the JSON keys SPEC names, with pace per quota', async () => {
    const home = tempHome();
    await runIn(home, ['quota', 'set', 'call', '40', '--per', 'day', '--from', '2026-11-01'], at);
    await runIn(home, ['quota', 'set', 'email', '60', '--per', 'week', '--from', '2026-11-01'], at);
    await runIn(home, ['log', 'call', '23'], at);
    await runIn(home, ['log', 'email', '30'], at);
    const s = JSON.parse((await runIn(home, ['status', '--json'], at)).stdout);
    expect(s).toMatchObject({ date: TODAY, referralsDue: 0 });
    expect(s).toHaveProperty('affirmation');
    expect(s.streak).toMatchObject({ asOf: TODAY, daily: { current: 0 }, weekly: { current: 0 } });
    expect(s.quotas).toEqual([
      expect.objectContaining({
        activity: 'call',
        per: 'day',
        target: 40,
        done: 23,
        expected: 40,
        onPace: false,
        start: TODAY,
        end: TODAY,
      }),
      expect.objectContaining({
        activity: 'email',
        per: 'week',
        target: 60,
        done: 30,
        expected: 12,
        onPace: true,
        start: TODAY,
        end: '2026-11-29',
      }),
    ]);
  });

  it('says what it takes now, with days off taken out', async () => {
    const home = tempHome();
    await runIn(home, ['quota', 'set', 'email', '60', '--per', 'week', '--from', '2026-11-01'], at);
    await runIn(home, ['off', '2026-11-26', '--to', '2026-11-27', '--reason', 'Thanksgiving'], at);
    await runIn(home, ['log', 'email', '18'], at);
    // Wrapped under the text column: joined again here.
    const out = plain((await runIn(home, ['status'], at)).stdout).replace(/\n {2,}/g, ' ');
    // 42 to go over Mon, Tue, Wed (Thu and Fri are off): 14 a day.
    expect(out).toContain('need 14 a day for the 3 workdays left');
    expect(out).toContain('18/60');
    // Expected by Monday: 60 x 1/3 = 20, so 2 behind.
    expect(out).toContain('behind by 2');
  });

  it('--short is one line for a prompt', async () => {
    const home = tempHome();
    await runIn(home, ['quota', 'set', 'call', '40', '--per', 'day'], at);
    await runIn(home, ['quota', 'set', 'email', '20', '--per', 'day'], at);
    await runIn(home, ['log', 'call', '23'], at);
    await runIn(home, ['log', 'email', '12'], at);
    expect((await runIn(home, ['status', '--short'], at)).stdout).toBe(
      'call 23/40 email 12/20 streak 0d\n',
    );
  });

  it('a bare `prospect` shows the dashboard and writes nothing', async () => {
    const home = tempHome();
    const r = await runIn(home, [], at);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Mon 23 Nov 2026');
    expect(storeBytes(home)).toBeNull();
  });
});

describe('days off', () => {
  it('adds a range, lists it, removes one day', async () => {
    const home = tempHome();
    expect(
      (await runIn(home, ['off', '2026-12-24', '--to', '2026-12-26', '--reason', 'holidays'], at))
        .code,
    ).toBe(0);
    const list = async () => JSON.parse((await runIn(home, ['off', 'list', '--json'], at)).stdout);
    expect(await list()).toEqual([
      { date: '2026-12-24', reason: 'holidays' },
      { date: '2026-12-25', reason: 'holidays' },
      { date: '2026-12-26', reason: 'holidays' },
    ]);
    await runIn(home, ['off', 'rm', '2026-12-25'], at);
    expect((await list()).map((d: { date: string }) => d.date)).toEqual([
      '2026-12-24',
      '2026-12-26',
    ]);
  });
});

describe('activities and settings', () => {
  it('a custom activity can be logged; its plural works too', async () => {
    const home = tempHome();
    expect((await runIn(home, ['activity', 'add', 'linkedin-dm'], at)).code).toBe(0);
    expect((await runIn(home, ['log', 'linkedin-dms', '3'], at)).code).toBe(0);
    expect(readStoreJson(home).entries[0]).toMatchObject({ activity: 'linkedin-dm', count: 3 });
    const list = JSON.parse((await runIn(home, ['activity', 'list', '--json'], at)).stdout);
    expect(list.map((a: { name: string }) => a.name)).toContain('linkedin-dm');
    expect(list.filter((a: { builtIn: boolean }) => a.builtIn)).toHaveLength(13);
  });

  it('config set and get the settings', async () => {
    const home = tempHome();
    await runIn(home, ['config', 'set', 'workdays', 'sun,mon,tue,wed,thu'], at);
    await runIn(home, ['config', 'set', 'name', 'Sam Rivera'], at);
    await runIn(home, ['config', 'set', 'referral.cadenceDays', '60'], at);
    expect((await runIn(home, ['config', 'get', 'workdays'], at)).stdout).toBe(
      'mon,tue,wed,thu,sun\n',
    );
    expect(JSON.parse((await runIn(home, ['config', 'get', '--json'], at)).stdout)).toEqual({
      name: 'Sam Rivera',
      workdays: ['mon', 'tue', 'wed', 'thu', 'sun'],
      'referral.cadenceDays': 60,
      'referral.firstAskAfterDays': 30,
      prospectFirstBefore: '12:00',
      workdaysHistory: [
        { from: null, days: ['mon', 'tue', 'wed', 'thu', 'fri'] },
        { from: TODAY, days: ['mon', 'tue', 'wed', 'thu', 'sun'] },
      ],
      'lead.followUpDays': 3,
    });
  });

  it('where prints the store file inside PROSPECT_HOME', () => {
    const home = tempHome();
    expect(cli(home, ['where']).stdout).toBe(`${storeFile(home)}\n`);
  });
});

describe('undo --date', () => {
  it('removes the entry added last for that day, leaving later-added entries of other days', async () => {
    const home = tempHome();
    await runIn(home, ['log', 'call', '3', '--date', '2026-11-20'], at);
    await runIn(home, ['log', 'email', '4', '--date', '2026-11-20'], at);
    await runIn(home, ['log', 'call', '9'], at);
    const r = await runIn(home, ['undo', '--date', '2026-11-20'], at);
    expect(r.stdout).toMatch(/^Removed 4 emails on Fri 20 Nov 2026/);
    expect(readStoreJson(home).entries.map((e) => `${e.date} ${e.activity}`)).toEqual([
      '2026-11-20 call',
      '2026-11-23 call',
    ]);
    expect(await runIn(home, ['undo', '--date', '2026-11-19'], at)).toMatchObject({
      code: 2,
      stdout: '',
    });
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activityPlural, resolveActivity } from '../../src/domain/activities.js';
import type { Entry, StoreData } from '../../src/domain/types.js';
import { emptyStore } from '../../src/store/schema.js';
import { readStoreJson, runIn, storeBytes, storeFile, tempHome } from '../helpers.js';

// Friday 20 Nov 2026, 09:41 on the wall clock.
const now = new Date(2026, 10, 20, 9, 41);
const DAY = '2026-11-20';
const run = (home: string, args: string[]) => runIn(home, args, { now });
const entries = (home: string) => (readStoreJson(home) as unknown as StoreData).entries;

function store(home: string, list: Partial<Entry>[], change: (d: StoreData) => void = () => {}) {
  const data = emptyStore();
  data.settings.name = 'Sam Rivera';
  data.entries = list.map((e, i) => ({
    id: `id${i}`,
    date: DAY,
    activity: 'call',
    count: 1,
    ...e,
  }));
  change(data);
  writeFileSync(storeFile(home), JSON.stringify(data));
}

describe('timestamps on log and ask', () => {
  it('an entry for today gets the wall-clock time, with or without --date', async () => {
    const home = tempHome();
    expect((await run(home, ['log', 'call', '5'])).code).toBe(0);
    expect((await run(home, ['log', 'email', '2', '--date', DAY])).code).toBe(0);
    expect(entries(home).map((e) => e.time)).toEqual(['09:41', '09:41']);
  });
  it('a backfill without --time gets none; with --time it gets that time', async () => {
    const home = tempHome();
    await run(home, ['log', 'call', '5', '--date', '2026-11-19']);
    await run(home, ['log', 'call', '5', '--date', '2026-11-19', '--time', '7:05']);
    await run(home, ['log', 'call', '5', '--time', '08:15']);
    const [backfill, timed, today] = entries(home);
    expect(backfill && 'time' in backfill).toBe(false);
    expect(timed?.time).toBe('07:05');
    expect(today?.time).toBe('08:15');
  });
  it('a bad or future --time: exit 2, one line naming it, the store untouched', async () => {
    const home = tempHome();
    await run(home, ['log', 'call', '1']);
    const before = storeBytes(home);
    for (const [time, says] of [
      ['25:00', "--time '25:00' is not a time: use HH:MM"],
      ['9am', "--time '9am' is not a time"],
      ['10:30', '--time 10:30 is in the future: it is 09:41 now'],
    ]) {
      const r = await run(home, ['log', 'call', '1', '--time', time as string]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(says);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(storeBytes(home)).toEqual(before);
    }
  });
  it('ask stamps the ask and its introduction', async () => {
    const home = tempHome();
    store(home, [], (d) => {
      d.entries = [];
      d.clients = [{ name: 'Acme', since: '2026-01-01', wins: [] }];
    });
    expect((await run(home, ['ask', 'Acme', '--outcome', 'intro'])).code).toBe(0);
    expect((await run(home, ['ask', 'Acme', '--date', '2026-11-18'])).code).toBe(0);
    expect(entries(home).map((e) => [e.activity, e.time])).toEqual([
      ['referral-ask', '09:41'],
      ['referral', '09:41'],
      ['referral-ask', undefined],
    ]);
  });
  it('history shows the time where known, and --json carries it', async () => {
    const home = tempHome();
    await run(home, ['log', 'call', '5', '--time', '08:05']);
    await run(home, ['log', 'email', '1', '--date', '2026-11-19']);
    const text = (await run(home, ['history'])).stdout;
    expect(text.split('\n')[0]).toMatch(/^id\s+date\s+time\s+activity/);
    expect(text).toMatch(/2026-11-20\s+08:05\s+call/);
    expect(text).toMatch(/2026-11-19\s+email/);
    const json = JSON.parse((await run(home, ['history', '--json'])).stdout);
    expect(json[1]).toMatchObject({ date: DAY, activity: 'call', count: 5, time: '08:05' });
    expect('time' in json[0]).toBe(false);
  });
});

describe('new built-in activities and the event source', () => {
  it('says meetings-held for many held meetings, one owner of the plurals', async () => {
    const home = tempHome();
    const r = await run(home, ['log', 'meeting-held', '2']);
    expect(r.stdout).toContain('Logged 2 meetings-held on');
    expect(r.stdout).not.toContain('meeting-helds');
    expect(activityPlural('meeting-held')).toBe('meetings-held');
    expect(activityPlural('call')).toBe('calls');
    // The same word reads back as the activity.
    expect(resolveActivity(activityPlural('meeting-held'), [])).toEqual({
      ok: true,
      activity: 'meeting-held',
    });
  });
  it('logs conversation, meeting-held and no-show by their plurals, and --source event', async () => {
    const home = tempHome();
    for (const args of [
      ['log', 'conversations', '3'],
      ['log', 'meetings-held', '1'],
      ['log', 'no-shows', '1'],
      ['log', 'meeting', '--source', 'event'],
    ]) {
      const r = await run(home, args);
      expect(r.code, r.stderr).toBe(0);
    }
    expect(entries(home).map((e) => e.activity)).toEqual([
      'conversation',
      'meeting-held',
      'no-show',
      'meeting',
    ]);
    expect(entries(home)[3]?.source).toBe('event');
  });
});

const FUNNEL_STORE: Partial<Entry>[] = [
  { date: '2026-10-05', activity: 'call', count: 1180 },
  { date: '2026-10-05', activity: 'conversation', count: 96 },
  { date: '2026-10-06', activity: 'meeting', count: 10, source: 'self' },
  { date: '2026-10-06', activity: 'meeting', count: 6, source: 'marketing' },
  { date: '2026-10-06', activity: 'meeting', count: 6 },
  { date: '2026-10-07', activity: 'meeting-held', count: 18 },
  { date: '2026-10-07', activity: 'no-show', count: 4 },
  { date: '2026-10-08', activity: 'rejection', count: 154 },
  { date: '2026-10-08', activity: 'referral-ask', count: 10 },
  { date: '2026-10-08', activity: 'referral', count: 3 },
];

describe('prospect funnel', () => {
  it('--json: every SPEC key, field by field', async () => {
    const home = tempHome();
    store(home, FUNNEL_STORE);
    const r = await run(home, ['funnel', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual([
      'asOf',
      'from',
      'to',
      'counts',
      'ratios',
      'meetingsBySource',
      'repSourcedShare',
    ]);
    expect(j.asOf).toBe(DAY);
    expect(j.from).toBe('2026-08-23');
    expect(j.to).toBe(DAY);
    expect(j.counts).toMatchObject({
      call: 1180,
      conversation: 96,
      meeting: 22,
      'meeting-held': 18,
    });
    expect(Object.keys(j.ratios)).toEqual([
      'callsPerConversation',
      'conversationsPerMeeting',
      'callsPerMeeting',
      'noesPerMeeting',
      'showRate',
      'introRate',
    ]);
    expect(j.ratios.noesPerMeeting).toBe(7);
    expect(j.ratios.introRate).toBeCloseTo(0.3);
    expect(j.meetingsBySource).toEqual({
      self: 10,
      referral: 0,
      marketing: 6,
      event: 0,
      other: 0,
      unspecified: 6,
    });
    expect(j.repSourcedShare).toBeCloseTo(10 / 16);
  });
  it('for people: the compact funnel, noes per meeting and the intro rate', async () => {
    const home = tempHome();
    store(home, FUNNEL_STORE);
    const out = (await run(home, ['funnel'])).stdout;
    expect(out).toContain(
      'call 1,180 -> conversation 96 (12.3 calls each) -> meeting 22 (4.4 conversations each) -> held 18 (show rate 82%)',
    );
    expect(out).toContain('7 noes per meeting');
    expect(out).toContain('intro rate 30%');
    expect(out).toContain('rep-sourced 63%');
  });
  it('a step whose count is 0 reads "none logged", not "0 calls each"; JSON keeps the 0', async () => {
    const home = tempHome();
    store(home, [
      { activity: 'conversation', count: 4 },
      { activity: 'meeting', count: 2, source: 'self' },
    ]);
    const out = (await run(home, ['funnel'])).stdout;
    expect(out).toContain(
      'call 0 -> conversation 4 (no calls logged) -> meeting 2 (2 conversations each)',
    );
    expect(out).not.toMatch(/\b0 calls each/);
    const j = JSON.parse((await run(home, ['funnel', '--json'])).stdout);
    expect(j.ratios).toMatchObject({ callsPerConversation: 0, callsPerMeeting: 0 });
    store(home, [{ activity: 'meeting', count: 2, source: 'self' }]);
    expect((await run(home, ['funnel'])).stdout).toContain('call 0 -> meeting 2 (no calls logged)');
  });
  it('a window with too little data says what to log, and JSON has nulls', async () => {
    const home = tempHome();
    store(home, FUNNEL_STORE);
    const r = await run(home, ['funnel', '--from', '2026-11-01', '--to', '2026-11-10']);
    expect(r.stdout).toContain('Too little logged');
    expect(r.stdout).toContain('prospect log call');
    const j = JSON.parse((await run(home, ['funnel', '--from', '2026-11-01', '--json'])).stdout);
    expect(Object.values(j.ratios)).toEqual([null, null, null, null, null, null]);
    expect(j.repSourcedShare).toBeNull();
  });
  it('--from after --to: exit 2', async () => {
    const home = tempHome();
    const r = await run(home, ['funnel', '--from', '2026-11-10', '--to', '2026-11-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--from 2026-11-10 is after --to 2026-11-01');
  });
});

describe('prospect plan', () => {
  const PLAN_STORE: Partial<Entry>[] = [
    // Logged before the 90-day window too: the whole window counts.
    { date: '2026-06-01', activity: 'referral-ask', count: 1 },
    { date: '2026-10-05', activity: 'call', count: 650 },
    { date: '2026-10-05', activity: 'conversation', count: 53 },
    { date: '2026-10-06', activity: 'meeting', count: 12 },
  ];
  it('prints the figures and the exact quota commands, and runs none of them', async () => {
    const home = tempHome();
    store(home, PLAN_STORE);
    const before = storeBytes(home);
    const r = await run(home, ['plan', 'meeting', '12', '--per', 'month']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      "12 meetings booked a month at your last 90 days' ratios take 53 conversations and 650 calls.",
    );
    expect(r.stdout).toContain('That is 31 calls a day over 21 workdays; you now make 10.');
    expect(r.stdout).toContain('  prospect quota set call 31 --per day');
    expect(r.stdout).toContain('  prospect quota set conversation 3 --per day');
    expect(r.stdout).toContain('  prospect quota set meeting 12 --per month');
    expect(storeBytes(home)).toEqual(before);
  });
  it('a rep who started logging inside the window: now over the scoring days since, said so', async () => {
    const home = tempHome();
    const days = ['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13'];
    const later = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'];
    store(home, [
      ...[...days, ...later].map((date) => ({ date, activity: 'call', count: 30 })),
      { date: '2026-11-12', activity: 'conversation', count: 30 },
      { date: '2026-11-12', activity: 'meeting', count: 6 },
    ]);
    const r = await run(home, ['plan', 'meeting', '12', '--per', 'month']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      '12 meetings booked a month at your ratios over your 10 scoring days since Mon 9 Nov 2026 take 60 conversations and 600 calls.',
    );
    expect(r.stdout).toContain('That is 29 calls a day over 21 workdays; you now make 30.');
    const j = JSON.parse(
      (await run(home, ['plan', 'meeting', '12', '--per', 'month', '--json'])).stdout,
    );
    expect(j.window).toEqual({ from: '2026-11-09', to: DAY });
    expect(j.now.call).toBe(30);
  });
  it('--json: every SPEC key', async () => {
    const home = tempHome();
    store(home, PLAN_STORE);
    const j = JSON.parse(
      (await run(home, ['plan', 'meeting', '12', '--per', 'month', '--json'])).stdout,
    );
    for (const key of [
      'asOf',
      'activity',
      'target',
      'per',
      'scoringDays',
      'window',
      'ratios',
      'needs',
      'now',
    ])
      expect(j, key).toHaveProperty(key);
    expect(j).toMatchObject({
      asOf: DAY,
      activity: 'meeting',
      target: 12,
      per: 'month',
      scoringDays: 21,
    });
    expect(j.window).toEqual({ from: '2026-08-23', to: DAY });
    expect(j.needs).toContainEqual({ activity: 'call', perPeriod: 650, perDay: 31 });
    expect(j.now.call).toBe(10);
  });
  it('a null ratio: says what to log first, JSON null there', async () => {
    const home = tempHome();
    store(home, PLAN_STORE);
    const r = await run(home, ['plan', 'meeting-held', '10', '--per', 'month']);
    expect(r.stdout).toContain('Log first: meetings held and no-shows');
    const j = JSON.parse(
      (await run(home, ['plan', 'meeting-held', '10', '--per', 'month', '--json'])).stdout,
    );
    expect(j.ratios.showRate).toBeNull();
    expect(j.needs).toContainEqual({ activity: 'call', perPeriod: null, perDay: null });
  });
  it('bad input: exit 2 naming the value', async () => {
    const home = tempHome();
    for (const [args, says] of [
      [
        ['plan', 'call', '3', '--per', 'week'],
        "activity 'call' is not one of meeting, meeting-held",
      ],
      [['plan', 'meeting', '3', '--per', 'day'], "--per 'day' is not one of week, month, quarter"],
      [['plan', 'meeting', 'x', '--per', 'week'], "n 'x' is not a whole number"],
    ] as const) {
      const r = await run(home, [...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(says);
    }
  });
});

describe('status: forecast and so what, next', () => {
  const STATUS_STORE: Partial<Entry>[] = [
    { date: '2026-10-05', activity: 'meeting', count: 2 },
    { date: '2026-10-05', activity: 'rejection', count: 14 },
    { date: '2026-11-16', activity: 'meeting', count: 3 },
    { date: DAY, activity: 'rejection', count: 4 },
  ];
  const quotas = (d: StoreData) => {
    d.quotas = [
      { activity: 'meeting', per: 'week', target: 4, from: '2026-01-01' },
      { activity: 'call', per: 'day', target: 40, from: '2026-01-01' },
    ];
  };
  it('--json: rate, projected, projectedDate for a week quota, null for a daily one; noes', async () => {
    const home = tempHome();
    store(home, STATUS_STORE, quotas);
    const j = JSON.parse((await run(home, ['status', '--json', '--date', '2026-11-17'])).stdout);
    const [week, day] = j.quotas;
    // 3 meetings in 2 scoring days: rate 1.5, projected 7.5, 4 reached on day ceil(4x2/3) = 3: Wed.
    expect(week).toMatchObject({
      activity: 'meeting',
      rate: 1.5,
      projected: 7.5,
      projectedDate: '2026-11-18',
    });
    expect(day).toMatchObject({
      activity: 'call',
      rate: null,
      projected: null,
      projectedDate: null,
    });
    expect(j.noes).toEqual({ today: 0, perMeeting: 14 / 5 });
  });
  it('in words: on track, and the noes line on a day with noes', async () => {
    const home = tempHome();
    store(home, STATUS_STORE, quotas);
    // Status wraps to 80 columns, the text under its own column: joined again here.
    const unwrap = (t: string) => t.replace(/\n {2,}/g, ' ');
    const out = unwrap((await run(home, ['status', '--date', '2026-11-17'])).stdout);
    expect(out).toContain('on track to reach 4 on Wed 18 Nov');
    expect(out).not.toContain('noes per meeting');
    const today = unwrap((await run(home, ['status'])).stdout);
    // 18 noes and 5 meetings in the 90 days: 3.6 per meeting, a quarter of a meeting each
    expect(today).toContain(
      '4 noes today · 3.6 noes per meeting: each no is a quarter of your next meeting',
    );
    expect(JSON.parse((await run(home, ['status', '--json'])).stdout).noes).toEqual({
      today: 4,
      perMeeting: 3.6,
    });
  });
  it('at this rate: the projected total by the period end', async () => {
    const home = tempHome();
    store(home, [{ date: '2026-11-16', activity: 'meeting', count: 1 }], (d) => {
      d.quotas = [{ activity: 'meeting', per: 'month', target: 12, from: '2026-01-01' }];
    });
    // 1 meeting in November's first 15 scoring days: 1/15 x 21 = 1.4 -> "1 of 12 by 30 Nov"
    const out = (await run(home, ['status'])).stdout.replace(/\n {2,}/g, ' ');
    expect(out).toContain('at this rate 1 of 12 by 30 Nov');
  });
  it('nothing about noes while the ratio is unknown', async () => {
    const home = tempHome();
    store(home, [{ activity: 'rejection', count: 3 }]);
    const out = (await run(home, ['status'])).stdout;
    expect(out).not.toContain('noes');
    expect(JSON.parse((await run(home, ['status', '--json'])).stdout).noes).toEqual({
      today: 3,
      perMeeting: null,
    });
  });
  it('log rejection prints the line; not while the ratio is null', async () => {
    const home = tempHome();
    const first = await run(home, ['log', 'rejection']);
    expect(first.stdout.trim().split('\n')).toHaveLength(1);
    await run(home, ['log', 'meeting']);
    await run(home, ['log', 'rejection', '6']);
    const r = await run(home, ['log', 'rejection']);
    // 8 noes, 1 meeting
    expect(r.stdout).toContain(
      '8 noes per meeting: each no is an eighth of your next meeting. So what, next!',
    );
  });
});

describe('prospect first in the report, streak and config', () => {
  const timed: Partial<Entry>[] = [
    { date: '2026-11-16', activity: 'call', count: 5, time: '08:30' },
    { date: '2026-11-17', activity: 'call', count: 5, time: '13:30' },
    { date: '2026-11-17', activity: 'meeting', count: 1, time: '08:00' },
    { date: '2026-11-18', activity: 'call', count: 5 },
    { date: '2026-11-19', activity: 'email', count: 5, time: '10:30' },
  ];
  it('report JSON: prospectFirst and funnel; text says the untimed days', async () => {
    const home = tempHome();
    store(home, timed);
    const j = JSON.parse((await run(home, ['report', '--format', 'json'])).stdout);
    // Mon first, Tue not (the meeting is an outcome), Wed untimed, Thu first, Fri nothing timed.
    expect(j.prospectFirst).toMatchObject({
      days: 2,
      timedDays: 3,
      before: '12:00',
      untimedDays: 2,
    });
    expect(Object.keys(j.funnel)).toEqual([
      'callsPerConversation',
      'conversationsPerMeeting',
      'callsPerMeeting',
      'noesPerMeeting',
      'showRate',
      'introRate',
      'repSourcedShare',
    ]);
    expect(j.funnel.callsPerMeeting).toBe(15);
    for (const format of ['text', 'md', 'html']) {
      // The text report wraps at 80 columns.
      const out = (await run(home, ['report', '--format', format])).stdout.replace(/\s+/g, ' ');
      expect(out, format).toContain(
        '2 of 3 timed days before 12:00; 2 days without a timed entry left out',
      );
    }
    const csv = (await run(home, ['report', '--format', 'csv'])).stdout;
    expect(csv).toContain('prospect first (before 12:00; 2 untimed days left out),,,,,,,,2,3,67');
  });
  it('config set prospectFirstBefore moves the threshold; a bad value exits 2', async () => {
    const home = tempHome();
    store(home, timed);
    expect((await run(home, ['config', 'get', 'prospectFirstBefore'])).stdout).toBe('12:00\n');
    expect((await run(home, ['config', 'set', 'prospectFirstBefore', '10:00'])).code).toBe(0);
    const j = JSON.parse((await run(home, ['streak', '--json'])).stdout);
    expect(j.prospectFirst).toMatchObject({
      days: 1,
      timedDays: 3,
      before: '10:00',
      from: '2026-10-24',
      to: DAY,
    });
    const before = storeBytes(home);
    const r = await run(home, ['config', 'set', 'prospectFirstBefore', 'noon']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("prospectFirstBefore 'noon' is not a time");
    expect(storeBytes(home)).toEqual(before);
    expect((await run(home, ['streak'])).stdout).toContain(
      'Prospected first (last 4 weeks): 1 of 3 timed days before 10:00',
    );
  });
});

describe('team: each rep funnel where reports carry it', () => {
  it('shows calls per conversation, conversations per meeting, show rate, rep-sourced share', async () => {
    const dir = join(tempHome(), 'reports');
    mkdirSync(dir);
    for (const [name, list] of [
      [
        'Sam',
        [
          { date: '2026-11-16', activity: 'call', count: 120 },
          { date: '2026-11-16', activity: 'conversation', count: 10 },
          { date: '2026-11-17', activity: 'meeting', count: 4, source: 'self' as const },
          { date: '2026-11-18', activity: 'meeting-held', count: 3 },
          { date: '2026-11-18', activity: 'no-show', count: 1 },
        ],
      ],
      ['Alex', [{ date: '2026-11-16', activity: 'call', count: 50 }]],
      [
        'Jo',
        [
          { date: '2026-11-16', activity: 'call', count: 30 },
          { date: '2026-11-17', activity: 'meeting', count: 2, source: 'self' as const },
        ],
      ],
    ] as const) {
      const home = tempHome();
      store(home, [...list]);
      await run(home, ['config', 'set', 'name', name]);
      await run(home, ['report', '--format', 'json', '--out', join(dir, `${name}.json`)]);
    }
    const text = (await run(tempHome(), ['team', dir])).stdout;
    expect(text).toContain('Funnel this week');
    expect(text).toMatch(/Sam\s+12\s+2\.5\s+75%\s+100%/);
    expect(text).toMatch(/Alex\s+–\s+–\s+–\s+–/);
    // Meetings but no conversation logged: JSON keeps SPEC's 0, people read –, explained once.
    expect(text).toMatch(/Jo\s+–\s+–\s+–\s+100%/);
    for (const format of ['text', 'md', 'html']) {
      const out = (await run(tempHome(), ['team', dir, '--format', format])).stdout;
      expect(out, format).not.toMatch(/Jo\W+–\W+0\b/);
      expect(out.match(/–: no conversations logged/g), format).toHaveLength(1);
    }
    const j = JSON.parse((await run(tempHome(), ['team', dir, '--format', 'json'])).stdout);
    const sam = j.reps.find((r: { rep: string }) => r.rep === 'Sam');
    expect(sam.funnel).toEqual({
      callsPerConversation: 12,
      conversationsPerMeeting: 2.5,
      showRate: 0.75,
      repSourcedShare: 1,
    });
    expect(j.reps.find((r: { rep: string }) => r.rep === 'Jo').funnel).toMatchObject({
      callsPerConversation: null,
      conversationsPerMeeting: 0,
    });
    expect((await run(tempHome(), ['team', dir, '--format', 'md'])).stdout).toContain(
      '## Funnel this week',
    );
    expect((await run(tempHome(), ['team', dir, '--format', 'html'])).stdout).toContain(
      '<h2>Funnel this week</h2>',
    );
    expect((await run(tempHome(), ['team', dir, '--format', 'csv'])).stdout).toContain(
      'calls per conversation,conversations per meeting,show rate,rep-sourced share',
    );
  });
});

import { existsSync, writeFileSync } from 'node:fs';
import { describe, expect, test, vi } from 'vitest';
import type { Entry, StoreData } from '../src/domain/types.js';
import { emptyStore } from '../src/store/schema.js';
import { answers, CTRL_C } from './checkin-fake-prompts.js';
import { noon, plain, readStoreJson, runIn, storeBytes, storeFile, tempHome } from './helpers.js';

vi.mock('../src/prompts.js', () => import('./checkin-fake-prompts.js'));

const DAY = '2026-11-20'; // a Friday
const now = noon(DAY);

function store(home: string, change: (data: StoreData) => void = () => {}): StoreData {
  const data = emptyStore();
  data.settings.name = 'Sam Rivera';
  data.quotas = [
    { activity: 'call', per: 'day', target: 40, from: '2026-11-02' },
    { activity: 'email', per: 'day', target: 20, from: '2026-11-02' },
    { activity: 'social', per: 'day', target: 10, from: '2026-11-02' },
  ];
  data.clients = [
    { name: 'Acme', since: '2026-09-01', wins: [] },
    { name: 'Dana Lee', since: '2026-10-01', wins: [] },
    // Added a week ago: its first ask is not due yet.
    { name: 'Newco', since: '2026-11-13', wins: [] },
  ];
  change(data);
  writeFileSync(storeFile(home), JSON.stringify(data));
  return data;
}

const entry = (id: string, activity: string, count: number, extra: Partial<Entry> = {}): Entry => ({
  id,
  date: DAY,
  activity,
  count,
  ...extra,
});

const checkin = (home: string, args: string[] = []) =>
  runIn(home, ['checkin', ...args], { now, tty: true });

function entries(home: string): Entry[] {
  return (readStoreJson(home) as unknown as StoreData).entries;
}

function dayTotal(home: string, activity: string, date = DAY): number {
  return entries(home)
    .filter((e) => e.activity === activity && e.date === date)
    .reduce((n, e) => n + e.count, 0);
}

describe('checkin: the daily flow', () => {
  test('asks each daily quota as the day total, then the asks due, then the extras', async () => {
    const home = tempHome();
    store(home, (d) => {
      d.entries.push(entry('aaaaaa', 'call', 12));
    });
    const asked = answers({
      'count:call': 40,
      'count:email': 20,
      asks: ['Dana Lee'],
      'outcome:Dana Lee': 'intro',
    });
    const result = await checkin(home);
    expect(result.code, result.stderr).toBe(0);
    expect(asked.map((a) => a.name)).toEqual([
      'count:call',
      'count:email',
      'count:social',
      'asks',
      'outcome:Dana Lee',
      'extras',
    ]);
    // What is logged is the default; the question says it is the day's total.
    expect(asked[0]).toMatchObject({ default: 12, min: 0 });
    expect(asked[0]?.message).toMatch(/How many calls today\? \(goal 40, the day's total\)/);
    // Most overdue first; the client added last week is not due.
    expect(asked[3]?.choices?.map((c) => c.value)).toEqual(['Acme', 'Dana Lee']);
    expect(asked[3]?.choices?.every((c) => !c.checked)).toBe(true);

    expect(dayTotal(home, 'call')).toBe(40);
    expect(dayTotal(home, 'email')).toBe(20);
    expect(dayTotal(home, 'social')).toBe(0);
    // The first entry stays as it was; the check-in wrote the difference.
    expect(
      entries(home)
        .filter((e) => e.activity === 'call')
        .map((e) => e.count),
    ).toEqual([12, 28]);
    const ask = entries(home).filter((e) => e.client === 'Dana Lee');
    expect(ask.map((e) => [e.activity, e.outcome, e.group === undefined])).toEqual([
      ['referral-ask', 'intro', true],
      ['referral', undefined, false],
    ]);
    expect(ask[1]?.group).toBe(ask[0]?.id);

    const out = plain(result.stdout);
    expect(out).toMatch(/Check-in for Fri 20 Nov 2026 · Sam Rivera/);
    expect(out).toMatch(/Saved: asked Dana Lee \(intro\); call 12 → 40; email 0 → 20\./);
    expect(out).toMatch(/left +10 social touches today/);
    expect(out).toMatch(/next ask +Acme, due since 1 Oct: prospect ask Acme/);
  });

  test('the summary lines its quota columns up like status: counts, periods and pace', async () => {
    const home = tempHome();
    store(home, (d) => {
      d.quotas.push({ activity: 'referral-ask', per: 'week', target: 150, from: '2026-11-02' });
    });
    answers({ 'count:call': 7, 'count:email': 20, 'count:social': 0, 'count:referral-ask': 100 });
    const out = plain((await checkin(home)).stdout).split('\n');
    const rows = ['call', 'email', 'social', 'referral-ask'].map(
      (a) => out.find((l) => l.startsWith(`${a} `)) as string,
    );
    // The counts end in one column, and the pace text starts in one column.
    const countEnd = rows.map((l) => (l.match(/^.*?\d+\/\d+/) as RegExpMatchArray)[0].length);
    expect(new Set(countEnd).size, rows.join('\n')).toBe(1);
    const pace = rows.map((l) => l.search(/behind|ahead|on pace|done/));
    expect(new Set(pace).size, rows.join('\n')).toBe(1);
  });

  test('Enter everywhere on a day already logged writes nothing', async () => {
    const home = tempHome();
    store(home, (d) => {
      d.entries.push(entry('aaaaaa', 'call', 40), entry('bbbbbb', 'email', 5));
    });
    const before = storeBytes(home);
    const asked = answers();
    const result = await checkin(home);
    expect(result.code, result.stderr).toBe(0);
    expect(asked.slice(0, 3).map((a) => a.default)).toEqual([40, 5, 0]);
    expect(storeBytes(home)).toEqual(before);
    expect(plain(result.stdout)).toMatch(/Nothing changed/);
  });

  test('a second check-in the same day counts nothing twice and changes only what it is told', async () => {
    const home = tempHome();
    store(home);
    answers({ 'count:call': 40, 'count:email': 20, 'count:social': 10, asks: ['Acme'] });
    expect((await checkin(home)).code).toBe(0);
    const first = storeBytes(home);

    // Again, Enter everywhere: the defaults are now the totals, and Acme is no longer due.
    const asked = answers();
    expect((await checkin(home)).code).toBe(0);
    expect(asked.map((a) => a.name)).toEqual([
      'count:call',
      'count:email',
      'count:social',
      'asks',
      'extras',
    ]);
    expect(asked[3]?.choices?.map((c) => c.value)).toEqual(['Dana Lee']);
    expect(storeBytes(home)).toEqual(first);

    // A third time, with email corrected down: only email changes.
    const callsBefore = entries(home).filter((e) => e.activity !== 'email');
    answers({ 'count:email': 15 });
    expect((await checkin(home)).code).toBe(0);
    expect(dayTotal(home, 'email')).toBe(15);
    expect(dayTotal(home, 'call')).toBe(40);
    expect(entries(home).filter((e) => e.activity !== 'email')).toEqual(callsBefore);
    expect(entries(home).filter((e) => e.activity === 'referral-ask')).toHaveLength(1);
  });

  test('a day logged past 10000 keeps its total as a valid default', async () => {
    const home = tempHome();
    store(home, (d) => {
      d.entries.push(entry('aaaaaa', 'email', 10_000), entry('bbbbbb', 'email', 2_000));
    });
    const before = storeBytes(home);
    const asked = answers();
    expect((await checkin(home)).code).toBe(0);
    expect(asked[1]).toMatchObject({ name: 'count:email', default: 12_000, max: 12_000 });
    expect(storeBytes(home)).toEqual(before);
  });

  test('a lower total takes back the entries added last first', async () => {
    const home = tempHome();
    store(home, (d) => {
      d.entries.push(
        entry('aaaaaa', 'call', 10, { note: 'morning block' }),
        entry('bbbbbb', 'call', 5),
      );
    });
    answers({ 'count:call': 12 });
    await checkin(home);
    expect(entries(home).map((e) => [e.id, e.count])).toEqual([
      ['aaaaaa', 10],
      ['bbbbbb', 2],
    ]);
    answers({ 'count:call': 0 });
    await checkin(home);
    // The entry with a note keeps its note at 0; the plain one is gone.
    expect(entries(home).map((e) => [e.id, e.count, e.note])).toEqual([
      ['aaaaaa', 0, 'morning block'],
    ]);
  });

  test('noes and a note come behind one question, and the noes are a day total too', async () => {
    const home = tempHome();
    store(home, (d) => {
      d.entries.push(entry('aaaaaa', 'rejection', 2));
    });
    const asked = answers({
      'count:call': 30,
      extras: true,
      noes: 5,
      note: '  Acme: budget frozen until Q2 ',
    });
    expect((await checkin(home)).code).toBe(0);
    expect(asked.find((a) => a.name === 'extras')?.message).toMatch(/2 noes so far/);
    expect(asked.find((a) => a.name === 'noes')).toMatchObject({ default: 2 });
    expect(dayTotal(home, 'rejection')).toBe(5);
    // The note goes on the first entry the check-in wrote.
    const calls = entries(home).filter((e) => e.activity === 'call');
    expect(calls).toEqual([
      expect.objectContaining({ count: 30, note: 'Acme: budget frozen until Q2' }),
    ]);
  });

  test('a note alone gets an entry of its own that counts nothing', async () => {
    const home = tempHome();
    store(home);
    answers({ extras: true, note: 'Called the Q1 list' });
    await checkin(home);
    expect(entries(home)).toEqual([
      expect.objectContaining({
        activity: 'call',
        count: 0,
        note: 'Called the Q1 list',
        date: DAY,
      }),
    ]);
    expect(dayTotal(home, 'call')).toBe(0);
  });

  test('the note prompt refuses what the store refuses: C1 controls and line separators too', async () => {
    // The prompt took U+0085 and U+2028, which the store check refuses on every later read.
    const home = tempHome();
    store(home);
    const asked = answers({ extras: true });
    await checkin(home);
    const validate = asked.find((a) => a.name === 'note')?.validate;
    expect(validate).toBeDefined();
    expect(validate?.('Called\u0085back')).toBe('Use plain text on one line.');
    expect(validate?.('two\u2028lines')).toBe('Use plain text on one line.');
    expect(validate?.('Café Zoë, 3 calls')).toBe(true);
  });

  test('with a daily quota on referral asks, ticked asks are part of the day total, not added to it', async () => {
    const home = tempHome();
    store(home, (d) => {
      d.quotas.push({ activity: 'referral-ask', per: 'day', target: 2, from: '2026-11-02' });
    });
    const asked = answers({ 'count:referral-ask': 2, asks: ['Acme', 'Dana Lee'] });
    await checkin(home);
    expect(asked.find((a) => a.name === 'count:referral-ask')?.message).toMatch(
      /How many referral asks today/,
    );
    expect(dayTotal(home, 'referral-ask')).toBe(2);
    // The asks recorded with clients cannot be taken back by a lower total.
    answers({ 'count:referral-ask': 0 });
    await checkin(home);
    expect(dayTotal(home, 'referral-ask')).toBe(2);
  });

  test('a daily quota on rejection is asked with the others, not again in the extras', async () => {
    const home = tempHome();
    store(home, (d) => {
      d.quotas.push({ activity: 'rejection', per: 'day', target: 5, from: '2026-11-02' });
    });
    const asked = answers({ 'count:rejection': 6, extras: true });
    await checkin(home);
    expect(asked.find((a) => a.name === 'count:rejection')?.message).toMatch(/How many noes today/);
    expect(asked.find((a) => a.name === 'extras')?.message).toBe('A note to add?');
    expect(asked.some((a) => a.name === 'noes')).toBe(false);
    expect(dayTotal(home, 'rejection')).toBe(6);
  });

  test('--date backfills that day and says so', async () => {
    const home = tempHome();
    store(home);
    const asked = answers({ 'count:call': 33 });
    const result = await checkin(home, ['--date', '2026-11-19']);
    expect(result.code).toBe(0);
    expect(asked[0]?.message).toMatch(/How many calls on Thu 19 Nov\?/);
    expect(dayTotal(home, 'call', '2026-11-19')).toBe(33);
    expect(dayTotal(home, 'call')).toBe(0);
  });

  test('the affirmation prefers a belief tagged with what the rep is behind on', async () => {
    const home = tempHome();
    store(home, (d) => {
      d.beliefs = [
        { id: 'b1', belief: 'Calls are scary', affirmation: 'CALL AFFIRMATION', tag: 'call' },
        { id: 'b2', belief: 'Emails get ignored', affirmation: 'EMAIL AFFIRMATION', tag: 'email' },
        { id: 'b3', belief: 'No time', affirmation: 'PLAIN AFFIRMATION' },
      ];
      // Yesterday: calls met, emails missed.
      d.entries.push(
        entry('aaaaaa', 'call', 40, { date: '2026-11-19' }),
        entry('bbbbbb', 'email', 3, { date: '2026-11-19' }),
        entry('cccccc', 'social', 10, { date: '2026-11-19' }),
      );
    });
    answers();
    const result = await checkin(home);
    expect(plain(result.stdout)).toMatch(/EMAIL AFFIRMATION\n.*instead of: "Emails get ignored"/);
  });
});

describe('checkin: first run', () => {
  test('an empty store sets up the name, workdays and first quotas instead of the daily questions', async () => {
    const home = tempHome();
    const asked = answers({
      name: ' Sam Rivera ',
      workdays: ['mon', 'tue', 'wed', 'thu'],
      'quota:call': 25,
      'quota:social': 0,
    });
    const result = await checkin(home);
    expect(result.code, result.stderr).toBe(0);
    expect(asked.map((a) => a.name)).toEqual([
      'name',
      'workdays',
      'quota:call',
      'quota:email',
      'quota:social',
      'quota:meeting',
    ]);
    // Monday to Friday come ticked.
    expect(asked[1]?.choices?.filter((c) => c.checked).map((c) => c.value)).toEqual([
      'mon',
      'tue',
      'wed',
      'thu',
      'fri',
    ]);
    const data = readStoreJson(home) as unknown as StoreData;
    expect(data.settings.name).toBe('Sam Rivera');
    expect(data.settings.workdays).toEqual([{ from: null, days: ['mon', 'tue', 'wed', 'thu'] }]);
    expect(data.quotas).toEqual([
      { activity: 'call', per: 'day', target: 25, from: DAY },
      { activity: 'email', per: 'day', target: 10, from: DAY },
      { activity: 'meeting', per: 'week', target: 3, from: DAY },
    ]);
    expect(data.entries).toEqual([]);
    expect(data.beliefs.length).toBeGreaterThanOrEqual(12);
    expect(plain(result.stdout)).toMatch(/Run prospect checkin again to record today's numbers/);

    // The next check-in is the daily one.
    const next = answers();
    await checkin(home);
    expect(next.map((a) => a.name)).toEqual(['count:call', 'count:email', 'extras']);
  });

  test('a workday list cannot be empty', async () => {
    const home = tempHome();
    const asked = answers();
    await checkin(home);
    const workdays = asked.find((a) => a.name === 'workdays');
    expect(workdays?.validate?.([])).toBe('Tick at least one day.');
    expect(workdays?.validate?.(['sat'])).toBe(true);
  });

  test('Ctrl-C during setup leaves no store behind', async () => {
    const home = tempHome();
    answers({ 'quota:email': CTRL_C });
    const result = await checkin(home);
    expect(result.code).toBe(130);
    expect(result.stderr).toBe('prospect: stopped; nothing was saved\n');
    expect(existsSync(storeFile(home))).toBe(false);
  });
});

describe('checkin: stopping and refusing', () => {
  test('Ctrl-C at the last question saves none of the answers before it', async () => {
    const home = tempHome();
    store(home);
    const before = storeBytes(home);
    answers({ 'count:call': 40, asks: ['Acme'], 'outcome:Acme': 'intro', extras: CTRL_C });
    const result = await checkin(home);
    expect(result.code).toBe(130);
    expect(storeBytes(home)).toEqual(before);
  });

  test('without a terminal it exits 2 and names the commands that do the same job', async () => {
    const home = tempHome();
    store(home);
    const before = storeBytes(home);
    const asked = answers();
    const result = await runIn(home, ['checkin', '--date', '2026-11-19'], { now, tty: false });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(asked).toEqual([]);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    for (const command of [
      'prospect log call N --date 2026-11-19',
      'prospect log email N --date 2026-11-19',
      'prospect log social N --date 2026-11-19',
      'prospect ask Acme --outcome OUTCOME --date 2026-11-19',
      "prospect ask 'Dana Lee' --outcome OUTCOME --date 2026-11-19",
      'prospect log rejection N --date 2026-11-19',
    ]) {
      expect(result.stderr).toContain(command);
    }
    expect(storeBytes(home)).toEqual(before);
  });

  test('a terminal on only one side is not enough', async () => {
    const home = tempHome();
    store(home);
    vi.stubEnv('PROSPECT_HOME', home);
    const { run } = await import('../src/cli/run.js');
    let stderr = '';
    const code = await run(['checkin'], {
      stdout: () => {},
      stderr: (t) => {
        stderr += t;
      },
      stdinIsTTY: true,
      stdoutIsTTY: false,
      env: { PROSPECT_HOME: home },
      now: () => now,
    });
    vi.unstubAllEnvs();
    expect(code).toBe(2);
    expect(stderr).toMatch(/stdin and stdout must both be one/);
  });

  test('a future --date is refused before any question', async () => {
    const home = tempHome();
    store(home);
    const asked = answers();
    const result = await checkin(home, ['--date', '2026-11-21']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'prospect: --date 2026-11-21 is in the future: today is 2026-11-20\n',
    );
    expect(asked).toEqual([]);
  });
});

describe('checkin: the outcome activities (issue 13)', () => {
  test('asks about conversation and meeting-held only with a daily quota on them; totals carry no time', async () => {
    const home = tempHome();
    store(home);
    const plainRun = answers({ 'count:call': 40 });
    expect((await checkin(home)).code).toBe(0);
    // No quota on them: no extra keystrokes.
    expect(plainRun.map((a) => a.name)).toEqual([
      'count:call',
      'count:email',
      'count:social',
      'asks',
      'extras',
    ]);

    const other = tempHome();
    store(other, (d) => {
      d.quotas.push(
        { activity: 'conversation', per: 'day', target: 4, from: '2026-11-02' },
        { activity: 'meeting-held', per: 'day', target: 1, from: '2026-11-02' },
      );
    });
    const asked = answers({ 'count:conversation': 5, 'count:meeting-held': 1 });
    expect((await checkin(other)).code).toBe(0);
    expect(asked.map((a) => a.name)).toContain('count:conversation');
    expect(asked.map((a) => a.name)).toContain('count:meeting-held');
    expect(dayTotal(other, 'conversation')).toBe(5);
    // The check-in records day totals: never a time, though it runs at noon today.
    expect(entries(other).some((e) => e.time !== undefined)).toBe(false);
    expect(entries(home).some((e) => e.time !== undefined)).toBe(false);
  });
});

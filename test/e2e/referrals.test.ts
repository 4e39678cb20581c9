import { describe, expect, it } from 'vitest';
import { cli, noon, type Result, readStoreJson, runIn, storeBytes, tempHome } from '../helpers.js';

const TODAY = '2026-11-23';
const now = noon(TODAY);
const run = (home: string, args: string[]) => runIn(home, args, { now });

async function ok(home: string, args: string[]): Promise<Result> {
  const result = await run(home, args);
  expect(result.stderr, args.join(' ')).toBe('');
  expect(result.code, args.join(' ')).toBe(0);
  return result;
}

async function json(home: string, args: string[]) {
  return JSON.parse((await ok(home, args)).stdout);
}

/** Runs a command that must fail with exit 2, leaving the store as it was and stdout empty. */
async function refused(home: string, args: string[], message: RegExp): Promise<void> {
  const before = storeBytes(home);
  const result = await run(home, args);
  expect(result.code, args.join(' ')).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(message);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(storeBytes(home)).toEqual(before);
}

const FANCY = 'Café "Zoë", Ünïcode & Sons 🎉';

describe('clients', () => {
  it('keeps names with commas, quotes, accents and emoji exactly, and matches them ignoring case', async () => {
    const home = tempHome();
    await ok(home, ['client', 'add', FANCY, '--since', '2026-06-02', '--every', '60']);
    await ok(home, [
      'client',
      'win',
      FANCY.toUpperCase(),
      '--date',
      '2026-11-10',
      '--note',
      'revenue +20%',
    ]);
    const store = readStoreJson(home) as unknown as { clients: unknown[] };
    expect(store.clients).toEqual([
      {
        name: FANCY,
        since: '2026-06-02',
        wins: [{ date: '2026-11-10', note: 'revenue +20%' }],
        every: 60,
      },
    ]);
    const list = await json(home, ['client', 'list', '--json']);
    expect(list[0]).toMatchObject({
      name: FANCY,
      every: 60,
      // The win came after the first ask was due anyway: it does not push the ask back.
      next: { reason: 'first-ask', dueDate: '2026-07-02', daysOverdue: 144 },
    });
    const text = (await ok(home, ['client', 'list'])).stdout;
    expect(text).toContain(FANCY);
  });

  it('refuses a duplicate name, whatever its case', async () => {
    const home = tempHome();
    await ok(home, ['client', 'add', 'Acme Dental']);
    await refused(home, ['client', 'add', 'ACME dental'], /client 'ACME dental' already exists/);
  });

  it('rm removes the client; its asks stay in the log', async () => {
    const home = tempHome();
    await ok(home, ['client', 'add', 'Acme Dental', '--since', '2026-06-02']);
    await ok(home, ['ask', 'acme dental', '--date', '2026-11-02']);
    await ok(home, ['client', 'rm', 'acme DENTAL']);
    const store = readStoreJson(home);
    expect(store.clients).toEqual([]);
    expect(store.entries.map((e) => e.activity)).toEqual(['referral-ask']);
    expect((await json(home, ['referrals', '--json'])).due).toEqual([]);
  });

  it('an unknown client exits 2 with "did you mean" for a near miss, everywhere a client is named', async () => {
    const home = tempHome();
    await ok(home, ['client', 'add', 'Acme Dental', '--since', '2026-06-02']);
    const near = /unknown client 'Acme Dentl': did you mean 'Acme Dental'\?/;
    await refused(home, ['ask', 'Acme Dentl'], near);
    await refused(home, ['client', 'win', 'Acme Dentl'], near);
    await refused(home, ['client', 'rm', 'Acme Dentl'], near);
    await refused(home, ['referrals', 'snooze', 'Acme Dentl', '--until', '2026-12-01'], near);
    await refused(home, ['ask', 'Globex'], /unknown client 'Globex': see 'prospect client list'/);
  });

  it('bad input exits 2 and leaves the store byte-identical', async () => {
    const home = tempHome();
    await ok(home, ['client', 'add', 'Acme Dental', '--since', '2026-06-02']);
    await refused(
      home,
      ['client', 'add', 'Globex', '--since', '2026-11-24'],
      /--since 2026-11-24 is in the future/,
    );
    await refused(
      home,
      ['client', 'add', 'Globex', '--since', '2026-02-30'],
      /--since '2026-02-30' is not a date/,
    );
    await refused(
      home,
      ['client', 'add', 'Globex', '--every', '0'],
      /--every '0' is not a whole number from 1/,
    );
    await refused(home, ['client', 'add', 'Globex', '--every', '2w'], /--every '2w'/);
    await refused(home, ['client', 'add', '   '], /client name is empty/);
    await refused(
      home,
      ['ask', 'Acme Dental', '--date', '2026-11-24'],
      /--date 2026-11-24 is in the future/,
    );
    await refused(
      home,
      ['ask', 'Acme Dental', '--date', '2026-05-01'],
      /before Acme Dental became a client/,
    );
    await refused(
      home,
      ['ask', 'Acme Dental', '--outcome', 'intros'],
      /--outcome 'intros' is not one of intro, later, declined \(did you mean 'intro'\?\)/,
    );
    await refused(home, ['client', 'win', 'Acme Dental', '--date', '2026-12-01'], /in the future/);
    await refused(
      home,
      ['client', 'win', 'Acme Dental', '--date', '2026-06-01'],
      /before Acme Dental became a client/,
    );
    await refused(
      home,
      ['referrals', 'snooze', 'Acme Dental', '--until', TODAY],
      /--until 2026-11-23 is not after 2026-11-23/,
    );
    await refused(
      home,
      ['referrals', 'snooze', 'Acme Dental', '--until', 'soon'],
      /--until 'soon' is not a date/,
    );
    await refused(
      home,
      ['referrals', 'snooze', 'Acme Dental', '--until', '2026-11-20', '--date', '2026-11-21'],
      /not after 2026-11-21/,
    );
    await refused(home, ['referrals', 'snooze', 'Acme Dental'], /--until/);
  });
});

describe('asks', () => {
  it('an ask logs one referral-ask, and with intro one referral, so quotas count it', async () => {
    const home = tempHome();
    await ok(home, ['client', 'add', 'Acme Dental', '--since', '2026-06-02']);
    await ok(home, ['quota', 'set', 'referral-ask', '2', '--per', 'week']);
    const said = (await ok(home, ['ask', 'acme dental', '--outcome', 'intro', '--note', 'Dana']))
      .stdout;
    expect(said).toMatch(/Asked Acme Dental for a referral on Mon 23 Nov 2026 \(intro\)/);
    expect(said).toMatch(/Next referral ask due Sun 21 Feb 2027/);
    const entries = readStoreJson(home).entries as unknown as Record<string, unknown>[];
    expect(entries.map((e) => [e.activity, e.client, e.date])).toEqual([
      ['referral-ask', 'Acme Dental', TODAY],
      ['referral', 'Acme Dental', TODAY],
    ]);
    const status = await json(home, ['status', '--json']);
    expect(status.quotas[0]).toMatchObject({ activity: 'referral-ask', done: 1 });
  });

  it('undo of an ask (with its intro) makes the client due again', async () => {
    const home = tempHome();
    await ok(home, ['client', 'add', 'Acme Dental', '--since', '2026-06-02']);
    expect((await json(home, ['status', '--json'])).referralsDue).toBe(1);
    await ok(home, ['ask', 'Acme Dental', '--outcome', 'intro']);
    expect((await json(home, ['status', '--json'])).referralsDue).toBe(0);
    const undone = (await ok(home, ['undo'])).stdout;
    expect(undone.trim().split('\n')).toHaveLength(2);
    expect(readStoreJson(home).entries).toEqual([]);
    const after = await json(home, ['referrals', '--json']);
    expect(after.due.map((d: { client: string; reason: string }) => [d.client, d.reason])).toEqual([
      ['Acme Dental', 'first-ask'],
    ]);
  });

  it('a win after the last ask makes the client due on the win; one before it does not', async () => {
    const home = tempHome();
    await ok(home, ['client', 'add', 'Acme Dental', '--since', '2026-06-02']);
    await ok(home, ['ask', 'Acme Dental', '--date', '2026-11-05']);
    const early = (await ok(home, ['client', 'win', 'Acme Dental', '--date', '2026-11-01'])).stdout;
    expect(early).toMatch(
      /already asked on 5 Nov, so this win does not bring the next ask forward/,
    );
    expect((await json(home, ['referrals', '--json'])).due).toEqual([]);
    const late = (await ok(home, ['client', 'win', 'Acme Dental', '--date', '2026-11-20'])).stdout;
    expect(late).toMatch(/Referral ask due now \(won on 20 Nov\)/);
    const doc = await json(home, ['referrals', '--json']);
    expect(doc.due).toMatchObject([
      {
        client: 'Acme Dental',
        reason: 'after-win',
        dueDate: '2026-11-20',
        daysOverdue: 3,
        win: '2026-11-20',
      },
    ]);
  });

  it('rm of the ask by id also makes the client due again', async () => {
    const home = tempHome();
    await ok(home, ['client', 'add', 'Acme Dental', '--since', '2026-06-02']);
    await ok(home, ['ask', 'Acme Dental', '--date', '2026-11-20']);
    await ok(home, ['log', 'call', '5']);
    const id = (readStoreJson(home).entries as unknown as { id: string }[])[0]?.id as string;
    await ok(home, ['rm', id]);
    expect((await json(home, ['referrals', '--json'])).due).toHaveLength(1);
  });
});

describe('referrals', () => {
  async function book(): Promise<string> {
    const home = tempHome();
    await ok(home, ['config', 'set', 'referral.cadenceDays', '60']);
    await ok(home, ['client', 'add', 'Acme Dental', '--since', '2026-06-02']);
    await ok(home, ['client', 'add', 'Bright Smiles', '--since', '2026-10-30']);
    await ok(home, ['client', 'win', 'Bright Smiles', '--date', '2026-11-10']);
    await ok(home, ['client', 'add', 'Northwind', '--since', '2026-03-01', '--every', '90']);
    await ok(home, ['ask', 'Northwind', '--date', '2026-08-20', '--outcome', 'intro']);
    await ok(home, ['client', 'add', 'Globex', '--since', '2026-03-01']);
    await ok(home, ['ask', 'Globex', '--date', '2026-10-01', '--outcome', 'declined']);
    await ok(home, ['client', 'add', 'Initech', '--since', '2026-11-01']);
    return home;
  }

  it('--json lists the due asks most overdue first, with reason, due date and days overdue', async () => {
    const doc = await json(await book(), ['referrals', '--json']);
    expect(doc.asOf).toBe(TODAY);
    expect(
      doc.due.map((d: Record<string, unknown>) => [
        d.client,
        d.reason,
        d.dueDate,
        d.daysOverdue,
        d.lastOutcome,
      ]),
    ).toEqual([
      ['Acme Dental', 'first-ask', '2026-07-02', 144, null],
      ['Bright Smiles', 'after-win', '2026-11-10', 13, null],
      ['Northwind', 'cadence', '2026-11-18', 5, 'intro'],
    ]);
    // Globex: declined on 1 Oct, 60-day default cadence; Initech: first ask 30 days after 1 Nov.
    expect(
      doc.upcoming.map((d: Record<string, unknown>) => [d.client, d.dueDate, d.daysUntil]),
    ).toEqual([
      ['Globex', '2026-11-30', 7],
      ['Initech', '2026-12-01', 8],
    ]);
  });

  it('the table says why in words, how overdue, the last outcome, and what comes up', async () => {
    const out = (await ok(await book(), ['referrals'])).stdout;
    expect(out).toMatch(/Acme Dental +first ask, client since 2 Jun +144 days +never asked/);
    expect(out).toMatch(/Bright Smiles +won on 10 Nov +13 days/);
    expect(out).toMatch(/Northwind +90 days since last ask on 20 Aug +5 days +intro, 20 Aug/);
    expect(out).toMatch(
      /Coming up in the next 14 days\nMon 30 Nov +Globex +60 days since last ask on 1 Oct\nTue 1 Dec +Initech +first ask, client since 1 Nov/,
    );
  });

  it('status shows the count and the first three', async () => {
    const home = await book();
    expect((await json(home, ['status', '--json'])).referralsDue).toBe(3);
    // The line wraps at 80 columns (a pipe); read it as one.
    const out = (await ok(home, ['status'])).stdout.replace(/\n {10}/g, ' ');
    expect(out).toMatch(
      /3 asks due: Acme Dental · Bright Smiles · Northwind \(prospect referrals\)/,
    );
  });

  it('as of a past day, later asks and wins do not count', async () => {
    const doc = await json(await book(), ['referrals', '--date', '2026-09-15', '--json']);
    // Globex was asked on 1 Oct and Bright Smiles became a client on 30 Oct: neither counts yet.
    expect(
      doc.due.map((d: Record<string, unknown>) => [d.client, d.reason, d.dueDate, d.daysOverdue]),
    ).toEqual([
      ['Globex', 'first-ask', '2026-03-31', 168],
      ['Acme Dental', 'first-ask', '2026-07-02', 75],
    ]);
  });

  it('snooze hides a client until the snooze ends, then it is due again', async () => {
    const home = await book();
    await ok(home, ['referrals', 'snooze', 'acme dental', '--until', '2026-11-30']);
    const during = await json(home, ['referrals', '--json']);
    expect(during.due.map((d: { client: string }) => d.client)).not.toContain('Acme Dental');
    expect(during.snoozed.map((d: { client: string }) => d.client)).toEqual(['Acme Dental']);
    expect(during.upcoming[0]).toMatchObject({ client: 'Acme Dental', dueDate: '2026-11-30' });
    const later = JSON.parse(
      (await runIn(home, ['referrals', '--json'], { now: noon('2026-11-30') })).stdout,
    );
    expect(later.due[0]).toMatchObject({
      client: 'Acme Dental',
      reason: 'first-ask',
      daysOverdue: 151,
    });
    const before = await json(home, ['referrals', '--date', '2026-11-20', '--json']);
    expect(before.due.map((d: { client: string }) => d.client)).toContain('Acme Dental');
  });

  it('a new client list is empty and says how to start', async () => {
    const out = (await ok(tempHome(), ['referrals'])).stdout;
    expect(out).toMatch(/No clients yet/);
  });
});

describe('the built binary', () => {
  it('exits 2 on an unknown client with one line on stderr, and 0 with --help', () => {
    const home = tempHome();
    expect(cli(home, ['client', 'add', 'Acme Dental']).code).toBe(0);
    const before = storeBytes(home);
    const bad = cli(home, ['ask', 'acme dentl']);
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toBe(
      "prospect: unknown client 'acme dentl': did you mean 'Acme Dental'? see 'prospect client list' (or add it with 'prospect client add')\n",
    );
    expect(storeBytes(home)).toEqual(before);
    const help = cli(home, ['referrals', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('prospect referrals --ics asks.ics');
  });
});

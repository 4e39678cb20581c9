import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Result, readStoreJson, runIn, storeBytes, tempHome } from '../helpers.js';

// Fri 27 Nov 2026, 14:30 local: "now" for every command.
const NOW = new Date(2026, 10, 27, 14, 30);
const run = (home: string, ...args: string[]): Promise<Result> => runIn(home, args, { now: NOW });

interface StoredLead {
  id: string;
  name: string;
  company?: string;
  email?: string;
  source: string;
  campaign?: string;
  received: string;
  time?: string;
  events: { stage: string; date: string; time?: string; reason?: string; entry?: string }[];
}
const leadsOf = (home: string) => (readStoreJson(home) as unknown as { leads: StoredLead[] }).leads;

/** Exit 2, one line on stderr containing `text`, the store byte-for-byte as before. */
async function refused(home: string, args: string[], text: string) {
  const before = storeBytes(home);
  const r = await run(home, ...args);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toContain(text);
  expect(storeBytes(home)).toEqual(before);
}

describe('lead add', () => {
  it('stores the lead as typed, with the wall-clock time for today and none for another day', async () => {
    const home = tempHome();
    const r = await run(
      home,
      'lead',
      'add',
      'Dana Lee',
      '--company',
      'Bright Smiles',
      '--source',
      'marketing',
      '--campaign',
      'nov-webinar',
      '--email',
      'dana@bright.example',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Added lead Dana Lee (Bright Smiles) from marketing (nov-webinar)');
    await run(home, 'lead', 'add', 'Sam Roe', '--date', '2026-11-23');
    await run(home, 'lead', 'add', 'Ana Ruiz', '--date', '2026-11-23', '--time', '9:05');
    const [dana, sam, ana] = leadsOf(home);
    expect(dana).toMatchObject({
      name: 'Dana Lee',
      source: 'marketing',
      received: '2026-11-27',
      time: '14:30',
      email: 'dana@bright.example',
    });
    expect(sam).toMatchObject({ source: 'self', received: '2026-11-23' });
    expect(sam?.time).toBeUndefined();
    expect(ana?.time).toBe('09:05');
  });

  it('refuses a second open lead of the same name and company, bad sources, future dates', async () => {
    const home = tempHome();
    await run(home, 'lead', 'add', 'Dana Lee', '--company', 'Bright Smiles');
    await refused(
      home,
      ['lead', 'add', 'dana lee', '--company', 'BRIGHT SMILES'],
      'is already open',
    );
    await refused(home, ['lead', 'add', 'X', '--source', 'markting'], "did you mean 'marketing'");
    await refused(home, ['lead', 'add', 'X', '--date', '2026-11-28'], 'in the future');
    await refused(home, ['lead', 'add', 'X', '--email', 'nope'], 'not an email address');
    await refused(home, ['lead', 'add', 'X', '--time', '25:00'], 'not a time');
    // A different company is another lead; a closed twin does not block.
    expect((await run(home, 'lead', 'add', 'Dana Lee', '--company', 'Other')).code).toBe(0);
  });
});

describe('lead stages', () => {
  it('moves a lead on, refuses a closed one, reopens it', async () => {
    const home = tempHome();
    await run(home, 'lead', 'add', 'Dana Lee', '--date', '2026-11-23', '--time', '09:00');
    expect(
      (await run(home, 'lead', 'contacted', 'dana lee', '--date', '2026-11-23', '--time', '09:40'))
        .code,
    ).toBe(0);
    expect((await run(home, 'lead', 'accepted', 'Dana Lee', '--date', '2026-11-24')).code).toBe(0);
    await refused(home, ['lead', 'lost', 'Dana Lee'], 'needs --reason');
    await refused(
      home,
      ['lead', 'lost', 'Dana Lee', '--reason', 'too-expensive'],
      'not one of not-decision-maker',
    );
    await refused(
      home,
      ['lead', 'won', 'Dana Lee', '--reason', 'timing'],
      '--reason is for lead rejected and lead lost',
    );
    await refused(home, ['lead', 'contacted', 'Dana Le'], "did you mean 'Dana Lee'");
    await refused(
      home,
      ['lead', 'contacted', 'Dana Lee', '--date', '2026-11-20'],
      'before the lead was received',
    );
    expect(
      (await run(home, 'lead', 'lost', 'Dana Lee', '--reason', 'no-budget', '--note', 'next year'))
        .code,
    ).toBe(0);
    await refused(home, ['lead', 'contacted', 'Dana Lee'], 'is closed (lost)');
    const reopened = await run(home, 'lead', 'reopen', 'Dana Lee');
    expect(reopened.stdout).toContain('back to accepted');
    await refused(home, ['lead', 'reopen', 'Dana Lee'], 'is open');
    expect(leadsOf(home)[0]?.events.map((e) => e.stage)).toEqual([
      'contacted',
      'accepted',
      'lost',
      'reopened',
    ]);
    expect(leadsOf(home)[0]?.events[0]).toEqual({
      stage: 'contacted',
      date: '2026-11-23',
      time: '09:40',
    });
  });

  it('lead meeting logs one meeting with the lead source; undo and rm take both back', async () => {
    const home = tempHome();
    await run(home, 'lead', 'add', 'Dana Lee', '--source', 'marketing');
    const r = await run(home, 'lead', 'meeting', 'Dana Lee');
    expect(r.code, r.stderr).toBe(0);
    const store = readStoreJson(home) as unknown as {
      entries: Record<string, unknown>[];
      leads: StoredLead[];
    };
    const lead = store.leads[0] as StoredLead;
    expect(store.entries).toEqual([
      {
        id: lead.events[0]?.entry,
        date: '2026-11-27',
        activity: 'meeting',
        count: 1,
        source: 'marketing',
        contact: 'Dana Lee',
        lead: lead.id,
        time: '14:30',
      },
    ]);
    expect((await run(home, 'undo')).code).toBe(0);
    expect(readStoreJson(home).entries).toEqual([]);
    expect(leadsOf(home)[0]?.events).toEqual([]);
    await run(home, 'lead', 'meeting', 'Dana Lee');
    const id = leadsOf(home)[0]?.events[0]?.entry as string;
    expect((await run(home, 'rm', id)).code).toBe(0);
    expect(leadsOf(home)[0]?.events).toEqual([]);
  });

  it('two leads of one name: the open one for a stage move, else asks for the id; lead rm', async () => {
    const home = tempHome();
    await run(home, 'lead', 'add', 'Dana Lee', '--company', 'A');
    await run(home, 'lead', 'add', 'Dana Lee', '--company', 'B');
    await refused(home, ['lead', 'contacted', 'Dana Lee'], 'names 2 leads');
    const [a] = leadsOf(home);
    await run(home, 'lead', 'won', a?.id as string);
    expect((await run(home, 'lead', 'contacted', 'Dana Lee')).stdout).toContain(
      'Dana Lee (B): contacted',
    );
    expect((await run(home, 'lead', 'rm', a?.id as string)).code).toBe(0);
    expect(leadsOf(home).map((l) => l.company)).toEqual(['B']);
  });
});

describe('lead import', () => {
  const list = (home: string, text: string) => {
    const file = join(home, 'list.csv');
    writeFileSync(file, text);
    return file;
  };

  it("a ';'-separated file: exit 2 naming the separator, the store untouched; First/Last Name joined", async () => {
    const home = tempHome();
    await run(home, 'lead', 'add', 'Someone', '--source', 'self');
    const before = storeBytes(home);
    const semi = await run(
      home,
      'lead',
      'import',
      list(home, 'Name;Company;Email\nDana Lee;Bright;d@b.co\n'),
      '--source',
      'marketing',
    );
    expect(semi.code).toBe(2);
    expect(semi.stderr).toContain("the file is separated by ';': save it as comma-separated (CSV)");
    expect(semi.stderr.trim().split('\n')).toHaveLength(1);
    expect(storeBytes(home)).toEqual(before);
    const split = await run(
      home,
      'lead',
      'import',
      list(home, 'First Name,Last Name,Company\nDana,Lee,Bright\n'),
      '--source',
      'marketing',
    );
    expect(split.code, split.stderr).toBe(0);
    expect(leadsOf(home).at(-1)).toMatchObject({ name: 'Dana Lee', company: 'Bright' });
  });

  it('imports a list; the same list twice adds nothing and says so', async () => {
    const home = tempHome();
    const file = list(
      home,
      '\uFEFFName,Company,Email,Note\r\n"Lee, Dana",Bright,dana@b.example,"two\r\nlines"\r\nSam Roe,Crane,,\r\n',
    );
    const r = await run(
      home,
      'lead',
      'import',
      file,
      '--source',
      'marketing',
      '--campaign',
      'nov-webinar',
      '--date',
      '2026-11-23',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'Imported 2 leads from marketing (nov-webinar), received Mon 23 Nov 2026',
    );
    expect(leadsOf(home)[0]).toMatchObject({
      name: 'Lee, Dana',
      company: 'Bright',
      campaign: 'nov-webinar',
      note: 'two lines',
      received: '2026-11-23',
    });
    const before = storeBytes(home);
    const again = await run(
      home,
      'lead',
      'import',
      file,
      '--source',
      'marketing',
      '--date',
      '2026-11-23',
    );
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Nothing added: all 2 leads');
    expect(storeBytes(home)).toEqual(before);
    // Received today without --time: the wall clock; with --time: that time.
    const today = await run(
      home,
      'lead',
      'import',
      list(home, 'name\nNew One\n'),
      '--source',
      'event',
      '--time',
      '08:05',
    );
    expect(today.stdout).toContain('received Fri 27 Nov 2026 08:05');
    expect(leadsOf(home).at(-1)).toMatchObject({ name: 'New One', source: 'event', time: '08:05' });
    expect(leadsOf(home)[0]?.time).toBeUndefined();
  });

  it('a bad row in the middle: every bad row named, nothing written', async () => {
    const home = tempHome();
    await run(home, 'lead', 'add', 'Keep Me');
    const file = list(
      home,
      'name,email\nOne,one@x.co\n,two@x.co\nThree,three@x.co\nFour,four-at-x\nFive,\n',
    );
    await refused(
      home,
      ['lead', 'import', file, '--source', 'marketing'],
      'line 3 has no name; line 5 has the email',
    );
    await refused(home, ['lead', 'import', file], 'needs --source');
    await refused(
      home,
      ['lead', 'import', join(home, 'none.csv'), '--source', 'self'],
      'no such file',
    );
    expect(leadsOf(home).map((l) => l.name)).toEqual(['Keep Me']);
  });
});

describe('prospect leads', () => {
  it('lists open leads, due first, as JSON with SPEC keys and no email', async () => {
    const home = tempHome();
    await run(home, 'lead', 'add', 'Old Touch', '--date', '2026-11-20', '--email', 'old@x.example');
    await run(home, 'lead', 'contacted', 'Old Touch', '--date', '2026-11-26');
    await run(
      home,
      'lead',
      'add',
      'Never Touched',
      '--date',
      '2026-11-25',
      '--source',
      'marketing',
    );
    await run(home, 'lead', 'add', 'Closed', '--date', '2026-11-24');
    await run(home, 'lead', 'won', 'Closed', '--date', '2026-11-25');
    const r = await run(home, 'leads', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('old@x.example');
    const j = JSON.parse(r.stdout);
    expect(j.asOf).toBe('2026-11-27');
    expect(j.leads.map((l: { name: string }) => l.name)).toEqual(['Never Touched', 'Old Touch']);
    expect(j.leads[0]).toMatchObject({
      source: 'marketing',
      received: '2026-11-25',
      stage: 'new',
      due: true,
      dueReason: 'first-touch',
      lastEvent: null,
      events: [],
    });
    expect(Object.keys(j.leads[0])).toEqual(
      expect.arrayContaining(['id', 'name', 'company', 'campaign']),
    );
    expect(j.leads[1]).toMatchObject({
      stage: 'contacted',
      due: false,
      dueReason: null,
      lastEvent: { stage: 'contacted', date: '2026-11-26' },
    });
    const all = JSON.parse((await run(home, 'leads', '--all', '--json')).stdout);
    expect(all.leads).toHaveLength(3);
    const marketing = JSON.parse(
      (await run(home, 'leads', '--source', 'marketing', '--json')).stdout,
    );
    expect(marketing.leads).toHaveLength(1);
    // As of Wed 2 Dec, Old Touch (contacted Thu 26 Nov) is three scoring days old: a follow-up.
    const later = JSON.parse((await run(home, 'leads', '--json', '--date', '2026-12-02')).stdout);
    expect(later.leads.map((l: { dueReason: string }) => l.dueReason)).toEqual([
      'first-touch',
      'follow-up',
    ]);
    const text = await run(home, 'leads');
    expect(text.stdout).toContain('1 lead due (1 first touch, 0 follow up)');
  });

  it('status shows the count due and the oldest waiting; status --json has leadsDue', async () => {
    const home = tempHome();
    await run(home, 'lead', 'add', 'A', '--date', '2026-11-23', '--source', 'marketing');
    await run(home, 'lead', 'add', 'B', '--date', '2026-11-25');
    await run(home, 'lead', 'add', 'C', '--date', '2026-11-26');
    await run(home, 'lead', 'contacted', 'C', '--date', '2026-11-26');
    const s = await run(home, 'status');
    expect(s.stdout).toContain('2 leads due, oldest received Mon 23 Nov from marketing');
    expect(JSON.parse((await run(home, 'status', '--json')).stdout).leadsDue).toBe(2);
    const none = tempHome();
    expect(JSON.parse((await run(none, 'status', '--json')).stdout).leadsDue).toBe(0);
    expect((await run(none, 'status')).stdout).not.toContain('leads');
  });

  it('config lead.followUpDays changes when a lead is due again', async () => {
    const home = tempHome();
    await run(home, 'lead', 'add', 'A', '--date', '2026-11-23');
    await run(home, 'lead', 'contacted', 'A', '--date', '2026-11-26');
    expect(JSON.parse((await run(home, 'status', '--json')).stdout).leadsDue).toBe(0);
    expect((await run(home, 'config', 'set', 'lead.followUpDays', '1')).code).toBe(0);
    expect((await run(home, 'config', 'get', 'lead.followUpDays')).stdout).toBe('1\n');
    expect(JSON.parse((await run(home, 'status', '--json')).stdout).leadsDue).toBe(1);
    await refused(home, ['config', 'set', 'lead.followUpDays', '0'], 'from 1 to 365');
  });
});

describe('export and import carry leads', () => {
  it('merges by lead id: the same export twice adds nothing; an open twin is left out', async () => {
    const from = tempHome();
    await run(from, 'lead', 'add', 'Dana Lee', '--company', 'Bright', '--source', 'marketing');
    await run(from, 'lead', 'contacted', 'Dana Lee');
    const file = join(from, 'export.json');
    expect((await run(from, 'export', '--out', file)).code).toBe(0);
    const to = tempHome();
    await run(to, 'lead', 'add', 'Sam Roe');
    const first = await run(to, 'import', file);
    expect(first.stdout).toContain('1 lead');
    expect(leadsOf(to).map((l) => l.name)).toEqual(['Sam Roe', 'Dana Lee']);
    expect(leadsOf(to)[1]?.events[0]?.stage).toBe('contacted');
    const before = storeBytes(to);
    expect((await run(to, 'import', file)).stdout).toContain('Nothing new');
    expect(storeBytes(to)).toEqual(before);
    const twin = tempHome();
    await run(twin, 'lead', 'add', 'dana lee', '--company', 'BRIGHT');
    await run(twin, 'import', file);
    expect(leadsOf(twin)).toHaveLength(1);
  });

  it('a hand-edited store with two open twins is refused', async () => {
    const home = tempHome();
    await run(home, 'lead', 'add', 'Dana Lee');
    const data = readStoreJson(home) as unknown as { leads: StoredLead[] };
    data.leads.push({ ...(data.leads[0] as StoredLead), id: 'zzzzzz' });
    writeFileSync(join(home, 'prospect.json'), JSON.stringify(data));
    const r = await run(home, 'leads');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('leads[1] is open with the same name and company as leads[0]');
  });
});

describe('lead --time later than now on today', () => {
  it('is refused by lead add, a stage move and lead import, as log and ask refuse it', async () => {
    const home = tempHome();
    const msg = '--time 23:50 is in the future: it is 14:30 now';
    await refused(home, ['lead', 'add', 'X', '--time', '23:50'], msg);
    await run(home, 'lead', 'add', 'Dana Lee', '--date', '2026-11-23');
    await refused(home, ['lead', 'contacted', 'Dana Lee', '--time', '23:50'], msg);
    await refused(home, ['lead', 'meeting', 'Dana Lee', '--time', '23:50'], msg);
    const file = join(home, 'list.csv');
    writeFileSync(file, 'Name\nSam Roe\n');
    await refused(home, ['lead', 'import', file, '--source', 'marketing', '--time', '23:50'], msg);
    // The same time on an earlier day, and an earlier time today, are fine.
    expect(
      (await run(home, 'lead', 'add', 'Y', '--date', '2026-11-26', '--time', '23:50')).code,
    ).toBe(0);
    expect((await run(home, 'lead', 'contacted', 'Dana Lee', '--time', '14:30')).code).toBe(0);
    // log refuses with the same words.
    await refused(home, ['log', 'call', '--time', '23:50'], msg);
  });
});

import { writeFileSync } from 'node:fs';
import { describe, expect, test, vi } from 'vitest';
import type { Lead, StoreData } from '../src/domain/types.js';
import { emptyStore } from '../src/store/schema.js';
import { answers } from './checkin-fake-prompts.js';
import { noon, plain, readStoreJson, runIn, storeBytes, storeFile, tempHome } from './helpers.js';

vi.mock('../src/prompts.js', () => import('./checkin-fake-prompts.js'));

const DAY = '2026-11-20'; // a Friday
const now = noon(DAY);

function store(home: string, leads: Lead[]): void {
  const data: StoreData = { ...emptyStore(), leads };
  data.settings.name = 'Sam Rivera';
  data.quotas = [{ activity: 'call', per: 'day', target: 40, from: '2026-11-02' }];
  writeFileSync(storeFile(home), JSON.stringify(data));
}

const lead = (id: string, name: string, over: Partial<Lead> = {}): Lead => ({
  id,
  name,
  source: 'marketing',
  received: '2026-11-19',
  events: [],
  ...over,
});
const leadsOf = (home: string) => (readStoreJson(home) as unknown as StoreData).leads;

describe('checkin: the leads due', () => {
  test('offers the due leads; the ticked ones are contacted that day, without a time', async () => {
    const home = tempHome();
    store(home, [
      lead('aaaaaa', 'Dana Lee', { company: 'Bright' }),
      lead('bbbbbb', 'Ana Ruiz'),
      // Contacted Mon 16: Tue, Wed, Thu are three scoring days, a follow-up; a follow-up keeps its stage.
      lead('cccccc', 'Cleo Park', {
        received: '2026-11-16',
        events: [{ stage: 'accepted', date: '2026-11-16' }],
      }),
      // Contacted yesterday: not due.
      lead('dddddd', 'Dev Shah', { events: [{ stage: 'contacted', date: '2026-11-19' }] }),
    ]);
    const asked = answers({ 'count:call': 40, leads: ['aaaaaa', 'cccccc'] });
    const r = await runIn(home, ['checkin'], { now, tty: true });
    expect(r.code, r.stderr).toBe(0);
    const prompt = asked.find((a) => a.name === 'leads');
    expect(prompt?.message).toBe('Leads due: which did you contact today?');
    expect(prompt?.choices?.map((c) => c.value)).toEqual(['aaaaaa', 'bbbbbb', 'cccccc']);
    expect(prompt?.choices?.[0]?.name).toBe(
      'Dana Lee (Bright): new from marketing, received Thu 19 Nov',
    );
    expect(plain(r.stdout)).toContain('Saved: call 0 → 40; leads contacted: Dana Lee · Cleo Park.');
    const [dana, ana, cleo] = leadsOf(home);
    expect(dana?.events).toEqual([{ stage: 'contacted', date: DAY }]);
    expect(ana?.events).toEqual([]);
    expect(cleo?.events.at(-1)).toEqual({ stage: 'accepted', date: DAY });
  });

  test('only a lead ticked: the summary says what changed, not "Nothing changed"', async () => {
    const home = tempHome();
    store(home, [lead('aaaaaa', 'Rosa Garcia')]);
    answers({ 'count:call': 0, leads: ['aaaaaa'] });
    const r = await runIn(home, ['checkin'], { now, tty: true });
    expect(r.code, r.stderr).toBe(0);
    expect(plain(r.stdout)).toContain('Saved: lead contacted: Rosa Garcia.');
    expect(r.stdout).not.toContain('Nothing changed');
    expect(r.stdout.match(/Rosa Garcia/g)).toHaveLength(1);
  });

  test('no lead due: no question, no extra keystroke', async () => {
    const home = tempHome();
    store(home, [
      lead('dddddd', 'Dev Shah', { events: [{ stage: 'contacted', date: '2026-11-19' }] }),
    ]);
    const asked = answers({ 'count:call': 40 });
    const r = await runIn(home, ['checkin'], { now, tty: true });
    expect(r.code, r.stderr).toBe(0);
    expect(asked.map((a) => a.name)).toEqual(['count:call', 'extras']);
  });

  test('without a terminal: exit 2 naming lead contacted for the due leads, nothing written', async () => {
    const home = tempHome();
    store(home, [lead('aaaaaa', 'Dana Lee')]);
    const before = storeBytes(home);
    const r = await runIn(home, ['checkin'], { now });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("prospect lead contacted 'Dana Lee'");
    expect(storeBytes(home)).toEqual(before);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { addDay } from '../src/domain/dates.js';
import type { StoreData } from '../src/domain/types.js';
import { emptyStore } from '../src/store/schema.js';
import { defaultBeliefs, parseTemplates } from '../src/store/templates.js';
import { cli, noon, ROOT, runIn, storeFile, tempHome } from './helpers.js';

const now = noon('2026-11-20');

describe('affirm', () => {
  test('--json: date, belief and affirmation, the same all day', async () => {
    const home = tempHome();
    const a = await runIn(home, ['affirm', '--json'], { now });
    const b = await runIn(home, ['affirm', '--json', '--date', '2026-11-20'], { now });
    expect(a.code).toBe(0);
    const doc = JSON.parse(a.stdout);
    expect(doc).toMatchObject({ date: '2026-11-20' });
    expect(typeof doc.belief).toBe('string');
    expect(typeof doc.affirmation).toBe('string');
    expect(b.stdout).toBe(a.stdout);
  });

  test('as many days in a row as there are beliefs show every belief once', async () => {
    const home = tempHome();
    const n = emptyStore().beliefs.length;
    const seen = new Set<string>();
    for (let i = 0; i < n; i++) {
      const r = await runIn(home, ['affirm', '--json', '--date', addDay('2026-10-01', i)], { now });
      seen.add(JSON.parse(r.stdout).belief);
    }
    expect(seen.size).toBe(n);
  });

  test('matches the affirmation in status', async () => {
    const home = tempHome();
    const affirm = JSON.parse((await runIn(home, ['affirm', '--json'], { now })).stdout);
    const status = JSON.parse((await runIn(home, ['status', '--json'], { now })).stdout);
    expect(status.affirmation).toEqual({ belief: affirm.belief, affirmation: affirm.affirmation });
  });

  test('for people: the affirmation, then the belief it replaces', async () => {
    const home = tempHome();
    const data = emptyStore();
    data.beliefs = [{ id: 'x1', belief: 'I hate calls', affirmation: 'Calls open doors' }];
    writeFileSync(storeFile(home), JSON.stringify(data));
    const r = await runIn(home, ['affirm'], { now });
    expect(r.stdout).toBe('Calls open doors\n(instead of: "I hate calls")\n');
  });

  test('no beliefs: nulls in JSON, a hint for people', async () => {
    const home = tempHome();
    const data = emptyStore();
    data.beliefs = [];
    writeFileSync(storeFile(home), JSON.stringify(data));
    const json = await runIn(home, ['affirm', '--json'], { now });
    expect(JSON.parse(json.stdout)).toMatchObject({
      date: '2026-11-20',
      belief: null,
      affirmation: null,
    });
    expect((await runIn(home, ['affirm'], { now })).stdout).toMatch(/^No beliefs to affirm/);
  });

  test('a bad --date is a usage error', async () => {
    const home = tempHome();
    const r = await runIn(home, ['affirm', '--date', '2026-13-01'], { now });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--date '2026-13-01' is not a date/);
  });
});

describe('the default beliefs in templates/affirmations.json', () => {
  const THEMES = [
    'dislike-prospecting',
    'gatekeepers',
    'send-information',
    'asking-referrals',
    'fear-of-rejection',
    'cold-calling',
    'bothering-busy-people',
    'no-time',
    'end-of-day',
    'waiting-for-marketing',
    'needing-approval',
    'bad-call',
  ];

  test('at least 12, one per theme of the issue, with stable ids and valid tags', () => {
    const defaults = defaultBeliefs();
    expect(defaults.length).toBeGreaterThanOrEqual(12);
    expect(defaults.map((d) => d.id)).toEqual(expect.arrayContaining(THEMES));
    expect(defaults.every((d) => d.template === d.id)).toBe(true);
    expect(defaults.filter((d) => d.tag).length).toBeGreaterThanOrEqual(12);
  });

  test('a new store starts with them', () => {
    expect(emptyStore().beliefs).toEqual(defaultBeliefs());
    expect(emptyStore().removedTemplates).toEqual([]);
  });

  test('a broken templates file is reported, not half-used', () => {
    expect(parseTemplates('{')).toMatch(/not valid JSON/);
    expect(
      parseTemplates('{"beliefs":[{"id":"a","belief":"b","affirmation":"c","tag":"golf"}]}'),
    ).toMatch(/tagged with 'golf'/);
    expect(
      parseTemplates(
        '{"beliefs":[{"id":"a","belief":"b","affirmation":"c"},{"id":"a","belief":"b","affirmation":"c"}]}',
      ),
    ).toMatch(/repeated id/);
  });

  test('ship in the npm package and load from the built bundle', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.files).toContain('templates/');
    const home = tempHome();
    const r = cli(home, ['belief', 'list', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const ids = (JSON.parse(r.stdout) as StoreData['beliefs']).map((b) => b.id);
    expect(ids).toEqual(defaultBeliefs().map((d) => d.id));
  });
});

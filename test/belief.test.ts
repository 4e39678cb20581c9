import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test, vi } from 'vitest';
import type { Belief, StoreData } from '../src/domain/types.js';
import { emptyStore } from '../src/store/schema.js';
import { answers, CTRL_C } from './checkin-fake-prompts.js';
import { noon, plain, readStoreJson, runIn, storeBytes, storeFile, tempHome } from './helpers.js';

vi.mock('../src/prompts.js', () => import('./checkin-fake-prompts.js'));

const now = noon('2026-11-20');
const run = (home: string, args: string[], tty = false) => runIn(home, args, { now, tty });
const beliefsOf = (home: string) => (readStoreJson(home) as unknown as StoreData).beliefs;

describe('belief add', () => {
  test('with --reframe and --tag (a plural works too)', async () => {
    const home = tempHome();
    const result = await run(home, [
      'belief',
      'add',
      '  Nobody answers the phone ',
      '--reframe',
      'Every dial is practice',
      '--tag',
      'calls',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const added = beliefsOf(home).at(-1) as Belief;
    expect(added).toMatchObject({
      belief: 'Nobody answers the phone',
      affirmation: 'Every dial is practice',
      tag: 'call',
    });
    expect(added.template).toBeUndefined();
    expect(added.id).toMatch(/^[2-9a-z]{6}$/);
    // Wrapped between words to 80 columns (a pipe): joined again here.
    expect(result.stdout.replace(/\n(?=.)/g, ' ')).toBe(
      `Added belief ${added.id} (tag call): "Nobody answers the phone" becomes "Every dial is practice". It joins the daily rotation (prospect affirm).\n`,
    );
    // The new store came with the defaults, and the new belief joined them.
    expect(beliefsOf(home).length).toBeGreaterThanOrEqual(13);
  });

  test('without --reframe outside a terminal: exit 2, asking for --reframe, store untouched', async () => {
    const home = tempHome();
    const asked = answers();
    const result = await run(home, ['belief', 'add', 'I hate cold calls']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'prospect: belief add needs --reframe outside a terminal: prospect belief add "I hate cold calls" --reframe "the affirmation you turn it into"\n',
    );
    expect(asked).toEqual([]);
    expect(storeBytes(home)).toBeNull();
  });

  test('without --reframe in a terminal: asks, showing an example with the same tag', async () => {
    const home = tempHome();
    const asked = answers({ reframe: '  Events fill my calendar for a month  ' });
    const result = await run(
      home,
      ['belief', 'add', 'Trade shows are a waste', '--tag', 'event'],
      true,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(asked.map((a) => a.name)).toEqual(['reframe']);
    expect(plain(result.stdout)).toMatch(
      /^For example, "Events and trade shows are a waste of time\." becomes "An event puts/,
    );
    expect(beliefsOf(home).at(-1)).toMatchObject({
      belief: 'Trade shows are a waste',
      affirmation: 'Events fill my calendar for a month',
      tag: 'event',
    });
    // The prompt refuses an empty reframe (inquirer shows the message and asks again).
    expect(asked[0]?.validate?.('   ')).toMatch(/Write the affirmation/);
  });

  test('Ctrl-C at the reframe prompt adds nothing', async () => {
    const home = tempHome();
    answers({ reframe: CTRL_C });
    const result = await run(home, ['belief', 'add', 'Trade shows are a waste'], true);
    expect(result.code).toBe(130);
    expect(storeBytes(home)).toBeNull();
  });

  test('an unknown tag is a usage error with a suggestion, before any prompt', async () => {
    const home = tempHome();
    const asked = answers();
    const result = await run(home, ['belief', 'add', 'x', '--tag', 'emial'], true);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown activity 'emial': did you mean 'email'\?/);
    expect(asked).toEqual([]);
  });

  test('the same belief twice is refused, naming the one there', async () => {
    const home = tempHome();
    await run(home, ['belief', 'add', 'x', '--reframe', 'y']);
    const before = storeBytes(home);
    const result = await run(home, [
      'belief',
      'add',
      "I DON'T LIKE PROSPECTING.",
      '--reframe',
      'z',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/already there as dislike-prospecting/);
    expect(storeBytes(home)).toEqual(before);
    // In a terminal it says so before asking for a reframe.
    const asked = answers();
    const again = await run(home, ['belief', 'add', "I don't like prospecting."], true);
    expect(again.code).toBe(2);
    expect(asked).toEqual([]);
  });

  test('empty text is refused', async () => {
    const home = tempHome();
    const result = await run(home, ['belief', 'add', '  ', '--reframe', 'y']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/the belief is empty/);
  });
});

describe('belief list and rm', () => {
  test('list --json holds ids, beliefs, affirmations and tags', async () => {
    const home = tempHome();
    const result = await run(home, ['belief', 'list', '--json']);
    expect(result.code).toBe(0);
    const list = JSON.parse(result.stdout) as Belief[];
    expect(list.length).toBeGreaterThanOrEqual(12);
    expect(list.find((b) => b.id === 'gatekeepers')).toMatchObject({
      belief: "It's hard to get past gatekeepers.",
      tag: 'call',
      template: 'gatekeepers',
    });
  });

  test('list for people shows each id with its belief and affirmation', async () => {
    const home = tempHome();
    const result = await run(home, ['belief', 'list']);
    expect(result.stdout).toMatch(
      /^gatekeepers {2}\[call\]\n {2}belief: {6}It's hard to get past gatekeepers\.\n {2}affirmation: Gatekeepers are/m,
    );
  });

  test('rm of a default records it so it stays removed', async () => {
    const home = tempHome();
    const result = await run(home, ['belief', 'rm', 'Gatekeepers']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `Removed belief gatekeepers ("It's hard to get past gatekeepers."). It is one of the defaults and will not come back.\n`,
    );
    const data = readStoreJson(home) as unknown as StoreData;
    expect(data.beliefs.some((b) => b.id === 'gatekeepers')).toBe(false);
    expect(data.removedTemplates).toEqual(['gatekeepers']);
    // Later writes do not bring it back.
    await run(home, ['belief', 'add', 'x', '--reframe', 'y']);
    expect(beliefsOf(home).some((b) => b.template === 'gatekeepers')).toBe(false);
  });

  test('rm of an unknown id: exit 2 with the nearest id, store untouched', async () => {
    const home = tempHome();
    writeFileSync(storeFile(home), JSON.stringify(emptyStore()));
    const before = readFileSync(storeFile(home));
    const result = await run(home, ['belief', 'rm', 'gatekeeper']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "prospect: no belief has the id 'gatekeeper': did you mean 'gatekeepers'? see the ids with prospect belief list\n",
    );
    expect(storeBytes(home)).toEqual(before);
  });

  test('with every belief removed, list says how to add one', async () => {
    const home = tempHome();
    const data = emptyStore();
    data.removedTemplates = data.beliefs.map((b) => b.template as string);
    data.beliefs = [];
    writeFileSync(storeFile(home), JSON.stringify(data));
    expect((await run(home, ['belief', 'list'])).stdout).toMatch(/^No beliefs yet\. Add one:/);
    expect((await run(home, ['belief', 'list', '--json'])).stdout).toBe('[]\n');
  });
});

describe('belief list wraps to the width (80 in a pipe), between words', () => {
  test('a long belief and affirmation stay within 80 columns, every word whole', async () => {
    const home = tempHome();
    const long =
      'Every single conversation I start today is a seed for a sale I may close next quarter, and a no is only about timing';
    const r1 = await run(home, [
      'belief',
      'add',
      'I dread the phone every morning',
      '--reframe',
      long,
    ]);
    expect(r1.code, r1.stderr).toBe(0);
    const r = await run(home, ['belief', 'list']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    // The wrapped affirmation reads back as the words it was given.
    const start = lines.findIndex((l) => l.includes('affirmation: Every single'));
    const words = lines
      .slice(start, start + 2)
      .join(' ')
      .replace('affirmation:', '')
      .split(/\s+/)
      .filter(Boolean)
      .join(' ');
    expect(words).toBe(long);
  });
});

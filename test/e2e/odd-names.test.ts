import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { counted, manyOf } from '../../src/render/checkin.js';
import { noon, runIn, tempHome } from '../helpers.js';

const at = { now: noon('2026-11-19') };
const ok = async (home: string, args: string[]) => {
  const r = await runIn(home, args, at);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  expect(r.stderr).not.toMatch(/native code|unexpected error|function /);
  return r.stdout;
};

// Words that name properties every plain object inherits: a lookup keyed by a user's word in a
// plain object finds those instead of nothing.
const ACTIVITY_WORDS = ['constructor', 'hasownproperty', 'valueof', 'tostring'];
const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];

describe('names like constructor, __proto__ and toString work like any other', () => {
  it.each(ACTIVITY_WORDS)(
    'the activity %s: log, quota, status, streak and report in every format',
    async (word) => {
      const home = tempHome();
      await ok(home, ['activity', 'add', word]);
      await ok(home, ['quota', 'set', word, '5', '--per', 'day', '--from', '2026-11-16']);
      for (const day of ['2026-11-16', '2026-11-17', '2026-11-18']) {
        await ok(home, ['log', word, '5', '--date', day]);
      }
      await ok(home, ['log', 'call', '2', '--date', '2026-11-18']);
      const status = JSON.parse(await ok(home, ['status', '--json']));
      expect(JSON.stringify(status)).not.toContain('native code');
      const text = await ok(home, ['status']);
      expect(text).toContain(word);
      expect(text).not.toContain('native code');
      const streak = JSON.parse(await ok(home, ['streak', '--json']));
      expect(streak.activities[word]).toMatchObject({ current: 3, target: 5 });

      const report = JSON.parse(await ok(home, ['report', '--format', 'json']));
      expect(report.totals[word]).toBe(15);
      expect(report.targets[word]).toBe(25);
      expect(report.totals.call).toBe(2);
      // call has no quota: it has no target, not an inherited one.
      expect(Object.keys(report.targets)).toEqual([word]);
      for (const format of ['text', 'md', 'csv', 'html']) {
        const out = await ok(home, ['report', '--format', format]);
        expect(out, format).toContain(word);
        expect(out, format).not.toContain('native code');
      }
      const csv = await ok(home, ['report', '--format', 'csv']);
      expect(csv).toMatch(new RegExp(`${word}.*15`));

      // team: two reps' JSON reports, summed as numbers.
      const dir = tempHome();
      writeFileSync(join(dir, 'a.json'), JSON.stringify({ ...report, rep: 'Ann' }));
      writeFileSync(join(dir, 'b.json'), JSON.stringify({ ...report, rep: 'Bob' }));
      const team = JSON.parse(await ok(home, ['team', dir, '--json']));
      expect(JSON.stringify(team)).toContain('"totals"');
      const totals = team.totals ?? team.team?.totals;
      expect(totals[word]).toBe(30);
      expect(typeof totals[word]).toBe('number');
      for (const format of ['text', 'md', 'csv', 'html']) {
        const out = await ok(home, ['team', dir, '--format', format]);
        expect(out, format).not.toContain('native code');
      }
    },
  );

  it.each(ACTIVITY_WORDS)(
    'the activity %s without a quota has no target in any report format',
    async (word) => {
      const home = tempHome();
      await ok(home, ['activity', 'add', word]);
      await ok(home, ['quota', 'set', 'call', '5', '--per', 'day', '--from', '2026-11-16']);
      await ok(home, ['log', word, '4', '--date', '2026-11-17']);
      await ok(home, ['belief', 'add', `I never ${word}`, '--reframe', 'I do', '--tag', word]);
      const report = JSON.parse(await ok(home, ['report', '--format', 'json']));
      expect(report.totals[word]).toBe(4);
      expect(Object.keys(report.targets)).toEqual(['call']);
      for (const format of ['text', 'md', 'csv', 'html']) {
        const out = await ok(home, ['report', '--format', format]);
        expect(out, format).toContain(word);
        expect(out, format).not.toMatch(/native code|NaN|undefined/);
      }
      expect(await ok(home, ['status'])).not.toMatch(/native code|NaN/);
      expect(await ok(home, ['belief', 'list'])).toContain(word);
    },
  );

  it('the check-in words for an activity named constructor', () => {
    expect(counted(2, 'constructor')).toBe('2 constructors');
    expect(manyOf('constructor')).toBe('constructors');
    expect(counted(2, 'call')).toBe('2 calls');
  });

  it.each(NAMES)('the client %s: add, win, ask, list, referrals, rm', async (name) => {
    const home = tempHome();
    await ok(home, ['client', 'add', name, '--since', '2026-01-01']);
    await ok(home, ['client', 'win', name, '--date', '2026-11-02']);
    await ok(home, ['ask', name, '--outcome', 'intro', '--date', '2026-11-18']);
    const list = JSON.parse(await ok(home, ['client', 'list', '--json']));
    expect(JSON.stringify(list)).toContain(name);
    const refs = await ok(home, ['referrals']);
    expect(refs).not.toContain('native code');
    await ok(home, ['client', 'rm', name]);
  });
});

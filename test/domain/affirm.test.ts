import { describe, expect, test } from 'vitest';
import {
  affirmationFor,
  beliefOfDay,
  removeBelief,
  seedDefaults,
} from '../../src/domain/affirm.js';
import { addDay } from '../../src/domain/dates.js';
import type { Belief, StoreData } from '../../src/domain/types.js';
import { emptyStore } from '../../src/store/schema.js';

const beliefs = (n: number, tag?: string): Belief[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `b${i}`,
    belief: `belief ${i}`,
    affirmation: `affirmation ${i}`,
    ...(tag ? { tag } : {}),
  }));

describe('beliefOfDay', () => {
  test('is the same all day, whatever else is asked in between', () => {
    const list = beliefs(7);
    expect(beliefOfDay(list, '2026-11-20')).toBe(beliefOfDay(list, '2026-11-20'));
  });

  test('n consecutive days show each of n beliefs once, from any start, across year ends', () => {
    for (const n of [1, 2, 5, 12, 13]) {
      const list = beliefs(n);
      for (const start of ['2026-11-20', '2026-12-25', '1999-12-30', '2027-02-27']) {
        const seen = Array.from({ length: n }, (_, i) => beliefOfDay(list, addDay(start, i))?.id);
        expect(new Set(seen).size, `n=${n} from ${start}`).toBe(n);
      }
    }
  });

  test('the next day after a full round starts the same round again', () => {
    const list = beliefs(5);
    expect(beliefOfDay(list, addDay('2026-11-20', 5))).toBe(beliefOfDay(list, '2026-11-20'));
    expect(beliefOfDay(list, addDay('2026-11-20', 1))).not.toBe(beliefOfDay(list, '2026-11-20'));
  });

  test('nothing to show without beliefs', () => {
    expect(beliefOfDay([], '2026-11-20')).toBeUndefined();
  });
});

describe('affirmationFor', () => {
  const list = [...beliefs(3), ...beliefs(2, 'email').map((b) => ({ ...b, id: `e${b.id}` }))];

  test('picks among the beliefs tagged with the first behind activity that has any', () => {
    for (const day of ['2026-11-20', '2026-11-21', '2026-11-22']) {
      expect(affirmationFor(list, day, ['call', 'email'])?.tag).toBe('email');
    }
    // ... still rotating among them day by day.
    expect(affirmationFor(list, '2026-11-20', ['email'])).not.toBe(
      affirmationFor(list, '2026-11-21', ['email']),
    );
  });

  test('falls back to the belief of the day', () => {
    expect(affirmationFor(list, '2026-11-20', ['call'])).toBe(beliefOfDay(list, '2026-11-20'));
    expect(affirmationFor(list, '2026-11-20', [])).toBe(beliefOfDay(list, '2026-11-20'));
  });
});

describe('default beliefs', () => {
  const defaults: Belief[] = [
    { id: 'gatekeepers', belief: 'g', affirmation: 'G', template: 'gatekeepers', tag: 'call' },
    { id: 'no-time', belief: 'n', affirmation: 'N', template: 'no-time' },
  ];

  test('seeding adds the missing defaults but never one the user removed', () => {
    const data: StoreData = { ...emptyStore(), beliefs: [], removedTemplates: [] };
    expect(seedDefaults(data, defaults).map((b) => b.id)).toEqual(['gatekeepers', 'no-time']);
    expect(seedDefaults(data, defaults)).toEqual([]);

    const removed = removeBelief(data, 'GATEKEEPERS');
    expect(removed?.id).toBe('gatekeepers');
    expect(data.removedTemplates).toEqual(['gatekeepers']);
    expect(seedDefaults(data, defaults)).toEqual([]);
    expect(data.beliefs.map((b) => b.id)).toEqual(['no-time']);
  });

  test('removing a belief of your own records no template', () => {
    const data: StoreData = { ...emptyStore(), beliefs: beliefs(2), removedTemplates: [] };
    expect(removeBelief(data, 'b1')?.belief).toBe('belief 1');
    expect(removeBelief(data, 'b1')).toBeUndefined();
    expect(data.removedTemplates).toEqual([]);
    expect(data.beliefs.map((b) => b.id)).toEqual(['b0']);
  });
});

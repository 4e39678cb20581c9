import { describe, expect, it } from 'vitest';
import { compareNames } from '../../src/domain/names.js';

const sorted = (names: string[]) => [...names].sort(compareNames);

describe('compareNames', () => {
  it('orders alphabetically ignoring case', () => {
    expect(sorted(['beta', 'Alpha', 'Gamma', 'alpine'])).toEqual([
      'Alpha',
      'alpine',
      'beta',
      'Gamma',
    ]);
  });

  it('sorts an accented letter with its plain letter, in either encoding', () => {
    const composed = '\u00c9mile'; // É as one code point
    const decomposed = 'E\u0301mile'; // E + combining acute
    expect(sorted(['Fran', composed, 'Eve', 'Zoë', 'Dana'])).toEqual([
      'Dana',
      composed,
      'Eve',
      'Fran',
      'Zoë',
    ]);
    expect(sorted(['Fran', decomposed, 'Dana'])).toEqual(['Dana', decomposed, 'Fran']);
    expect(sorted(['Ångström', 'Bo', 'Ana'])).toEqual(['Ana', 'Ångström', 'Bo']);
    expect(sorted(['Oscar', 'Ørsted', 'Lucy', 'Łukasz', 'Sam', 'Straße', 'Stone'])).toEqual([
      'Lucy',
      'Łukasz',
      'Ørsted',
      'Oscar',
      'Sam',
      'Stone',
      'Straße',
    ]);
  });

  it('orders names that differ only in case or accents the same way whatever the input order', () => {
    expect(sorted(['René', 'Rene', 'rene'])).toEqual(sorted(['rene', 'Rene', 'René']));
    expect(compareNames('Rene', 'Rene')).toBe(0);
  });
});

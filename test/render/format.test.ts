import { describe, expect, it } from 'vitest';
import { bar, displayWidth, table } from '../../src/render/format.js';

describe('table', () => {
  it('lines up columns by what a terminal shows, with emoji and accents in names', () => {
    const lines = table(
      [
        ['Café Müller', '3'],
        ['Rocket 🚀 Labs', '12'],
        ['Acme', '1'],
      ],
      [1],
    );
    const ends = lines.map((l) => displayWidth(l));
    expect(new Set(ends).size).toBe(1);
  });
  it('counts an emoji as two columns and a combining accent as none', () => {
    expect(displayWidth('🚀')).toBe(2);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('abc')).toBe(3);
  });
});

describe('bar', () => {
  it('fills in proportion and never overflows', () => {
    expect(bar(5, 10, 10)).toBe('█████░░░░░');
    expect(bar(30, 10, 10)).toBe('██████████');
    expect(bar(0, 10, 4)).toBe('░░░░');
  });
});

describe('wrap', () => {
  it('breaks at spaces within the width and keeps every word', async () => {
    const { wrap } = await import('../../src/render/status.js');
    const text =
      'One call is one call. I take the lesson, leave the mood, and dial the next number.';
    const lines = wrap(text, 30);
    expect(lines.every((l) => l.length <= 30)).toBe(true);
    expect(lines.join(' ')).toBe(text);
  });
});

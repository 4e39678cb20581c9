import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import wrapAnsi from 'wrap-ansi';
import { displayWidth, wrapHanging, wrapLines } from '../../src/render/format.js';
import { prng } from '../helpers.js';

/** The symbols displayWidth takes as one column without string-width. */
const SYMBOLS = [...'·–—…←↑→↓▁▂▃▄▅▆▇█░▒▓'];

/** Random printable ASCII text (with some of those symbols): words of 0-30 characters (some longer than a line), odd spacing. */
function asciiText(rand: () => number): string {
  const parts: string[] = [];
  const count = Math.floor(rand() * 14);
  for (let w = 0; w < count; w++) {
    const long = rand() < 0.15;
    const length = Math.floor(rand() * (long ? 60 : 12));
    let word = '';
    for (let i = 0; i < length; i++) {
      word +=
        rand() < 0.1
          ? (SYMBOLS[Math.floor(rand() * SYMBOLS.length)] ?? '')
          : String.fromCharCode(0x21 + Math.floor(rand() * 94));
    }
    parts.push(
      word,
      rand() < 0.2 ? (['  ', '\t', '\n', ' \n '][Math.floor(rand() * 4)] ?? '') : ' ',
    );
  }
  return parts.join('');
}

describe('the ASCII fast path measures and wraps exactly as string-width and wrap-ansi', () => {
  it('gives printable ASCII text the width string-width gives it', () => {
    const rand = prng(7);
    for (let n = 0; n < 500; n++) {
      const text = asciiText(rand);
      expect(displayWidth(text.replace(/\s/g, ' ')), text).toBe(
        stringWidth(text.replace(/\s/g, ' ')),
      );
    }
    expect(displayWidth('')).toBe(0);
    for (const symbol of SYMBOLS) {
      expect(stringWidth(symbol), symbol).toBe(1);
      expect(displayWidth(`a${symbol}b`), symbol).toBe(stringWidth(`a${symbol}b`));
    }
    // Not one of them: a combining mark or a variation selector after a symbol.
    expect(displayWidth('→\u0301')).toBe(stringWidth('→\u0301'));
    expect(displayWidth('↑\ufe0f')).toBe(stringWidth('↑\ufe0f'));
  });

  it('wraps random ASCII text at random widths into the lines wrap-ansi makes', () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const rand = prng(seed);
      const text = asciiText(rand);
      const width = 1 + Math.floor(rand() * 40);
      const words = text.split(/\s+/).filter(Boolean).join(' ');
      const expected =
        words === ''
          ? []
          : wrapAnsi(words, Math.max(2, width), { hard: true, trim: true }).split('\n');
      expect(wrapLines(text, width), `seed ${seed} width ${width}`).toEqual(expected);
    }
  });

  it('still measures and wraps accents, CJK, emoji and colour codes with the libraries', () => {
    expect(displayWidth('Café Zoë')).toBe(8);
    expect(displayWidth('東京 🚀')).toBe(7);
    expect(displayWidth('\u001b[31mred\u001b[39m')).toBe(3);
    expect(displayWidth('a\u0007b')).toBe(stringWidth('a\u0007b'));
    expect(wrapLines('東京東京東京 Café Zoë', 5)).toEqual(
      wrapAnsi('東京東京東京 Café Zoë', 5, { hard: true, trim: true }).split('\n'),
    );
    expect(wrapHanging('Zoë  ', 'a note that goes on and on', 14, 5)).toEqual([
      'Zoë  a note',
      '     that goes',
      '     on and on',
    ]);
  });
});

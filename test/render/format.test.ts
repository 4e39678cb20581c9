import { describe, expect, it } from 'vitest';
import { bar, displayWidth, table, wrapHanging, wrapLines } from '../../src/render/format.js';
import { clip } from '../../src/render/report-text.js';

describe('table', () => {
  it('lines up columns by what a terminal shows, with emoji, accents and CJK in names', () => {
    // Decomposed accents, a ZWJ family and CJK: UTF-16 length and columns differ for each.
    const accents = 'Cafe\u0301 Zoe\u0308'; // 8 columns, length 10
    const family = '\u{1F468}\u200d\u{1F469}\u200d\u{1F467}\u200d\u{1F466} Family'; // 9 columns
    const lines = table(
      [
        [accents, '3'],
        [family, '12'],
        ['東京', '1'], // 4 columns, length 2
      ],
      [1],
    );
    expect(lines).toEqual([`${accents}    3`, `${family}  12`, '東京        1']);
  });
  it('counts an emoji, a ZWJ family and a CJK character as two columns, a combining accent as none', () => {
    expect(displayWidth('🚀')).toBe(2);
    expect(displayWidth('\u{1F468}\u200d\u{1F469}\u200d\u{1F467}\u200d\u{1F466}')).toBe(2);
    expect(displayWidth('東京')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('abc')).toBe(3);
  });
});

describe('bar', () => {
  it('fills in proportion and never overflows', () => {
    expect(bar(5, 10, 10)).toBe('█████░░░░░');
    expect(bar(30, 10, 10)).toBe('██████████');
    expect(bar(0, 10, 4)).toBe('░░░░');
    // 203 of 204 is not met: the bar stays one cell short of full (issue 11 point 13).
    expect(bar(203, 204, 16)).toBe(`${'█'.repeat(15)}░`);
  });
});

describe('wrap', () => {
  it('breaks at spaces within the width and keeps every word', async () => {
    const { wrap } = await import('../../src/render/status.js');
    const text =
      'One call is one call. I take the lesson, leave the mood, and dial the next number.';
    const lines = wrap(text, 30);
    expect(lines.every((l) => displayWidth(l) <= 30)).toBe(true);
    expect(lines.join(' ')).toBe(text);
  });

  it('wraps CJK text, which has no spaces, at the asked width in columns', () => {
    const text = '漢字仮名交じり文は日本語の表記で一般的な書き方であり二十列で折り返すべきです';
    const lines = wrapLines(text, 20);
    expect(lines.join('')).toBe(text);
    expect(lines.map(displayWidth)).toEqual([20, 20, 20, 16]);
  });

  it('measures a ZWJ family as two columns when wrapping', () => {
    const family = '\u{1F468}\u200d\u{1F469}\u200d\u{1F467}\u200d\u{1F466}';
    const lines = wrapLines(`${family} ${family} ${family} ${family}`, 5);
    expect(lines).toEqual([`${family} ${family}`, `${family} ${family}`]);
  });

  it('hangs the lines after the head at the indent, none past the width', () => {
    const lines = wrapHanging('note: ', 'one two three four five six seven eight nine ten', 20, 2);
    expect(lines).toEqual([
      'note: one two three',
      '  four five six',
      '  seven eight nine',
      '  ten',
    ]);
    const cjk = wrapHanging('Mon  ', '漢字仮名交じり文は日本語の表記で一般的な書き方', 20, 5);
    expect(cjk.every((l) => displayWidth(l) <= 20)).toBe(true);
    expect(cjk.map((l) => l.slice(5)).join('')).toBe(
      '漢字仮名交じり文は日本語の表記で一般的な書き方',
    );
  });
});

describe('clip', () => {
  it('cuts by columns, never inside a ZWJ sequence', () => {
    const family = '\u{1F468}\u200d\u{1F469}\u200d\u{1F467}\u200d\u{1F466}';
    expect(clip('東京都庁舎ビル', 7)).toBe('東京都…');
    expect(clip(`ab${family}cd`, 5)).toBe(`ab${family}…`);
    expect(clip('short', 8)).toBe('short');
  });

  it('cuts one-column text without Intl.Segmenter (its ICU data costs ~7 ms a run)', () => {
    const intl = Intl as { Segmenter: typeof Intl.Segmenter };
    const real = intl.Segmenter;
    intl.Segmenter = class {
      constructor() {
        throw new Error('Intl.Segmenter used');
      }
    } as unknown as typeof Intl.Segmenter;
    try {
      expect(clip('Maximilian Alexander Featherstonehaugh', 14)).toBe('Maximilian Al…');
      expect(clip('cold walk-ins · 3–4 a day', 10)).toBe('cold walk…');
    } finally {
      intl.Segmenter = real;
    }
  });

  it('cuts one-column text as cutting it grapheme by grapheme does', () => {
    // The cut as clip makes it for any text: whole graphemes while they fit in max - 1 columns.
    const bySegments = (text: string, max: number) => {
      if (displayWidth(text) <= max) return text;
      let out = '';
      for (const { segment } of new Intl.Segmenter().segment(text)) {
        if (displayWidth(out + segment) > max - 1) break;
        out += segment;
      }
      return `${out}…`;
    };
    const chars = 'aZ09 -.|~·–—…←↑→↓▁█░▓';
    let seed = 16;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let n = 0; n < 500; n++) {
      let text = '';
      const length = Math.floor(next() * 24);
      for (let i = 0; i < length; i++) text += chars[Math.floor(next() * chars.length)];
      const max = Math.floor(next() * 22);
      expect(clip(text, max), `${JSON.stringify(text)} at ${max}`).toBe(bySegments(text, max));
    }
  });
});

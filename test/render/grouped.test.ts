import { describe, expect, it } from 'vitest';
import { grouped } from '../../src/render/format.js';

describe('grouped', () => {
  it("writes whole numbers as toLocaleString('en-US') does, without ICU", () => {
    const cases = [0, 1, 12, 123, 999, 1000, 1234, 12345, 999999, 1000000, -1, -1000, -1234567];
    let seed = 7;
    for (let i = 0; i < 500; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      cases.push(seed % 10 ** (1 + (i % 12)));
    }
    cases.push(Number.MAX_SAFE_INTEGER, 2.5, 1234.5);
    for (const n of cases) expect(grouped(n), String(n)).toBe(n.toLocaleString('en-US'));
  });
});

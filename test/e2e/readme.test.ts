// The README's console blocks are what `npm run demo` prints (issue 11 point 28), so the tour cannot
// drift from the tool. Regenerate them with: npm run build && node scripts/demo.js --readme
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const demo = JSON.parse(
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'demo.js'), '--json'], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  }),
) as { blocks: Record<string, string>; ids: string[] };

/** The README's marked blocks, by name. */
function marked(text: string): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const m of text.matchAll(/^<!-- demo: ([\w-]+) -->\n```console\n([\s\S]*?)^```$/gm)) {
    blocks.set(m[1] as string, m[2] as string);
  }
  return blocks;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A pattern that matches the demo's block exactly, except that each random id the demo printed
 * may be any id, the same one at each of its places, and two different ids stay different.
 */
function exactBarIds(block: string, ids: readonly string[]): { pattern: RegExp; count: number } {
  if (ids.length === 0) return { pattern: new RegExp(`^${escapeRegex(block)}$`), count: 0 };
  const idPattern = new RegExp(`\\b(${ids.join('|')})\\b`, 'g');
  const seen: string[] = [];
  let source = '';
  let last = 0;
  for (const m of block.matchAll(idPattern)) {
    source += escapeRegex(block.slice(last, m.index));
    const at = seen.indexOf(m[1] as string);
    source += at === -1 ? '([2-9a-hjkmnp-z]{6})' : `\\${at + 1}`;
    if (at === -1) seen.push(m[1] as string);
    last = (m.index ?? 0) + (m[0] as string).length;
  }
  source += escapeRegex(block.slice(last));
  return { pattern: new RegExp(`^${source}$`), count: seen.length };
}

describe('README tour (issue 11 point 28)', () => {
  const blocks = marked(readme);

  it('marks every console block as demo output, and the demo makes each one', () => {
    expect(readme.match(/^```console$/gm)?.length).toBe(blocks.size);
    expect([...blocks.keys()].sort()).toEqual(Object.keys(demo.blocks).sort());
  });

  it.each(Object.keys(demo.blocks))('block %s is exactly what the demo prints', (name) => {
    const ours = demo.blocks[name] as string;
    const theirs = blocks.get(name) ?? '';
    const { pattern, count } = exactBarIds(ours, demo.ids);
    const m = theirs.match(pattern);
    // Shows the difference. To take the new output: npm run build && node scripts/demo.js --readme
    if (!m) expect(theirs, 'README.md is not what the demo prints: see the comment').toBe(ours);
    const readmeIds = (m ?? []).slice(1, count + 1);
    expect(new Set(readmeIds).size).toBe(readmeIds.length);
  });

  it('shows the backfill, and removes by an id that an earlier block printed', () => {
    const backfill = blocks.get('backfill') ?? '';
    expect(backfill).toMatch(/^\$ prospect log call 41 --date 2026-11-20\n/m);
    const id = (blocks.get('mistakes') ?? '').match(/^\$ prospect rm (\w+)$/m)?.[1];
    expect(backfill).toContain(`id ${id})`);
  });
});

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

// The dependency rule of .dependency-cruiser.cjs (run by `npm run deps` in `npm test`), tried on
// tiny trees: each wrong arrow must fail the check, naming its rule; the right ones must pass.
const BIN = join(ROOT, 'node_modules', '.bin', 'depcruise');
const trees: string[] = [];
afterAll(() => {
  for (const dir of trees) rmSync(dir, { recursive: true, force: true });
});

function cruise(files: Record<string, string>): { code: number; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'prospect-deps-'));
  trees.push(dir);
  copyFileSync(join(ROOT, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' } }),
  );
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const r = spawnSync(BIN, ['--config', '.dependency-cruiser.cjs', 'src'], {
    cwd: dir,
    encoding: 'utf8',
  });
  return { code: r.status ?? -1, out: r.stdout + r.stderr };
}

const leaf = 'export const x = 1;\n';
const uses = (path: string) => `import { x } from '${path}';\nexport const y = x;\n`;

describe('the dependency rule', () => {
  it('passes arrows that point down', () => {
    const r = cruise({
      'src/domain/a.ts': leaf,
      'src/render/b.ts': uses('../domain/a.js'),
      'src/commands/c.ts': uses('../render/b.js'),
      'src/cli/d.ts': uses('../commands/c.js'),
    });
    expect(r.out).toContain('no dependency violations found');
    expect(r.code).toBe(0);
  });

  it.each([
    ['domain-is-pure', { 'src/render/b.ts': leaf, 'src/domain/a.ts': uses('../render/b.js') }],
    [
      'domain-no-node',
      {
        'src/domain/a.ts':
          "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
      },
    ],
    ['render-imports-domain', { 'src/store/s.ts': leaf, 'src/render/b.ts': uses('../store/s.js') }],
    ['store-imports-domain', { 'src/render/b.ts': leaf, 'src/store/s.ts': uses('../render/b.js') }],
    ['handler-not-a-library', { 'src/commands/a.ts': leaf, 'src/commands/b.ts': uses('./a.js') }],
    ['nothing-imports-cli', { 'src/cli/p.ts': leaf, 'src/commands/b.ts': uses('../cli/p.js') }],
    ['no-circular', { 'src/domain/a.ts': uses('./b.js'), 'src/domain/b.ts': uses('./a.js') }],
  ])('fails on a wrong arrow: %s', (rule, files) => {
    const r = cruise(files as Record<string, string>);
    expect(r.code).not.toBe(0);
    expect(r.out).toContain(rule);
  });
});

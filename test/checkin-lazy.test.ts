import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { BIN, ROOT, tempHome } from './helpers.js';

// Runs the BUILT CLI with a module hook that makes loading inquirer fail: a command that does not
// prompt must still work, because it never loads inquirer at all. The bin bundles its
// dependencies, so inquirer lives in chunks of dist/ (esbuild marks bundled code with its
// node_modules path); the hook refuses those chunks, and @inquirer/ itself should the bundle
// ever import it from node_modules again.
const DIST = join(ROOT, 'dist');
const inquirerChunks = () =>
  readdirSync(DIST).filter(
    (f) =>
      f.endsWith('.js') && readFileSync(join(DIST, f), 'utf8').includes('node_modules/@inquirer/'),
  );

function hookedNode(home: string) {
  const dir = tempHome();
  const chunks = inquirerChunks();
  writeFileSync(
    join(dir, 'hooks.mjs'),
    `const chunks = ${JSON.stringify(chunks)};
export async function resolve(specifier, context, next) {
  if (specifier.startsWith('@inquirer/')) throw new Error('inquirer was loaded: ' + specifier);
  return next(specifier, context);
}
export async function load(url, context, next) {
  const hit = chunks.find((c) => url.endsWith('/dist/' + c));
  if (hit) throw new Error('inquirer was loaded: dist/' + hit);
  return next(url, context);
}
`,
  );
  writeFileSync(
    join(dir, 'register.mjs'),
    `import { register } from 'node:module';
register(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});
`,
  );
  const register = pathToFileURL(join(dir, 'register.mjs')).href;
  return (args: string[]) =>
    spawnSync(process.execPath, ['--import', register, ...args], {
      cwd: ROOT,
      env: { ...process.env, PROSPECT_HOME: home, NO_COLOR: '1' },
      encoding: 'utf8',
    });
}

describe('inquirer is loaded only by the commands that prompt', () => {
  test('the hook does catch a load of inquirer, bundled or not', () => {
    const chunks = inquirerChunks();
    expect(chunks.length).toBeGreaterThan(0);
    const node = hookedNode(tempHome());
    const direct = node(['--input-type=module', '-e', "await import('@inquirer/prompts')"]);
    expect(direct.status).not.toBe(0);
    expect(direct.stderr).toMatch(/inquirer was loaded: @inquirer\/prompts/);
    const bundled = node([
      '--input-type=module',
      '-e',
      `await import(${JSON.stringify(pathToFileURL(join(DIST, chunks[0] as string)).href)})`,
    ]);
    expect(bundled.status).not.toBe(0);
    expect(bundled.stderr).toMatch(/inquirer was loaded: dist\//);
  });

  test.each([
    [['status'], 0],
    [['status', '--json'], 0],
    [['affirm', '--json'], 0],
    [['belief', 'list'], 0],
    [['belief', 'add', 'I hate cold calls', '--reframe', 'Calls open doors'], 0],
    // Not a terminal: both refuse with exit 2 without loading inquirer to find out.
    [['belief', 'add', 'I hate cold calls again'], 2],
    [['checkin'], 2],
    [['checkin', '--help'], 0],
  ])('prospect %j', (args, code) => {
    const node = hookedNode(tempHome());
    const r = node([BIN, ...args]);
    expect(r.stderr).not.toMatch(/inquirer/);
    expect(r.status, r.stderr).toBe(code);
  });
});

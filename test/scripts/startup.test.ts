// What every command pays before it does anything (issue 16, README "Performance"): the rules that
// keep `--help`, `--version` and the start of every command close to `node -e 0`. Runs the built
// CLI (npm test builds first).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cli, tempHome } from '../helpers.js';

/**
 * NODE_OPTIONS for a preload that prints `expression` as JSON on stderr as the process exits: a
 * CommonJS file, so it starts no ES module loader of its own.
 */
function atExit(dir: string, expression: string): string {
  const file = join(dir, 'at-exit.cjs');
  writeFileSync(
    file,
    `process.on('exit', () => require('node:fs').writeSync(2, JSON.stringify(${expression})));\n`,
  );
  return `--require=${file}`;
}

describe('start-up', () => {
  it('bin/prospect.js is loaded as CommonJS: an ES module entry costs ~3.5 ms on Node 20', () => {
    // require.cache holds the CommonJS modules Node loaded; an ES module entry is not among them.
    const home = tempHome();
    const r = cli(home, ['--version'], {
      NODE_OPTIONS: atExit(home, 'Object.keys(require.cache)'),
      PROSPECT_CACHE_DIR: join(home, 'cache'),
    });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stderr)).toContain(BIN);
  });
});

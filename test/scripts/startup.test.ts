// What every command pays before it does anything (issue 16, README "Performance"): the rules that
// keep `--help`, `--version` and the start of every command close to `node -e 0`. Runs the built
// CLI (npm test builds first).
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cli, ROOT, tempHome } from '../helpers.js';

const DIST = join(ROOT, 'dist');

/** The chunks of the ES module build that cli.js imports statically, transitively. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(join(DIST, file), 'utf8');
  for (const m of text.matchAll(/(?:^|\n)import\s(?:[^;]*?\sfrom\s*)?["']\.\/([^"']+)["']/g)) {
    staticClosure(m[1] as string, seen);
  }
  return seen;
}

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

  it('--help, --version and help <command> run only what cli.js imports: the rest stays lazy', () => {
    // A copy of the package whose script (dist/script/cli.js) throws from every chunk outside
    // cli.js's static imports (commands, store, renderers, inquirer, ...) the moment it runs.
    const copy = tempHome();
    for (const dir of ['bin', 'dist', 'templates'])
      cpSync(join(ROOT, dir), join(copy, dir), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
    const scriptFile = join(copy, 'dist', 'script', 'cli.js');
    const core = staticClosure('cli.js');
    let lazy = 0;
    const script = readFileSync(scriptFile, 'latin1').replace(
      /^("([\w-]+\.js)": function \(module, exports, require\) \{\n)/gm,
      (head, _, name: string) => {
        if (core.has(name)) return head;
        lazy++;
        return `${head}throw new Error('ran ${name}');\n`;
      },
    );
    expect(lazy).toBeGreaterThan(20);
    writeFileSync(scriptFile, script, 'latin1');

    const home = tempHome();
    const cacheDir = join(home, 'cache');
    const run = (bin: string, args: string[]) => {
      const r = spawnSync(process.execPath, [bin, ...args], {
        env: { ...process.env, PROSPECT_HOME: home, PROSPECT_CACHE_DIR: cacheDir },
        encoding: 'utf8',
      });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const lines = [
      ['--version'],
      ['-V'],
      ['--help'],
      ['--no-color', '--help'],
      ['help', 'status'],
      ['help', 'quota', 'set'],
      ['log', '--help'],
      ['lead', 'add', '--help'],
    ];
    for (const args of lines) {
      const expected = run(BIN, args);
      expect(expected.code, args.join(' ')).toBe(0);
      // Twice: once making the code cache, once running from it.
      expect(run(join(copy, 'bin', 'prospect.js'), args), args.join(' ')).toEqual(expected);
      expect(run(join(copy, 'bin', 'prospect.js'), args), args.join(' ')).toEqual(expected);
    }
    // The copy does fail where a lazy chunk runs: a command.
    const status = run(join(copy, 'bin', 'prospect.js'), ['status']);
    expect(status.code).toBe(1);
    expect(status.stderr).toMatch(/ran status-\w+\.js/);
  });

  it("hands prospect's own modules their built-ins as plain bindings, not through __toESM", () => {
    // scripts/build.js esmBuiltin: `import { x } from 'node:fs'` in src/ becomes one property read
    // when the chunk loads; through CommonJS, esbuild's __toESM made a getter per export of the
    // built-in (node:fs has ~100) in every importer. The lazy ones (crypto, tty, ...) stay lazy.
    const lazy = new Set(['crypto', 'child_process', 'os', 'tty']);
    let plain = 0;
    for (const file of readdirSync(DIST).filter((f) => f.endsWith('.js'))) {
      const text = readFileSync(join(DIST, file), 'utf8');
      for (const m of text.matchAll(/\/\/ builtin:node:(\w+)\?(src\/\S+)\n(.*)\n/g)) {
        const [, name, importer, line] = m as unknown as [string, string, string, string];
        if (lazy.has(name)) continue;
        expect(line, `node:${name} in ${importer}`).toMatch(
          new RegExp(`^var builtin\\d* = process\\.getBuiltinModule\\("node:${name}"\\);$`),
        );
        plain++;
      }
    }
    expect(plain).toBeGreaterThan(20);
  });
});

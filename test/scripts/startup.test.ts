// What every command pays before it does anything (issue 16, README "Performance"): the rules that
// keep `--help`, `--version` and the start of every command close to `node -e 0`. Runs the built
// CLI (npm test builds first).
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cli, ROOT, readStoreJson, tempHome } from '../helpers.js';

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

/** The chunks of the ES module build a chunk can load, statically or with import(), transitively. */
function reachable(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(join(DIST, file), 'utf8');
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']\.\/([^"']+)["']/g)) {
    reachable(m[1] as string, seen);
  }
  return seen;
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

  it('help.js holds what cli.js imports statically, cmd-<read>.js its handler too, cli.js all', () => {
    const names = (file: string) =>
      [
        ...readFileSync(join(DIST, 'script', file), 'latin1').matchAll(
          /^"([\w-]+\.js)": function \(module, exports, require\) \{$/gm,
        ),
      ].map((m) => m[1] as string);
    // The same chunks as the ES module build's, named without their content hashes (the script
    // build's import.meta.url makes other hashes for the chunks that use it).
    const unhashed = (list: Iterable<string>) =>
      [...list].map((f) => f.replace(/-[A-Z0-9]{8}\.js$/, '')).sort();
    expect(unhashed(names('help.js'))).toEqual(unhashed(staticClosure('cli.js')));
    expect(unhashed(names('cli.js'))).toEqual(
      unhashed(readdirSync(DIST).filter((f) => f.endsWith('.js'))),
    );
    expect(names('cli.js').length - names('help.js').length).toBeGreaterThan(20);
    // The reads' own scripts: help.js's chunks and all their handler's chunk can load.
    for (const command of ['status', 'streak', 'referrals', 'leads', 'funnel']) {
      const handler = new RegExp(`import\\("\\./(${command}-[A-Z0-9]{8}\\.js)"\\)`).exec(
        readFileSync(join(DIST, 'cli.js'), 'utf8'),
      )?.[1] as string;
      const own = names(`cmd-${command}.js`);
      expect(unhashed(own), command).toEqual(
        unhashed(new Set([...staticClosure('cli.js'), ...reachable(handler)])),
      );
      expect(own.length, command).toBeLessThan(names('cli.js').length - 20);
    }
  });

  it('leaves chalk out of what every run loads: it sets itself up when it loads (~0.45 ms)', () => {
    // src/paint.ts, imported by what colours its output, not src/io.ts.
    const CHALK = 'function assembleStyles(';
    for (const chunk of staticClosure('cli.js')) {
      expect(readFileSync(join(DIST, chunk), 'utf8'), chunk).not.toContain('node_modules/chalk/');
    }
    expect(readFileSync(join(DIST, 'script', 'help.js'), 'latin1')).not.toContain(CHALK);
    expect(readFileSync(join(DIST, 'script', 'cli.js'), 'latin1')).toContain(CHALK);
  });

  it('a line of flags alone (--help, --version) runs dist/script/help.js, never reading cli.js', () => {
    // A copy of the package without dist/script/cli.js: what does not need it prints the same,
    // from help.js (the code cache it leaves says so: the ES module build makes none).
    const copy = tempHome();
    for (const dir of ['bin', 'dist', 'templates'])
      cpSync(join(ROOT, dir), join(copy, dir), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
    const id = /^\/\/ prospect-build ([0-9a-f]+)\n/.exec(
      readFileSync(join(DIST, 'script', 'help.js'), 'latin1'),
    )?.[1];
    expect(readFileSync(join(DIST, 'script', 'cli.js'), 'latin1')).toMatch(
      new RegExp(`^// prospect-build ${id}\n`),
    );
    rmSync(join(copy, 'dist', 'script', 'cli.js'));

    const home = tempHome();
    const cacheDir = join(home, 'cache');
    const run = (bin: string, args: string[]) => {
      const r = spawnSync(process.execPath, [bin, ...args], {
        env: { ...process.env, PROSPECT_HOME: home, PROSPECT_CACHE_DIR: cacheDir },
        encoding: 'utf8',
      });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const copyBin = join(copy, 'bin', 'prospect.js');
    const lines = [
      ['--version'],
      ['-V'],
      ['--no-color', '--version'],
      ['--help'],
      ['-h'],
      ['--no-color', '--help'],
      ['--version', '--help'],
      ['--nope'],
    ];
    for (const args of lines) {
      const expected = run(BIN, args);
      expect(expected.code, args.join(' ')).toBe(args[0] === '--nope' ? 2 : 0);
      // Twice: once making the code cache, once running from it.
      expect(run(copyBin, args), args.join(' ')).toEqual(expected);
      expect(run(copyBin, args), args.join(' ')).toEqual(expected);
    }
    const made = readdirSync(cacheDir).filter((f) => f.includes(`-${id}-`));
    expect(made.map((f) => f.replace(/^.*-([a-z_]+)\.cache$/, '$1')).sort()).toEqual([
      '_',
      '_version',
    ]);
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

  it('finds its templates from a package folder whose path a URL must escape', () => {
    // bin/prospect.js hands the script dist/cli.js's URL (import.meta.url there): `file://` and the
    // path for plain paths, pathToFileURL's for the rest.
    const beliefs = (bin: string) => {
      const home = tempHome();
      const r = spawnSync(process.execPath, [bin, 'log', 'call', '1', '--date', '2026-11-20'], {
        env: { ...process.env, PROSPECT_HOME: home, PROSPECT_CACHE_DIR: join(home, 'cache') },
        encoding: 'utf8',
      });
      expect(r.stderr).toBe('');
      return readStoreJson(home).beliefs;
    };
    const expected = beliefs(BIN);
    expect(expected).toHaveLength(15);
    const copy = join(tempHome(), 'odd dir #1 %20 ~ caf\u00e9');
    for (const dir of ['bin', 'dist', 'templates'])
      cpSync(join(ROOT, dir), join(copy, dir), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
    expect(beliefs(join(copy, 'bin', 'prospect.js'))).toEqual(expected);
  });

  it("a command's own script that lacks a chunk the run asks for takes it from cli.js: same output", () => {
    // Not meant to happen (the build puts every chunk the handler can load in), but a script
    // missing one must cost time, never the answer.
    const copy = tempHome();
    for (const dir of ['bin', 'dist', 'templates'])
      cpSync(join(ROOT, dir), join(copy, dir), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
    const own = join(copy, 'dist', 'script', 'cmd-status.js');
    const text = readFileSync(own, 'latin1');
    const head = /^"status-[A-Z0-9]{8}\.js": function \(module, exports, require\) \{$/m.exec(text);
    expect(head).not.toBeNull();
    const start = head?.index as number;
    const end = text.indexOf('\n"', start + 1);
    writeFileSync(own, `${text.slice(0, start)}${text.slice(end + 1)}`, 'latin1');
    expect(readFileSync(own, 'latin1')).not.toMatch(/^"status-/m);

    const home = tempHome();
    expect(cli(home, ['log', 'call', '4', '--date', '2026-11-20']).code).toBe(0);
    const run = (bin: string) => {
      const r = spawnSync(process.execPath, [bin, 'status', '--date', '2026-11-20'], {
        env: { ...process.env, PROSPECT_HOME: home, PROSPECT_CACHE_DIR: join(home, 'cache') },
        encoding: 'utf8',
      });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const expected = run(BIN);
    expect(expected.code).toBe(0);
    expect(expected.stdout).toContain('call');
    rmSync(join(home, 'cache'), { recursive: true });
    expect(run(join(copy, 'bin', 'prospect.js'))).toEqual(expected);
    expect(run(join(copy, 'bin', 'prospect.js'))).toEqual(expected);
    expect(readdirSync(join(home, 'cache')).some((f) => f.endsWith('-status.cache'))).toBe(true);
  });
});

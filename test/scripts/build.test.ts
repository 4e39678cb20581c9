// What the bundle must keep true for start-up time (README "Performance"); checked on the built
// dist/ (npm test builds first). No timing here: the numbers are `npm run bench`'s job.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { cli, ROOT, readStoreJson, tempHome } from '../helpers.js';

const DIST = join(ROOT, 'dist');
const read = (file: string) => readFileSync(join(DIST, file), 'utf8');
const chunks = () => readdirSync(DIST).filter((f) => f.endsWith('.js'));

/** The chunks a module imports statically, transitively: what loads before its code runs. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = read(file);
  for (const m of text.matchAll(/(?:^|\n)import\s(?:[^;]*?\sfrom\s*)?["']\.\/([^"']+)["']/g)) {
    staticClosure(m[1] as string, seen);
  }
  return seen;
}

/** The chunk a command's lazy import() in cli.js loads, e.g. `status-AB12CD.js`. */
function commandChunk(name: string): string | undefined {
  return new RegExp(`import\\(["']\\./(${name}-[A-Z0-9]+\\.js)["']\\)`).exec(read('cli.js'))?.[1];
}

/** A line of atomically's temp-file naming (its `.tmp-<10 digits><6 hex>` suffix): marks its chunk. */
const ATOMICALLY = '(?:\\.tmp-\\d{10}[a-f0-9]{6})';
const holding = (marker: string) => chunks().filter((f) => read(f).includes(marker));

describe('the bundle', () => {
  it('bundles its dependencies: nothing is imported from node_modules at run time', () => {
    for (const file of chunks()) {
      const bare = [
        ...read(file).matchAll(/(?:^|\n)import\s(?:[^;]*?\sfrom\s*)?["']([^"'.][^"']*)["']/g),
      ]
        .map((m) => m[1] as string)
        // Node's own modules, with or without the node: prefix (inquirer's deps omit it).
        .filter((spec) => !spec.startsWith('node:') && !builtinModules.includes(spec));
      expect(bare, file).toEqual([]);
    }
  });

  it("keeps the store's writer out of --help and the read-only commands", () => {
    const writer = holding(ATOMICALLY);
    expect(writer).toHaveLength(1);
    expect(staticClosure('cli.js').has(writer[0] as string)).toBe(false);
    const reads = ['status', 'streak', 'referrals', 'affirm', 'report', 'team', 'history'];
    const found = reads.map(commandChunk).filter((c): c is string => c !== undefined);
    expect(found).toContain(commandChunk('status'));
    for (const chunk of found)
      expect(staticClosure(chunk).has(writer[0] as string), chunk).toBe(false);
  });

  it("keeps the store's code out of --help: the Ctx needs only the store's place", () => {
    for (const marker of ['// src/store/store.ts', '// node_modules/env-paths/']) {
      const chunk = holding(marker);
      expect(chunk, marker).toHaveLength(1);
      expect(staticClosure('cli.js').has(chunk[0] as string), marker).toBe(false);
    }
  });

  it('has one copy of commander, chalk and date-fns, and no ajv or semver', () => {
    expect(holding('commander.unknownCommand')).toHaveLength(1);
    expect(holding('function createChalk(')).toHaveLength(1);
    expect(holding('function startOfISOWeek(')).toHaveLength(1);
    expect(holding('schema with key or id')).toEqual([]);
    expect(holding('SEMVER_SPEC_VERSION')).toEqual([]);
  });

  it("leaves out what prospect never runs: inquirer's editor prompt (iconv-lite), chalk's colour detection", () => {
    const all = [...chunks(), 'script/cli.js', 'script/help.js'];
    const holdingAny = (marker: string) => all.filter((f) => read(f).includes(marker));
    expect(holdingAny('iconv-lite')).toEqual([]);
    // One stub in the ES module build, one in the script.
    expect(holdingAny('without its editor prompt')).toHaveLength(2);
    // chalk's supports-color asks tty.isatty(1) when it loads, which loads node:tty and net.
    expect(holdingAny('function createSupportsColor(')).toEqual([]);
  });

  it('imports date-fns functions from their subpaths only, never the barrel', () => {
    const sources = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts'),
    );
    for (const f of sources) {
      expect(readFileSync(join(ROOT, 'src', f), 'utf8'), f).not.toMatch(/from ['"]date-fns['"]/);
    }
  });

  it('takes built-ins from process.getBuiltinModule, not the ESM loader or createRequire', () => {
    for (const file of chunks()) {
      expect(read(file), file).not.toMatch(/(?:^|\n)import\s(?:[^;"']*?\sfrom\s*)?["']node:/);
      expect(read(file), file).not.toContain('createRequire');
    }
  });

  it('loads node:crypto and node:child_process only on paths that use them', () => {
    const home = tempHome();
    expect(cli(home, ['log', 'call', '2', '--date', '2026-11-20']).code).toBe(0);
    // The hook prints which built-ins the command loaded, as it exits.
    const hook = `data:text/javascript,${encodeURIComponent(
      "process.on('exit',()=>process.stderr.write(JSON.stringify(process.moduleLoadList)))",
    )}`;
    const r = cli(home, ['status', '--date', '2026-11-20'], { NODE_OPTIONS: `--import=${hook}` });
    expect(r.code).toBe(0);
    const loaded: string[] = JSON.parse(r.stderr);
    expect(loaded).toContain('NativeModule fs');
    expect(loaded).not.toContain('NativeModule crypto');
    expect(loaded).not.toContain('NativeModule child_process');
  });

  it('writes the store through the bundled writer, with no node_modules to fall back on', () => {
    // A copy of what the package ships, in a folder with no node_modules above it: if dist/ ever
    // imported atomically (or anything) from node_modules, or wrote the store some other way, one of the
    // two runs below would tell.
    const shipped = mkdtempSync(join(tmpdir(), 'prospect-shipped-'));
    onTestFinished(() => rmSync(shipped, { recursive: true, force: true }));
    for (const dir of ['bin', 'dist', 'templates'])
      cpSync(join(ROOT, dir), join(shipped, dir), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(shipped, 'package.json'));
    for (let dir = shipped; dir !== dirname(dir); dir = dirname(dir))
      expect(existsSync(join(dir, 'node_modules')), dir).toBe(false);
    const log = (home: string) =>
      spawnSync(
        process.execPath,
        [join(shipped, 'bin', 'prospect.js'), 'log', 'call', '2', '--date', '2026-11-20'],
        {
          // The ES module build, whose chunks this test breaks (the code-cache script bundles all).
          env: { ...process.env, PROSPECT_HOME: home, PROSPECT_NO_CODE_CACHE: '1' },
          encoding: 'utf8',
        },
      );

    const home = tempHome();
    const r = log(home);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readStoreJson(home).entries).toEqual([
      expect.objectContaining({ date: '2026-11-20', activity: 'call', count: 2 }),
    ]);

    // The chunk that holds atomically is the one that writes: without it, nothing is written.
    const writer = holding(ATOMICALLY);
    expect(writer).toHaveLength(1);
    writeFileSync(
      join(shipped, 'dist', writer[0] as string),
      "throw new Error('no writer here');\n",
    );
    const without = tempHome();
    const broken = log(without);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('no writer here');
    expect(existsSync(join(without, 'prospect.json'))).toBe(false);
  });
});

// The V8 code cache bin/prospect.js keeps (README "Performance", "The code cache"): it may make a
// command faster, never different, and never fail it. Runs the built CLI (npm test builds first).
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, type Result, ROOT, tempHome } from '../helpers.js';

const DAY = '2026-11-20';
const buildId = () =>
  /^\/\/ prospect-build ([0-9a-f]+)\n/.exec(
    readFileSync(join(ROOT, 'dist', 'script', 'cli.js'), 'latin1').slice(0, 64),
  )?.[1];
const cacheName = (command: string) =>
  `${process.version}-${process.arch}-${buildId()}-${command}.cache`;
const cacheFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.cache'))
    .sort();

/** A home with a few days logged, so status, streak and report have something to say. */
function seededHome(): string {
  const home = tempHome();
  for (const [day, n] of [
    ['2026-11-18', '30'],
    ['2026-11-19', '12'],
    [DAY, '7'],
  ] as const) {
    const r = cli(home, ['log', 'call', n, '--date', day], { PROSPECT_NO_CODE_CACHE: '1' });
    expect(r.code, r.stderr).toBe(0);
  }
  return home;
}

/** The same command line without any cache: what every run must print. */
const uncached = (home: string, args: string[]) => cli(home, args, { PROSPECT_NO_CODE_CACHE: '1' });
const withCache = (home: string, args: string[], dir: string, env: Record<string, string> = {}) =>
  cli(home, args, { PROSPECT_CACHE_DIR: dir, ...env });
const same = (a: Result, b: Result) => expect(a).toEqual(b);

const READS = [
  ['status', '--date', DAY],
  ['status', '--json', '--date', DAY],
  ['streak', '--date', DAY],
  ['report', '--format', 'md', '--date', DAY],
  ['--help'],
  ['--version'],
  ['nosuchcommand'],
];

describe('the code cache', () => {
  it('is written once per command, 0600 in a 0700 folder, then read: same output each time', () => {
    const home = seededHome();
    const dir = join(tempHome(), 'cache');
    for (const args of READS) {
      const expected = uncached(home, args);
      same(withCache(home, args, dir), expected);
      same(withCache(home, args, dir), expected);
    }
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    // A cache per command, one for --help, one for --version (which registers no command), none
    // for a command that failed (a typo).
    expect(cacheFiles(dir)).toEqual(
      ['_', '_version', 'report', 'status', 'streak'].map(cacheName).sort(),
    );
    for (const f of cacheFiles(dir)) expect(statSync(join(dir, f)).mode & 0o777).toBe(0o600);
    // A cache V8 accepted is not written again.
    const file = join(dir, cacheName('status'));
    const before = statSync(file).mtimeMs;
    const bytes = readFileSync(file);
    same(
      withCache(home, ['status', '--date', DAY], dir),
      uncached(home, ['status', '--date', DAY]),
    );
    expect(statSync(file).mtimeMs).toBe(before);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('a write through the cache stores the same as without it', () => {
    const a = tempHome();
    const b = tempHome();
    const dir = join(tempHome(), 'cache');
    // Entries get random ids: compared without them.
    const noIds = (text: string) => text.replace(/\b(id[": ]+)[a-z0-9]{6}\b/g, '$1-');
    for (let i = 0; i < 2; i++) {
      const args = ['log', 'email', '3', '--date', DAY];
      const [x, y] = [withCache(a, args, dir), uncached(b, args)];
      same({ ...x, stdout: noIds(x.stdout) }, { ...y, stdout: noIds(y.stdout) });
    }
    const entries = (home: string) =>
      JSON.parse(readFileSync(join(home, 'prospect.json'), 'utf8')).entries.map(
        (e: { date: string; activity: string; count: number }) => [e.date, e.activity, e.count],
      );
    expect(entries(a)).toEqual(entries(b));
    expect(entries(a)).toHaveLength(2);
    expect(cacheFiles(dir)).toEqual([cacheName('log')]);
  });

  it('a damaged cache file changes nothing: same output, exit 0, and it is replaced', () => {
    const home = seededHome();
    const dir = join(tempHome(), 'cache');
    const args = ['status', '--date', DAY];
    const expected = uncached(home, args);
    same(withCache(home, args, dir), expected);
    const file = join(dir, cacheName('status'));
    const good = readFileSync(file);
    const damaged = [
      // One flipped byte deep in the code, where V8's own header checks do not look.
      (() => {
        const b = Buffer.from(good);
        const at = Math.floor(b.length * 0.6);
        b.writeUInt8(b.readUInt8(at) ^ 0x5a, at);
        return b;
      })(),
      good.subarray(0, Math.floor(good.length / 2)),
      Buffer.alloc(0),
      Buffer.from('not a cache at all\n'),
      Buffer.alloc(good.length, 0xff),
    ];
    for (const bytes of damaged) {
      writeFileSync(file, bytes);
      same(withCache(home, args, dir), expected);
      // Rejected, so made again from this run.
      expect(readFileSync(file).equals(bytes)).toBe(false);
      expect(readFileSync(file).length).toBeGreaterThan(1000);
      same(withCache(home, args, dir), expected);
    }
  });

  it('an unusable cache folder changes nothing and is left alone', () => {
    const home = seededHome();
    const base = tempHome();
    const file = join(base, 'a-file');
    writeFileSync(file, 'x');
    const open = join(base, 'open');
    mkdirSync(open);
    chmodSync(open, 0o777);
    const real = join(base, 'real');
    mkdirSync(real, { mode: 0o700 });
    const link = join(base, 'link');
    symlinkSync(real, link);
    const cases = [join(file, 'cache'), open, link, home];
    const others = join(base, 'others');
    if (process.getuid?.() === 0) {
      // Root may write anywhere, so as root: a folder owned by another user.
      mkdirSync(others, { mode: 0o700 });
      chownSync(others, 65534, 65534);
      cases.push(others);
    }
    for (const dir of cases) {
      for (const args of [['status', '--date', DAY], ['--version']]) {
        same(withCache(home, args, dir), uncached(home, args));
      }
    }
    // Nothing written where the cache may not live: not in a folder others can write, not
    // through a link, not in PROSPECT_HOME.
    expect(readdirSync(open)).toEqual([]);
    expect(readdirSync(real)).toEqual([]);
    if (existsSync(others)) expect(readdirSync(others)).toEqual([]);
    expect(readdirSync(home)).toEqual(readdirSync(seededHome()));
  });

  it("another build's cache is never read, and is removed when this build writes its own", () => {
    const home = seededHome();
    const dir = join(tempHome(), 'cache');
    mkdirSync(dir, { mode: 0o700 });
    const args = ['streak', '--date', DAY];
    same(withCache(home, args, dir), uncached(home, args));
    const ours = join(dir, cacheName('streak'));
    // The same bytes under another build's name, and a file that is not a cache at all.
    const other = join(dir, `${process.version}-${process.arch}-0123456789abcdef-streak.cache`);
    writeFileSync(other, readFileSync(ours));
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    writeFileSync(ours, 'stale');
    same(withCache(home, args, dir), uncached(home, args));
    expect(existsSync(other)).toBe(false);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(cacheFiles(dir)).toEqual([cacheName('streak')]);
  });

  it('without PROSPECT_CACHE_DIR: the package folder, else ~/.cache or XDG_CACHE_HOME, else the temp folder', () => {
    // A copy of the package without node_modules, as after some installs.
    const pkg = tempHome();
    for (const part of ['bin', 'dist', 'templates', 'package.json']) {
      cpSync(join(ROOT, part), join(pkg, part), { recursive: true });
    }
    const bin = join(pkg, 'bin', 'prospect.js');
    const home = seededHome();
    const run = (env: Record<string, string | undefined>) => {
      const r = spawnSync(process.execPath, [bin, 'status', '--date', DAY], {
        env: { ...process.env, PROSPECT_CACHE_DIR: undefined, ...env, PROSPECT_HOME: home },
        encoding: 'utf8',
      });
      const expected = uncached(home, ['status', '--date', DAY]);
      expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual(expected);
    };
    const user = tempHome();
    run({ HOME: user, XDG_CACHE_HOME: undefined });
    expect(cacheFiles(join(user, '.cache', 'prospect'))).toEqual([cacheName('status')]);
    const xdg = tempHome();
    run({ HOME: user, XDG_CACHE_HOME: xdg });
    expect(cacheFiles(join(xdg, 'prospect'))).toEqual([cacheName('status')]);
    // No usable home: the temp folder, in a folder of this user's own.
    const tmp = tempHome();
    const notAFolder = join(tmp, 'file');
    writeFileSync(notAFolder, '');
    run({ HOME: notAFolder, XDG_CACHE_HOME: undefined, TMPDIR: tmp });
    const own = join(tmp, `prospect-${process.getuid?.()}`);
    expect(cacheFiles(own)).toEqual([cacheName('status')]);
    // With node_modules in the package: there.
    mkdirSync(join(pkg, 'node_modules'));
    run({ HOME: user });
    expect(cacheFiles(join(pkg, 'node_modules', '.cache', 'prospect'))).toEqual([
      cacheName('status'),
    ]);
    expect(existsSync(join(home, '.cache'))).toBe(false);
  });
});

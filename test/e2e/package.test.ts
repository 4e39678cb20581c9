import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ROOT, tempHome } from '../helpers.js';

describe('packaging', () => {
  it('npm pack makes a tarball that installs globally and runs from any folder', () => {
    const work = mkdtempSync(join(tmpdir(), 'prospect-pack-'));
    onTestFinished(() => rmSync(work, { recursive: true, force: true }));
    const npm = (args: string[], cwd: string) =>
      execFileSync('npm', args, {
        cwd,
        encoding: 'utf8',
        env: { ...process.env, npm_config_loglevel: 'error' },
      });

    // --ignore-scripts: `npm test` has built dist/ already, and rebuilding it here would race the
    // other test files that run the built CLI at the same time.
    npm(['pack', '--ignore-scripts', '--pack-destination', work], ROOT);
    const tarball = readdirSync(work).find((f) => /^prospect-.*\.tgz$/.test(f));
    expect(tarball).toBeDefined();
    // What a user's npm sees: the tarball's own package.json asks for nothing at install time.
    const manifest = JSON.parse(
      execFileSync('tar', ['-xOzf', join(work, tarball as string), 'package/package.json'], {
        encoding: 'utf8',
      }),
    );
    for (const field of [
      'dependencies',
      'optionalDependencies',
      'peerDependencies',
      'bundleDependencies',
      'bundledDependencies',
    ])
      expect(manifest[field], field).toBeUndefined();
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare'])
      expect(manifest.scripts?.[script], script).toBeUndefined();

    const prefix = join(work, 'global');
    const installed = spawnSync(
      'npm',
      [
        'install',
        '-g',
        '--prefix',
        prefix,
        // Nothing to fetch: the install must work without the registry.
        '--offline',
        '--no-audit',
        '--no-fund',
        join(work, tarball as string),
      ],
      { cwd: work, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'warn' } },
    );
    expect(installed.stderr).not.toMatch(/warn/i);
    expect(installed.status, installed.stderr).toBe(0);
    expect(installed.stdout).toMatch(/added 1 package\b/);
    const where = join(prefix, 'lib', 'node_modules', 'prospect');
    const shipped = ['LICENSE', 'README.md', 'bin', 'dist', 'package.json', 'templates'];
    expect(readdirSync(where).filter((f) => !shipped.includes(f))).toEqual([]);
    expect(existsSync(join(where, 'node_modules'))).toBe(false);

    const home = tempHome();
    const elsewhere = mkdtempSync(join(tmpdir(), 'prospect-cwd-'));
    onTestFinished(() => rmSync(elsewhere, { recursive: true, force: true }));
    const run = (args: string[]) =>
      spawnSync(join(prefix, 'bin', 'prospect'), args, {
        cwd: elsewhere,
        encoding: 'utf8',
        env: { ...process.env, PROSPECT_HOME: home },
      });
    expect(run(['quota', 'set', 'call', '10', '--per', 'day']).status).toBe(0);
    expect(run(['log', 'call', '4']).status).toBe(0);
    const status = run(['status', '--json']);
    expect(status.status).toBe(0);
    expect(JSON.parse(status.stdout).quotas[0]).toMatchObject({
      activity: 'call',
      done: 4,
      target: 10,
    });
  }, 180_000);
});

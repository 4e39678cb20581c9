import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, type Result, storeBytes, tempHome } from '../helpers.js';

/** The built CLI run in `home` as its working folder, with the usual umask 022. */
function inHome(home: string, args: readonly string[]): Result {
  const r = spawnSync('sh', ['-c', 'umask 022; exec "$NODE" "$BIN" "$@"', 'sh', ...args], {
    cwd: home,
    env: { ...process.env, PROSPECT_HOME: home, NODE: process.execPath, BIN },
    encoding: 'utf8',
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function seeded(): string {
  const home = tempHome();
  for (const args of [
    ['config', 'set', 'name', 'Sam Rivera'],
    ['log', 'call', '3'],
    ['client', 'add', 'Acme Dental'],
  ]) {
    const r = inHome(home, args);
    expect(r.code, r.stderr).toBe(0);
  }
  return home;
}

const mode = (file: string) => statSync(file).mode & 0o777;

describe('--out: the file name says the format, and - means stdout', () => {
  it('report --out w47.xlsx without --format is refused (exit 2) with the accepted extensions', () => {
    const home = seeded();
    const before = storeBytes(home);
    const r = inHome(home, ['report', '--out', 'w47.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('w47.xlsx');
    expect(r.stderr).toContain('.txt, .md, .csv, .json, .html or .htm');
    expect(existsSync(join(home, 'w47.xlsx'))).toBe(false);
    expect(storeBytes(home)?.equals(before as Buffer)).toBe(true);
    // team resolves its format the same way.
    expect(inHome(home, ['team', home, '--out', 'team.pdf']).code).toBe(2);
    // --format says what to write, whatever the name.
    const csv = inHome(home, ['report', '--out', 'w47.xlsx', '--format', 'csv']);
    expect(csv.code, csv.stderr).toBe(0);
  });

  it('--out - prints on stdout for report, team and export, and writes no file named -', () => {
    const home = seeded();
    const report = inHome(home, ['report', '--out', '-']);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toBe(inHome(home, ['report']).stdout);
    expect(report.stderr).toBe('');
    const json = inHome(home, ['report', '--out', '-', '--format', 'json']);
    expect(JSON.parse(json.stdout).week).toMatch(/^\d{4}-W\d\d$/);
    writeFileSync(join(home, 'rep.json'), json.stdout);
    const team = inHome(home, ['team', join(home, 'rep.json'), '--out', '-', '--format', 'json']);
    expect(team.code, team.stderr).toBe(0);
    expect(JSON.parse(team.stdout).reps).toHaveLength(1);
    const exported = inHome(home, ['export', '--out', '-']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout).store.entries).toHaveLength(1);
    const ics = inHome(home, ['referrals', '--ics', '-']);
    expect(ics.code, ics.stderr).toBe(0);
    expect(ics.stdout).toContain('BEGIN:VCALENDAR');
    expect(existsSync(join(home, '-'))).toBe(false);
  });
});

describe('files written by --out and --ics are 0600, like the store', () => {
  it('export, report, team and referrals --ics (also when --force replaces a 0644 file)', () => {
    const home = seeded();
    const files = {
      export: join(home, 'backup.json'),
      report: join(home, 'w.json'),
      team: join(home, 'team.html'),
      ics: join(home, 'asks.ics'),
    };
    expect(inHome(home, ['export', '--out', files.export]).code).toBe(0);
    expect(inHome(home, ['report', '--out', files.report]).code).toBe(0);
    expect(inHome(home, ['team', files.report, '--out', files.team]).code).toBe(0);
    expect(inHome(home, ['referrals', '--ics', files.ics]).code).toBe(0);
    for (const file of Object.values(files)) expect([file, mode(file)]).toEqual([file, 0o600]);
    const loose = join(home, 'loose.md');
    writeFileSync(loose, 'old', { mode: 0o644 });
    expect(inHome(home, ['report', '--out', loose, '--force']).code).toBe(0);
    expect(mode(loose)).toBe(0o600);
    expect(readdirSync(home).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { cli, storeBytes, storeFile, tempHome } from '../helpers.js';

/** A real, tiny file system (tmpfs, 256 KiB) to fill up; null where mounting is not allowed. */
function smallDisk(): string | null {
  const dir = tempHome();
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k,mode=0700', 'tmpfs', dir]);
  if (r.status !== 0) return null;
  onTestFinished(() => {
    spawnSync('umount', [dir]);
  });
  return dir;
}

const canMount = (() => {
  if (process.getuid?.() !== 0) return false;
  const probe = spawnSync('sh', [
    '-c',
    'd=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs "$d" && umount "$d"; s=$?; rmdir "$d"; exit $s',
  ]);
  return probe.status === 0;
})();

/** Fills the disk, leaving `spare` bytes free (whole 4 KiB pages). Returns the filler's path. */
function fill(dir: string, spare = 0): string {
  const keep = join(dir, 'spare');
  if (spare > 0) writeFileSync(keep, Buffer.alloc(spare, 1));
  const filler = join(dir, 'filler');
  const fd = openSync(filler, 'w');
  const page = Buffer.alloc(4096, 1);
  try {
    for (;;) writeSync(fd, page);
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
  } finally {
    closeSync(fd);
  }
  rmSync(keep, { force: true });
  return filler;
}

const noSpace = (home: string) =>
  `prospect: no space left on the device holding ${storeFile(home)}: nothing was written\n`;

describe.skipIf(!canMount)('a full disk (a real tmpfs; needs root to mount)', () => {
  it('the lock cannot be written: one line, exit 1, no lock left, the next write goes through at once', () => {
    const home = smallDisk() as string;
    expect(cli(home, ['log', 'call', '2']).code).toBe(0);
    const before = storeBytes(home);
    const filler = fill(home);
    const r = cli(home, ['log', 'call', '1']);
    expect(r).toEqual({ code: 1, stdout: '', stderr: noSpace(home) });
    expect(existsSync(`${storeFile(home)}.lock`)).toBe(false);
    expect(storeBytes(home)?.equals(before as Buffer)).toBe(true);
    rmSync(filler);
    const next = cli(home, ['log', 'call', '1'], { PROSPECT_LOCK_WAIT_MS: '0' });
    expect(next.code, next.stderr).toBe(0);
  });

  it('the store cannot be written (the lock could): one line, exit 1, store untouched, nothing left over', () => {
    const home = smallDisk() as string;
    // Two writes: the store and today's backup exist, so the next write only writes the store.
    expect(cli(home, ['log', 'call', '2']).code).toBe(0);
    expect(cli(home, ['log', 'call', '3']).code).toBe(0);
    const before = storeBytes(home);
    // One page left: the lock file takes it, the store's temp file finds none.
    const filler = fill(home, 4096);
    const r = cli(home, ['log', 'call', '1']);
    expect(r).toEqual({ code: 1, stdout: '', stderr: noSpace(home) });
    expect(storeBytes(home)?.equals(before as Buffer)).toBe(true);
    expect(readdirSync(home).sort()).toEqual(['backups', 'filler', 'prospect.json']);
    rmSync(filler);
    const next = cli(home, ['log', 'call', '1'], { PROSPECT_LOCK_WAIT_MS: '0' });
    expect(next.code, next.stderr).toBe(0);
  });

  it('the first write of the day cannot make its backup: one line, exit 1, store untouched', () => {
    const home = smallDisk() as string;
    expect(cli(home, ['log', 'call', '2']).code).toBe(0);
    const before = storeBytes(home);
    const filler = fill(home, 4096);
    const r = cli(home, ['log', 'call', '1']);
    expect(r).toEqual({ code: 1, stdout: '', stderr: noSpace(home) });
    expect(storeBytes(home)?.equals(before as Buffer)).toBe(true);
    expect(readdirSync(home).sort()).toEqual(['backups', 'filler', 'prospect.json']);
    // No backup cut short (an empty copy would pass for today's backup).
    expect(readdirSync(join(home, 'backups'))).toEqual([]);
    rmSync(filler);
    expect(cli(home, ['log', 'call', '1'], { PROSPECT_LOCK_WAIT_MS: '0' }).code).toBe(0);
  });

  it('report --out on a full disk: one line naming the file, exit 1, no file or temp file left', () => {
    const home = smallDisk() as string;
    expect(cli(home, ['config', 'set', 'name', 'Sam Rivera']).code).toBe(0);
    expect(cli(home, ['log', 'call', '2']).code).toBe(0);
    fill(home);
    const out = join(home, 'week.md');
    const r = cli(home, ['report', '--out', out]);
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: `prospect: no space left on the device holding ${out}: nothing was written\n`,
    });
    // backups/ holds the daily backup of the second write, made before the disk was filled.
    expect(readdirSync(home).sort()).toEqual(['backups', 'filler', 'prospect.json']);
  });
});

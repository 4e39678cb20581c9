import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  backupDir,
  backupStore,
  dailyBackup,
  KEEP_BACKUPS,
  listBackups,
} from '../../src/store/backup.js';
import {
  BIN,
  noon,
  ROOT,
  readStoreJson,
  runIn,
  storeBytes,
  storeFile,
  tempHome,
} from '../helpers.js';

const now = noon('2026-11-23');
const asNobody = { uid: 65534, gid: 65534 };

/**
 * bin/, dist/, templates/ and package.json copied into a new folder under the system's temp folder,
 * every folder 0755 and file 0644 (bin 0755): what user nobody needs to run the built CLI.
 * Returns the copy's bin/prospect.js.
 */
function readableCopyOfCli(): string {
  const dir = tempHome();
  for (const part of ['bin', 'dist', 'templates', 'package.json']) {
    if (existsSync(join(ROOT, part)))
      cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  }
  const open = (path: string) => {
    if (statSync(path).isDirectory()) {
      chmodSync(path, 0o755);
      for (const f of readdirSync(path)) open(join(path, f));
    } else chmodSync(path, path.endsWith('prospect.js') ? 0o755 : 0o644);
  };
  open(dir);
  return join(dir, 'bin', 'prospect.js');
}
const mode = (path: string) => statSync(path).mode & 0o777;

describe('privacy: file modes', () => {
  it('a new store is 0600 in a new 0700 folder, and stays so after updates', async () => {
    const home = join(tempHome(), 'new', 'profile');
    expect((await runIn(home, ['log', 'call', '1'], { now })).code).toBe(0);
    expect(mode(storeFile(home))).toBe(0o600);
    expect(mode(home)).toBe(0o700);
    expect(mode(join(home, '..'))).toBe(0o700);
    for (const args of [
      ['log', 'email', '3'],
      ['quota', 'set', 'call', '40', '--per', 'day'],
      ['undo'],
    ]) {
      expect((await runIn(home, args, { now })).code).toBe(0);
      expect(mode(storeFile(home))).toBe(0o600);
      expect(mode(home)).toBe(0o700);
    }
  });

  it('a store loosened by hand is 0600 again after the next write', async () => {
    const home = tempHome();
    await runIn(home, ['log', 'call', '1'], { now });
    chmodSync(storeFile(home), 0o644);
    expect((await runIn(home, ['log', 'call', '1'], { now })).code).toBe(0);
    expect(mode(storeFile(home))).toBe(0o600);
  });

  it('an existing folder keeps the mode its owner chose (it may be a synced folder)', async () => {
    const home = tempHome();
    chmodSync(home, 0o750);
    await runIn(home, ['log', 'call', '1'], { now });
    expect(mode(home)).toBe(0o750);
    expect(mode(storeFile(home))).toBe(0o600);
  });

  it('the first write of a day keeps a copy of the store as it was, 0600 in a 0700 folder', async () => {
    const home = tempHome();
    await runIn(home, ['log', 'call', '1'], { now });
    expect(listBackups(storeFile(home))).toEqual([]); // nothing to copy before the first write
    const first = storeBytes(home);
    await runIn(home, ['log', 'call', '2'], { now });
    await runIn(home, ['log', 'call', '3'], { now });
    const copies = listBackups(storeFile(home));
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatch(/-daily\.json$/);
    expect(storeBytes(home)).not.toEqual(first);
    expect(mode(copies[0] as string)).toBe(0o600);
    expect(mode(backupDir(storeFile(home)))).toBe(0o700);
  });
});

describe('atomic writes', () => {
  it('every write replaces the file by a rename, also under SNAP where conf would write in place', async () => {
    const home = tempHome();
    await runIn(home, ['log', 'call', '1'], { now });
    vi.stubEnv('SNAP', '/snap/prospect/1');
    for (let i = 0; i < 3; i++) {
      const before = statSync(storeFile(home)).ino;
      expect((await runIn(home, ['log', 'call', '1'], { now })).code).toBe(0);
      // A new inode: the old file was never opened for writing, so a crash cannot tear it.
      expect(statSync(storeFile(home)).ino).not.toBe(before);
    }
    expect(readStoreJson(home).entries).toHaveLength(4);
  });
});

describe('backups', () => {
  it('are written 0600 even from a looser store, never overwrite each other, and the newest 10 stay', () => {
    const home = tempHome();
    const file = storeFile(home);
    writeFileSync(file, '{"schemaVersion":1}', { mode: 0o644 });
    chmodSync(file, 0o644);
    const at = new Date('2026-11-23T08:00:00.000Z');
    const made: string[] = [];
    for (let i = 0; i < KEEP_BACKUPS + 3; i++) {
      // Two in the same millisecond each time: the second gets its own name.
      made.push(backupStore(file, 'test', new Date(at.getTime() + i * 1000)) as string);
      made.push(backupStore(file, 'test', new Date(at.getTime() + i * 1000)) as string);
    }
    expect(new Set(made).size).toBe(made.length);
    const kept = listBackups(file);
    expect(kept).toHaveLength(KEEP_BACKUPS);
    expect(kept.every((k) => mode(k) === 0o600)).toBe(true);
    // The newest are the ones kept.
    expect(kept.map((k) => k.match(/T(\d{6})/)?.[1])).toContain('080012');
    expect(kept.some((k) => k.includes('T080000'))).toBe(false);
  });

  it('a daily backup is made once per day', () => {
    const home = tempHome();
    const file = storeFile(home);
    writeFileSync(file, '{}');
    expect(dailyBackup(file, new Date('2026-11-23T08:00:00Z'))).not.toBeNull();
    expect(dailyBackup(file, new Date('2026-11-23T18:00:00Z'))).toBeNull();
    expect(dailyBackup(file, new Date('2026-11-24T08:00:00Z'))).not.toBeNull();
    expect(listBackups(file)).toHaveLength(2);
  });

  it('there is nothing to back up before the store exists', () => {
    expect(backupStore(storeFile(tempHome()), 'test')).toBeNull();
  });
});

describe('PROSPECT_HOME', () => {
  it('a missing folder: reads show an empty store and create nothing', async () => {
    const home = join(tempHome(), 'not-yet');
    const r = await runIn(home, ['history', '--json'], { now });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('[]\n');
    expect(existsSync(home)).toBe(false);
  });

  it('a missing folder: the first write creates it, a new profile', async () => {
    const home = join(tempHome(), 'work-profile');
    const r = await runIn(home, ['log', 'call', '4'], { now });
    expect(r.code, r.stderr).toBe(0);
    expect(readStoreJson(home).entries).toHaveLength(1);
  });

  it('a missing folder: a refused write leaves no folder behind', async () => {
    const parent = tempHome();
    const home = join(parent, 'new', 'profile');
    const r = await runIn(home, ['log', 'caal', '3'], { now });
    expect(r.code).toBe(2);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('a path that is a file: every command exits 1 with one line, and the file is untouched', async () => {
    const parent = tempHome();
    const home = join(parent, 'notes.txt');
    writeFileSync(home, 'my notes');
    for (const args of [['log', 'call', '1'], ['status'], ['history'], ['doctor', '--restore']]) {
      const r = await runIn(home, args, { now });
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(`${home} is`);
      expect(r.stderr).toContain('set PROSPECT_HOME to a folder');
    }
    expect(readdirSync(parent)).toEqual(['notes.txt']);
  });

  it('an unreadable folder: exit 1 with one line, nothing written', (ctx) => {
    // root reads everything, so as root the command runs as "nobody", for whom it is unreadable;
    // nobody may not be able to read this checkout (it can sit under a 0700 folder), so it runs a
    // copy of what the CLI needs, made readable by all.
    const asRoot = process.getuid?.() === 0;
    const bin = asRoot ? readableCopyOfCli() : BIN;
    if (asRoot && spawnSync(process.execPath, [bin, '--version'], asNobody).status !== 0) {
      ctx.skip(`user nobody cannot run ${process.execPath} ${bin} here`);
    }
    const parent = tempHome();
    const home = join(parent, 'locked');
    mkdirSync(home);
    writeFileSync(storeFile(home), '{}');
    chmodSync(home, 0o000);
    chmodSync(parent, 0o755);
    for (const args of [['status'], ['log', 'call', '1']]) {
      const r = spawnSync(process.execPath, [bin, ...args], {
        env: { ...process.env, PROSPECT_HOME: home },
        encoding: 'utf8',
        ...(asRoot ? asNobody : {}),
      });
      expect(r.status, r.stderr).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('permission denied');
      expect(r.stderr).toContain(home);
    }
    chmodSync(home, 0o700);
    expect(readdirSync(home)).toEqual(['prospect.json']);
    expect(storeBytes(home)?.toString()).toBe('{}');
  });
});

import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, storeFile, tempHome } from '../helpers.js';

// src/store/verdict.ts, through the built CLI: the verdict a read or a write leaves in the cache
// folder, what it skips, and that a damaged, foreign or unusable one changes no answer.
const verdicts = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.verdict'));

function seeded(): { home: string; cache: string; env: Record<string, string> } {
  const home = tempHome();
  const cache = tempHome();
  const env = { PROSPECT_CACHE_DIR: cache, PROSPECT_NO_CODE_CACHE: '1' };
  for (const args of [
    ['quota', 'set', 'call', '10', '--per', 'day'],
    ['log', 'call', '3', '--date', '2026-11-19'],
  ]) {
    expect(cli(home, args, env).code).toBe(0);
  }
  return { home, cache, env };
}

describe('the store verdict', () => {
  it('a write leaves one in the cache folder, none beside the store; the next read uses it', () => {
    const { home, cache, env } = seeded();
    expect(readdirSync(home).sort()).toEqual(['backups', 'prospect.json']);
    expect(verdicts(cache)).toHaveLength(1);
    const line = readFileSync(join(cache, verdicts(cache)[0] as string), 'utf8');
    expect(line).toMatch(/^prospect-verdict 2 build=[0-9a-f]{16} schema=\d+ dev=\d+ ino=\d+ /);
    expect(line).toContain(JSON.stringify(storeFile(home)));
    // Proof that a matching verdict skips the check: the store broken by hand (an unknown
    // activity), then the verdict made to match the file's new identity, is read as sound.
    const text = readFileSync(storeFile(home), 'utf8');
    writeFileSync(storeFile(home), text.replace('"activity":"call"', '"activity":"cal!"'));
    const refused = cli(home, ['status', '--date', '2026-11-19'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('cannot be used');
    // The refusal left no verdict for the broken file.
    const file = join(cache, verdicts(cache)[0] as string);
    expect(readFileSync(file, 'utf8')).toBe(line);
    const s = statSync(storeFile(home), { bigint: true });
    writeFileSync(
      file,
      line.replace(
        /dev=\d+ ino=\d+ size=\d+ mtime=\d+ ctime=\d+/,
        `dev=${s.dev} ino=${s.ino} size=${s.size} mtime=${s.mtimeNs} ctime=${s.ctimeNs}`,
      ),
    );
    expect(cli(home, ['status', '--date', '2026-11-19'], env).code).toBe(0);
    // The full check still refuses it.
    expect(cli(home, ['status'], { ...env, PROSPECT_NO_FAST_PATH: '1' }).code).toBe(1);
  });

  it('a damaged or foreign verdict, or none, changes no answer and is made again', () => {
    const { home, cache, env } = seeded();
    const args = ['status', '--date', '2026-11-19', '--json'];
    const expected = cli(home, args, { ...env, PROSPECT_NO_FAST_PATH: '1' });
    expect(expected.code).toBe(0);
    const file = join(cache, verdicts(cache)[0] as string);
    const good = readFileSync(file, 'utf8');
    for (const bad of [
      '',
      'garbage\n',
      good.slice(0, 20),
      good.replace(/build=[0-9a-f]+/, 'build=0000000000000000'),
      good.replace(/size=\d+/, 'size=1'),
      good.replace(/path=.*/, 'path="/elsewhere/prospect.json"'),
      `${good}${good}`,
    ]) {
      writeFileSync(file, bad);
      expect(cli(home, args, env)).toEqual(expected);
      expect(readFileSync(file, 'utf8')).toBe(good);
    }
  });

  it('PROSPECT_NO_FAST_PATH=1 neither reads nor writes one; an unusable folder gets none', () => {
    const home = tempHome();
    const cache = tempHome();
    const off = { PROSPECT_CACHE_DIR: cache, PROSPECT_NO_FAST_PATH: '1' };
    expect(cli(home, ['log', 'call', '2'], off).code).toBe(0);
    expect(cli(home, ['status'], off).code).toBe(0);
    expect(verdicts(cache)).toEqual([]);
    const open = join(cache, 'open');
    mkdirSync(open);
    chmodSync(open, 0o777);
    for (const dir of [open, home]) {
      const r = cli(home, ['status'], { PROSPECT_CACHE_DIR: dir, PROSPECT_NO_CODE_CACHE: '1' });
      expect(r.code, r.stderr).toBe(0);
      expect(verdicts(dir)).toEqual([]);
    }
    expect(readdirSync(open)).toEqual([]);
  });
});

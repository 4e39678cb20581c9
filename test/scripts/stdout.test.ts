// stdout is written with fs.writeSync(1), without building process.stdout (which loads net,
// stream and tty for a pipe: ~3 ms of a run). What a reader sees must not change: everything
// arrives whole and in order, a full disk is one line and exit 1, a closed pipe is exit 0
// (test/e2e/pipe.test.ts), and colour still follows the terminal.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateStore } from '../../bench/data.js';
import { BIN, cli, storeFile, tempHome } from '../helpers.js';

const hook = (code: string) => `data:text/javascript,${encodeURIComponent(code)}`;

describe('stdout through fs.writeSync(1)', () => {
  it('a large output through a slow pipe arrives whole (partial writes are finished)', () => {
    const home = tempHome();
    writeFileSync(storeFile(home), JSON.stringify(generateStore()), { mode: 0o600 });
    const env = { ...process.env, PROSPECT_HOME: home, NODE: process.execPath, BIN };
    const big = { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 } as const;
    const direct = spawnSync(process.execPath, [BIN, 'export'], big);
    expect(direct.status).toBe(0);
    expect(direct.stdout.length).toBeGreaterThan(1_000_000);
    // A reader that starts late, so the 64 KiB pipe fills and writes block.
    const r = spawnSync('bash', ['-c', '"$NODE" "$BIN" export | (sleep 0.3; cat)'], big);
    expect(r.status).toBe(0);
    const stamp = /"exportedAt": "[^"]*"/;
    expect(r.stdout.length).toBe(direct.stdout.length);
    expect(r.stdout.replace(stamp, '') === direct.stdout.replace(stamp, '')).toBe(true);
  });

  it('a full disk under > file: one line on stderr, exit 1', (ctx) => {
    if (!existsSync('/dev/full')) ctx.skip('no /dev/full here');
    for (const args of [['--version'], ['status'], ['--help']]) {
      const r = spawnSync('bash', ['-c', '"$NODE" "$BIN" "$@" > /dev/full', 'sh', ...args], {
        env: { ...process.env, PROSPECT_HOME: tempHome(), NODE: process.execPath, BIN },
        encoding: 'utf8',
      });
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr).toBe(
        'prospect: cannot write the output: ENOSPC: no space left on device, write\n',
      );
    }
  });

  it('--help (the program and a command) loads neither net nor tty when stdout is a pipe', () => {
    for (const args of [['--help'], ['status', '--help'], ['client', 'add', '--help']]) {
      const r = cli(tempHome(), args, {
        NODE_OPTIONS: `--import=${hook("import{writeSync}from'node:fs';process.on('exit',()=>writeSync(2,JSON.stringify(process.moduleLoadList)))")}`,
      });
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/^Usage: prospect/);
      const loaded: string[] = JSON.parse(r.stderr);
      expect(loaded, args.join(' ')).not.toContain('NativeModule net');
    }
  });

  it('--help into /dev/null (a character device, not a terminal) loads no tty', () => {
    const home = tempHome();
    const r = spawnSync('bash', ['-c', '"$NODE" "$BIN" --help > /dev/null'], {
      env: {
        ...process.env,
        PROSPECT_HOME: home,
        NODE: process.execPath,
        BIN,
        NODE_OPTIONS: `--import=${hook("import{writeSync}from'node:fs';process.on('exit',()=>writeSync(2,JSON.stringify(process.moduleLoadList)))")}`,
      },
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stderr)).not.toContain('NativeModule tty');
  });

  it('a read command loads neither net nor tty when stdout is a pipe', () => {
    const home = tempHome();
    expect(cli(home, ['log', 'call', '2', '--date', '2026-11-20']).code).toBe(0);
    const r = cli(home, ['status', '--date', '2026-11-20'], {
      NODE_OPTIONS: `--import=${hook("import{writeSync}from'node:fs';process.on('exit',()=>writeSync(2,JSON.stringify(process.moduleLoadList)))")}`,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('call');
    const loaded: string[] = JSON.parse(r.stderr);
    expect(loaded).not.toContain('NativeModule net');
    expect(loaded).not.toContain('NativeModule tty');
  });
});

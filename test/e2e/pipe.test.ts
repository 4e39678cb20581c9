import { spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateStore } from '../../bench/data.js';
import { BIN, readStoreJson, storeBytes, storeFile, tempHome } from '../helpers.js';

/** Runs the built CLI with its stdout a pipe whose reading end is closed before it starts. */
function withClosedStdout(
  home: string,
  args: string[],
): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, PROSPECT_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Closed at once: node takes tens of ms to start, so every write the command makes hits EPIPE.
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  return new Promise((done) => child.on('close', (code) => done({ code, stderr })));
}

describe('a closed pipe on stdout ends a command quietly (exit 0, as if the reader had read it all)', () => {
  it('prospect export | head -1 on a large store: no EPIPE, no stack, exit 0, store untouched', () => {
    const home = tempHome();
    writeFileSync(storeFile(home), JSON.stringify(generateStore()), { mode: 0o600 });
    const before = storeBytes(home);
    const r = spawnSync(
      'bash',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a bash variable, not a template
      ['-c', '"$NODE" "$BIN" export | head -1 >/dev/null; echo "exit=${PIPESTATUS[0]}" >&2'],
      {
        env: { ...process.env, PROSPECT_HOME: home, NODE: process.execPath, BIN },
        encoding: 'utf8',
      },
    );
    expect(r.stderr).toBe('exit=0\n');
    expect(storeBytes(home)?.equals(before as Buffer)).toBe(true);
  });

  it('prospect status into a closed pipe: exit 0 and nothing on stderr', async () => {
    const home = tempHome();
    const r = await withClosedStdout(home, ['status']);
    expect(r).toEqual({ code: 0, stderr: '' });
  });

  it('a write command (log call 1) into a closed pipe: the write is whole, the lock gone, exit 0', async () => {
    const home = tempHome();
    const r = await withClosedStdout(home, ['log', 'call', '1']);
    expect(r).toEqual({ code: 0, stderr: '' });
    expect(readStoreJson(home).entries.map((e) => [e.activity, e.count])).toEqual([['call', 1]]);
    expect(existsSync(`${storeFile(home)}.lock`)).toBe(false);
  });
});

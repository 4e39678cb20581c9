import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { BIN, cli, storeBytes, storeFile, tempHome } from '../helpers.js';

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function started(child: ChildProcess): Promise<Ended> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += d;
  });
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  return new Promise((done) =>
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr })),
  );
}

/** Waits until the CLI, paused at a step by PROSPECT_TEST_PAUSE, has created its marker file. */
async function reached(marker: string): Promise<void> {
  for (let waited = 0; !existsSync(marker); waited += 10) {
    if (waited > 15_000) throw new Error(`the command never reached ${marker}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** `log call 1` paused at `step`, interrupted with SIGINT there. */
async function interruptedAt(home: string, step: string): Promise<Ended> {
  const marker = join(home, `${step}.marker`);
  const child = spawn(process.execPath, [BIN, 'log', 'call', '1'], {
    env: { ...process.env, PROSPECT_HOME: home, PROSPECT_TEST_PAUSE: `${step}:${marker}` },
  });
  onTestFinished(() => {
    child.kill('SIGKILL');
  });
  const ended = started(child);
  await reached(marker);
  child.kill('SIGINT');
  return ended;
}

/** Files beside the store other than the store, its backups and the test's marker. */
function leftovers(home: string): string[] {
  return readdirSync(home).filter(
    (f) => f !== 'prospect.json' && f !== 'backups' && !f.endsWith('.marker'),
  );
}

describe('Ctrl-C around the commit: exit 130 means nothing was written, exit 0 that it was', () => {
  it('SIGINT before the store is renamed: nothing written, no lock left, the process ends by SIGINT (130)', async () => {
    const home = tempHome();
    expect(cli(home, ['log', 'call', '2']).code).toBe(0);
    const before = storeBytes(home);
    const r = await interruptedAt(home, 'before-commit');
    expect(r.signal).toBe('SIGINT');
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('prospect: stopped (Ctrl-C); nothing was saved\n');
    expect(storeBytes(home)?.equals(before as Buffer)).toBe(true);
    expect(leftovers(home)).toEqual([]);
    // The next write goes through at once.
    expect(cli(home, ['log', 'call', '1'], { PROSPECT_LOCK_WAIT_MS: '0' }).code).toBe(0);
  });

  it('SIGINT just after the rename: the command finishes, prints its message and exits 0', async () => {
    const home = tempHome();
    const r = await interruptedAt(home, 'after-commit');
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Logged');
    expect(r.stderr).toBe('');
    const store = JSON.parse(storeBytes(home)?.toString() ?? '{}');
    expect(store.entries.map((e: { count: number }) => e.count)).toEqual([1]);
    expect(leftovers(home)).toEqual([]);
  });

  it('Ctrl-C still stops `while prospect log call 1; do :; done` (the whole group gets SIGINT)', async () => {
    const home = tempHome();
    expect(cli(home, ['log', 'call', '2']).code).toBe(0);
    const before = storeBytes(home);
    const marker = join(home, 'loop.marker');
    const shell = spawn(
      'bash',
      ['-c', 'while "$NODE" "$BIN" log call 1; do :; done; echo "the loop went on"'],
      {
        env: {
          ...process.env,
          PROSPECT_HOME: home,
          NODE: process.execPath,
          BIN,
          PROSPECT_TEST_PAUSE: `before-commit:${marker}`,
        },
        detached: true,
      },
    );
    onTestFinished(() => {
      try {
        process.kill(-(shell.pid as number), 'SIGKILL');
      } catch {}
    });
    const ended = started(shell);
    await reached(marker);
    // What a terminal does on Ctrl-C: SIGINT to the foreground process group.
    process.kill(-(shell.pid as number), 'SIGINT');
    const r = await ended;
    expect(r.stdout).not.toContain('the loop went on');
    expect(r.signal === 'SIGINT' || r.code === 130).toBe(true);
    expect(storeBytes(home)?.equals(before as Buffer)).toBe(true);
    expect(existsSync(`${storeFile(home)}.lock`)).toBe(false);
  });
});

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProblem } from '../../src/store/schema.js';
import { BIN, cli, ROOT, storeFile, tempHome } from '../helpers.js';

interface Done {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function start(home: string, args: string[], node: string[] = []): [ChildProcess, Promise<Done>] {
  const child = spawn(process.execPath, [...node, BIN, ...args], {
    env: { ...process.env, PROSPECT_HOME: home, NO_COLOR: '1' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += d;
  });
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const done = new Promise<Done>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return [child, done];
}

/** The store as it is on disk: it must always parse and be sound. */
function soundStore(home: string) {
  const data = JSON.parse(readFileSync(storeFile(home), 'utf8'));
  expect(findProblem(data)).toBeUndefined();
  return data as { entries: { activity: string; count: number; note?: string }[] };
}

describe('concurrent writers', () => {
  it('20 `prospect log call 1` started at once end with exactly 20 calls, every time', async () => {
    const home = tempHome();
    for (let round = 1; round <= 2; round++) {
      const runs = Array.from({ length: 20 }, () => start(home, ['log', 'call', '1'])[1]);
      const results = await Promise.all(runs);
      for (const r of results) expect(r.code, r.stderr).toBe(0);
      const calls = soundStore(home).entries.filter((e) => e.activity === 'call');
      expect(calls).toHaveLength(20 * round);
    }
  }, 120_000);
});

describe('crash safety', () => {
  it('writers killed with SIGKILL at random moments: the store always parses, no acknowledged entry is lost', async () => {
    const home = tempHome();
    const acknowledged: string[] = [];
    const started: string[] = [];
    let killed = 0;
    for (let round = 0; round < 8; round++) {
      const writers = Array.from({ length: 4 }, (_, i) => {
        const note = `r${round}w${i}`;
        started.push(note);
        return { note, run: start(home, ['log', 'call', '1', '--note', note]) };
      });
      // Kill half of them somewhere between start-up and well after a write would be done; and
      // the last writer of each round, queued behind the lock of the other three, within its
      // first 30 ms, so every run kills some (a fast machine may finish before a random kill).
      for (const w of writers.filter(() => Math.random() < 0.5)) {
        const delay = Math.random() * 400;
        setTimeout(() => w.run[0].kill('SIGKILL'), delay);
      }
      const last = writers[writers.length - 1];
      setTimeout(() => last?.run[0].kill('SIGKILL'), Math.random() * 30);
      for (const w of writers) {
        const r = await w.run[1];
        if (r.code === 0) acknowledged.push(w.note);
        else if (r.signal === 'SIGKILL') killed++;
        else throw new Error(`writer ${w.note} failed: ${r.stderr}`);
      }
      const notes = soundStore(home).entries.map((e) => e.note);
      for (const note of acknowledged) expect(notes, `round ${round}`).toContain(note);
      for (const note of notes) expect(started).toContain(note);
      expect(new Set(notes).size).toBe(notes.length);
    }
    expect(killed).toBeGreaterThan(0);
    // A lock left by a killed writer is taken over at once: the next write goes through.
    const after = cli(home, ['log', 'call', '1', '--note', 'after']);
    expect(after.code, after.stderr).toBe(0);
    expect(soundStore(home).entries.map((e) => e.note)).toContain('after');
  }, 120_000);
});

describe('no network', () => {
  const preload = ['--import', join(ROOT, 'test', 'e2e', 'no-network.mjs')];
  const run = (home: string, args: string[]) =>
    spawnSync(process.execPath, [...preload, BIN, ...args], {
      env: { ...process.env, PROSPECT_HOME: home, NO_COLOR: '1' },
      encoding: 'utf8',
    });

  it('the guard works: a connection attempt ends the process with 97', () => {
    const r = spawnSync(
      process.execPath,
      [...preload, '-e', "require('node:net').connect(9, '127.0.0.1')"],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(97);
    expect(r.stderr).toContain('NETWORK USED');
  });

  it('a full run of every command opens no connection and looks up no host', () => {
    const home = tempHome();
    const commands = [
      ['--version'],
      ['--help'],
      ['config', 'set', 'name', 'Sam Rivera'],
      ['quota', 'set', 'call', '40', '--per', 'day', '--from', '2026-11-02'],
      ['activity', 'add', 'linkedin-dm'],
      ['log', 'call', '12', '--date', '2026-11-20', '--contact', 'Dana', '--source', 'referral'],
      ['log', 'linkedin-dm', '3', '--date', '2026-11-20'],
      ['off', '2026-11-26', '--reason', 'Thanksgiving'],
      ['status', '--date', '2026-11-20'],
      ['status', '--json'],
      ['streak', '--json'],
      ['history', '--json'],
      ['quota', 'list'],
      ['activity', 'list'],
      ['off', 'list'],
      ['config', 'get'],
      ['where'],
      ['undo'],
      ['doctor'],
      ['doctor', '--restore'],
      ['doctor', '--json'],
    ];
    for (const args of commands) {
      const r = run(home, args);
      expect(r.stderr, args.join(' ')).not.toContain('NETWORK USED');
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    // Error paths too: a usage error and a broken store.
    expect(run(home, ['log', 'call', 'x']).status).toBe(2);
  });

  const hasStrace = spawnSync('strace', ['-V']).status === 0;
  it.skipIf(!hasStrace)('strace: a write and a read create no internet socket', () => {
    const home = tempHome();
    for (const args of [['log', 'call', '1'], ['status']]) {
      const r = spawnSync(
        'strace',
        ['-f', '-qq', '-e', 'trace=socket,connect', process.execPath, BIN, ...args],
        { env: { ...process.env, PROSPECT_HOME: home }, encoding: 'utf8' },
      );
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/AF_INET|AF_INET6|connect\(/);
    }
  });
});

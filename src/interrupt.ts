import { closeSync, existsSync, openSync } from 'node:fs';
import { ExitError } from './errors.js';

/**
 * Ctrl-C around a store write. Outside a write, SIGINT stops prospect at once, as for any program
 * (nothing is half-done: a store is only ever replaced by a rename). From the moment a write
 * begins (before it waits for the lock) a handler holds the signal back, so the outcome is one of
 * two, never a mix:
 * - it came before the store was renamed into place: nothing is written, the lock is released and
 *   the process ends by SIGINT (exit 130; a shell loop `while prospect log ...` stops);
 * - it came after: the command finishes, prints what it did and exits 0, as the write happened.
 * Only the real process (main.ts) turns this on; commands run in-process by tests never see it.
 */
let enabled = false;
let listening = false;
let interrupted = false;
let committed = false;
let wake: (() => void) | undefined;

export class Interrupted extends ExitError {
  constructor() {
    super(130, 'stopped (Ctrl-C); nothing was saved');
  }
}

export function enableInterruptGuard(): void {
  enabled = true;
}

/** A write begins: from here SIGINT is held back until the commit decides the outcome. */
export function beginWrite(): void {
  if (!enabled || listening) return;
  listening = true;
  process.on('SIGINT', () => {
    interrupted = true;
    wake?.();
  });
}

/** Stops the write (exit 130, nothing written) when Ctrl-C came before its commit. */
export function stopIfInterrupted(): void {
  if (interrupted && !committed) throw new Interrupted();
}

/** The store has been renamed into place: the command now runs to its end. */
export function markCommitted(): void {
  committed = true;
}

/** After the run: whether the process must end by SIGINT (Ctrl-C before any commit). */
export function endBySignal(): boolean {
  return interrupted && !committed;
}

/**
 * For tests only, so that a signal lands at a known step, not by timing: with
 * PROSPECT_TEST_PAUSE=<step>:<file>, at that step (before-commit, after-commit) the process
 * creates <file> and waits (up to 10 s) for SIGINT. Does nothing otherwise.
 */
export async function testPause(step: 'before-commit' | 'after-commit'): Promise<void> {
  const pause = process.env.PROSPECT_TEST_PAUSE;
  if (!enabled || !pause?.startsWith(`${step}:`)) return;
  const file = pause.slice(step.length + 1);
  if (existsSync(file)) return;
  closeSync(openSync(file, 'w'));
  if (interrupted) return;
  await new Promise<void>((done) => {
    const timer = setTimeout(done, 10_000);
    wake = () => {
      clearTimeout(timer);
      done();
    };
  });
  wake = undefined;
}

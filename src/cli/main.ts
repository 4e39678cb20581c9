import { setFlagsFromString } from 'node:v8';
import { enableInterruptGuard, endBySignal } from '../interrupt.js';
import { outputFailed, processIo } from '../io.js';
import { run } from './run.js';

// A run lasts ~100 ms. V8's optimising compiler (TurboFan) starts compiling the hot loops (store
// checks, streak sweeps) on background threads, and its code arrives too late to pay off, while
// the jobs take a core away from the run and Node waits for them before it exits: 20-30 ms of a
// status run on a 5-year store (README "Performance"). Without it, code runs in V8's interpreter
// and baseline compiler, which is faster for a run this short.
setFlagsFromString('--no-opt');

enableInterruptGuard();
// No top-level await: the same entry is also built as a classic script (scripts/build.js).
void run(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code === 0 && outputFailed() ? 1 : code;
  if (endBySignal()) {
    // Ctrl-C before the commit: end by the signal itself (exit 130), so a shell loop stops too.
    process.removeAllListeners('SIGINT');
    process.kill(process.pid, 'SIGINT');
  }
});

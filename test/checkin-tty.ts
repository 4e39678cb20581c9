import { spawn, spawnSync } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { BIN } from './helpers.js';

/** One exchange with the check-in: wait until the screen shows `expect`, then press `keys`. */
export interface Step {
  expect: RegExp;
  /** Each string is one keystroke (Enter is '\r', Ctrl-C '\x03', arrow down '\x1b[B'). */
  keys: string[];
}

export interface TtyResult {
  code: number | null;
  /** Everything the terminal showed, without colours or cursor movements. */
  screen: string;
  keystrokes: number;
}

const HOW_TO_GET_SCRIPT =
  "these tests drive the check-in through a pseudo-terminal with util-linux's `script`: install it (Debian/Ubuntu: apt-get install bsdutils; Fedora: dnf install util-linux-script; .ci/run does this)";

/** Throws, saying what to install, unless util-linux `script` is on the PATH. */
export function requireScript(): void {
  const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
  if (probe.error || !`${probe.stdout}${probe.stderr}`.includes('util-linux')) {
    throw new Error(HOW_TO_GET_SCRIPT);
  }
}

const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
const plainText = (raw: string) => stripVTControlCharacters(raw).replaceAll('\r', '');

/**
 * Runs the built CLI in a pseudo-terminal (util-linux `script`), answering prompt after prompt
 * as a person would: it waits for each prompt to show before typing, so no keystroke lands
 * on the wrong question. Waits are bounded so a missing prompt fails the test instead of hanging.
 */
export async function driveTty(
  home: string,
  args: readonly string[],
  steps: readonly Step[],
  waitMs = 15_000,
): Promise<TtyResult> {
  requireScript();
  const command = `stty cols 120 rows 50 2>/dev/null; exec ${[process.execPath, BIN, ...args].map(quote).join(' ')}`;
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    env: { ...process.env, PROSPECT_HOME: home, NO_COLOR: '1', TERM: 'xterm' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let raw = '';
  let notify = () => {};
  child.stdout.on('data', (chunk: Buffer) => {
    raw += chunk.toString('utf8');
    notify();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    raw += chunk.toString('utf8');
    notify();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => resolve(code)),
  );
  let ended = false;
  void exited.then(() => {
    ended = true;
    notify();
  });

  const waitFor = (pattern: RegExp, from: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        notify = () => {};
        reject(
          new Error(`no ${pattern} on the screen; it showed:\n${plainText(raw).slice(-1500)}`),
        );
      }, waitMs);
      notify = () => {
        if (pattern.test(plainText(raw.slice(from)))) {
          clearTimeout(timer);
          notify = () => {};
          resolve();
        } else if (ended) {
          clearTimeout(timer);
          notify = () => {};
          reject(new Error(`exited before ${pattern}; it showed:\n${plainText(raw).slice(-1500)}`));
        }
      };
      notify();
    });

  let keystrokes = 0;
  let mark = 0;
  try {
    for (const step of steps) {
      await waitFor(step.expect, mark);
      mark = raw.length;
      for (const key of step.keys) {
        child.stdin.write(key);
        keystrokes++;
      }
    }
    const code = await Promise.race([
      exited,
      new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Error(`still running; it showed:\n${plainText(raw).slice(-1500)}`)),
          waitMs,
        ),
      ),
    ]);
    return { code, screen: plainText(raw), keystrokes };
  } finally {
    child.stdin.end();
    if (!ended) child.kill('SIGKILL');
  }
}

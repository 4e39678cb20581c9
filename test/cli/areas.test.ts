// A run registers only the commands it needs (src/cli/program.ts areasFor, AREA_COMMANDS): what
// it prints must be what the program with every command prints.
import type { CommandUnknownOpts as Command } from '@commander-js/extra-typings';
import { CommanderError } from '@commander-js/extra-typings';
import { describe, expect, it } from 'vitest';
import { helpWithoutStdoutStream } from '../../src/cli/help-output.js';
import { AREA_COMMANDS, areasFor, buildProgram, commanderExitCode } from '../../src/cli/program.js';
import { run } from '../../src/cli/run.js';
import { ExitError } from '../../src/errors.js';
import type { Io } from '../../src/io.js';

/** An Io that keeps what is written; a fixed clock, no store (PROSPECT_HOME points nowhere). */
function recordingIo() {
  const out = { stdout: '', stderr: '' };
  const io: Io = {
    stdout: (t) => {
      out.stdout += t;
    },
    stderr: (t) => {
      out.stderr += t;
    },
    stdoutIsTTY: false,
    stdinIsTTY: false,
    env: { PROSPECT_HOME: '/nonexistent/prospect-areas-test' },
    now: () => new Date(2026, 10, 20, 9, 0),
  };
  return { io, out };
}

const names = (cmd: Command) => cmd.commands.flatMap((c) => [c.name(), ...c.aliases()]).sort();

function commandPaths(cmd: Command, prefix: string[] = []): string[][] {
  return cmd.commands.flatMap((sub) => {
    const path = [...prefix, sub.name()];
    return [path, ...commandPaths(sub, path)];
  });
}

/** What a command line prints with the program that has every command (run() before areasFor). */
async function withEveryCommand(args: string[]) {
  const { io, out } = recordingIo();
  const program = buildProgram(io);
  helpWithoutStdoutStream(program, io);
  let code = 0;
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (error) {
    if (error instanceof ExitError) {
      io.stderr(`prospect: ${error.message}\n`);
      code = error.code;
    } else {
      if (!(error instanceof CommanderError)) throw error;
      code = commanderExitCode(error);
    }
  }
  return { code, ...out };
}

async function withRun(args: string[]) {
  const { io, out } = recordingIo();
  const code = await run(args, io);
  return { code, ...out };
}

describe('registering only the commands a run needs', () => {
  const every = buildProgram(recordingIo().io);

  it("AREA_COMMANDS lists exactly each area's top-level commands, and every command but help's", () => {
    for (const [area, listed] of AREA_COMMANDS) {
      expect(areasFor([listed[0] as string])).toEqual([area]);
      expect(names(buildProgram(recordingIo().io, [listed[0] as string]))).toEqual(
        [...listed].sort(),
      );
    }
    const listed = [...AREA_COMMANDS.values()].flat();
    expect(new Set(listed).size).toBe(listed.length);
    expect(names(every)).toEqual([...listed, 'help', 'completion', '__complete'].sort());
  });

  it('registers one area for its command, none for a version request, all for the rest', () => {
    const all = areasFor();
    expect(all.length).toBe(AREA_COMMANDS.size + 1);
    const status = areasFor(['status']);
    expect(status).toHaveLength(1);
    expect(areasFor(['--no-color', 'status', '--json'])).toEqual(status);
    expect(areasFor(['streak', '--help'])).toEqual(status);
    expect(areasFor(['--version'])).toEqual([]);
    expect(areasFor(['-V'])).toEqual([]);
    expect(areasFor(['--no-color', '--version'])).toEqual([]);
    for (const args of [
      [],
      ['--help'],
      ['-h'],
      ['--version', '--help'],
      ['-V', 'status'],
      ['--help', 'status'],
      ['--', 'status'],
      ['statsu'],
      ['help', 'status'],
      ['completion', 'bash'],
      ['__complete', '--', 'st'],
      ['--nope', 'status'],
    ])
      expect(areasFor(args), args.join(' ')).toEqual(all);
  });

  it('prints what the program with every command prints: every help, version, usage errors', async () => {
    const lines = [
      ['--version'],
      ['-V'],
      ['--no-color', '--version'],
      ['--help'],
      ['help'],
      ['statsu'],
      ['status', '--nope'],
      ['quota', 'sett'],
      ['quota'],
      ['log'],
      ['lead', 'add'],
      ['help', 'quota', 'set'],
      ['help', 'quota', 'sett'],
      ...commandPaths(every).map((path) => [...path, '--help']),
    ];
    expect(lines.length).toBeGreaterThan(50);
    for (const args of lines) {
      expect(await withRun(args), args.join(' ')).toEqual(await withEveryCommand(args));
    }
  });
});

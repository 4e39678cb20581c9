import { CommanderError } from '@commander-js/extra-typings';
import { ExitError, isNoSpace, printable } from '../errors.js';
import type { Io } from '../io.js';
import { helpWithoutStdoutStream } from './help-output.js';
import { buildProgram, commanderExitCode } from './program.js';

/** Runs one command line and returns its exit code; never throws, never calls process.exit. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  // A bare `prospect` (or `prospect --no-color`) shows the dashboard.
  const args = argv.every((a) => a === '--no-color') ? [...argv, 'status'] : [...argv];
  const program = buildProgram(io, args);
  helpWithoutStdoutStream(program, io);
  try {
    await program.parseAsync(args, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return commanderExitCode(error);
    if (error instanceof ExitError) {
      io.stderr(`prospect: ${printable(error.message)}\n`);
      return error.code;
    }
    if (isNoSpace(error)) {
      // A write no command foresaw: still one line, and what it began was taken away by its finally.
      const where = (error as NodeJS.ErrnoException).path;
      io.stderr(
        `prospect: no space left on the device${where ? ` holding ${printable(where)}` : ''}: nothing was written\n`,
      );
      return 1;
    }
    if ((error as { name?: string }).name === 'ExitPromptError') {
      io.stderr('prospect: stopped; nothing was saved\n');
      return 130;
    }
    io.stderr(
      `prospect: unexpected error: ${(error as Error)?.stack ?? String(error)}\nNothing was saved. Please report this with the command you ran.\n`,
    );
    return 1;
  }
}

import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import type { Io } from '../io.js';

/**
 * Commander asks `process.stdout.isTTY` for the help's width and colours (its default
 * getOutHelpWidth and getOutHasColors). Touching process.stdout builds the stream, which for a
 * pipe or file loads net and stream: ~2-3 ms of a `--help` whose text goes through io.stdout
 * anyway (README "Performance"). These ask io.stdoutIsTTY first and give commander's own answer
 * when stdout is a terminal, or colour is forced (FORCE_COLOR, CLICOLOR_FORCE), so the help is
 * the same. Every command has its own output settings (copied when it is created), so all are set.
 */
export function helpWithoutStdoutStream(program: CommandUnknownOpts, io: Io): void {
  const forced = io.env.FORCE_COLOR !== undefined || io.env.CLICOLOR_FORCE !== undefined;
  const visit = (command: CommandUnknownOpts) => {
    const { getOutHelpWidth, getOutHasColors } = command.configureOutput();
    command.configureOutput({
      // Undefined, as commander's own gives for a pipe: it then wraps at 80 columns.
      getOutHelpWidth: () => (io.stdoutIsTTY ? getOutHelpWidth?.() : undefined) as number,
      getOutHasColors: () => (io.stdoutIsTTY || forced ? (getOutHasColors?.() ?? false) : false),
    });
    for (const sub of command.commands) visit(sub);
  };
  visit(program);
}

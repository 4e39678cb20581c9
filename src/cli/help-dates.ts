import type { CommandUnknownOpts as Command } from '@commander-js/extra-typings';
import { DATE_WORDS_HELP } from '../domain/dates.js';

/** True for an option or argument that takes a date (its placeholder is `YYYY-MM-DD`). */
export const isDateOption = (flagsOrName: string): boolean => flagsOrName.includes('YYYY-MM-DD');

/**
 * Says in the help of every command with a date option or argument which values it takes, so the
 * help cannot miss one (a command added later with a `<YYYY-MM-DD>` option gets the line too).
 */
export function explainDateWords(command: Command): void {
  const dated =
    command.options.some((o) => isDateOption(o.flags)) ||
    command.registeredArguments.some((a) => isDateOption(a.name()));
  if (dated) command.addHelpText('after', `\nDates: ${DATE_WORDS_HELP}.`);
  for (const sub of command.commands) explainDateWords(sub);
}

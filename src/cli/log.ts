import { type CommandUnknownOpts, Option } from '@commander-js/extra-typings';
import { type Area, dateOpt, example } from './kit.js';

/** Each handler module, imported only when one of its commands runs. */
const load = {
  log: () => import('../commands/log.js'),
};

/** log, history, undo, rm. */
export function register(program: CommandUnknownOpts, { act }: Area): void {
  example(
    program
      .command('log')
      .description('add prospecting activity to a day (default today)')
      .argument('<activity>', 'call, email, social, meeting, ... (plurals work: calls)')
      .argument('[count]', 'how many, a whole number from 1 to 10000', '1')
      .addOption(dateOpt())
      .option('--time <HH:MM>', 'when it happened (default: now for today, none for another day)')
      .option('--note <text>', 'a note for this entry')
      .option('--contact <name>', 'who it was with')
      .option(
        '--source <source>',
        'where the lead came from: self, referral, marketing, event or other',
      )
      .action(act(load.log, 'log')),
    '  $ prospect log call 12\n  $ prospect log email 5 --date 2026-11-20\n  $ prospect log meeting --contact "Dana Lee" --source marketing',
  );
  example(
    program
      .command('history')
      .description(
        'the activity log with entry ids, oldest first (default: the last 30 days; --json: all)',
      )
      .option('--from <YYYY-MM-DD>', 'first day to list')
      .option('--to <YYYY-MM-DD>', 'last day to list')
      .option('--last <n>', 'only the n most recent entries')
      .addOption(
        new Option(
          '--date <YYYY-MM-DD>',
          'as of this day: nothing dated later is listed (default: today)',
        ),
      )
      .addOption(
        new Option(
          '--json',
          'print one JSON array of the entries (all up to --date, unless --from, --to or --last narrow it)',
        ),
      )
      .action(act(load.log, 'history')),
    '  $ prospect history\n  $ prospect history --last 20\n  $ prospect history --from 2026-11-01 --to 2026-11-20\n  $ prospect history --json',
  );
  example(
    program
      .command('undo')
      .description('remove the entry added last (with --date: the last one added for that day)')
      .addOption(dateOpt())
      .action(act(load.log, 'undo')),
    '  $ prospect undo\n  $ prospect undo --date 2026-11-20',
  );
  example(
    program
      .command('rm')
      .description('remove one entry of the log by its id (see: prospect history)')
      .argument('<id>')
      .action(act(load.log, 'rm')),
    '  $ prospect rm k3x9a2',
  );
}

import { type CommandUnknownOpts, Option } from '@commander-js/extra-typings';
import { type Area, example, fromParent } from './kit.js';

/** Each handler module, imported only when one of its commands runs. */
const load = {
  off: () => import('../commands/off.js'),
};

/** off (days off). */
export function register(program: CommandUnknownOpts, { act, ctx }: Area): void {
  const off = program
    .command('off')
    .description(
      'mark days off (vacation, holidays, sick days): they neither count nor break a streak',
    )
    .argument('<YYYY-MM-DD>', 'the (first) day off')
    .option('--to <YYYY-MM-DD>', 'the last day off of a range')
    .option('--reason <text>', 'why, for your own record')
    .action(act(load.off, 'offAdd'));
  example(
    off,
    '  $ prospect off 2026-12-24 --to 2027-01-01 --reason holidays\n  $ prospect off list\n  $ prospect off rm 2026-12-24',
  );
  example(
    off
      .command('list')
      .description('the days off: consecutive days with the same reason as one range')
      .addOption(new Option('--json', 'print one JSON array, one object per day'))
      .action(act(load.off, 'offList')),
    '  $ prospect off list\n  $ prospect off list --json',
  );
  example(
    off
      .command('rm')
      .description('unmark a day off, or with --to every day off in a range')
      .argument('<YYYY-MM-DD>', 'the (first) day')
      .option('--to <YYYY-MM-DD>', 'the last day of a range')
      // commander hands a --to after `off rm` to `off`, which has one too.
      .action(async (day, opts, cmd) => {
        const { offRm } = await load.off();
        await offRm(ctx(), day, fromParent(opts, cmd, ['to']));
      }),
    '  $ prospect off rm 2026-12-24\n  $ prospect off rm 2026-12-24 --to 2027-01-01',
  );
}

import { type CommandUnknownOpts, Option } from '@commander-js/extra-typings';
import { type Area, dateOpt, example, jsonOpt } from './kit.js';

/** Each handler module, imported only when one of its commands runs. */
const load = {
  quota: () => import('../commands/quota.js'),
};

/** quota. */
export function register(program: CommandUnknownOpts, { act }: Area): void {
  const quota = program.command('quota').description('set, end and list prospecting quotas');
  example(
    quota,
    '  $ prospect quota set call 40 --per day\n  $ prospect quota rm social\n  $ prospect quota list',
  );
  example(
    quota
      .command('set')
      .description('set a target for an activity; it applies from --from (default today) on')
      .argument(
        '<activity>',
        'call, email, social, meeting, referral-ask, ... (see: prospect activity list)',
      )
      .argument('<n>', 'the target, a whole number from 1 to 10000')
      .addOption(new Option('--per <period>', 'day, week, month or quarter').makeOptionMandatory())
      .option('--from <YYYY-MM-DD>', 'first day the target applies (default: today)')
      .action(act(load.quota, 'quotaSet')),
    '  $ prospect quota set call 40 --per day\n  $ prospect quota set meeting 5 --per week --from 2026-11-02',
  );
  example(
    quota
      .command('rm')
      .description(
        'end the quota on an activity from --from (default today) on; earlier days keep it',
      )
      .argument('<activity>')
      .option('--from <YYYY-MM-DD>', 'first day without the quota (default: today)')
      .action(act(load.quota, 'quotaRm')),
    '  $ prospect quota rm social',
  );
  example(
    quota
      .command('list')
      .description('the quotas in force')
      .addOption(dateOpt())
      .addOption(jsonOpt())
      .action(act(load.quota, 'quotaList')),
    '  $ prospect quota list\n  $ prospect quota list --json',
  );
  example(
    quota
      .command('suggest')
      .description('a target per activity from your own last complete weeks (nothing is changed)')
      .option('--weeks <n>', 'how many complete weeks to learn from (default: 12)')
      .addOption(dateOpt())
      .addOption(jsonOpt())
      .action(act(load.quota, 'quotaSuggest')),
    '  $ prospect quota suggest\n  $ prospect quota suggest --weeks 8 --json',
  );
}

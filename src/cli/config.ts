import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { type Area, example, jsonOpt } from './kit.js';

/** Each handler module, imported only when one of its commands runs. */
const load = {
  config: () => import('../commands/config.js'),
};

/** config, where. */
export function register(program: CommandUnknownOpts, { act }: Area): void {
  const config = program
    .command('config')
    .description(
      'settings: name, workdays, referral.cadenceDays, referral.firstAskAfterDays, lead.followUpDays, prospectFirstBefore',
    );
  example(config, '  $ prospect config get\n  $ prospect config set workdays mon,tue,wed,thu,fri');
  example(
    config
      .command('get')
      .description('print one setting, or all of them')
      .argument('[key]')
      .addOption(jsonOpt())
      .option('--date <YYYY-MM-DD>', 'as of this day (default: today): the workdays in force then')
      .action(act(load.config, 'configGet')),
    '  $ prospect config get workdays\n  $ prospect config get',
  );
  example(
    config
      .command('set')
      .description('change a setting')
      .argument('<key>')
      .argument('<value>')
      .option(
        '--from <YYYY-MM-DD>',
        'workdays only: from this day on (default: today); days before keep theirs',
      )
      .action(act(load.config, 'configSet')),
    '  $ prospect config set name "Sam Rivera"\n  $ prospect config set workdays mon,tue,wed,thu\n  $ prospect config set workdays mon,tue,wed,thu,fri,sat --from 2026-12-01\n  $ prospect config set referral.cadenceDays 60',
  );
  example(
    program
      .command('where')
      .description("print the store's file path")
      .action(act(load.config, 'where')),
    '  $ prospect where\n  $ PROSPECT_HOME=~/prospect-work prospect where',
  );
}

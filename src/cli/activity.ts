import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { type Area, example, jsonOpt } from './kit.js';

/** Each handler module, imported only when one of its commands runs. */
const load = {
  activity: () => import('../commands/activity.js'),
};

/** activity. */
export function register(program: CommandUnknownOpts, { act }: Area): void {
  const activity = program.command('activity').description('the activities you can log');
  example(activity, '  $ prospect activity list\n  $ prospect activity add linkedin-dm');
  example(
    activity
      .command('add')
      .description('define an activity of your own (lower-case letters, digits and hyphens)')
      .argument('<name>')
      .action(act(load.activity, 'activityAdd')),
    '  $ prospect activity add linkedin-dm',
  );
  example(
    activity
      .command('list')
      .description('built-in and your own activities')
      .addOption(jsonOpt())
      .action(act(load.activity, 'activityList')),
    '  $ prospect activity list',
  );
}

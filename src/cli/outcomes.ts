import { type CommandUnknownOpts, Option } from '@commander-js/extra-typings';
import { type Area, dateOpt, example, jsonOpt } from './kit.js';

/** Each handler module, imported only when one of its commands runs. */
const load = {
  funnel: () => import('../commands/funnel.js'),
  plan: () => import('../commands/plan.js'),
};

/** funnel, plan (issue 13). */
export function register(program: CommandUnknownOpts, { act }: Area): void {
  example(
    program
      .command('funnel')
      .description('counts and conversion ratios: calls to conversations to meetings to held')
      .option('--from <YYYY-MM-DD>', 'first day (default: 90 days before --to)')
      .option('--to <YYYY-MM-DD>', 'last day (default: the as-of day)')
      .addOption(dateOpt())
      .addOption(jsonOpt())
      .action(act(load.funnel, 'funnel')),
    '  $ prospect funnel\n  $ prospect funnel --from 2026-10-01 --to 2026-10-31 --json',
  );
  example(
    program
      .command('plan')
      .description('what an outcome target takes a day, at your own ratios (prints quota commands)')
      .argument('<meeting|meeting-held>', 'meetings booked or meetings held')
      .argument('<n>', 'the target, a whole number')
      .addOption(new Option('--per <period>', 'week, month or quarter').makeOptionMandatory())
      .addOption(dateOpt())
      .addOption(jsonOpt())
      .action(act(load.plan, 'plan')),
    '  $ prospect plan meeting 12 --per month\n  $ prospect plan meeting-held 3 --per week --json',
  );
}

import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { type Area, dateOpt, example, jsonOpt } from './kit.js';

/** Each handler module, imported only when one of its commands runs. */
const load = {
  status: () => import('../commands/status.js'),
  streak: () => import('../commands/streak.js'),
};

/** status, streak. */
export function register(program: CommandUnknownOpts, { act }: Area): void {
  example(
    program
      .command('status')
      .description('the dashboard: progress and pace per quota, streak, referral asks, affirmation')
      .addOption(dateOpt())
      .addOption(jsonOpt())
      .option('--short', 'one line for a shell prompt or status bar')
      .action(act(load.status, 'status')),
    '  $ prospect status\n  $ prospect status --date 2026-11-20 --json\n  $ prospect status --short',
  );
  example(
    program
      .command('streak')
      .description('daily, weekly and per-activity streaks, with a calendar heatmap')
      .addOption(dateOpt())
      .addOption(jsonOpt())
      .action(act(load.streak, 'streak')),
    '  $ prospect streak\n  $ prospect streak --json',
  );
}

import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { type Area, dateOpt, example, jsonOpt } from './kit.js';

/** Each handler module, imported only when one of its commands runs. */
const load = {
  affirm: () => import('../commands/affirm.js'),
  belief: () => import('../commands/belief.js'),
  checkin: () => import('../commands/checkin.js'),
};

/** belief, affirm, checkin (issue 5). */
export function register(program: CommandUnknownOpts, { act }: Area): void {
  const belief = program
    .command('belief')
    .description('self-limiting beliefs and the affirmations you turn them into');
  example(
    belief,
    '  $ prospect belief list\n  $ prospect belief add "Referrals feel pushy" --reframe "Happy clients like to help" --tag referral-ask',
  );
  example(
    belief
      .command('add')
      .description('add a belief and its reframe; in a terminal, without --reframe, it asks')
      .argument('<belief>', 'the belief, in your own words')
      .option('--reframe <text>', 'the affirmation it becomes (needed outside a terminal)')
      .option('--tag <activity>', 'the activity it is about: call, email, referral-ask, ...')
      .action(act(load.belief, 'beliefAdd')),
    '  $ prospect belief add "Nobody answers the phone any more" --reframe "Every dial is practice, and the next one answers" --tag call\n  $ prospect belief add "I hate networking events"',
  );
  example(
    belief
      .command('list')
      .description('the beliefs with their ids, affirmations and tags')
      .addOption(jsonOpt())
      .action(act(load.belief, 'beliefList')),
    '  $ prospect belief list\n  $ prospect belief list --json',
  );
  example(
    belief
      .command('rm')
      .description('remove a belief by its id; a removed default stays removed')
      .argument('<id>')
      .action(act(load.belief, 'beliefRm')),
    '  $ prospect belief rm gatekeepers',
  );
  example(
    program
      .command('affirm')
      .description('the affirmation of the day: a new belief each day, all of them before repeats')
      .addOption(dateOpt())
      .addOption(jsonOpt())
      .action(act(load.affirm, 'affirm')),
    '  $ prospect affirm\n  $ prospect affirm --date 2026-11-20 --json',
  );
  example(
    program
      .command('checkin')
      .description(
        "the one-minute daily check-in: affirmation, the day's totals, referral asks, noes, summary",
      )
      .addOption(dateOpt())
      .action(act(load.checkin, 'checkin')),
    '  $ prospect checkin\n  $ prospect checkin --date 2026-11-20   # catch up on a missed day',
  );
}

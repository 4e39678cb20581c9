import { type CommandUnknownOpts, Option } from '@commander-js/extra-typings';
import { type Area, dateOpt, example, fromParent, jsonOpt } from './kit.js';

/** Each handler module, imported only when one of its commands runs. */
const load = {
  ask: () => import('../commands/ask.js'),
  client: () => import('../commands/client.js'),
  referrals: () => import('../commands/referrals.js'),
};

/** client and ask. */
function registerClients(program: CommandUnknownOpts, { act }: Area): void {
  const client = program
    .command('client')
    .description('the clients to ask for referrals, and the results they got');
  example(
    client,
    '  $ prospect client add "Bright Smiles" --since 2026-06-02\n  $ prospect client win "Acme Dental" --note "cut no-shows by 30%"\n  $ prospect client list',
  );
  example(
    client
      .command('add')
      .description('add a client to ask for referrals')
      .argument('<name>', 'as you call them; quote names with spaces')
      .option('--since <YYYY-MM-DD>', 'when they became a client (default: today)')
      .option('--every <days>', 'ask this client every N days (default: referral.cadenceDays)')
      .action(act(load.client, 'clientAdd')),
    '  $ prospect client add "Bright Smiles" --since 2026-06-02\n  $ prospect client add "Café Zoë" --every 60',
  );
  example(
    client
      .command('list')
      .description('the clients, their wins, last ask and next ask')
      .addOption(dateOpt())
      .addOption(jsonOpt())
      .action(act(load.client, 'clientList')),
    '  $ prospect client list\n  $ prospect client list --json',
  );
  example(
    client
      .command('rm')
      .description('remove a client (its asks stay in the activity log)')
      .argument('<name>')
      .action(act(load.client, 'clientRm')),
    '  $ prospect client rm "Acme Dental"',
  );
  example(
    client
      .command('win')
      .description('record a measurable result the client got: the best moment to ask')
      .argument('<name>')
      .addOption(dateOpt())
      .option('--note <text>', 'what they got, for your own record')
      .action(act(load.client, 'clientWin')),
    '  $ prospect client win "Acme Dental" --note "no-shows down 30%"\n  $ prospect client win "acme dental" --date 2026-11-10',
  );
  example(
    program
      .command('ask')
      .description(
        'record a referral ask (also logs one referral-ask, and with intro one referral)',
      )
      .argument('<client>', 'the client asked (see: prospect client list)')
      .addOption(dateOpt())
      .option('--time <HH:MM>', 'when you asked (default: now for today, none for another day)')
      .option('--outcome <outcome>', 'intro, later or declined')
      .option('--note <text>', 'a note for this ask')
      .action(act(load.ask, 'ask')),
    '  $ prospect ask "Acme Dental" --outcome intro --note "Dana at Bright Smiles"\n  $ prospect ask "acme dental" --outcome later --date 2026-11-20',
  );
}

/** referrals, and referrals snooze. */
function registerReferrals(program: CommandUnknownOpts, { act, ctx }: Area): void {
  const referrals = program
    .command('referrals')
    .description('the referral asks due, and those coming due in the next 14 days')
    .addOption(dateOpt())
    .addOption(jsonOpt())
    .option('--ics <file>', 'also write them as an iCalendar file (- for stdout)')
    .option('--force', 'let --ics replace an existing file')
    .action(act(load.referrals, 'referrals'));
  example(
    referrals,
    '  $ prospect referrals\n  $ prospect referrals --date 2026-11-20 --json\n  $ prospect referrals --ics asks.ics\n  $ prospect referrals snooze "Acme Dental" --until 2026-12-01',
  );
  const snooze = referrals
    .command('snooze')
    .description('hide a client from the asks due until a later day')
    .argument('<client>')
    .addOption(
      new Option('--until <YYYY-MM-DD>', 'the first day to show it again').makeOptionMandatory(),
    )
    .addOption(dateOpt())
    // commander hands a --date after `referrals snooze` to `referrals`, which has one too.
    .action(async (name, opts, cmd) => {
      const { referralsSnooze } = await load.referrals();
      await referralsSnooze(ctx(), name, fromParent(opts, cmd, ['date']));
    });
  example(snooze, '  $ prospect referrals snooze "Acme Dental" --until 2026-12-01');
}

/** client, ask, referrals (issue 4). */
export function register(program: CommandUnknownOpts, area: Area): void {
  registerClients(program, area);
  registerReferrals(program, area);
}

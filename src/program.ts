import { Command, type CommanderError, Option } from 'commander';
import { today } from './domain/dates.js';
import { nearest } from './domain/suggest.js';
import { printable, usage } from './errors.js';
import { explainDateWords } from './help-dates.js';
import { colorEnabled, type Io } from './io.js';
import { safeIo } from './safe-text.js';

/** What every command gets: the streams, whether to colour, and today's local date. */
export interface Ctx {
  io: Io;
  color: boolean;
  today: string;
}

type Action = (ctx: Ctx, ...args: never[]) => Promise<void> | void;

/**
 * Each command's module, imported only when one of its commands runs, so `--help` and every other
 * command load none of its code (esbuild puts each in a chunk of its own).
 */
const COMMANDS = {
  activity: () => import('./commands/activity.js'),
  affirm: () => import('./commands/affirm.js'),
  ask: () => import('./commands/ask.js'),
  belief: () => import('./commands/belief.js'),
  checkin: () => import('./commands/checkin.js'),
  client: () => import('./commands/client.js'),
  completion: () => import('./commands/completion.js'),
  config: () => import('./commands/config.js'),
  doctor: () => import('./commands/doctor.js'),
  export: () => import('./commands/export.js'),
  funnel: () => import('./commands/funnel.js'),
  import: () => import('./commands/import.js'),
  lead: () => import('./commands/lead.js'),
  leads: () => import('./commands/leads.js'),
  log: () => import('./commands/log.js'),
  off: () => import('./commands/off.js'),
  plan: () => import('./commands/plan.js'),
  quota: () => import('./commands/quota.js'),
  referrals: () => import('./commands/referrals.js'),
  report: () => import('./commands/report.js'),
  status: () => import('./commands/status.js'),
  streak: () => import('./commands/streak.js'),
  team: () => import('./commands/team.js'),
};
type Loaded<K extends keyof typeof COMMANDS> = Awaited<ReturnType<(typeof COMMANDS)[K]>>;

/** One commander program per run (and per test), with every command registered and lazily loaded. */
export function buildProgram(io: Io): Command {
  const program = new Command('prospect');
  const ctx = (): Ctx => {
    const color = colorEnabled(io, program.opts().color !== false);
    // Every command writes through safeIo: no user or file text reaches the terminal raw.
    return { io: safeIo(io, color), color, today: today(io.now()) };
  };
  /** Loads a command's module only when it runs, so `--help` and other commands stay fast. */
  /** An action that loads its command's module only when it runs. */
  const act =
    <K extends keyof typeof COMMANDS>(module: K, name: keyof Loaded<K> & string) =>
    async (...args: unknown[]) => {
      const loaded = (await COMMANDS[module]()) as Loaded<K>;
      const action = loaded[name] as unknown as Action;
      // commander passes the positional arguments, then the options, then the command itself.
      await action(ctx(), ...(args.slice(0, -1) as never[]));
    };

  program
    .description('A prospecting coach for salespeople: quotas, pace, streaks and referral asks.')
    .version(PACKAGE_VERSION, '-V, --version')
    .option('--no-color', 'no colour in the output (also: NO_COLOR=1, TERM=dumb, or a pipe)')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      // Usage errors are one line: fold commander's "(Did you mean x?)" into it.
      outputError: (s, write) => write(`${oneLine(s)}\n`),
    })
    .addHelpText(
      'after',
      `
Every morning:  prospect checkin      (or: prospect log call 12, then prospect status)
Examples:
  $ prospect quota set call 40 --per day
  $ prospect log call 12 --note "follow up with Dana"
  $ prospect log meeting --source marketing --date 2026-11-20
  $ prospect status
Store: prospect where   (PROSPECT_HOME=<dir> moves it)`,
    );

  const example = (cmd: Command, lines: string) =>
    cmd.addHelpText('after', `\nExamples:\n${lines}`);
  const dateOpt = () => new Option('--date <YYYY-MM-DD>', 'the day (default: today)');
  const jsonOpt = () => new Option('--json', 'print one JSON document');

  // quota
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
      .action(act('quota', 'quotaSet')),
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
      .action(act('quota', 'quotaRm')),
    '  $ prospect quota rm social',
  );
  example(
    quota
      .command('list')
      .description('the quotas in force')
      .addOption(dateOpt())
      .addOption(jsonOpt())
      .action(act('quota', 'quotaList')),
    '  $ prospect quota list\n  $ prospect quota list --json',
  );
  example(
    quota
      .command('suggest')
      .description('a target per activity from your own last complete weeks (nothing is changed)')
      .option('--weeks <n>', 'how many complete weeks to learn from (default: 12)')
      .addOption(dateOpt())
      .addOption(jsonOpt())
      .action(act('quota', 'quotaSuggest')),
    '  $ prospect quota suggest\n  $ prospect quota suggest --weeks 8 --json',
  );

  // the activity log
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
      .action(act('log', 'log')),
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
      .action(act('log', 'history')),
    '  $ prospect history\n  $ prospect history --last 20\n  $ prospect history --from 2026-11-01 --to 2026-11-20\n  $ prospect history --json',
  );
  example(
    program
      .command('undo')
      .description('remove the entry added last (with --date: the last one added for that day)')
      .addOption(dateOpt())
      .action(act('log', 'undo')),
    '  $ prospect undo\n  $ prospect undo --date 2026-11-20',
  );
  example(
    program
      .command('rm')
      .description('remove one entry of the log by its id (see: prospect history)')
      .argument('<id>')
      .action(act('log', 'rm')),
    '  $ prospect rm k3x9a2',
  );

  // reading
  example(
    program
      .command('status')
      .description('the dashboard: progress and pace per quota, streak, referral asks, affirmation')
      .addOption(dateOpt())
      .addOption(jsonOpt())
      .option('--short', 'one line for a shell prompt or status bar')
      .action(act('status', 'status')),
    '  $ prospect status\n  $ prospect status --date 2026-11-20 --json\n  $ prospect status --short',
  );
  example(
    program
      .command('streak')
      .description('daily, weekly and per-activity streaks, with a calendar heatmap')
      .addOption(dateOpt())
      .addOption(jsonOpt())
      .action(act('streak', 'streak')),
    '  $ prospect streak\n  $ prospect streak --json',
  );

  // days off
  const off = program
    .command('off')
    .description(
      'mark days off (vacation, holidays, sick days): they neither count nor break a streak',
    )
    .argument('<YYYY-MM-DD>', 'the (first) day off')
    .option('--to <YYYY-MM-DD>', 'the last day off of a range')
    .option('--reason <text>', 'why, for your own record')
    .action(act('off', 'offAdd'));
  example(
    off,
    '  $ prospect off 2026-12-24 --to 2027-01-01 --reason holidays\n  $ prospect off list\n  $ prospect off rm 2026-12-24',
  );
  example(
    off
      .command('list')
      .description('the days off: consecutive days with the same reason as one range')
      .addOption(new Option('--json', 'print one JSON array, one object per day'))
      .action(act('off', 'offList')),
    '  $ prospect off list\n  $ prospect off list --json',
  );
  example(
    off
      .command('rm')
      .description('unmark a day off, or with --to every day off in a range')
      .argument('<YYYY-MM-DD>', 'the (first) day')
      .option('--to <YYYY-MM-DD>', 'the last day of a range')
      // commander hands a --to after `off rm` to `off`, which has one too.
      .action(async (day: string, opts: { to?: string }, cmd: Command) => {
        const { offRm } = await COMMANDS.off();
        const to = opts.to ?? (cmd.parent?.opts() as { to?: string } | undefined)?.to;
        await offRm(ctx(), day, { to });
      }),
    '  $ prospect off rm 2026-12-24\n  $ prospect off rm 2026-12-24 --to 2027-01-01',
  );

  // activities
  const activity = program.command('activity').description('the activities you can log');
  example(activity, '  $ prospect activity list\n  $ prospect activity add linkedin-dm');
  example(
    activity
      .command('add')
      .description('define an activity of your own (lower-case letters, digits and hyphens)')
      .argument('<name>')
      .action(act('activity', 'activityAdd')),
    '  $ prospect activity add linkedin-dm',
  );
  example(
    activity
      .command('list')
      .description('built-in and your own activities')
      .addOption(jsonOpt())
      .action(act('activity', 'activityList')),
    '  $ prospect activity list',
  );

  // settings
  const config = program
    .command('config')
    .description(
      'settings: name, workdays, referral.cadenceDays, referral.firstAskAfterDays, prospectFirstBefore',
    );
  example(config, '  $ prospect config get\n  $ prospect config set workdays mon,tue,wed,thu,fri');
  example(
    config
      .command('get')
      .description('print one setting, or all of them')
      .argument('[key]')
      .addOption(jsonOpt())
      .option('--date <YYYY-MM-DD>', 'as of this day (default: today): the workdays in force then')
      .action(act('config', 'configGet')),
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
      .action(act('config', 'configSet')),
    '  $ prospect config set name "Sam Rivera"\n  $ prospect config set workdays mon,tue,wed,thu\n  $ prospect config set workdays mon,tue,wed,thu,fri,sat --from 2026-12-01\n  $ prospect config set referral.cadenceDays 60',
  );
  example(
    program
      .command('where')
      .description("print the store's file path")
      .action(act('config', 'where')),
    '  $ prospect where\n  $ PROSPECT_HOME=~/prospect-work prospect where',
  );

  // -- referrals: client, ask, referrals (issue 4) --
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
      .action(act('client', 'clientAdd')),
    '  $ prospect client add "Bright Smiles" --since 2026-06-02\n  $ prospect client add "Café Zoë" --every 60',
  );
  example(
    client
      .command('list')
      .description('the clients, their wins, last ask and next ask')
      .addOption(dateOpt())
      .addOption(jsonOpt())
      .action(act('client', 'clientList')),
    '  $ prospect client list\n  $ prospect client list --json',
  );
  example(
    client
      .command('rm')
      .description('remove a client (its asks stay in the activity log)')
      .argument('<name>')
      .action(act('client', 'clientRm')),
    '  $ prospect client rm "Acme Dental"',
  );
  example(
    client
      .command('win')
      .description('record a measurable result the client got: the best moment to ask')
      .argument('<name>')
      .addOption(dateOpt())
      .option('--note <text>', 'what they got, for your own record')
      .action(act('client', 'clientWin')),
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
      .action(act('ask', 'ask')),
    '  $ prospect ask "Acme Dental" --outcome intro --note "Dana at Bright Smiles"\n  $ prospect ask "acme dental" --outcome later --date 2026-11-20',
  );
  const referrals = program
    .command('referrals')
    .description('the referral asks due, and those coming due in the next 14 days')
    .addOption(dateOpt())
    .addOption(jsonOpt())
    .option('--ics <file>', 'also write them as an iCalendar file (- for stdout)')
    .option('--force', 'let --ics replace an existing file')
    .action(act('referrals', 'referrals'));
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
    .action(async (name: string, opts: { until: string; date?: string }, cmd: Command) => {
      const { referralsSnooze } = await COMMANDS.referrals();
      const date = opts.date ?? (cmd.parent?.opts() as { date?: string } | undefined)?.date;
      await referralsSnooze(ctx(), name, { ...opts, date });
    });
  example(snooze, '  $ prospect referrals snooze "Acme Dental" --until 2026-12-01');

  // -- beliefs and the daily check-in: belief, affirm, checkin (issue 5) --
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
      .action(act('belief', 'beliefAdd')),
    '  $ prospect belief add "Nobody answers the phone any more" --reframe "Every dial is practice, and the next one answers" --tag call\n  $ prospect belief add "I hate networking events"',
  );
  example(
    belief
      .command('list')
      .description('the beliefs with their ids, affirmations and tags')
      .addOption(jsonOpt())
      .action(act('belief', 'beliefList')),
    '  $ prospect belief list\n  $ prospect belief list --json',
  );
  example(
    belief
      .command('rm')
      .description('remove a belief by its id; a removed default stays removed')
      .argument('<id>')
      .action(act('belief', 'beliefRm')),
    '  $ prospect belief rm gatekeepers',
  );
  example(
    program
      .command('affirm')
      .description('the affirmation of the day: a new belief each day, all of them before repeats')
      .addOption(dateOpt())
      .addOption(jsonOpt())
      .action(act('affirm', 'affirm')),
    '  $ prospect affirm\n  $ prospect affirm --date 2026-11-20 --json',
  );
  example(
    program
      .command('checkin')
      .description(
        "the one-minute daily check-in: affirmation, the day's totals, referral asks, noes, summary",
      )
      .addOption(dateOpt())
      .action(act('checkin', 'checkin')),
    '  $ prospect checkin\n  $ prospect checkin --date 2026-11-20   # catch up on a missed day',
  );

  // -- coaching: report, team, export, import (issue 6) --
  const formatOpt = () =>
    new Option('--format <format>', 'text, md, csv, json or html (default: text, or from --out)');
  const outOpt = () =>
    new Option('--out <file>', 'write to this file (atomically, mode 0600; - for stdout)');
  const forceOpt = () => new Option('--force', 'let --out overwrite a file that exists');
  const beliefsOpt = () =>
    new Option(
      '--include-beliefs',
      'include your beliefs and affirmations (personal: left out unless you say so)',
    );
  example(
    program
      .command('report')
      .description("one week's activity report for your coach: grid, targets, pace, streak, asks")
      .option('--week <week>', 'an ISO week (2026-W47), this or last (default: this)')
      .option('--weeks <n>', 'a trend: the n weeks (2 to 52) ending with --week')
      .option('--month <month>', 'a month (2026-11), this or last, monthly quotas included')
      .option('--quarter <quarter>', 'a quarter (2026-Q4), this or last, all quotas that fit')
      .option('--date <YYYY-MM-DD>', 'as of this day: nothing dated later counts (default: today)')
      .addOption(formatOpt())
      .addOption(jsonOpt())
      .addOption(outOpt())
      .addOption(forceOpt())
      .addOption(beliefsOpt())
      .action(act('report', 'report')),
    '  $ prospect report\n  $ prospect report --week last --format md\n  $ prospect report --week 2026-W47 --out week47.html\n  $ prospect report --week 2026-W47 --format json --out sam-2026-W47.json\n  $ prospect report --weeks 12 --out trend.html\n  $ prospect report --quarter this --format md',
  );
  example(
    program
      .command('team')
      .description(
        "a coach's roll-up of reps' JSON weekly reports of one week, or of their lead reports",
      )
      .argument('<file|dir...>', 'JSON reports (prospect report --format json), or folders of them')
      .addOption(formatOpt())
      .addOption(jsonOpt())
      .addOption(outOpt())
      .addOption(forceOpt())
      .addOption(beliefsOpt())
      .action(act('team', 'team')),
    '  $ prospect team reports/2026-W47/\n  $ prospect team sam.json alex.json --format html --out team-W47.html',
  );
  example(
    program
      .command('export')
      .description('the whole store as one versioned JSON document (your own backup)')
      .option('--format <format>', 'json (the backup, default) or csv (the log as one tidy table)')
      .addOption(outOpt())
      .addOption(forceOpt())
      .action(act('export', 'exportStore')),
    '  $ prospect export --out prospect-backup.json\n  $ prospect export > prospect-backup.json\n  $ prospect export --format csv --out log.csv',
  );
  example(
    program
      .command('import')
      .description('merge an export into this store by entry id (importing twice changes nothing)')
      .argument('<file>', "a file made by 'prospect export'")
      .option('--replace', 'replace the store with the file instead (a backup is kept)')
      .action(act('import', 'importStore')),
    '  $ prospect import prospect-backup.json\n  $ prospect import prospect-backup.json --replace',
  );

  // -- store care: doctor (issue 8) --
  example(
    program
      .command('doctor')
      .description(
        'check the store (is it sound, who can read it, backups) and restore a backup if it is broken',
      )
      .option(
        '--restore',
        'put the newest usable backup in place of a broken store (a copy of the broken one is kept)',
      )
      .addOption(jsonOpt())
      .action(act('doctor', 'doctor')),
    '  $ prospect doctor\n  $ prospect doctor --restore\n  $ prospect doctor --json',
  );

  // -- outcomes: funnel, plan (issue 13) --
  example(
    program
      .command('funnel')
      .description('counts and conversion ratios: calls to conversations to meetings to held')
      .option('--from <YYYY-MM-DD>', 'first day (default: 90 days before --to)')
      .option('--to <YYYY-MM-DD>', 'last day (default: the as-of day)')
      .addOption(dateOpt())
      .addOption(jsonOpt())
      .action(act('funnel', 'funnel')),
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
      .action(act('plan', 'plan')),
    '  $ prospect plan meeting 12 --per month\n  $ prospect plan meeting-held 3 --per week --json',
  );

  // Commander's own help command shows `quota` for `help quota set`: this one follows the path.
  program.helpCommand(false);
  program
    .command('help')
    .description('show the help of a command, nested ones too: prospect help quota set')
    .argument('[command...]', 'the command, for example: quota set')
    .action((names: string[]) => helpFor(program, names).help());

  // shell completion: the script asks the hidden __complete, which reads this program's commands
  example(
    program
      .command('completion')
      .description(
        'print a completion script for bash, zsh or fish (commands, options, activities, clients)',
      )
      .argument('<shell>', 'bash, zsh or fish')
      .addHelpText(
        'after',
        '\nbash: source <(prospect completion bash)   in ~/.bashrc\nzsh:  source <(prospect completion zsh)    in ~/.zshrc, after compinit\nfish: prospect completion fish > ~/.config/fish/completions/prospect.fish',
      )
      .action(act('completion', 'completionScript')),
    '  $ prospect completion bash\n  $ prospect completion zsh',
  );
  example(
    program
      .command('__complete', { hidden: true })
      .description(
        'the candidates for the last word of a command line, one a line (for the scripts)',
      )
      .argument('[words...]', 'the words after prospect, the one being completed last')
      .action(async (words: string[]) =>
        (await COMMANDS.completion()).complete(ctx(), program, words),
      ),
    '  $ prospect __complete -- log ca',
  );

  // -- leads and the feedback report for marketing (issue 14) --
  const timeOpt = () =>
    new Option('--time <HH:MM>', 'when, 24-hour local time (default: now for today, else none)');
  const lead = program
    .command('lead')
    .description('leads to work: add, import a list, move them on (contacted ... won/lost)');
  example(
    lead,
    '  $ prospect lead import webinar.csv --source marketing --campaign nov-webinar\n  $ prospect lead contacted "Dana Lee" --time 09:40\n  $ prospect lead rejected "Dana Lee" --reason no-budget',
  );
  example(
    lead
      .command('add')
      .description('add a lead (source: self, referral, marketing, event or other)')
      .argument('<name>', 'the person, as you call them; quote names with spaces')
      .option('--company <name>', 'their company')
      .option('--email <address>', 'their email (never shown in reports)')
      .option('--source <source>', 'self (default), referral, marketing, event or other')
      .option('--campaign <name>', 'the campaign it came from')
      .addOption(dateOpt())
      .addOption(timeOpt())
      .option('--note <text>', 'a note')
      .action(act('lead', 'leadAdd')),
    '  $ prospect lead add "Jo Park" --company "Bright Smiles" --source marketing --campaign nov-webinar --time 08:15',
  );
  example(
    lead
      .command('import')
      .description('add the leads of a CSV list (header row: name, company, email, campaign, note)')
      .argument('<file.csv>')
      .option('--source <source>', 'self, referral, marketing, event or other (required)')
      .option('--campaign <name>', 'the campaign, for rows without a campaign column')
      .addOption(dateOpt())
      .addOption(timeOpt())
      .action(act('lead', 'leadImport')),
    '  $ prospect lead import webinar.csv --source marketing --campaign nov-webinar',
  );
  for (const stage of ['contacted', 'accepted', 'rejected', 'meeting', 'won', 'lost'] as const) {
    const cmd = lead
      .command(stage)
      .description(
        stage === 'meeting'
          ? 'the lead booked a meeting (also logs one meeting with its source)'
          : stage === 'rejected' || stage === 'lost'
            ? `the lead is ${stage} (needs --reason; closes it)`
            : stage === 'won'
              ? 'the lead became a customer (closes it)'
              : `the lead is ${stage}`,
      )
      .argument('<name>', 'the lead (name or id)')
      .addOption(dateOpt())
      .addOption(timeOpt())
      .option(
        '--reason <reason>',
        'not-decision-maker, no-budget, no-need, bad-data, existing-customer, competitor, no-response, timing, other',
      )
      .option('--note <text>', 'details')
      .action(async (name: string, opts: Record<string, string>) => {
        const { leadMove } = await COMMANDS.lead();
        await leadMove(ctx(), stage, name, opts);
      });
    example(
      cmd,
      `  $ prospect lead ${stage} "Dana Lee"${stage === 'lost' || stage === 'rejected' ? ' --reason no-budget' : ''}`,
    );
  }
  example(
    lead
      .command('reopen')
      .description('reopen a won, lost or rejected lead')
      .argument('<name>')
      .addOption(dateOpt())
      .addOption(timeOpt())
      .option('--note <text>', 'why')
      .action(act('lead', 'leadReopen')),
    '  $ prospect lead reopen "Lee Park"',
  );
  example(
    lead
      .command('rm')
      .description('remove a lead (meetings it logged stay in the log)')
      .argument('<name>')
      .action(act('lead', 'leadRm')),
    '  $ prospect lead rm "Dana Lee"',
  );
  const leads = program
    .command('leads')
    .description('open leads, the ones due first (never contacted, then follow-ups)')
    .addOption(dateOpt())
    .option('--source <source>', 'only leads from this source')
    .option('--all', 'closed leads too')
    .addOption(jsonOpt())
    .action(act('leads', 'leads'));
  example(
    leads,
    '  $ prospect leads\n  $ prospect leads --source marketing --json\n  $ prospect leads report --format md',
  );
  example(
    leads
      .command('report')
      .description('how the leads worked out, per source and campaign: the feedback for marketing')
      .option('--from <YYYY-MM-DD>', 'first day received (default: 30 days before --to)')
      .option('--to <YYYY-MM-DD>', 'last day received (default: the as-of day)')
      .addOption(dateOpt())
      .option('--source <source>', 'only leads from this source')
      .addOption(formatOpt())
      .addOption(jsonOpt())
      .addOption(outOpt())
      .addOption(forceOpt())
      // commander hands --date, --source and --json after `leads report` to `leads`, which has them too.
      .action(async (opts: Record<string, unknown>, cmd: Command) => {
        const { leadsReport } = await COMMANDS.leads();
        const parent = (cmd.parent?.opts() ?? {}) as Record<string, unknown>;
        await leadsReport(ctx(), {
          ...opts,
          date: opts.date ?? parent.date,
          source: opts.source ?? parent.source,
          json: opts.json ?? parent.json,
        } as never);
      }),
    '  $ prospect leads report --format md\n  $ prospect leads report --from 2026-11-01 --out leads-nov.html',
  );

  explainDateWords(program);
  return program;
}

/** The command a path of names leads to (`['quota', 'set']`), or exit 2 naming the near miss. */
function helpFor(program: Command, names: readonly string[]): Command {
  let cmd = program;
  for (const [i, name] of names.entries()) {
    const sub = cmd.commands.find((c) => c.name() === name || c.aliases().includes(name));
    if (sub === undefined) {
      const guess = nearest(
        name,
        cmd.commands.map((c) => c.name()),
      );
      const path = ['prospect', ...names.slice(0, i)].join(' ');
      usage(
        `unknown command '${names.slice(0, i + 1).join(' ')}'${guess ? `: did you mean '${guess}'?` : ''} see '${path} --help'`,
      );
    }
    cmd = sub;
  }
  return cmd;
}

declare const PACKAGE_VERSION: string;

function oneLine(message: string): string {
  const line = message
    .trim()
    .replace(/^error: /, 'prospect: ')
    .replace(/\s*\n\s*\(Did you mean (.*)\?\)$/, ' (did you mean $1?)')
    .replace(/\s*\n\s*/g, ' ');
  return printable(line);
}

/**
 * Commander's own exits: `--help` and `--version` are success; everything else (an unknown command
 * or option, a missing argument, a command group run without its subcommand) is a usage error.
 */
export function commanderExitCode(error: CommanderError): number {
  return error.exitCode === 0 ? 0 : 2;
}

import { type CommandUnknownOpts, Option } from '@commander-js/extra-typings';
import { type Area, example, forceOpt, formatOpt, jsonOpt, outOpt } from './kit.js';

/** Each handler module, imported only when one of its commands runs. */
const load = {
  doctor: () => import('../commands/doctor.js'),
  export: () => import('../commands/export.js'),
  import: () => import('../commands/import.js'),
  report: () => import('../commands/report/index.js'),
  team: () => import('../commands/team/index.js'),
};

/** report, team, export, import (issue 6), doctor (issue 8). */
export function register(program: CommandUnknownOpts, { act }: Area): void {
  const beliefsOpt = () =>
    new Option(
      '--include-beliefs',
      'include your beliefs and affirmations (personal: left out unless you say so)',
    );
  example(
    program
      .command('report')
      .description(
        "one rep's report for a coach: a week (grid, targets, pace, streak, asks), --weeks N trend, --month or --quarter",
      )
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
      .action(act(load.report, 'report')),
    '  $ prospect report\n  $ prospect report --week last --format md\n  $ prospect report --week 2026-W47 --out week47.html\n  $ prospect report --week 2026-W47 --format json --out sam-2026-W47.json\n  $ prospect report --weeks 12 --out trend.html\n  $ prospect report --quarter this --format md',
  );
  example(
    program
      .command('team')
      .description(
        "a coach's roll-up of reps' JSON reports: one week, several weeks (a trend), or lead reports",
      )
      .argument('<file|dir...>', 'JSON reports (prospect report --format json), or folders of them')
      .addOption(formatOpt())
      .addOption(jsonOpt())
      .addOption(outOpt())
      .addOption(forceOpt())
      .addOption(beliefsOpt())
      .action(act(load.team, 'team')),
    '  $ prospect team reports/2026-W47/\n  $ prospect team sam.json alex.json --format html --out team-W47.html',
  );
  example(
    program
      .command('export')
      .description('the whole store as one versioned JSON document (your own backup)')
      .option('--format <format>', 'json (the backup, default) or csv (the log as one tidy table)')
      .addOption(outOpt())
      .addOption(forceOpt())
      .action(act(load.export, 'exportStore')),
    '  $ prospect export --out prospect-backup.json\n  $ prospect export > prospect-backup.json\n  $ prospect export --format csv --out log.csv',
  );
  example(
    program
      .command('import')
      .description('merge an export into this store by entry id (importing twice changes nothing)')
      .argument('<file>', "a file made by 'prospect export'")
      .option('--replace', 'replace the store with the file instead (a backup is kept)')
      .action(act(load.import, 'importStore')),
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
      .action(act(load.doctor, 'doctor')),
    '  $ prospect doctor\n  $ prospect doctor --restore\n  $ prospect doctor --json',
  );
}

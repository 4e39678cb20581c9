import { Command, type CommanderError, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { type Ctx, makeCtx } from '../context.js';
import { printable } from '../errors.js';
import type { Io } from '../io.js';
import * as activity from './activity.js';
import * as beliefs from './beliefs.js';
import * as config from './config.js';
import * as help from './help.js';
import { explainDateWords } from './help-dates.js';
import { makeArea } from './kit.js';
import * as leads from './leads.js';
import * as log from './log.js';
import * as off from './off.js';
import * as outcomes from './outcomes.js';
import * as quota from './quota.js';
import * as referrals from './referrals.js';
import * as reports from './reports.js';
import * as status from './status.js';

/** The areas, in the order their commands appear in `prospect --help`. */
const AREAS = [
  quota,
  log,
  status,
  off,
  activity,
  config,
  referrals,
  leads,
  beliefs,
  reports,
  outcomes,
  help,
];

/**
 * The top-level commands (names and aliases) of each area. A run registers only the area of the
 * command it runs: registering all of them cost ~2 ms of every command. A command line that names
 * no area's command (`--help`, a typo that wants a did-you-mean) or wants every command (`help`,
 * `completion`, `__complete`) gets all areas; a version request (`--version`, `-V`) gets none, and
 * commander answers it as ever. test/cli/areas.test.ts checks this list against the areas.
 */
export const AREA_COMMANDS = new Map<(typeof AREAS)[number], readonly string[]>([
  [quota, ['quota']],
  [log, ['log', 'history', 'undo', 'rm']],
  [status, ['status', 'streak']],
  [off, ['off']],
  [activity, ['activity']],
  [config, ['config', 'where']],
  [referrals, ['client', 'ask', 'referrals']],
  [leads, ['lead', 'leads']],
  [beliefs, ['belief', 'affirm', 'checkin']],
  [reports, ['report', 'team', 'export', 'import', 'doctor']],
  [outcomes, ['funnel', 'plan']],
]);

const VERSION_FLAGS = new Set(['--version', '-V']);

/** The areas a command line needs (see AREA_COMMANDS); all of them without one. */
export function areasFor(args?: readonly string[]): readonly (typeof AREAS)[number][] {
  if (args === undefined) return AREAS;
  const at = args.findIndex((a) => !a.startsWith('-'));
  const flags = at === -1 ? args : args.slice(0, at);
  if (!flags.every((a) => a === '--no-color' || (at === -1 && VERSION_FLAGS.has(a)))) return AREAS;
  if (at === -1) return flags.some((a) => VERSION_FLAGS.has(a)) ? [] : AREAS;
  const name = args[at] as string;
  const owners = AREAS.filter((area) => AREA_COMMANDS.get(area)?.includes(name));
  return owners.length === 1 ? owners : AREAS;
}

/**
 * One commander program per run (and per test), with every command registered and lazily loaded;
 * given the run's arguments, only the commands it needs (areasFor).
 */
export function buildProgram(io: Io, args?: readonly string[]): CommandUnknownOpts {
  const program = new Command('prospect');
  let built: Ctx | undefined;
  const ctx = (): Ctx => {
    built ??= makeCtx(io, (program.opts() as { color?: boolean }).color !== false);
    return built;
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

  const area = makeArea(ctx);
  for (const { register } of areasFor(args)) register(program, area);

  explainDateWords(program);
  return program;
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

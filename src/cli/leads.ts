import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import {
  type Area,
  dateOpt,
  example,
  forceOpt,
  formatOpt,
  fromParent,
  jsonOpt,
  outOpt,
  timeOpt,
} from './kit.js';

/** Each handler module, imported only when one of its commands runs. */
const load = {
  lead: () => import('../commands/lead.js'),
  leads: () => import('../commands/leads.js'),
};

/** lead: add, import, move on, reopen, rm. */
function registerLead(program: CommandUnknownOpts, { act, ctx }: Area): void {
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
      .action(act(load.lead, 'leadAdd')),
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
      .action(act(load.lead, 'leadImport')),
    '  $ prospect lead import webinar.csv --source marketing --campaign nov-webinar',
  );
  registerStages(lead, ctx);
  example(
    lead
      .command('reopen')
      .description('reopen a won, lost or rejected lead')
      .argument('<name>')
      .addOption(dateOpt())
      .addOption(timeOpt())
      .option('--note <text>', 'why')
      .action(act(load.lead, 'leadReopen')),
    '  $ prospect lead reopen "Lee Park"',
  );
  example(
    lead
      .command('rm')
      .description('remove a lead (meetings it logged stay in the log)')
      .argument('<name>')
      .action(act(load.lead, 'leadRm')),
    '  $ prospect lead rm "Dana Lee"',
  );
}

/** lead contacted|accepted|rejected|meeting|won|lost: one command per stage. */
function registerStages(lead: CommandUnknownOpts, ctx: Area['ctx']): void {
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
      .action(async (name, opts) => {
        const { leadMove } = await load.lead();
        await leadMove(ctx(), stage, name, opts);
      });
    example(
      cmd,
      `  $ prospect lead ${stage} "Dana Lee"${stage === 'lost' || stage === 'rejected' ? ' --reason no-budget' : ''}`,
    );
  }
}

/** leads, and leads report: the feedback for marketing. */
function registerLeads(program: CommandUnknownOpts, { act, ctx }: Area): void {
  const leads = program
    .command('leads')
    .description('open leads, the ones due first (never contacted, then follow-ups)')
    .addOption(dateOpt())
    .option('--source <source>', 'only leads from this source')
    .option('--all', 'closed leads too')
    .addOption(jsonOpt())
    .action(act(load.leads, 'leads'));
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
      .action(async (opts, cmd) => {
        const { leadsReport } = await load.leads();
        await leadsReport(ctx(), fromParent(opts, cmd, ['date', 'source', 'json']));
      }),
    '  $ prospect leads report --format md\n  $ prospect leads report --from 2026-11-01 --out leads-nov.html',
  );
}

/** lead, leads and the feedback report for marketing (issue 14). */
export function register(program: CommandUnknownOpts, area: Area): void {
  registerLead(program, area);
  registerLeads(program, area);
}

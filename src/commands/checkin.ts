import { idMaker } from '../app/ids.js';
import type { Ctx } from '../context.js';
import {
  type Answers,
  applyCheckin,
  type Change,
  changesNothing,
  nextAsk,
  type Questions,
  questionsFor,
  type SetupAnswers,
} from '../domain/checkin.js';
import { buildStatus } from '../domain/dashboard.js';
import { LONG_WEEKDAY } from '../domain/day-names.js';
import { leadViews, touchLeads } from '../domain/leads.js';
import { LIMITS } from '../domain/limits.js';
import type { DueReason } from '../domain/referrals.js';
import { CONTROL_CHARS } from '../domain/text.js';
import type { AskOutcome, Day, Period, StoreData } from '../domain/types.js';
import { WEEKDAYS } from '../domain/types.js';
import { workdaysOn } from '../domain/workdays.js';
import { usage } from '../errors.js';
import { dateOrToday, MAX_COUNT, MAX_TEXT } from '../options.js';
import { paint } from '../paint.js';
import { askCheckbox, askConfirm, askNumber, askSelect, askText } from '../prompts.js';
import { counted, manyOf, renderOpening, renderSummary } from '../render/checkin.js';
import { longDay, plural, terminalWidth } from '../render/format.js';
import { clean } from '../render/report-common.js';
import { askCommand, shellArg } from '../render/words.js';
import { readStore, updateStore } from '../store/store.js';

/** First quotas offered on a new store: Enter takes them, 0 leaves one out. */
const FIRST_QUOTAS: { activity: string; per: Period; suggested: number; question: string }[] = [
  { activity: 'call', per: 'day', suggested: 20, question: 'How many calls a day?' },
  { activity: 'email', per: 'day', suggested: 10, question: 'How many prospecting emails a day?' },
  { activity: 'social', per: 'day', suggested: 5, question: 'How many social touches a day?' },
  { activity: 'meeting', per: 'week', suggested: 3, question: 'How many meetings booked a week?' },
];

const OUTCOMES: { value: AskOutcome; name: string; short: string }[] = [
  { value: 'intro', name: 'intro: they introduced me to someone', short: 'intro' },
  { value: 'later', name: 'later: they will think of someone', short: 'later' },
  { value: 'declined', name: 'declined', short: 'declined' },
];

const REASONS: Readonly<Record<DueReason, string>> = {
  'first-ask': 'first ask',
  cadence: 'time to ask again',
  'after-win': 'after a win',
};

function oneLine(value: string): true | string {
  // A note is one line of plain text: the rule of every flag and of the store check.
  if (CONTROL_CHARS.test(value)) return 'Use plain text on one line.';
  if (value.trim().length > MAX_TEXT) return `At most ${MAX_TEXT} characters, please.`;
  return true;
}

/** 2. Each daily quota as the day's total, so a second check-in never counts twice. */
async function askCounts(ctx: Ctx, q: Questions, day: string, answers: Answers): Promise<void> {
  // A day that does not score has no goal, but what the rep did still goes in the log.
  if (q.notScoring !== null) {
    ctx.io.stdout(
      `${longDay(answers.date, false)} is ${q.notScoring}: no goal ${day === 'today' ? 'today' : 'that day'}, and it neither counts nor breaks a streak. Log what you did anyway.\n`,
    );
  }
  if (q.counts.length === 0) {
    ctx.io.stdout('No daily quota to ask about (prospect quota set call 20 --per day).\n');
  }
  for (const count of q.counts) {
    const total = await askNumber({
      name: `count:${count.activity}`,
      message:
        q.notScoring === null
          ? `How many ${manyOf(count.activity)} ${day}? (goal ${count.target}, the day's total)`
          : `How many ${manyOf(count.activity)} ${day}? (the day's total; no goal)`,
      default: count.logged,
      min: count.min,
      // A day logged past the usual ceiling keeps its total as a valid default.
      max: Math.max(MAX_COUNT, count.logged),
    });
    answers.counts.push({ activity: count.activity, shown: count.logged, total });
  }
}

/** 3. The referral asks due: which were made, then how each went. */
async function askAsks(q: Questions, day: string, answers: Answers): Promise<void> {
  if (q.asksDue.length > 0) {
    const asked = await askCheckbox({
      name: 'asks',
      message: `Referral asks due: which did you make ${day}?`,
      choices: q.asksDue.map((a) => ({
        name: `${a.client} (${REASONS[a.reason]}${a.daysOverdue > 0 ? `, ${plural(a.daysOverdue, 'day')} overdue` : ''})`,
        value: a.client,
        short: a.client,
      })),
    });
    for (const client of asked) {
      const outcome = await askSelect({
        name: `outcome:${client}`,
        message: `How did the ask to ${client} go?`,
        choices: OUTCOMES,
        default: 'later' as AskOutcome,
      });
      answers.asks.push({ client, outcome });
    }
  }
}

/** 4. Noes and a note: optional, behind one question so a quick check-in stays quick. */
async function askExtras(q: Questions, day: string, answers: Answers): Promise<void> {
  const extras = await askConfirm({
    name: 'extras',
    message: q.noes
      ? `Any noes or a note to add?${q.noes.logged ? ` (${counted(q.noes.logged, 'rejection')} so far)` : ''}`
      : 'A note to add?',
    default: false,
  });
  if (extras) {
    if (q.noes) {
      const total = await askNumber({
        name: 'noes',
        message: `How many noes ${day}? (some will, some won't, so what: next)`,
        default: q.noes.logged,
        min: q.noes.min,
        max: Math.max(MAX_COUNT, q.noes.logged),
      });
      answers.noes = { shown: q.noes.logged, total };
    }
    const note = (
      await askText({
        name: 'note',
        message: 'A one-line note (Enter for none):',
        validate: oneLine,
      })
    ).trim();
    if (note) answers.note = note;
  }
}

export async function checkin(ctx: Ctx, opts: { date?: string }): Promise<void> {
  const date = dateOrToday(opts.date, ctx.today, '--date', { write: true });
  const { data } = readStore(ctx.store);
  const q = questionsFor(data, date);
  if (!ctx.io.stdinIsTTY || !ctx.io.stdoutIsTTY) {
    const dueLeads = leadViews(data, date)
      .filter((v) => v.due)
      .map((v) => v.lead.name);
    usage(withoutTerminal(q, date, ctx.today, dueLeads));
  }
  const c = paint(ctx.color);
  const day = date === ctx.today ? 'today' : `on ${longDay(date, false)}`;

  // 1. The affirmation of the day, tilted towards what the rep is behind on.
  ctx.io.stdout(
    renderOpening(date, data.settings.name, q.affirmation, c, terminalWidth(ctx.io.columns)),
  );

  const answers: Answers = { date, counts: [], asks: [] };
  let leadsTouched: string[] = [];
  if (q.setup) {
    answers.setup = await setup(ctx, data);
  } else {
    await askCounts(ctx, q, day, answers);
    await askAsks(q, day, answers);
    // 3b. The leads due: which were contacted (nothing is asked when none is due).
    leadsTouched = await askLeads(date, data, day);

    await askExtras(q, day, answers);
  }

  // 5. One write with every answer, then the day's summary.
  let changes: Change[] = [];
  let after: StoreData = data;
  let touched: string[] = [];
  if (!changesNothing(answers) || leadsTouched.length > 0) {
    [changes, after, touched] = await updateStore(ctx.store, (fresh) => {
      const applied = changesNothing(answers) ? [] : applyCheckin(fresh, answers, idMaker(fresh));
      const leads = touchLeads(fresh, leadsTouched, date).map((l) => l.name);
      return [applied, fresh, leads] as const;
    });
  }
  ctx.io.stdout('\n');
  ctx.io.stdout(
    renderSummary(
      changes,
      buildStatus(after, date),
      nextAsk(after, date),
      ctx.today,
      c,
      terminalWidth(ctx.io.columns),
      touched.map(clean),
    ),
  );
  if (answers.setup) {
    ctx.io.stdout(
      `\nYou are set up. Run prospect checkin again to record ${day === 'today' ? "today's" : "that day's"} numbers, and every workday after.\n`,
    );
  }
}

async function setup(ctx: Ctx, data: StoreData): Promise<SetupAnswers> {
  ctx.io.stdout(
    'Welcome! A few questions to set you up; after that the check-in takes a minute a day.\n',
  );
  const name = (
    await askText({
      name: 'name',
      message: 'Your name (for your weekly reports):',
      default: data.settings.name || undefined,
      validate: (v) =>
        v.trim().length > LIMITS.repName
          ? `At most ${LIMITS.repName} characters, please.`
          : oneLine(v),
    })
  ).trim();
  const workdays = await askCheckbox({
    name: 'workdays',
    message: 'Which days do you prospect?',
    choices: WEEKDAYS.map((w) => ({
      name: LONG_WEEKDAY[w],
      value: w,
      checked: workdaysOn(data.settings.workdays, ctx.today).includes(w),
    })),
    validate: (ticked) => (ticked.length > 0 ? true : 'Tick at least one day.'),
  });
  ctx.io.stdout('Your first quotas (0 for none; change them any time with prospect quota set):\n');
  const quotas: SetupAnswers['quotas'] = [];
  for (const f of FIRST_QUOTAS) {
    const target = await askNumber({
      name: `quota:${f.activity}`,
      message: f.question,
      default: f.suggested,
      min: 0,
      max: MAX_COUNT,
    });
    if (target > 0) quotas.push({ activity: f.activity, per: f.per, target });
  }
  return { name, workdays: WEEKDAYS.filter((w) => workdays.includes(w)), quotas };
}

/** The one-line message for a check-in without a terminal: the commands that do the same job. */
function withoutTerminal(
  q: Questions,
  date: Day,
  today: Day,
  dueLeads: readonly string[] = [],
): string {
  const at = date === today ? '' : ` --date ${date}`;
  const steps: string[] = [];
  if (q.setup) {
    steps.push(
      'prospect config set name "Your Name"',
      'prospect config set workdays mon,tue,wed,thu,fri',
      'prospect quota set call 20 --per day',
    );
  }
  const activities = q.counts.length > 0 ? q.counts.map((c) => c.activity) : ['call'];
  for (const a of activities) steps.push(`prospect log ${a} N${at}`);
  for (const a of q.asksDue) {
    steps.push(`${askCommand(a.client, 'OUTCOME')}${at}`);
  }
  for (const name of dueLeads.slice(0, 3))
    steps.push(`prospect lead contacted ${shellArg(name)}${at}`);
  if (q.noes) steps.push(`prospect log rejection N${at}`);
  return `checkin asks its questions in a terminal (stdin and stdout must both be one); without one, record the day with: ${steps.join('; ')} (log adds N to the day${q.asksDue.length > 0 ? '; OUTCOME is intro, later or declined' : ''}; --note "..." keeps a note)`;
}

/** The leads due as of `date`, to tick the ones contacted; none due: no question at all. */
async function askLeads(date: Day, data: StoreData, day: string): Promise<string[]> {
  const due = leadViews(data, date).filter((v) => v.due);
  if (due.length === 0) return [];
  return askCheckbox({
    name: 'leads',
    message: `Leads due: which did you contact ${day}?`,
    choices: due.map((v) => ({
      name: `${clean(v.lead.name)}${v.lead.company ? ` (${clean(v.lead.company)})` : ''}: ${v.dueReason === 'first-touch' ? `new from ${v.lead.source}` : `follow up, ${v.stage}`}, received ${longDay(v.lead.received, false)}`,
      value: v.lead.id,
      short: clean(v.lead.name),
    })),
  });
}

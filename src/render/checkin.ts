import type { ChalkInstance } from 'chalk';
import { activityPlural } from '../domain/activities.js';
import type { Change } from '../domain/checkin.js';
import type { Status } from '../domain/dashboard.js';
import { own } from '../domain/dict.js';
import type { ReferralState } from '../domain/referrals.js';
import type { Belief, Day } from '../domain/types.js';
import { longDay, plural, shortDay, wrapHanging, wrapLines } from './format.js';
import { quotaLines, quotaNameWidth, streakText } from './status.js';
import { askCommand, OTHER_OUTCOMES } from './words.js';

/** How a count of each built-in activity reads: "12 social touches", "1 no". */
const COUNTED: Record<string, [string, string]> = {
  call: ['call', 'calls'],
  email: ['email', 'emails'],
  social: ['social touch', 'social touches'],
  meeting: ['meeting booked', 'meetings booked'],
  'referral-ask': ['referral ask', 'referral asks'],
  referral: ['introduction received', 'introductions received'],
  networking: ['networking contact', 'networking contacts'],
  event: ['event', 'events'],
  upsell: ['upsell', 'upsells'],
  rejection: ['no', 'noes'],
};

/** The words for many of an activity, for "how many ... today?". */
export function manyOf(activity: string): string {
  return own(COUNTED, activity)?.[1] ?? activityPlural(activity);
}

export function counted(n: number, activity: string): string {
  const [one, many] = own(COUNTED, activity) ?? [activity, activityPlural(activity)];
  return plural(n, one, many);
}

const PER_WORD = { day: 'a day', week: 'a week', month: 'a month', quarter: 'a quarter' };

/** Step 1: the day and the affirmation to start it with. */
export function renderOpening(
  date: Day,
  name: string,
  belief: Belief | undefined,
  c: ChalkInstance,
  width = 80,
): string {
  const lines = [c.bold(`Check-in for ${longDay(date)}${name ? ` · ${name}` : ''}`)];
  if (belief) {
    // Wrapped here, between words: a terminal left to itself breaks a long line mid-word.
    lines.push(...wrapHanging('  ', belief.affirmation, width, 2).map((l) => c.italic(l)));
    lines.push(
      ...wrapHanging('  ', `(instead of: "${belief.belief}")`, width, 2).map((l) => c.dim(l)),
    );
  }
  return `${lines.join('\n')}\n\n`;
}

function changeText(change: Change): string {
  switch (change.kind) {
    case 'setup': {
      const quotas = change.quotas.map(
        (q) => `${counted(q.target, q.activity)} ${PER_WORD[q.per]}`,
      );
      return `set up${change.name ? ` ${change.name}` : ''}, workdays ${change.workdays.join(',')}, quotas: ${quotas.length ? quotas.join(', ') : 'none'}`;
    }
    case 'count':
      return `${change.activity} ${change.from} → ${change.to}`;
    case 'ask':
      return `asked ${change.client} (${change.outcome})`;
    case 'note':
      return 'a note';
  }
}

/** Step 5: what was saved, then the day's progress, streak, what is left and the next ask. */
export function renderSummary(
  changes: readonly Change[],
  s: Status,
  next: ReferralState | undefined,
  today: Day,
  c: ChalkInstance,
  columns = 80,
  /** The leads ticked as contacted, by name. */
  leads: readonly string[] = [],
): string {
  const when = s.date === today ? 'today' : `on ${shortDay(s.date)}`;
  const saved = changes.map(changeText);
  if (leads.length > 0) {
    saved.push(`${leads.length === 1 ? 'lead' : 'leads'} contacted: ${leads.join(' · ')}`);
  }
  const lines = [
    saved.length === 0
      ? 'Nothing changed: the log already held these numbers.'
      : wrapLines(`Saved: ${saved.join('; ')}.`, columns)
          .map((l) => c.green(l))
          .join('\n'),
    '',
  ];
  const width = quotaNameWidth(s);
  const noGoal = s.scoringDay ? null : s.dayOff ? 'a day off' : 'not a workday';
  lines.push(...quotaLines(s, c, columns, { when, forecast: false }));
  if (s.quotas.length === 0)
    lines.push(...wrapLines('No quotas yet: prospect quota set call 20 --per day', columns));
  const hanging = (head: string, text: string) =>
    wrapHanging(`${head.padEnd(width)}  `, text, columns, width + 2);
  lines.push(...hanging('streak', streakText(s.streak)));
  const daily = s.quotas.filter((q) => q.per === 'day');
  if (daily.length > 0 && noGoal !== null) {
    lines.push(...hanging('left', `nothing ${when}: it is ${noGoal}, so there is no daily goal`));
  } else if (daily.length > 0) {
    const left = daily.filter((q) => q.remaining > 0).map((q) => counted(q.remaining, q.activity));
    lines.push(
      ...hanging(
        'left',
        left.length ? `${left.join(', ')} ${when}` : `every daily quota met ${when}`,
      ),
    );
  }
  lines.push(
    ...wrapHanging(`${'next ask'.padEnd(width)}  `, nextAskText(next, s.date), columns, width + 2),
  );
  return `${lines.join('\n')}\n`;
}

function nextAskText(next: ReferralState | undefined, date: Day): string {
  if (!next) return 'no clients to ask yet (prospect client add "Dana Lee")';
  if (next.dueDate > date) return `${next.client} on ${shortDay(next.dueDate)}`;
  const since = next.daysOverdue === 0 ? 'due today' : `due since ${shortDay(next.dueDate)}`;
  return `${next.client}, ${since}: ${askCommand(next.client)}${OTHER_OUTCOMES}`;
}

import type { ChalkInstance } from 'chalk';
import type { Status } from '../domain/dashboard.js';
import { periodLabel } from '../domain/dates.js';
import { soWhatNext } from '../domain/funnel.js';
import type { QuotaProgress } from '../domain/quotas.js';
import type { Streak } from '../domain/streak.js';
import { bar, displayWidth, longDay, plural, wrapHanging, wrapLines } from './format.js';
import { leadsDueLine } from './leads.js';
import { forecastText } from './outcomes.js';
import { paceGap } from './words.js';

/** "ahead by 3" / "behind by 5 · need 14 a day for the 3 workdays left". */
export function paceText(q: QuotaProgress, asOf: string): string {
  if (q.done >= q.target) return q.done > q.target ? `done, ${q.done - q.target} over` : 'done';
  if (q.scoringDays === 0) return 'no workdays in this period';
  const pace = paceGap(q.onPace, q.ahead);
  if (q.scoringDaysLeft === 0) return `${pace} · ${q.remaining} short, no workdays left`;
  if (q.per === 'day') return `${pace} · ${q.remaining} to go`;
  // On a day off or a weekend the next scoring day is later: name it rather than say "today".
  const next = q.nextScoringDay;
  if (next !== null && next > asOf) {
    return q.scoringDaysLeft === 1
      ? `${pace} · need ${q.needPerDay} on ${longDay(next, false)}, the next workday`
      : `${pace} · need ${q.needPerDay} a day for the ${q.scoringDaysLeft} workdays left, from ${longDay(next, false)}`;
  }
  const left =
    q.scoringDaysLeft === 1 ? 'the last workday' : `the ${q.scoringDaysLeft} workdays left`;
  const dayWord = q.end === asOf || q.scoringDaysLeft === 1 ? 'today' : 'a day';
  return `${pace} · need ${q.needPerDay} ${dayWord} for ${left}`;
}

/**
 * `9 days (longest 23) · weekly 3 weeks (longest 5) · call 14`: an activity is named only when its
 * own streak runs longer than the daily one, the "calls held up while email slipped" case.
 */
export function streakText(streak: Streak): string {
  const d = streak.daily;
  const parts = [`${plural(d.current, 'day')} (longest ${d.longest})`];
  if (streak.weekly)
    parts.push(
      `weekly ${plural(streak.weekly.current, 'week')} (longest ${streak.weekly.longest})`,
    );
  const ahead = Object.entries(streak.activities)
    .filter(([, run]) => run.current > d.current)
    .sort(([, a], [, b]) => b.current - a.current)
    .slice(0, 2);
  for (const [activity, run] of ahead) parts.push(`${activity} ${run.current}`);
  return parts.join(' · ');
}

/** The dashboard; the affirmation and the asks wrap to `width` columns. */
export function renderStatus(s: Status, c: ChalkInstance, width = 80): string {
  const lines: string[] = [];
  const who = s.name ? ` · ${s.name}` : '';
  const dayNote = s.dayOff ? ' · day off' : s.scoringDay ? '' : ' · not a workday';
  lines.push(...wrapLines(`${longDay(s.date)}${who}${dayNote}`, width).map((l) => c.bold(l)));
  if (s.quotas.length === 0) {
    lines.push(
      ...wrapLines(
        'No quotas yet. Every rep carries one; start with: prospect quota set call 20 --per day',
        width,
      ),
    );
  }
  const nameWidth = quotaNameWidth(s);
  lines.push(...quotaLines(s, c, width, { when: 'today', forecast: true }));
  lines.push('');
  lines.push(
    ...wrapHanging(`${'streak'.padEnd(nameWidth)}  `, streakText(s.streak), width, nameWidth + 2),
  );
  const asks =
    s.referralsDue === 0
      ? 'none due'
      : `${plural(s.referralsDue, 'ask')} due: ${s.referrals
          .slice(0, 3)
          .map((r) => r.client)
          // Client names may hold commas, so a comma cannot separate them.
          .join(' · ')}${s.referralsDue > 3 ? ' · ...' : ''} (prospect referrals)`;
  lines.push(...wrapHanging(`${'referral'.padEnd(nameWidth)}  `, asks, width, nameWidth + 2));
  const leads = leadsDueLine(s.leadsDue);
  if (leads)
    lines.push(...wrapHanging(`${'leads'.padEnd(nameWidth)}  `, leads, width, nameWidth + 2));
  const noes = s.noes.today > 0 ? soWhatNext(s.noes.perMeeting) : undefined;
  if (noes) {
    const text = `${plural(s.noes.today, 'no', 'noes')} today · ${noes}`;
    lines.push(...wrapHanging(`${'noes'.padEnd(nameWidth)}  `, text, width, nameWidth + 2));
  }
  const indent = ' '.repeat(nameWidth + 2);
  const affirm = s.affirmation
    ? wrap(s.affirmation.affirmation, width - indent.length).map((l) => c.italic(l))
    : ['no beliefs yet (prospect belief add)'];
  lines.push(`${'affirm'.padEnd(nameWidth)}  ${affirm.join(`\n${indent}`)}`);
  return `${lines.join('\n')}\n`;
}

/** The name column of the quota table, and of the lines under it: 8 columns or the longest name. */
export function quotaNameWidth(s: Status): number {
  return Math.max(8, ...s.quotas.map((q) => q.activity.length));
}

/**
 * The quota table of status and the check-in: name, bar, done/target, period, then the pace (and
 * for status the forecast) wrapped between words under its own column. Narrow, the bar shrinks
 * and the text goes on the lines below, under the name column's end. On a day that does not
 * score, a daily quota has no goal: its count and why, no bar.
 */
export function quotaLines(
  s: Status,
  c: ChalkInstance,
  width: number,
  opts: { when: string; forecast: boolean },
): string[] {
  const nameWidth = quotaNameWidth(s);
  const noGoal = s.scoringDay ? null : s.dayOff ? 'a day off' : 'not a workday';
  const goalless = (q: QuotaProgress) => noGoal !== null && q.per === 'day';
  const shown = s.quotas.filter((q) => !goalless(q));
  const period = (q: QuotaProgress) => (q.per === 'day' ? opts.when : periodLabel(q.per, s.date));
  const countWidth = Math.max(0, ...shown.map((q) => `${q.done}/${q.target}`.length));
  const periodWidth = Math.max(8, ...shown.map((q) => displayWidth(period(q))));
  const fixed = nameWidth + 2 + 2 + countWidth + 2 + periodWidth + 2;
  const barWidth = Math.min(16, Math.max(6, width - fixed - 24));
  const headWidth = fixed + barWidth;
  const pad = ' '.repeat(nameWidth + 2);
  const lines: string[] = [];
  for (const q of s.quotas) {
    const name = `${q.activity.padEnd(nameWidth)}  `;
    if (goalless(q)) {
      lines.push(
        ...wrapHanging(name, `${q.done} ${opts.when} · no goal: ${noGoal}`, width, name.length),
      );
      continue;
    }
    const colour = q.done >= q.target ? c.green : q.onPace ? c.cyan : c.yellow;
    const head = [
      q.activity.padEnd(nameWidth),
      colour(bar(q.done, q.target, barWidth)),
      `${q.done}/${q.target}`.padStart(countWidth),
      period(q) + ' '.repeat(periodWidth - displayWidth(period(q))),
      '',
    ].join('  ');
    const text = [paceText(q, s.date), opts.forecast ? forecastText(q) : '']
      .filter(Boolean)
      .join(' · ');
    if (width - headWidth >= 16) lines.push(...wrapHanging(head, text, width, headWidth));
    else lines.push(head.trimEnd(), ...wrapLines(text, width - pad.length).map((l) => pad + l));
  }
  return lines;
}

/** Splits text into lines of at most `width` columns, at spaces (format.ts wrapLines). */
export const wrap = wrapLines;

/** One line for a shell prompt: `call 23/40 email 12/20 streak 9d`. */
export function renderShort(s: Status, c: ChalkInstance): string {
  const parts = s.quotas.map((q) => {
    const text = `${q.activity} ${q.done}/${q.target}`;
    return q.done >= q.target ? c.green(text) : q.onPace ? text : c.yellow(text);
  });
  parts.push(`streak ${s.streak.daily.current}d`);
  if (s.referralsDue > 0) parts.push(`asks ${s.referralsDue}`);
  if (s.leadsDue.length > 0) parts.push(`leads ${s.leadsDue.length}`);
  return `${parts.join(' ')}\n`;
}

/** The JSON of `status --json`: SPEC's keys plus pace details. */
export function statusJson(s: Status): unknown {
  return {
    date: s.date,
    name: s.name,
    scoringDay: s.scoringDay,
    quotas: s.quotas.map((q) => ({
      activity: q.activity,
      per: q.per,
      target: q.target,
      done: q.done,
      expected: q.expected,
      onPace: q.onPace,
      start: q.start,
      end: q.end,
      remaining: q.remaining,
      scoringDaysLeft: q.scoringDaysLeft,
      needPerDay: q.needPerDay,
      rate: q.rate,
      projected: q.projected,
      projectedDate: q.projectedDate,
    })),
    noes: s.noes,
    streak: s.streak,
    referralsDue: s.referralsDue,
    referrals: s.referrals,
    affirmation: s.affirmation,
    leadsDue: s.leadsDue.length,
  };
}

import type { Forecast } from '../domain/forecast.js';
import { defaultWindow, type Funnel, oneDecimal } from '../domain/funnel.js';
import type { Plan } from '../domain/plan.js';
import type { ProspectFirst } from '../domain/prospect-first.js';
import type { QuotaProgress } from '../domain/quotas.js';
import type { RepFunnel, TeamReport } from '../domain/team.js';
import { grouped, longDay, plural, shortDay } from './format.js';
import { shareText } from './report-common.js';

/** "3 of 4 timed days before 12:00; 1 day without a timed entry left out". */
export function prospectFirstText(p: ProspectFirst): string {
  if (p.scoringDays === 0) return 'no workdays yet';
  const left =
    p.untimedDays === 0 ? '' : `; ${plural(p.untimedDays, 'day')} without a timed entry left out`;
  if (p.timedDays === 0) {
    return `not known: no timed prospecting on ${plural(p.untimedDays, 'day')} (log as you go, or use --time)`;
  }
  return `${p.days} of ${plural(p.timedDays, 'timed day')} before ${p.before}${left}`;
}

/** "on track to reach 12 on Tue 24 Nov" / "at this rate 9 of 12 by 30 Nov"; '' for none. */
export function forecastText(q: QuotaProgress & Forecast): string {
  if (q.per === 'day' || q.projected === null || q.done >= q.target) return '';
  if (q.projectedDate !== null) {
    return `on track to reach ${q.target} on ${longDay(q.projectedDate, false)}`;
  }
  return `at this rate ${Math.floor(q.projected)} of ${q.target} by ${shortDay(q.end)}`;
}

const num = (n: number | null, unit = '') => (n === null ? '?' : `${oneDecimal(n)}${unit}`);

/**
 * "call 1,180 -> conversation 96 (12.3 calls each) -> meeting 22 (4.4 conversations each) ->
 * held 18 (show rate 82%)": the steps the rep logs, each with the ratio that leads to it.
 */
export function funnelLine(f: Funnel): string {
  const c = f.counts as Record<string, number>;
  const n = (a: string) => grouped(c[a] ?? 0);
  const r = f.ratios;
  const steps = [`call ${n('call')}`];
  // SPEC's ratio is 0 when the step before was never logged: people read that it was not.
  const calls = (ratio: number | null) =>
    (c.call ?? 0) === 0 ? 'no calls logged' : `${num(ratio)} calls each`;
  if ((c.conversation ?? 0) > 0) {
    steps.push(`conversation ${n('conversation')} (${calls(r.callsPerConversation)})`);
    steps.push(`meeting ${n('meeting')} (${num(r.conversationsPerMeeting)} conversations each)`);
  } else {
    steps.push(`meeting ${n('meeting')} (${calls(r.callsPerMeeting)})`);
  }
  if (r.showRate !== null) {
    steps.push(`held ${n('meeting-held')} (show rate ${shareText(r.showRate)})`);
  }
  return steps.join(' -> ');
}

/** What to log before a window says anything, or [] when it has enough. */
export function funnelGaps(f: Funnel): string[] {
  const c = f.counts as Record<string, number>;
  const gaps: string[] = [];
  if ((c.call ?? 0) === 0) gaps.push('calls (prospect log call 25)');
  if ((c.conversation ?? 0) === 0)
    gaps.push('conversations: calls that connected (prospect log conversation 3)');
  if ((c.meeting ?? 0) === 0) gaps.push('meetings booked (prospect log meeting --source self)');
  if ((c['meeting-held'] ?? 0) + (c['no-show'] ?? 0) === 0)
    gaps.push('meetings held and no-shows (prospect log meeting-held, prospect log no-show)');
  return gaps;
}

export function renderFunnel(f: Funnel): string {
  const lines = [`Funnel ${longDay(f.from, true)} to ${longDay(f.to, true)}`];
  const c = f.counts as Record<string, number>;
  const r = f.ratios;
  if ((c.call ?? 0) + (c.meeting ?? 0) + (c.conversation ?? 0) === 0) {
    lines.push('Too little logged in this window to say anything yet.');
  } else {
    lines.push(funnelLine(f));
    const extras: string[] = [];
    if (r.callsPerMeeting !== null) extras.push(`${num(r.callsPerMeeting)} calls per meeting`);
    if (r.noesPerMeeting !== null) extras.push(`${num(r.noesPerMeeting)} noes per meeting`);
    if (r.introRate !== null)
      extras.push(
        `intro rate ${shareText(r.introRate)} (${c.referral ?? 0} of ${plural(c['referral-ask'] ?? 0, 'ask')})`,
      );
    if (extras.length) lines.push(extras.join(' · '));
    const sources = Object.entries(f.meetingsBySource)
      .filter(([, m]) => m > 0)
      .map(([s, m]) => `${s} ${m}`);
    if (sources.length) {
      const share =
        f.repSourcedShare === null ? '' : ` · rep-sourced ${shareText(f.repSourcedShare)}`;
      lines.push(`meetings by source: ${sources.join(', ')}${share}`);
    }
  }
  const gaps = funnelGaps(f);
  if (gaps.length) lines.push(`To see every ratio, log: ${gaps.join('; ')}.`);
  return `${lines.join('\n')}\n`;
}

const PER_WORD: Record<Plan['per'], string> = {
  week: 'a week',
  month: 'a month',
  quarter: 'a quarter',
};

export function renderPlan(p: Plan): string {
  const what = p.activity === 'meeting' ? 'meetings booked' : 'meetings held';
  const lines: string[] = [];
  const need = (a: string) => p.needs.find((x) => x.activity === a);
  const parts = p.needs
    .filter((x) => x.activity !== p.activity)
    .map((x) =>
      x.perPeriod === null
        ? `? ${x.activity === 'meeting' ? 'meetings booked' : `${x.activity}s`}`
        : x.activity === 'meeting'
          ? plural(x.perPeriod, 'meeting booked', 'meetings booked')
          : plural(x.perPeriod, x.activity),
    );
  // A rep who started logging inside the 90 days: the ratios and `now` are over the days since.
  const over =
    p.window.from === defaultWindow(p.asOf).from
      ? "at your last 90 days' ratios"
      : `at your ratios over your ${plural(p.windowScoringDays, 'scoring day')} since ${longDay(p.window.from)}`;
  lines.push(`${p.target} ${what} ${PER_WORD[p.per]} ${over} take ${andList(parts)}.`);
  const call = need('call');
  if (call?.perDay != null) {
    lines.push(
      `That is ${plural(call.perDay, 'call')} a day over ${plural(p.scoringDays, 'workday')}; you now make ${oneDecimal(p.now.call ?? 0)}.`,
    );
  }
  if (p.missing.length) lines.push(`Log first: ${p.missing.join('; ')}.`);
  const commands = p.needs
    .filter(
      (x) =>
        x.perDay !== null && x.perDay > 0 && x.activity !== p.activity && x.activity !== 'meeting',
    )
    .map((x) => `  prospect quota set ${x.activity} ${x.perDay} --per day`);
  if (p.activity === 'meeting' || need('meeting')?.perPeriod != null) {
    const meetings = p.activity === 'meeting' ? p.target : (need('meeting')?.perPeriod as number);
    if (meetings > 0) commands.push(`  prospect quota set meeting ${meetings} --per ${p.per}`);
  }
  if (commands.length && call?.perDay != null) {
    lines.push('To put it in place (not run for you):', ...commands);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The team's funnel table: a header and one row per rep whose report carries funnel figures
 * (calls per conversation, conversations per meeting, show rate, rep-sourced share); null when
 * no report does, so a roll-up of older reports looks as it did.
 */
export function teamFunnelTable(t: TeamReport): string[][] | null {
  const reps = t.reps.filter((r) => r.funnel !== undefined);
  if (reps.length === 0) return null;
  const each = (n: number | null) => (n === null ? '–' : oneDecimal(n));
  return [
    ['rep', 'calls/conversation', 'conversations/meeting', 'show rate', 'rep-sourced'],
    ...reps.map((r) => {
      const f = r.funnel as RepFunnel;
      // SPEC's formula gives 0 conversations per meeting when none was logged: people read –.
      const talked = (r.totals.conversation ?? 0) > 0;
      return [
        r.rep,
        each(f.callsPerConversation),
        each(talked ? f.conversationsPerMeeting : null),
        shareText(f.showRate),
        shareText(f.repSourcedShare),
      ];
    }),
  ];
}

/** The one line under the team's funnel table that says what `–` means; null when none shows. */
export function teamFunnelNote(table: readonly (readonly string[])[]): string | null {
  return table.slice(1).some((row) => row.slice(1).includes('–'))
    ? '–: no conversations logged (show rate: no meeting held or missed; rep-sourced: no meeting with a known source).'
    : null;
}

/** `a`, `a and b`, `a, b and c`. */
function andList(parts: readonly string[]): string {
  return parts.length <= 1
    ? (parts[0] ?? '')
    : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

import { getDay } from 'date-fns/getDay';
import { toDate } from '../domain/dates.js';
import { shortWeekdayAt } from '../domain/day-names.js';
import type { ActivityPace, WeeklyReport } from '../domain/report.js';
import type { Streak } from '../domain/streak.js';
import { LEAD_SOURCES } from '../domain/types.js';
import { longDay, plural, shortDay } from './format.js';
import { paceGap } from './words.js';

export const REPORT_FORMATS = ['text', 'md', 'csv', 'json', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** `Mon` for a date. */
export function weekdayName(day: string): string {
  return shortWeekdayAt(getDay(toDate(day)));
}

/** `28`: the day of the month. */
export function dayOfMonth(day: string): string {
  return String(Number(day.slice(8, 10)));
}

/** `Mon 28 Dec 2026 – Sun 3 Jan 2027`. */
export function weekSpan(start: string, end: string): string {
  return `${longDay(start)} – ${longDay(end)}`;
}

/**
 * User text as one printable line. Notes typed at the prompt cannot hold control characters, but
 * an imported store or a hand-edited report could, and a terminal would obey them.
 */
export function clean(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
}

/** Text for HTML: every character with a meaning in markup becomes an entity. */
export function escapeHtml(text: string): string {
  return clean(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Text for a GitHub Markdown table cell or list item: `|` would end the cell, and the other
 * punctuation would turn a note into a link, emphasis or raw HTML. GFM takes a backslash before
 * any ASCII punctuation as that character itself.
 */
export function escapeMd(text: string): string {
  return clean(text).replace(/[\\|`*_[\]<>#!~&]/g, (c) => `\\${c}`);
}

/** How one activity stands against its target, in words a rep and a coach both read the same way. */
export function paceWords(p: ActivityPace, weekOver: boolean): string {
  // A daily quota's total can be met by one big day: say on how many days the target was met too.
  const days =
    p.goalDays !== undefined && p.goalDays > 0
      ? ` · target met on ${p.daysMet ?? 0} of ${plural(p.goalDays, 'day')}`
      : '';
  return totalWords(p, weekOver) + days;
}

function totalWords(p: ActivityPace, weekOver: boolean): string {
  if (p.done >= p.target) return p.done > p.target ? `met, ${p.done - p.target} over` : 'met';
  if (weekOver) return `${p.target - p.done} short`;
  return paceGap(p.onPace, p.ahead);
}

export function weekOver(r: WeeklyReport): boolean {
  return r.asOf >= r.end;
}

export function streakWords(streak: Streak): string {
  const d = streak.daily;
  const parts = [`${plural(d.current, 'day')} (longest ${d.longest})`];
  if (streak.weekly) {
    parts.push(
      `weekly ${plural(streak.weekly.current, 'week')} (longest ${streak.weekly.longest})`,
    );
  }
  return parts.join(' · ');
}

export function referralWords(r: WeeklyReport): string {
  const due =
    r.referrals.due === 0
      ? 'none due'
      : `${r.referrals.due} due (${r.referrals.dueClients.map(clean).join(', ')})`;
  return `${plural(r.referrals.asked, 'ask')} made · ${plural(r.referrals.intros, 'introduction')} · ${due}`;
}

export function meetingWords(r: WeeklyReport): string {
  const total = Object.values(r.meetingsBySource).reduce((a, b) => a + b, 0);
  if (total === 0) return 'none booked';
  const parts = [...LEAD_SOURCES, 'unspecified' as const]
    .filter((s) => r.meetingsBySource[s] > 0)
    .map((s) => `${s} ${r.meetingsBySource[s]}`);
  return `${total}: ${parts.join(' · ')}`;
}

export function daysOffWords(r: WeeklyReport): string | null {
  const off = r.days.filter((d) => d.dayOff);
  if (off.length === 0) return null;
  return off
    .map((d) => `${longDay(d.date, false)}${d.offReason ? ` (${clean(d.offReason)})` : ''}`)
    .join(', ');
}

/** `40%` of a share from 0 to 1 (rounded to nearest), or `–` when there is nothing to share. */
export function shareText(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

export function percentText(percent: number | null): string {
  return percent === null ? '–' : `${percent}%`;
}

export function asOfWords(r: WeeklyReport): string {
  return weekOver(r) ? 'the whole week' : `as of ${longDay(r.asOf)}`;
}

export { longDay, plural, shortDay };

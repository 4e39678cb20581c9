import type { ChalkInstance } from 'chalk';
import { percentOf, type WeeklyReport } from '../domain/report.js';
import { displayWidth, isOneColumn, table, wrapHanging } from './format.js';
import { prospectFirstText } from './outcomes.js';
import {
  clean,
  dayOfMonth,
  daysOffWords,
  longDay,
  meetingWords,
  paceWords,
  percentText,
  referralWords,
  shortDay,
  streakWords,
  weekdayName,
  weekOver,
  weekSpan,
} from './report-common.js';

export const WIDTH = 80;
const NAME_MAX = 16;

/** A name cut to `max` columns, so one long custom activity cannot push the grid past 80. */
export function clip(text: string, max: number): string {
  // One column a character, each a whole grapheme: the first max - 1 characters, without
  // Intl.Segmenter (its ICU data costs ~7 ms the first time, on every `team` of long names).
  if (isOneColumn(text))
    return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
  if (displayWidth(text) <= max) return text;
  let out = '';
  for (const { segment } of new Intl.Segmenter().segment(text)) {
    if (displayWidth(out + segment) > max - 1) break;
    out += segment;
  }
  return `${out}…`;
}

/** `head` then the words of `body`, wrapped to `width` columns (format.ts wrapHanging). */
export const wrap = wrapHanging;

/** The grid: each activity by day, with its total, target and percent, and the legend. */
function gridText(r: WeeklyReport): string[] {
  const out: string[] = [];
  const head = ['activity', ...r.days.map((d) => weekdayName(d.date)), 'total', 'target', '%'];
  const dates = ['', ...r.days.map((d) => dayOfMonth(d.date)), '', '', ''];
  const rows: string[][] = [head, dates];
  if (r.days.some((d) => d.dayOff))
    rows.push(['', ...r.days.map((d) => (d.dayOff ? 'off' : '')), '', '', '']);
  for (const a of r.activities) {
    const target = r.targets[a];
    const total = r.totals[a] ?? 0;
    rows.push([
      clip(a, NAME_MAX),
      ...r.days.map((d) => {
        if (d.upcoming) return '';
        const n = d.counts[a] ?? 0;
        return n === 0 && !d.scoring ? '-' : String(n);
      }),
      String(total),
      target === undefined ? '' : String(target),
      target === undefined ? '' : percentText(percentOf(total, target)),
    ]);
  }
  const right = Array.from({ length: head.length - 1 }, (_, i) => i + 1);
  out.push(...table(rows, right));
  const legend = ['-: nothing logged on a weekend or day off'];
  if (r.days.some((d) => d.upcoming)) legend.push('blank: still to come');
  out.push(legend.join(' · '));
  return out;
}

/** The weekly report for a terminal or a plain-text mail: fits 80 columns. */
export function renderReportText(r: WeeklyReport, c: ChalkInstance): string {
  const out: string[] = [];
  const who = r.rep ? ` · ${clip(clean(r.rep), 30)}` : '';
  out.push(c.bold(`Weekly report${who} · ${r.week}`));
  out.push(`${weekSpan(r.start, r.end)}`);
  const over = weekOver(r);
  out.push(
    `${over ? 'Whole week' : `As of ${longDay(r.asOf)}`} · ${r.scoringDays} scoring day${r.scoringDays === 1 ? '' : 's'} · ${percentText(r.percent)} of target`,
  );
  out.push('');

  if (r.activities.length === 0) {
    out.push('Nothing logged and no daily or weekly quota this week.');
  } else {
    out.push(...gridText(r));
  }

  if (r.pace.length > 0) {
    out.push('');
    out.push(c.bold('Against target'));
    const rows = r.pace.map((p) => [
      `  ${clip(p.activity, NAME_MAX)}`,
      `${p.done}/${p.target}`,
      p.per === 'day' ? 'daily quota' : 'weekly quota',
      paceWords(p, over),
    ]);
    out.push(...table(rows, [1]));
  }

  out.push('');
  // The longest label ("Prospect 1st") and two spaces: every value starts in one column.
  const label = (name: string, text: string) =>
    wrap(`${name.padEnd(12)}  `, text, WIDTH, 14).join('\n');
  out.push(label('Streak', streakWords(r.streak)));
  out.push(label('Referrals', referralWords(r)));
  out.push(label('Meetings', `${meetingWords(r)} (by lead source)`));
  out.push(label('Noes', `${r.noes}`));
  out.push(label('Prospect 1st', prospectFirstText(r.prospectFirst)));
  const off = daysOffWords(r);
  if (off) out.push(label('Days off', off));

  if (r.notes.length > 0) {
    out.push('');
    out.push(c.bold('Notes'));
    for (const n of r.notes) {
      const who = [n.contact && `with ${clean(n.contact)}`, n.client && `client ${clean(n.client)}`]
        .filter(Boolean)
        .join(', ');
      const head = `  ${shortDay(n.date).padEnd(6)}  ${clip(n.activity, NAME_MAX)}${who ? ` (${clip(who, 36)})` : ''}: `;
      out.push(...wrap(head, clean(n.note), WIDTH, 4));
    }
  }

  if (r.beliefs) {
    out.push('');
    out.push(c.bold('Beliefs and affirmations'));
    for (const b of r.beliefs) {
      out.push(...wrap('  ', `${clean(b.belief)} -> ${clean(b.affirmation)}`, WIDTH, 4));
    }
  }
  return `${out.join('\n')}\n`;
}

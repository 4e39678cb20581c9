import type { WeeklyReport } from '../domain/report.js';
import { prospectFirstText } from './outcomes.js';
import {
  asOfWords,
  dayOfMonth,
  daysOffWords,
  escapeMd,
  longDay,
  meetingWords,
  paceWords,
  percentText,
  referralWords,
  streakWords,
  weekdayName,
  weekOver,
  weekSpan,
} from './report-common.js';

/** One GFM table: a header, its alignment row, and the rows. */
export function mdTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  right: readonly number[] = [],
): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(head),
    line(head.map((_, i) => (right.includes(i) ? '---:' : '---'))),
    ...rows.map(line),
  ];
}

/** The grid: each activity by day, with its total, target and percent. */
function gridMd(r: WeeklyReport): string[] {
  const head = [
    'activity',
    ...r.days.map((d) => `${weekdayName(d.date)} ${dayOfMonth(d.date)}${d.dayOff ? ' (off)' : ''}`),
    'total',
    'target',
    '%',
  ];
  const rows = r.activities.map((a) => {
    const target = r.targets[a];
    const total = r.totals[a] ?? 0;
    const pace = r.pace.find((p) => p.activity === a);
    return [
      escapeMd(a),
      ...r.days.map((d) => (d.upcoming ? '' : String(d.counts[a] ?? 0))),
      String(total),
      target === undefined ? '' : String(target),
      pace ? `${pace.percent}%` : '',
    ];
  });
  return mdTable(
    head,
    rows,
    head.map((_, i) => i).filter((i) => i > 0),
  );
}

/** The notes, and the beliefs when the rep included them. */
function notesMd(r: WeeklyReport): string[] {
  const out: string[] = [];
  if (r.notes.length > 0) {
    out.push('');
    out.push('## Notes');
    out.push('');
    out.push(
      ...mdTable(
        ['day', 'activity', 'with', 'note'],
        r.notes.map((n) => [
          longDay(n.date, false),
          escapeMd(n.activity),
          escapeMd([n.contact, n.client].filter(Boolean).join(', ')),
          escapeMd(n.note),
        ]),
      ),
    );
  }
  if (r.beliefs) {
    out.push('');
    out.push('## Beliefs and affirmations');
    out.push('');
    for (const b of r.beliefs) out.push(`- ${escapeMd(b.belief)} → ${escapeMd(b.affirmation)}`);
  }
  return out;
}

/** The weekly report as GitHub-flavoured Markdown, to paste into a doc, an issue or a wiki. */
export function renderReportMd(r: WeeklyReport): string {
  const out: string[] = [];
  out.push(`# Weekly report${r.rep ? `: ${escapeMd(r.rep)}` : ''}, ${r.week}`);
  out.push('');
  out.push(
    `${weekSpan(r.start, r.end)}, ${asOfWords(r)} · ${r.scoringDays} scoring day${r.scoringDays === 1 ? '' : 's'} · **${percentText(r.percent)}** of target`,
  );
  out.push('');
  if (r.activities.length === 0) {
    out.push('Nothing logged and no daily or weekly quota this week.');
  } else {
    out.push(...gridMd(r));
  }
  if (r.pace.length > 0) {
    out.push('');
    out.push('## Against target');
    out.push('');
    out.push(
      ...mdTable(
        ['activity', 'quota', 'done', 'target', 'expected by now', 'pace'],
        r.pace.map((p) => [
          escapeMd(p.activity),
          p.per === 'day' ? 'daily' : 'weekly',
          String(p.done),
          String(p.target),
          String(p.expected),
          paceWords(p, weekOver(r)),
        ]),
        [2, 3, 4],
      ),
    );
  }
  out.push('');
  out.push('## The week');
  out.push('');
  out.push(`- **Streak:** ${streakWords(r.streak)}`);
  out.push(`- **Referral asks:** ${escapeMd(referralWords(r))}`);
  out.push(`- **Meetings by lead source:** ${meetingWords(r)}`);
  out.push(`- **Noes:** ${r.noes}`);
  out.push(`- **Prospected first:** ${prospectFirstText(r.prospectFirst)}`);
  const off = daysOffWords(r);
  if (off) out.push(`- **Days off:** ${escapeMd(off)}`);
  out.push(...notesMd(r));
  return `${out.join('\n')}\n`;
}

import type { SuggestReport } from '../domain/targets.js';
import { table } from './format.js';
import { longDay, plural } from './report-common.js';
import { clip } from './report-text.js';
import { sparkline } from './trend.js';

function per(n: number | null, p: string | null): string {
  return n === null || p === null ? '–' : `${n}/${p}`;
}

/** The suggestions next to the current targets, then the exact commands to adopt them (not run). */
export function renderSuggestText(s: SuggestReport): string {
  const out: string[] = [];
  out.push(
    `Suggested targets from your last ${plural(s.weeks, 'complete week')}`,
    `${longDay(s.from, false)} – ${longDay(s.to)} · ${s.scoringDaysPerWeek} scoring days a week on average`,
  );
  if (s.suggestions.length === 0) {
    out.push('Nothing was logged in those weeks: log a few weeks first, then ask again.');
    return `${out.join('\n')}\n`;
  }
  out.push('');
  const rows = [
    ['activity', 'weeks', 'median', 'p80', 'suggested', 'current'],
    ...s.suggestions.map((x) => [
      clip(x.activity, 16),
      sparkline(x.weekly),
      String(x.median),
      String(x.p80),
      x.suggested > 0 ? per(x.suggested, x.per) : 'too rare',
      per(x.current, x.currentPer),
    ]),
  ];
  out.push(...table(rows, [2, 3]));
  out.push(
    'median, p80 (80th percentile, nearest rank): of the weekly totals',
    'suggested: p80 a week; for a daily quota p80 / scoring days a week, rounded up',
  );
  const commands = s.suggestions.filter(
    (x) => x.suggested > 0 && !(x.current === x.suggested && x.currentPer === x.per),
  );
  out.push('');
  if (s.suggestions.every((x) => x.suggested === 0)) {
    out.push('No activity was logged often enough to suggest a target: log a few more weeks.');
  } else if (commands.length === 0) {
    out.push('Your targets already match the suggestions.');
  } else {
    out.push('To adopt them (nothing has been changed):');
    for (const x of commands)
      out.push(`  prospect quota set ${x.activity} ${x.suggested} --per ${x.per}`);
  }
  return `${out.join('\n')}\n`;
}

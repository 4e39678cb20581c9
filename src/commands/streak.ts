import type { Ctx } from '../context.js';
import { Calendar } from '../domain/calendar.js';
import { addDay } from '../domain/dates.js';
import { recentFrom } from '../domain/history.js';
import { prospectFirst, prospectFirstBefore } from '../domain/prospect-first.js';
import { QuotaBook, Tally } from '../domain/quotas.js';
import { analyse, heatmapStart } from '../domain/streak.js';
import { sweepOf } from '../domain/sweep-state.js';
import { dateOrToday } from '../options.js';
import { paint } from '../paint.js';
import { json } from '../render/format.js';
import { prospectFirstText } from '../render/outcomes.js';
import { renderStreak } from '../render/streak.js';
import { readRecent } from '../store/store.js';

const PROSPECT_FIRST_DAYS = 28;

export async function streak(ctx: Ctx, opts: { date?: string; json?: boolean }): Promise<void> {
  const asOf = dateOrToday(opts.date, ctx.today, '--date', { write: false });
  const { data } = readRecent(ctx.store, recentFrom(asOf));
  const input = {
    asOf,
    quotas: new QuotaBook(data.quotas),
    tally: Tally.of(data, asOf),
    calendar: new Calendar(data.settings.workdays, data.daysOff),
    resume: sweepOf(data),
  };
  // Prospect first over the last four weeks: long enough to be a habit, short enough to change.
  const from = addDay(asOf, -(PROSPECT_FIRST_DAYS - 1));
  const first = {
    ...prospectFirst(data.entries, input.calendar, from, asOf, prospectFirstBefore(data.settings)),
    from,
    to: asOf,
  };
  if (opts.json) {
    ctx.io.stdout(json({ ...analyse(input).streak, prospectFirst: first }));
    return;
  }
  const { streak: s, days } = analyse(input, heatmapStart(input));
  ctx.io.stdout(renderStreak(s, days, paint(ctx.color), { asOfIsToday: asOf === ctx.today }));
  // Two lines where one would pass 80 columns: the judged days, then the untimed ones.
  const [judged, untimed] = prospectFirstText(first).split('; ');
  ctx.io.stdout(`Prospected first (last 4 weeks): ${judged}\n${untimed ? `  ${untimed}\n` : ''}`);
}

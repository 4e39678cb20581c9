import { Calendar } from '../domain/calendar.js';
import { QuotaBook, Tally } from '../domain/quotas.js';
import { analyse, heatmapStart } from '../domain/streak.js';
import { paint } from '../io.js';
import { dateOrToday } from '../options.js';
import type { Ctx } from '../program.js';
import { json } from '../render/format.js';
import { renderStreak } from '../render/streak.js';
import { readStore } from '../store/store.js';

export async function streak(ctx: Ctx, opts: { date?: string; json?: boolean }): Promise<void> {
  const asOf = dateOrToday(opts.date, ctx.today, '--date', { write: false });
  const { data } = readStore();
  const input = {
    asOf,
    quotas: new QuotaBook(data.quotas),
    tally: new Tally(data.entries, asOf),
    calendar: new Calendar(data.settings.workdays, data.daysOff),
  };
  if (opts.json) {
    ctx.io.stdout(json(analyse(input).streak));
    return;
  }
  const { streak: s, days } = analyse(input, heatmapStart(input));
  ctx.io.stdout(renderStreak(s, days, paint(ctx.color), { asOfIsToday: asOf === ctx.today }));
}

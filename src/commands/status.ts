import type { Ctx } from '../context.js';
import { buildStatus } from '../domain/dashboard.js';
import { recentFrom } from '../domain/history.js';
import { dateOrToday } from '../options.js';
import { paint } from '../paint.js';
import { json, terminalWidth } from '../render/format.js';
import { renderShort, renderStatus, statusJson } from '../render/status.js';
import { readRecent } from '../store/store.js';

export async function status(
  ctx: Ctx,
  opts: { date?: string; json?: boolean; short?: boolean },
): Promise<void> {
  const asOf = dateOrToday(opts.date, ctx.today, '--date', { write: false });
  const { data } = readRecent(ctx.store, recentFrom(asOf));
  const s = buildStatus(data, asOf);
  if (opts.json) ctx.io.stdout(json(statusJson(s)));
  else if (opts.short) ctx.io.stdout(renderShort(s, paint(ctx.color)));
  else ctx.io.stdout(renderStatus(s, paint(ctx.color), terminalWidth(ctx.io.columns)));
}

import { dayWindow } from '../app/window.js';
import type { Ctx } from '../context.js';
import { funnel as buildFunnel, defaultWindow } from '../domain/funnel.js';
import { json } from '../render/format.js';
import { renderFunnel } from '../render/outcomes.js';
import { readRecent } from '../store/store.js';

export async function funnel(
  ctx: Ctx,
  opts: { from?: string; to?: string; date?: string; json?: boolean },
): Promise<void> {
  const window = dayWindow(opts, ctx.today);
  const { asOf, to } = window;
  const from = window.from ?? defaultWindow(to).from;
  // No lead is looked at: any day will do for them.
  const { data } = readRecent(ctx.store, { entries: from, leads: asOf });
  const f = buildFunnel(data.entries, from, to, asOf);
  ctx.io.stdout(opts.json ? json(f) : renderFunnel(f));
}

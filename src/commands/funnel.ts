import type { Ctx } from '../context.js';
import { funnel as buildFunnel, defaultWindow } from '../domain/funnel.js';
import { usage } from '../errors.js';
import { dateOption, dateOrToday } from '../options.js';
import { json } from '../render/format.js';
import { renderFunnel } from '../render/outcomes.js';
import { readStore } from '../store/store.js';

export async function funnel(
  ctx: Ctx,
  opts: { from?: string; to?: string; date?: string; json?: boolean },
): Promise<void> {
  const asOf = dateOrToday(opts.date, ctx.today, '--date', { write: false });
  let to = opts.to === undefined ? asOf : dateOption(opts.to, ctx.today, '--to', { write: false });
  // As of a day, nothing dated after it counts.
  if (to > asOf) to = asOf;
  const from =
    opts.from === undefined
      ? defaultWindow(to).from
      : dateOption(opts.from, ctx.today, '--from', { write: false });
  if (from > to) usage(`--from ${from} is after --to ${to}: give --from on or before --to`);
  const { data } = readStore(ctx.store);
  const f = buildFunnel(data.entries, from, to, asOf);
  ctx.io.stdout(opts.json ? json(f) : renderFunnel(f));
}

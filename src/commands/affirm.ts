import type { Ctx } from '../context.js';
import { beliefOfDay } from '../domain/affirm.js';
import { dateOrToday } from '../options.js';
import { paint } from '../paint.js';
import { json } from '../render/format.js';
import { readStore } from '../store/store.js';

export async function affirm(ctx: Ctx, opts: { date?: string; json?: boolean }): Promise<void> {
  const date = dateOrToday(opts.date, ctx.today, '--date', { write: false });
  const belief = beliefOfDay(readStore(ctx.store).data.beliefs, date);
  if (opts.json) {
    ctx.io.stdout(
      json({
        date,
        belief: belief?.belief ?? null,
        affirmation: belief?.affirmation ?? null,
        id: belief?.id ?? null,
        tag: belief?.tag ?? null,
      }),
    );
    return;
  }
  if (!belief) {
    ctx.io.stdout(
      'No beliefs to affirm. Add one: prospect belief add "I hate cold calls" --reframe "Every call is a conversation I start"\n',
    );
    return;
  }
  const c = paint(ctx.color);
  ctx.io.stdout(`${c.bold(belief.affirmation)}\n${c.dim(`(instead of: "${belief.belief}")`)}\n`);
}

import { nextAskSentence, requireClientOn } from '../app/clients.js';
import { idMaker } from '../app/ids.js';
import type { Ctx } from '../context.js';
import { recordAsk } from '../domain/asks.js';
import { recentFrom } from '../domain/history.js';
import { ASK_OUTCOMES } from '../domain/types.js';
import { choice, dateOrToday, entryTime, textOption } from '../options.js';
import { longDay } from '../render/format.js';
import { updateRecent } from '../store/store.js';

export async function ask(
  ctx: Ctx,
  clientArg: string,
  opts: { date?: string; time?: string; outcome?: string; note?: string },
): Promise<void> {
  const date = dateOrToday(opts.date, ctx.today, '--date', { write: true });
  const time = entryTime(opts.time, date, ctx.today, ctx.io.now());
  const outcome =
    opts.outcome === undefined ? undefined : choice(opts.outcome, ASK_OUTCOMES, '--outcome');
  const note = opts.note === undefined ? undefined : textOption(opts.note, '--note');
  const message = await updateRecent(ctx.store, recentFrom(date), (data) => {
    const client = requireClientOn(data, clientArg, date);
    const written = recordAsk(
      data,
      { client: client.name, date, outcome, note, time },
      idMaker(data),
    );
    const head = written[0];
    const logged = outcome === 'intro' ? '1 referral-ask and 1 referral' : '1 referral-ask';
    return [
      `Asked ${client.name} for a referral on ${longDay(date)}${outcome ? ` (${outcome})` : ''}: logged ${logged} (id ${head?.id}).`,
      nextAskSentence(data, client, ctx.today),
      'Undo: prospect undo',
    ].join(' ');
  });
  ctx.io.stdout(`${message}\n`);
}

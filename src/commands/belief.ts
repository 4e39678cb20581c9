import type { Ctx } from '../context.js';
import { removeBelief } from '../domain/affirm.js';
import { LIMITS } from '../domain/limits.js';
import { nearest } from '../domain/suggest.js';
import type { Belief } from '../domain/types.js';
import { usage } from '../errors.js';
import { activityOption, textOption } from '../options.js';
import { paint } from '../paint.js';
import { askText } from '../prompts.js';
import { json, terminalWidth, wrapHanging, wrapLines } from '../render/format.js';
import { prospectCommand } from '../render/words.js';
import { newId } from '../store/ids.js';
import { readStore, updateStore } from '../store/store.js';
import { defaultBeliefs } from '../store/templates.js';

const MAX_BELIEF = LIMITS.belief;

export async function beliefAdd(
  ctx: Ctx,
  beliefArg: string,
  opts: { reframe?: string; tag?: string },
): Promise<void> {
  const belief = textOption(beliefArg, 'the belief', MAX_BELIEF);
  const { data: current } = readStore(ctx.store);
  const tag = opts.tag === undefined ? undefined : activityOption(opts.tag, current.activities);
  refuseDuplicate(current.beliefs, belief);
  let reframe: string;
  if (opts.reframe !== undefined) {
    reframe = textOption(opts.reframe, '--reframe', MAX_BELIEF);
  } else if (ctx.io.stdinIsTTY && ctx.io.stdoutIsTTY) {
    reframe = await askReframe(ctx, belief, tag);
  } else {
    usage(
      `belief add needs --reframe outside a terminal: prospect belief add "${belief}" --reframe "the affirmation you turn it into"`,
    );
  }
  const added = await updateStore(ctx.store, (data) => {
    refuseDuplicate(data.beliefs, belief);
    const entry: Belief = {
      id: newId(new Set(data.beliefs.map((b) => b.id))),
      belief,
      affirmation: reframe,
    };
    if (tag !== undefined) entry.tag = tag;
    data.beliefs.push(entry);
    return entry;
  });
  const said = `Added belief ${added.id}${added.tag ? ` (tag ${added.tag})` : ''}: "${added.belief}" becomes "${added.affirmation}". It joins the daily rotation (prospect affirm).`;
  ctx.io.stdout(`${wrapLines(said, terminalWidth(ctx.io.columns)).join('\n')}\n`);
}

/** Checked before the prompt (no typing in vain) and again at the write. */
function refuseDuplicate(beliefs: readonly Belief[], belief: string): void {
  const same = beliefs.find((b) => b.belief.trim().toLowerCase() === belief.toLowerCase());
  if (same) {
    usage(
      `that belief is already there as ${same.id}: remove it first with ${prospectCommand('belief', 'rm', same.id)}`,
    );
  }
}

/** Asks for the reframe in a terminal, showing how a default belief was turned around. */
async function askReframe(ctx: Ctx, belief: string, tag: string | undefined): Promise<string> {
  const defaults = defaultBeliefs();
  const example = defaults.find((d) => tag !== undefined && d.tag === tag) ?? defaults[0];
  const c = paint(ctx.color);
  if (example) {
    ctx.io.stdout(c.dim(`For example, "${example.belief}" becomes "${example.affirmation}"\n`));
  }
  const answer = await askText({
    name: 'reframe',
    message: `Turn "${belief}" into an affirmation:`,
    validate: (value) => {
      const text = value.trim();
      if (text === '') return 'Write the affirmation, one line (Ctrl-C to stop).';
      if (text.length > MAX_BELIEF) return `At most ${MAX_BELIEF} characters, please.`;
      return true;
    },
  });
  return answer.trim();
}

export async function beliefList(ctx: Ctx, opts: { json?: boolean }): Promise<void> {
  const { beliefs } = readStore(ctx.store).data;
  if (opts.json) {
    ctx.io.stdout(json(beliefs));
    return;
  }
  if (beliefs.length === 0) {
    ctx.io.stdout(
      'No beliefs yet. Add one: prospect belief add "I hate cold calls" --reframe "Every call is a conversation I start"\n',
    );
    return;
  }
  const c = paint(ctx.color);
  const width = terminalWidth(ctx.io.columns);
  // Each text wraps between words under its own column, like status and belief add.
  const field = (head: string, text: string) => wrapHanging(head, text, width, head.length);
  const blocks = beliefs.map((b) =>
    [
      `${c.bold(b.id)}${b.tag ? `  [${b.tag}]` : ''}`,
      ...field('  belief:      ', b.belief),
      ...field('  affirmation: ', b.affirmation),
    ].join('\n'),
  );
  ctx.io.stdout(`${blocks.join('\n')}\n`);
}

export async function beliefRm(ctx: Ctx, id: string): Promise<void> {
  const removed = await updateStore(ctx.store, (data) => {
    const found = removeBelief(data, id);
    if (!found) {
      const guess = nearest(
        id.trim().toLowerCase(),
        data.beliefs.map((b) => b.id),
      );
      usage(
        `no belief has the id '${id}': ${guess ? `did you mean '${guess}'? ` : ''}see the ids with prospect belief list`,
      );
    }
    return found;
  });
  const stays = removed.template ? ' It is one of the defaults and will not come back.' : '';
  ctx.io.stdout(`Removed belief ${removed.id} ("${removed.belief}").${stays}\n`);
}

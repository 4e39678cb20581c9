// tsc checks this file (npm run typecheck): each `@ts-expect-error` below must be an error, or tsc
// fails with "Unused '@ts-expect-error' directive". So a handler whose options or arguments
// disagree with its registration in src/cli/<area>.ts does not type-check.
import { Command, Option } from '@commander-js/extra-typings';
import { describe, expect, it } from 'vitest';
import { makeArea } from '../../src/cli/kit.js';
import type { Ctx } from '../../src/context.js';

const seen: unknown[][] = [];
const handlers = {
  quotaSet: async (
    _ctx: Ctx,
    activity: string,
    n: string,
    opts: { per: string; from?: string },
  ) => {
    seen.push([activity, n, opts]);
  },
  /** Reads `opts.perr`: the registration has no --perr. */
  misspelt: async (_ctx: Ctx, _activity: string, _n: string, opts: { perr: string }) => {
    seen.push([opts.perr]);
  },
  /** Wants a number where commander hands a string. */
  wrongType: async (_ctx: Ctx, _activity: string, _n: number, _opts: { per: string }) => {},
  /** Wants a positional argument the registration does not declare. */
  extraArgument: async (_ctx: Ctx, _activity: string, _n: string, _what: string) => {},
};
const load = async () => handlers;

function quotaSet(): Command<[string, string], { per: string; from?: string | undefined }> {
  return new Command('set')
    .argument('<activity>')
    .argument('<n>')
    .addOption(new Option('--per <period>').makeOptionMandatory())
    .option('--from <YYYY-MM-DD>');
}

const { act } = makeArea(() => ({}) as Ctx);

describe('a handler is type-checked against its registration', () => {
  it('a handler that fits is accepted and gets the arguments, then the options', async () => {
    const cmd = quotaSet().exitOverride().action(act(load, 'quotaSet'));
    await cmd.parseAsync(['call', '40', '--per', 'day'], { from: 'user' });
    expect(seen).toEqual([['call', '40', { per: 'day' }]]);
  });

  it('only tsc catches a mismatch: at run time the handler would get undefined', async () => {
    seen.length = 0;
    const wrong = [
      // @ts-expect-error the handler reads --perr, which the command does not have
      quotaSet().exitOverride().action(act(load, 'misspelt')),
      // @ts-expect-error <n> is a string, the handler wants a number
      quotaSet().action(act(load, 'wrongType')),
      // @ts-expect-error the handler wants a third argument where the options come
      quotaSet().action(act(load, 'extraArgument')),
    ];
    await wrong[0]?.parseAsync(['call', '40', '--per', 'day'], { from: 'user' });
    expect(seen).toEqual([[undefined]]);
  });
});

import { type CommandUnknownOpts, Option } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';

/** The parameters a handler takes after its Ctx: what commander must hand it. */
export type HandlerArgs<F> = F extends (ctx: Ctx, ...args: infer A) => unknown ? A : never;

/** What each area's register() gets besides the program: the run's Ctx and a lazy action. */
export interface Area {
  /** The run's Ctx, built on first use (after the global flags are parsed). */
  ctx: () => Ctx;
  /**
   * An action that imports its handler's module only when the command runs (esbuild gives each
   * module a chunk of its own, so `--help` and other commands load none of its code). Typed: the
   * arguments and options commander infers from the registration must fit the handler's
   * parameters, or tsc fails (test/cli/typed-actions.test-d.ts).
   */
  act: <M, K extends keyof M>(
    load: () => Promise<M>,
    name: K,
  ) => (...args: [...HandlerArgs<M[K]>, ...unknown[]]) => Promise<void>;
}

export function makeArea(ctx: () => Ctx): Area {
  return {
    ctx,
    act:
      (load, name) =>
      async (...args) => {
        const handler = (await load())[name] as (ctx: Ctx, ...rest: unknown[]) => unknown;
        // commander passes the positional arguments, then the options, then the command itself.
        await handler(ctx(), ...args.slice(0, -1));
      },
  };
}

/** Adds the examples block to a command's help. */
export const example = <C extends CommandUnknownOpts>(cmd: C, lines: string): C =>
  cmd.addHelpText('after', `\nExamples:\n${lines}`);

export const dateOpt = () => new Option('--date <YYYY-MM-DD>', 'the day (default: today)');
export const jsonOpt = () => new Option('--json', 'print one JSON document');
export const formatOpt = () =>
  new Option('--format <format>', 'text, md, csv, json or html (default: text, or from --out)');
export const outOpt = () =>
  new Option('--out <file>', 'write to this file (atomically, mode 0600; - for stdout)');
export const forceOpt = () => new Option('--force', 'let --out overwrite a file that exists');
export const timeOpt = () =>
  new Option('--time <HH:MM>', 'when, 24-hour local time (default: now for today, else none)');

/** The options a subcommand shares with its parent: commander hands them to the parent. */
export function fromParent<T extends Record<string, unknown>>(
  opts: T,
  cmd: CommandUnknownOpts,
  keys: readonly (keyof T & string)[],
): T {
  const parent = (cmd.parent?.opts() ?? {}) as Partial<T>;
  const merged = { ...opts };
  for (const key of keys) merged[key] = (opts[key] ?? parent[key]) as T[typeof key];
  return merged;
}

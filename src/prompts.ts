import { safeText } from './safe-text.js';

/**
 * The one place that talks to @inquirer/prompts. Every function loads inquirer only when it is
 * called, so commands that never prompt never load it. Tests replace this module (vi.mock) and
 * answer each prompt by its `name`.
 *
 * Ctrl-C at any prompt makes inquirer throw ExitPromptError; src/cli.ts turns that into exit 130.
 */

export interface Choice<T> {
  name: string;
  value: T;
  checked?: boolean;
  description?: string;
  /** What stays on screen once answered, when shorter than `name`. */
  short?: string;
}

interface Base {
  /** A stable key for the question: tests answer prompts by it. */
  name: string;
  message: string;
}

const load = () => import('@inquirer/prompts');

/**
 * The refusal of a number that is not a whole number from `min` to `max`, in the words `log` uses
 * (inquirer's own says "Value must be a multiple of 1 starting from 0" for 2.5).
 */
function wholeNumberFrom(min: number, max: number) {
  return (value: number | undefined): true | string =>
    value !== undefined && Number.isInteger(value) && value >= min && value <= max
      ? true
      : `a whole number from ${min} to ${max}`;
}

/**
 * A whole number from `min` to `max`; Enter accepts `default`. `streams` is for tests: inquirer
 * reads and draws on them instead of the terminal.
 */
export async function askNumber(
  q: Base & { default: number; min: number; max: number },
  streams?: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream },
) {
  const { number } = await load();
  const answer = await number(
    {
      message: safeText(q.message),
      default: q.default,
      // Our validate says what is accepted; inquirer's step and range checks would speak first.
      step: 'any',
      required: true,
      validate: wholeNumberFrom(q.min, q.max),
    },
    streams,
  );
  return answer ?? q.default;
}

/** One line of text; Enter accepts `default` (or the empty line when there is none). */
export async function askText(
  q: Base & { default?: string; validate?: (value: string) => true | string },
): Promise<string> {
  const { input } = await load();
  return input({ message: safeText(q.message), default: q.default, validate: q.validate });
}

export async function askConfirm(q: Base & { default: boolean }): Promise<boolean> {
  const { confirm } = await load();
  return confirm({ message: safeText(q.message), default: q.default });
}

/** Tick any of `choices` (space ticks one, `a` all); Enter accepts the ticks shown. */
export async function askCheckbox<T>(
  q: Base & { choices: Choice<T>[]; validate?: (ticked: T[]) => true | string },
): Promise<T[]> {
  const { checkbox } = await load();
  const validate = q.validate;
  return checkbox({
    message: safeText(q.message),
    choices: safeChoices(q.choices),
    validate: validate ? (ticked) => validate(ticked.map((c) => c.value)) : undefined,
  });
}

/** One of `choices`; Enter accepts `default`. */
export async function askSelect<T>(q: Base & { choices: Choice<T>[]; default: T }): Promise<T> {
  const { select } = await load();
  return select({
    message: safeText(q.message),
    choices: safeChoices(q.choices),
    default: q.default,
  });
}

/** Prompts draw on the terminal themselves, so what they show goes through safeText here. */
function safeChoices<T>(choices: Choice<T>[]): Choice<T>[] {
  return choices.map((c) => ({
    ...c,
    name: safeText(c.name),
    ...(c.description === undefined ? {} : { description: safeText(c.description) }),
    ...(c.short === undefined ? {} : { short: safeText(c.short) }),
  }));
}

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

/** A whole number from `min` to `max`; Enter accepts `default`. */
export async function askNumber(q: Base & { default: number; min: number; max: number }) {
  const { number } = await load();
  const answer = await number({
    message: q.message,
    default: q.default,
    min: q.min,
    max: q.max,
    step: 1,
    required: true,
  });
  return answer ?? q.default;
}

/** One line of text; Enter accepts `default` (or the empty line when there is none). */
export async function askText(
  q: Base & { default?: string; validate?: (value: string) => true | string },
): Promise<string> {
  const { input } = await load();
  return input({ message: q.message, default: q.default, validate: q.validate });
}

export async function askConfirm(q: Base & { default: boolean }): Promise<boolean> {
  const { confirm } = await load();
  return confirm({ message: q.message, default: q.default });
}

/** Tick any of `choices` (space ticks one, `a` all); Enter accepts the ticks shown. */
export async function askCheckbox<T>(
  q: Base & { choices: Choice<T>[]; validate?: (ticked: T[]) => true | string },
): Promise<T[]> {
  const { checkbox } = await load();
  const validate = q.validate;
  return checkbox({
    message: q.message,
    choices: q.choices,
    validate: validate ? (ticked) => validate(ticked.map((c) => c.value)) : undefined,
  });
}

/** One of `choices`; Enter accepts `default`. */
export async function askSelect<T>(q: Base & { choices: Choice<T>[]; default: T }): Promise<T> {
  const { select } = await load();
  return select({ message: q.message, choices: q.choices, default: q.default });
}

// Stands in for src/prompts.ts in tests (vi.mock): answers each prompt by its name, or takes the
// default as Enter would, and still enforces what the real prompt would refuse.
import type * as Real from '../src/prompts.js';

export const CTRL_C = Symbol('Ctrl-C');

export interface Asked {
  kind: 'number' | 'text' | 'confirm' | 'checkbox' | 'select';
  name: string;
  message: string;
  default?: unknown;
  choices?: { name: string; value: unknown; checked?: boolean }[];
  // biome-ignore lint/suspicious/noExplicitAny: each kind of prompt validates its own type
  validate?: (value: any) => true | string;
}

const state = { answers: new Map<string, unknown>(), asked: [] as Asked[] };

/** Sets the answers for the next run (by prompt name); unnamed prompts get their default. */
export function answers(byName: Record<string, unknown> = {}): Asked[] {
  state.answers = new Map(Object.entries(byName));
  state.asked = [];
  return state.asked;
}

function respond(asked: Asked, fallback: unknown): unknown {
  state.asked.push(asked);
  if (!state.answers.has(asked.name)) return fallback;
  const answer = state.answers.get(asked.name);
  if (answer === CTRL_C) {
    // What @inquirer/core throws on Ctrl-C.
    const error = new Error('User force closed the prompt with SIGINT');
    error.name = 'ExitPromptError';
    throw error;
  }
  return answer;
}

export const askNumber: typeof Real.askNumber = async (q) => {
  const value = respond({ kind: 'number', ...q }, q.default);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < q.min || value > q.max) {
    throw new Error(`the prompt ${q.name} would refuse ${String(value)} (${q.min}..${q.max})`);
  }
  return value;
};

export const askText: typeof Real.askText = async (q) => {
  const value = respond({ kind: 'text', ...q }, q.default ?? '');
  if (typeof value !== 'string') throw new Error(`the prompt ${q.name} takes text`);
  const verdict = q.validate?.(value) ?? true;
  if (verdict !== true) throw new Error(`the prompt ${q.name} would refuse '${value}': ${verdict}`);
  return value;
};

export const askConfirm: typeof Real.askConfirm = async (q) => {
  const value = respond({ kind: 'confirm', ...q }, q.default);
  if (typeof value !== 'boolean') throw new Error(`the prompt ${q.name} takes yes or no`);
  return value;
};

export const askCheckbox: typeof Real.askCheckbox = async (q) => {
  const ticked = q.choices.filter((c) => c.checked).map((c) => c.value);
  const value = respond({ kind: 'checkbox', ...q }, ticked) as unknown[];
  for (const v of value) {
    if (!q.choices.some((c) => c.value === v)) {
      throw new Error(`the prompt ${q.name} offers no ${String(v)}`);
    }
  }
  const verdict = q.validate?.(value as never) ?? true;
  if (verdict !== true) throw new Error(`the prompt ${q.name} would refuse it: ${verdict}`);
  return value as never;
};

export const askSelect: typeof Real.askSelect = async (q) => {
  const value = respond({ kind: 'select', ...q }, q.default);
  if (!q.choices.some((c) => c.value === value)) {
    throw new Error(`the prompt ${q.name} offers no ${String(value)}`);
  }
  return value as never;
};

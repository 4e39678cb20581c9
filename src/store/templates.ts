import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUILT_IN_ACTIVITIES } from '../domain/activities.js';
import type { Belief } from '../domain/types.js';
import { failure } from '../errors.js';

/**
 * The bundle runs from dist/ (templates/ is one level up, shipped through package.json `files`);
 * the tests run this file from src/store/ (two levels up). Same folder, two depths.
 */
const CANDIDATES = ['../templates/affirmations.json', '../../templates/affirmations.json'];

const TEMPLATE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

function templatesPath(): string {
  const paths = CANDIDATES.map((c) => fileURLToPath(new URL(c, import.meta.url)));
  return paths.find((p) => existsSync(p)) ?? (paths[0] as string);
}

/** The default beliefs in a templates document, or the reason they cannot be used. */
export function parseTemplates(text: string): Belief[] | string {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return `it is not valid JSON (${(error as Error).message})`;
  }
  const list = (doc as { beliefs?: unknown } | null)?.beliefs;
  if (!Array.isArray(list)) return 'it has no "beliefs" list';
  const seen = new Set<string>();
  const beliefs: Belief[] = [];
  for (const [i, item] of list.entries()) {
    const t = item as Record<string, unknown>;
    if (typeof t?.id !== 'string' || !TEMPLATE_ID.test(t.id) || seen.has(t.id)) {
      return `beliefs[${i}] has a missing, malformed or repeated id`;
    }
    if (typeof t.belief !== 'string' || t.belief.trim() === '') return `${t.id} has no belief`;
    if (typeof t.affirmation !== 'string' || t.affirmation.trim() === '') {
      return `${t.id} has no affirmation`;
    }
    if (t.tag !== undefined && !(BUILT_IN_ACTIVITIES as readonly unknown[]).includes(t.tag)) {
      return `${t.id} is tagged with '${String(t.tag)}', which is not a built-in activity`;
    }
    seen.add(t.id);
    // A default's id is its template id: stable, so `belief rm gatekeepers` works on any store.
    const belief: Belief = {
      id: t.id,
      belief: t.belief,
      affirmation: t.affirmation,
      template: t.id,
    };
    if (typeof t.tag === 'string') belief.tag = t.tag;
    beliefs.push(belief);
  }
  return beliefs;
}

let cache: Belief[] | undefined;

/** The default beliefs shipped in templates/affirmations.json (read once per process). */
export function defaultBeliefs(): Belief[] {
  if (!cache) {
    const path = templatesPath();
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      failure(
        `cannot read the default beliefs at ${path} (${(error as Error).message}): reinstall prospect`,
      );
    }
    const parsed = parseTemplates(text);
    if (typeof parsed === 'string') {
      failure(`the default beliefs at ${path} cannot be used: ${parsed}; reinstall prospect`);
    }
    cache = parsed;
  }
  return cache.map((b) => ({ ...b }));
}

import { daysBetween } from './dates.js';
import type { Belief, Day, StoreData } from './types.js';

/** Any fixed Monday works: the rotation only needs consecutive dates to get consecutive indexes. */
const EPOCH: Day = '2000-01-03';

/**
 * The belief of the day: the same all day, and consecutive days walk the list in order, so every
 * belief comes once before any comes twice.
 */
export function beliefOfDay(beliefs: readonly Belief[], date: Day): Belief | undefined {
  if (beliefs.length === 0) return undefined;
  const n = beliefs.length;
  const index = ((daysBetween(EPOCH, date) % n) + n) % n;
  return beliefs[index];
}

/**
 * The check-in's affirmation: a belief tagged with the activity the rep is furthest behind on
 * (`behind`, most behind first), rotating among those tags by date; with none tagged, the
 * belief of the day that `status` and `affirm` show.
 */
export function affirmationFor(
  beliefs: readonly Belief[],
  date: Day,
  behind: readonly string[],
): Belief | undefined {
  for (const activity of behind) {
    const tagged = beliefs.filter((b) => b.tag === activity);
    if (tagged.length > 0) return beliefOfDay(tagged, date);
  }
  return beliefOfDay(beliefs, date);
}

/**
 * Adds the default beliefs the store does not hold yet, except the ones the user removed
 * (`removedTemplates`), so a removed default never comes back. Returns what it added.
 */
export function seedDefaults(data: StoreData, defaults: readonly Belief[]): Belief[] {
  const held = new Set(data.beliefs.map((b) => b.template).filter(Boolean));
  const removed = new Set(data.removedTemplates);
  const taken = new Set(data.beliefs.map((b) => b.id));
  const added: Belief[] = [];
  for (const d of defaults) {
    const template = d.template ?? d.id;
    if (held.has(template) || removed.has(template) || taken.has(d.id)) continue;
    const belief = { ...d, template };
    data.beliefs.push(belief);
    added.push(belief);
  }
  return added;
}

/** Removes a belief; a default one is remembered in `removedTemplates` so it stays removed. */
export function removeBelief(data: StoreData, id: string): Belief | undefined {
  const wanted = id.trim().toLowerCase();
  const found = data.beliefs.find((b) => b.id.toLowerCase() === wanted);
  if (!found) return undefined;
  data.beliefs = data.beliefs.filter((b) => b !== found);
  if (found.template && !data.removedTemplates.includes(found.template)) {
    data.removedTemplates.push(found.template);
  }
  return found;
}

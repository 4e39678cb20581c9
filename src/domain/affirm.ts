import { daysBetween } from './dates.js';
import type { Belief, Day } from './types.js';

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

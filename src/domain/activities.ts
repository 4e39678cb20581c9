import { nearest } from './suggest.js';

export const BUILT_IN_ACTIVITIES = [
  'call',
  'email',
  'social',
  'meeting',
  'referral-ask',
  'referral',
  'networking',
  'event',
  'upsell',
  'rejection',
  'conversation',
  'meeting-held',
  'no-show',
] as const;

/** What a prospecting effort led to; every other activity, built in or added, is prospecting. */
const OUTCOME_ACTIVITIES: readonly string[] = [
  'meeting',
  'meeting-held',
  'no-show',
  'referral',
  'rejection',
];

export function isProspecting(activity: string): boolean {
  return !OUTCOME_ACTIVITIES.includes(activity);
}

/** Plurals that are not the name plus an s. */
/** Plurals that are not the name plus s. A Map: a typed word such as `constructor` is only a key. */
const IRREGULAR_PLURALS: ReadonlyMap<string, string> = new Map([['meetings-held', 'meeting-held']]);

/** The word for many of an activity: `calls`, `meetings-held` (the one owner of plurals). */
export function activityPlural(activity: string): string {
  for (const [many, one] of IRREGULAR_PLURALS) if (one === activity) return many;
  return `${activity}s`;
}

export const ACTIVITY_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export function allActivities(custom: readonly string[]): string[] {
  return [...BUILT_IN_ACTIVITIES, ...custom];
}

export type ActivityLookup = { ok: true; activity: string } | { ok: false; suggestion?: string };

/** Resolves a typed activity name: exact, or its plural ("calls"), case-insensitively. */
export function resolveActivity(input: string, custom: readonly string[]): ActivityLookup {
  const known = allActivities(custom);
  const name = input.trim().toLowerCase();
  const irregular = IRREGULAR_PLURALS.get(name);
  if (irregular !== undefined) return { ok: true, activity: irregular };
  for (const activity of known) {
    if (name === activity || name === `${activity}s`) return { ok: true, activity };
  }
  const withPlurals = known.flatMap((a) => [a, `${a}s`]);
  const guess = nearest(name, withPlurals);
  return { ok: false, suggestion: guess === undefined ? undefined : singular(guess, known) };
}

function singular(word: string, known: readonly string[]): string {
  return known.includes(word) ? word : word.slice(0, -1);
}

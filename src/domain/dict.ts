/**
 * Objects keyed by a user's word (an activity, a client, a tag). A plain `{}` inherits
 * `constructor`, `toString` and `__proto__` from Object.prototype, so `totals['constructor']`
 * finds a function where nothing was counted; these have no prototype, so every word is a key
 * like any other.
 */
export function dict<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const d = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) d[key] = value;
  return d;
}

/** `table[key]` when the table itself has it (never an inherited property), else undefined. */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

const ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';

/**
 * A short random id (`k3x9a2`) that is easy to type and does not clash across machines, so an
 * exported log can be merged into another store by id.
 */
export function newId(taken: { has(id: string): boolean }, length = 6): string {
  // Math.random, not node:crypto: an id needs to be unlikely to clash, not to be unguessable, and
  // loading node:crypto cost every write ~4 ms (README "Performance").
  for (;;) {
    let id = '';
    for (let i = 0; i < length; i++) id += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
    if (!taken.has(id)) return id;
  }
}

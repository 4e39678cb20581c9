import { randomBytes } from 'node:crypto';

const ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';

/**
 * A short random id (`k3x9a2`) that is easy to type and does not clash across machines, so an
 * exported log can be merged into another store by id.
 */
export function newId(taken: ReadonlySet<string>, length = 6): string {
  for (;;) {
    const bytes = randomBytes(length);
    let id = '';
    for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
    if (!taken.has(id)) return id;
  }
}

import type { StoreData } from '../domain/types.js';
import { newId } from '../store/ids.js';

/** New entry ids that clash neither with the log nor with each other. */
export function idMaker(data: StoreData): () => string {
  const taken = new Set(data.entries.map((e) => e.id));
  return () => {
    const id = newId(taken);
    taken.add(id);
    return id;
  };
}

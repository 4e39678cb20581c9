import { entryIdsOf } from '../domain/history.js';
import type { StoreData } from '../domain/types.js';
import { newId } from '../store/ids.js';

/** New entry ids that clash neither with the log nor with each other. */
export function idMaker(data: StoreData): () => string {
  const taken = entryIdsOf(data);
  return () => {
    const id = newId(taken);
    taken.add(id);
    return id;
  };
}

import { today } from './domain/dates.js';
import type { Day } from './domain/types.js';
import { colorEnabled, type Io } from './io.js';
import { safeIo } from './safe-text.js';
import { type StoreAt, storeAt } from './store/place.js';

/** What every command gets: the streams, whether to colour, and today's local date. */
export interface Ctx {
  io: Io;
  color: boolean;
  today: Day;
  /** Where the store is (PROSPECT_HOME), and how long a write waits for the lock. */
  store: StoreAt;
}

/**
 * Built once per run, when the first handler runs (after the global flags are parsed). Every
 * command writes through safeIo: no user or file text reaches the terminal raw.
 */
export function makeCtx(io: Io, colorFlag: boolean): Ctx {
  const color = colorEnabled(io, colorFlag);
  return { io: safeIo(io, color), color, today: today(io.now()), store: storeAt(io.env) };
}

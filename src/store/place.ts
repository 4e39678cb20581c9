/**
 * Where the store is, from the environment the caller hands over: small on purpose, since every
 * run builds its Ctx from it (src/context.ts) and `--help` must not load the store's code (nor
 * env-paths, which reads the home folder as it loads).
 */

export const FILE_NAME = 'prospect';

/**
 * How long a writer waits for another one before giving up. Writes take milliseconds, so this is
 * only reached when a writer hangs; PROSPECT_LOCK_WAIT_MS changes it (a slow synced folder).
 */
export const LOCK_WAIT_MS = 10_000;

/** Where the store is, and how long a write waits for another writer: the caller's (Ctx.store). */
export interface StoreAt {
  /** PROSPECT_HOME, when set: the store's folder (store.ts storePath() resolves the default). */
  home: string | undefined;
  lockWaitMs: number;
  /** Where the store's verdict may be kept (src/store/verdict.ts). */
  cache: CacheAt;
  /** When a write moves the log's oldest part into the history file (src/store/history.ts). */
  history: HistoryPolicy;
}

/** When the store file gives up its oldest part to the history file (src/store/history.ts). */
export interface HistoryPolicy {
  /** Entries within this many days of the log's last day stay in the store file. */
  keepDays: number;
  /** Closed leads within this many days of it stay too (no report looks further back at them). */
  leadKeepDays: number;
  /** A write moves them only when at least this many can go: every few weeks, not every day. */
  minMove: number;
}

/**
 * 400 days: every view of the last year (a 52-week trend, a quarter, the funnel's 90 days) reads
 * the store file alone; 60 for closed leads (the leads report's 30 days; open leads always stay).
 * 1,000: about three months of a busy rep's log (README "Performance").
 */
export const HISTORY_POLICY: HistoryPolicy = { keepDays: 400, leadKeepDays: 60, minMove: 1000 };

/** The verdict's folder (bin/prospect.js chooses it: PROSPECT_CACHE_DIR), and its switch. */
export interface CacheAt {
  /** PROSPECT_NO_FAST_PATH=1 (tests): no verdict is read or written. */
  off: boolean;
  dir: string | undefined;
}

/** The store's place from the environment the caller was given (Io.env), not the process's own. */
export function storeAt(env: Readonly<Record<string, string | undefined>>): StoreAt {
  return {
    home: env.PROSPECT_HOME || undefined,
    lockWaitMs: lockWait(env.PROSPECT_LOCK_WAIT_MS),
    cache: {
      off: env.PROSPECT_NO_FAST_PATH === '1',
      dir: env.PROSPECT_CACHE_DIR || undefined,
    },
    // Tests move small logs into a history: PROSPECT_TEST_HISTORY=<keepDays>,<leadKeepDays>,<minMove>.
    history: testHistory(env.PROSPECT_TEST_HISTORY) ?? HISTORY_POLICY,
  };
}

function testHistory(value: string | undefined): HistoryPolicy | undefined {
  const m = /^(\d{1,5}),(\d{1,5}),(\d{1,7})$/.exec(value ?? '');
  return m
    ? { keepDays: Number(m[1]), leadKeepDays: Number(m[2]), minMove: Math.max(1, Number(m[3])) }
    : undefined;
}

/** PROSPECT_LOCK_WAIT_MS as given (Io.env), or the default wait. */
function lockWait(value: string | undefined): number {
  const fromEnv = Number(value);
  return Number.isFinite(fromEnv) && fromEnv >= 0 ? fromEnv : LOCK_WAIT_MS;
}

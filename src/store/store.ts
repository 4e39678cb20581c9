import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type Conf from 'conf';
import envPaths from 'env-paths';
import type { StoreData } from '../domain/types.js';
import { failure } from '../errors.js';
import { emptyStore, migrate, StoreProblem } from './schema.js';

const FILE_NAME = 'prospect';

/** `PROSPECT_HOME/prospect.json`, or `prospect.json` in conf's per-user config folder. */
export function storePath(): string {
  const home = process.env.PROSPECT_HOME;
  // env-paths is what conf itself uses to pick its default folder.
  const dir = home ? resolve(home) : envPaths('prospect', { suffix: 'nodejs' }).config;
  return join(dir, `${FILE_NAME}.json`);
}

export interface Loaded {
  path: string;
  data: StoreData;
  /** False for a store that has never been written. */
  exists: boolean;
  fromVersion: number;
}

/** Reads and checks the store once. A store that is not sound stops the command with exit 1. */
export function readStore(): Loaded {
  const path = storePath();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { path, data: emptyStore(), exists: false, fromVersion: 0 };
    }
    failure(`cannot read the store at ${path}: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    broken(path, `it is not valid JSON (${(error as Error).message})`);
  }
  try {
    const { data, fromVersion } = migrate(raw);
    return { path, data, exists: true, fromVersion };
  } catch (error) {
    if (error instanceof StoreProblem) broken(path, error.message);
    throw error;
  }
}

function broken(path: string, why: string): never {
  failure(
    `the store at ${path} cannot be used: ${why}. Nothing was changed; fix or move that file, or restore a backup (README, "Your data").`,
  );
}

/** Writes the whole store once, atomically (conf writes a temp file and renames it). */
export async function writeStore(path: string, data: StoreData): Promise<void> {
  const { default: ConfClass } = await import('conf');
  const dir = dirname(path);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  const conf: Conf<Record<string, unknown>> = new ConfClass({
    cwd: dir,
    configName: FILE_NAME,
    configFileMode: 0o600,
    clearInvalidConfig: false,
    serialize: (value) => JSON.stringify(value),
    // conf reads the file in its constructor; the command has read and checked it already.
    deserialize: () => ({}),
  });
  conf.store = data as unknown as Record<string, unknown>;
}

/** Reads the store, lets `change` edit it, and writes it once if `change` returns without throwing. */
export async function updateStore<T>(change: (data: StoreData, loaded: Loaded) => T): Promise<T> {
  const loaded = readStore();
  const result = change(loaded.data, loaded);
  await writeStore(loaded.path, loaded.data);
  return result;
}

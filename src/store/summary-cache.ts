import { type BigIntStats, readFileSync } from 'node:fs';
import type { HistoryIdsJson, HistoryJson } from '../domain/history.js';
import type { CacheAt } from './place.js';
import { SCHEMA_VERSION } from './schema.js';
import { CACHE_BUILD, cacheFile, identity, writeCacheFile } from './verdict.js';

// The summary of a store's history file (src/domain/history.ts), kept in the same private cache
// folder as the verdict (src/store/verdict.ts): derived, never the truth. It is trusted only for
// the history file with the identity (device, inode, size, mtime, ctime) it was made from, by the
// same build and schema; anything else (no file, a damaged one, an edited or copied history, a new
// build) and the command reads the whole store, which makes it again. It is made only from a
// history that was checked with the whole store, or that a write just wrote. Nothing about it can
// fail a command: every error reading or writing it is ignored.

function keyOf(historyFile: string, stat: BigIntStats): string {
  return `prospect-summary 1 build=${CACHE_BUILD} schema=${SCHEMA_VERSION} ${identity(stat)} path=${JSON.stringify(historyFile)}`;
}

/**
 * A checksum over a line's bytes, so a damaged summary (a flipped digit is still JSON) is never
 * read: the line ends with it. FNV-1a over 32-bit words (a quarter of the steps of a byte-wise
 * one: this runs on every read, without the optimising compiler). Not a defence against someone
 * who can write the private cache folder: they could change the code cache beside it anyway.
 */
function checksum(bytes: Buffer): string {
  const words = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
  let h = 0x811c9dc5 ^ bytes.length;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ (words[i] as number), 0x01000193);
  for (let i = words.length << 2; i < bytes.length; i++) {
    h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** A line's text and checksum: `<checksum> <text>`. */
export function sealed(text: string): string {
  // A copy aligned for the word view (Buffer.from may hand out a slice of a shared pool).
  const bytes = Buffer.alloc(Buffer.byteLength(text));
  bytes.write(text);
  return `${checksum(bytes)} ${text}`;
}

/** The text of a sealed line (its bytes), or undefined when the checksum disagrees. */
export function unsealed(line: Buffer): string | undefined {
  if (line.length < 9 || line[8] !== 0x20) return undefined;
  const body = Buffer.alloc(line.length - 9);
  line.copy(body, 0, 9);
  return line.toString('latin1', 0, 8) === checksum(body) ? body.toString('utf8') : undefined;
}

/** The file holds three lines: the key, what reads need, and the ids a write needs. */
export interface CachedSummary {
  read: HistoryJson;
  /** Parses the third line (only a write asks); throws when it is damaged. */
  ids: () => HistoryIdsJson;
}

/** The summary made from the history file with this identity, or undefined. */
export function readSummary(
  cache: CacheAt,
  storeFile: string,
  historyFile: string,
  stat: BigIntStats,
): CachedSummary | undefined {
  try {
    const file = cacheFile(cache, storeFile, 'summary');
    if (file === undefined) return undefined;
    const bytes = readFileSync(file);
    const first = bytes.indexOf(0x0a);
    const second = bytes.indexOf(0x0a, first + 1);
    if (first < 0 || second < 0) return undefined;
    if (bytes.toString('utf8', 0, first) !== keyOf(historyFile, stat)) return undefined;
    const line = unsealed(bytes.subarray(first + 1, second));
    if (line === undefined) return undefined;
    const read = JSON.parse(line) as HistoryJson;
    if (typeof read !== 'object' || read === null) return undefined;
    const ids = () => {
      const idsLine = unsealed(bytes.subarray(second + 1));
      if (idsLine === undefined) throw new Error('the summary cache is damaged');
      return JSON.parse(idsLine) as HistoryIdsJson;
    };
    return { read, ids };
  } catch {
    return undefined;
  }
}

/** Keeps the summary of the history file with this identity. Never fails. */
export function writeSummary(
  cache: CacheAt,
  storeFile: string,
  historyFile: string,
  stat: BigIntStats,
  summary: { read: HistoryJson; ids: HistoryIdsJson },
): void {
  const file = cacheFile(cache, storeFile, 'summary');
  if (file === undefined) return;
  const read = sealed(JSON.stringify(summary.read));
  writeCacheFile(
    file,
    `${keyOf(historyFile, stat)}\n${read}\n${sealed(JSON.stringify(summary.ids))}`,
  );
}

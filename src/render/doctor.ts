import { basename } from 'node:path';
import type { FileCheck, Health, RestoreResult } from '../domain/health.js';
import { plural } from './format.js';

const octal = (mode: number | null) => (mode === null ? null : `0${mode.toString(8)}`);
const kb = (bytes = 0) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`);

/** Whether the store can be used; a missing store is fine (the first write creates it). */
const healthy = (h: Health) => h.store === null || h.store.ok;

/** `doctor --json`: the same report, modes in octal, `ok: false` for a store that cannot be used. */
export function doctorJson(h: Health): unknown {
  return {
    ok: healthy(h),
    path: h.path,
    exists: h.exists,
    store: h.store,
    fileMode: octal(h.fileMode),
    folder: h.folder,
    folderMode: octal(h.folderMode),
    backupDir: h.backupDir,
    backups: h.backups,
    lock: h.lock && {
      file: h.lock.file,
      pid: h.lock.pid,
      host: h.lock.host,
      at: h.lock.at,
      stale: h.lock.stale,
    },
    tempFiles: h.tempFiles,
    history: h.history && { ...h.history, mode: octal(h.history.mode) },
  };
}

/** What `doctor --restore` did, in a line. */
export function renderRestore(result: RestoreResult): string {
  if (!result.restored) return 'The store is sound: nothing to restore.\n';
  const kept = result.brokenCopy ? ` The broken file was kept as ${result.brokenCopy}.` : '';
  return `Restored ${result.from} (${plural(result.entries, 'entry', 'entries')}) as the store.${kept} Check it: prospect history\n`;
}

/** `prospect doctor`: the store, privacy, backups, lock and the next step; `nowMs` ages the lock. */
export function renderDoctor(h: Health, nowMs: number): string {
  const lines: string[] = [`Store    ${h.path}`];
  const s = h.store;
  if (s === null) lines.push('         not created yet: the first write creates it');
  else if (s.ok)
    lines.push(
      `         sound: schema ${s.schemaVersion}, ${plural(s.entries ?? 0, 'entry', 'entries')}, ${kb(s.bytes)}`,
    );
  else lines.push(`         NOT USABLE: ${s.problem}`);
  const hi = h.history;
  if (hi !== null && hi.bytes !== null) {
    lines.push(
      `History  ${hi.file}: ${plural(hi.entries, 'entry', 'entries')} before ${hi.before}, ${plural(hi.leads, 'closed lead')} before ${hi.leadsBefore}, ${kb(hi.bytes)}`,
    );
  }

  const privacy: string[] = [];
  if (h.fileMode !== null) {
    privacy.push(
      h.fileMode & 0o077
        ? `file ${octal(h.fileMode)}: others can read it (the next write sets 0600; now: chmod 600 ${h.path})`
        : `file ${octal(h.fileMode)}`,
    );
  }
  if (h.folderMode !== null) {
    privacy.push(
      h.folderMode & 0o077
        ? `folder ${octal(h.folderMode)}: others can list it (chmod 700 ${h.folder})`
        : `folder ${octal(h.folderMode)}`,
    );
  }
  if (hi !== null && hi.mode !== null && hi.mode & 0o077) {
    privacy.push(
      `history file ${octal(hi.mode)}: others can read it (the next write sets 0600; now: chmod 600 ${hi.file})`,
    );
  }
  if (privacy.length) lines.push(`Privacy  ${privacy.join('; ')}`);

  const good = h.backups.find((b) => b.ok);
  if (h.backups.length === 0) {
    lines.push(
      'Backups  none yet (one is made by the first write of each day, and before every migration, import --replace and restore)',
    );
  } else {
    lines.push(
      `Backups  ${h.backups.length} in ${h.backupDir}; newest usable: ${good ? describe(good) : 'none'}`,
    );
  }
  if (h.lock) {
    const since = h.lock.at ? `${Math.round((nowMs - h.lock.at) / 1000)} s ago` : 'unknown';
    lines.push(
      h.lock.stale
        ? `Lock     ${h.lock.file} is stale (${h.lock.stale}): the next write takes it over`
        : `Lock     held by process ${h.lock.pid || '?'} since ${since}: a write is under way`,
    );
  }
  if (h.tempFiles.length) {
    lines.push(
      `Leftover ${plural(h.tempFiles.length, 'temp file')} of interrupted writes: the next write removes them`,
    );
  }

  if (s !== null && !s.ok) {
    if (s.newer)
      lines.push('Next: upgrade prospect (a backup would drop what the newer one wrote)');
    else if (good)
      lines.push(
        'Next: prospect doctor --restore   (keeps a copy of the broken file, then puts that backup in place)',
      );
    else
      lines.push(
        `Next: no usable backup: fix ${h.path} by hand (it is JSON), or move it away to start afresh`,
      );
  } else if (s === null && good) {
    lines.push('Next: prospect doctor --restore   (puts the newest usable backup in place)');
  } else {
    lines.push('Nothing to do.');
  }
  return `${lines.join('\n')}\n`;
}

function describe(b: FileCheck): string {
  return `${basename(b.path)} (${plural(b.entries ?? 0, 'entry', 'entries')})`;
}

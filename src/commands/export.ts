import { emit } from '../app/documents.js';
import type { Ctx } from '../context.js';
import { EXPORT_SCHEMA } from '../domain/merge.js';
import { usage } from '../errors.js';
import { choice } from '../options.js';
import { json, plural } from '../render/format.js';
import { readStore } from '../store/store.js';

declare const PACKAGE_VERSION: string;

/**
 * The whole store as one versioned document, beliefs included: it is the rep's own backup, the
 * file `prospect import` reads on a new machine.
 */
export async function exportStore(
  ctx: Ctx,
  opts: { out?: string; force?: boolean; format?: string },
): Promise<void> {
  const format = exportFormat(opts);
  const { data } = readStore(ctx.store);
  if (format === 'csv') {
    const { renderExportCsv } = await import('../render/export-csv.js');
    emit(
      ctx,
      renderExportCsv(data.entries),
      opts,
      `the log (${plural(data.entries.length, 'entry', 'entries')}, csv)`,
    );
    return;
  }
  const doc = {
    schema: EXPORT_SCHEMA,
    exportedAt: ctx.io.now().toISOString(),
    app: `prospect ${PACKAGE_VERSION}`,
    store: data,
  };
  emit(
    ctx,
    json(doc),
    opts,
    `the whole store (${plural(data.entries.length, 'entry', 'entries')})`,
  );
}

/**
 * --format, else the extension of --out (log.csv, backup.json), else the JSON backup. Another
 * extension (x.txt) is refused rather than filled with JSON, as `report --out w47.xlsx` is.
 */
function exportFormat(opts: { out?: string; format?: string }): 'json' | 'csv' {
  if (opts.format !== undefined) return choice(opts.format, ['json', 'csv'] as const, '--format');
  const ext = opts.out?.match(/\.([^./\\]+)$/)?.[1];
  if (ext === undefined || opts.out === '-') return 'json';
  const lower = ext.toLowerCase();
  if (lower === 'json' || lower === 'csv') return lower;
  const out = opts.out as string;
  const name = out.length > 60 ? `${out.slice(0, 60)}...` : out;
  usage(
    `--out ${name}: export writes .json (the whole store) or .csv (the log), not .${ext.slice(0, 20)}: name it .json or .csv, or give --format`,
  );
}

import { emit } from '../app/documents.js';
import type { Ctx } from '../context.js';
import { EXPORT_SCHEMA } from '../domain/merge.js';
import { choice } from '../options.js';
import { json } from '../render/format.js';
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
  // --format, else the extension of --out (log.csv), else the JSON backup.
  const format =
    opts.format !== undefined
      ? choice(opts.format, ['json', 'csv'] as const, '--format')
      : /\.csv$/i.test(opts.out ?? '')
        ? 'csv'
        : 'json';
  const { data } = readStore(ctx.store);
  if (format === 'csv') {
    const { renderExportCsv } = await import('../render/export-csv.js');
    emit(ctx, renderExportCsv(data.entries), opts, `the log (${data.entries.length} entries, csv)`);
    return;
  }
  const doc = {
    schema: EXPORT_SCHEMA,
    exportedAt: ctx.io.now().toISOString(),
    app: `prospect ${PACKAGE_VERSION}`,
    store: data,
  };
  emit(ctx, json(doc), opts, `the whole store (${data.entries.length} entries)`);
}

import { EXPORT_SCHEMA } from '../domain/merge.js';
import type { Ctx } from '../program.js';
import { json } from '../render/format.js';
import { readStore } from '../store/store.js';
import { emit } from './report.js';

declare const PACKAGE_VERSION: string;

/**
 * The whole store as one versioned document, beliefs included: it is the rep's own backup, the
 * file `prospect import` reads on a new machine.
 */
export async function exportStore(
  ctx: Ctx,
  opts: { out?: string; force?: boolean },
): Promise<void> {
  const { data } = readStore();
  const doc = {
    schema: EXPORT_SCHEMA,
    exportedAt: ctx.io.now().toISOString(),
    app: `prospect ${PACKAGE_VERSION}`,
    store: data,
  };
  emit(ctx, json(doc), opts, `the whole store (${data.entries.length} entries)`);
}

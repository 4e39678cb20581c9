import type { ChalkInstance } from 'chalk';
import { paint } from '../paint.js';
import { json } from '../render/format.js';
import type { ReportFormat } from '../render/report-common.js';

/** A document's renderer for one format; the text one gets the colours (none in a file). */
type Render<T> = (doc: T, color: ChalkInstance) => string;

/** One loader per format but json: each renderer's module loads only when its format is chosen. */
export type Renderers<T> = { [F in Exclude<ReportFormat, 'json'>]: () => Promise<Render<T>> };

/**
 * The one format switch of every document (report, its trend and period forms, team, its trend
 * and lead forms, the leads report): json is the document itself, every other format its renderer.
 */
export async function renderAs<T>(
  doc: T,
  format: ReportFormat,
  color: boolean,
  renderers: Renderers<T>,
): Promise<string> {
  if (format === 'json') return json(doc);
  const render = await renderers[format]();
  return render(doc, paint(color));
}

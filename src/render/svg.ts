import { escapeHtml as e } from './report-common.js';

export interface Series {
  name: string;
  /** One value per label; null leaves a gap (a missing week is not drawn as 0). */
  values: (number | null)[];
}

export interface LineChart {
  title: string;
  labels: string[];
  series: Series[];
  /** The value axis runs from 0 to at least this. */
  yMin?: number;
  /** A dashed guide line, such as 100% of target. */
  guide?: number;
  unit?: string;
  width?: number;
  height?: number;
  /** Class for the <svg>: `chart trend` by default. */
  cls?: string;
  /** Label every n-th week (the rest stay ticks), so 52 weeks stay readable. */
  compact?: boolean;
}

/** Stroke patterns and marker shapes that tell lines apart in greyscale and on a mono printer. */
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '12 4', '1 2', '4 4 1 4', '10 2 2 2 2 2'];
const GREYS = [
  '#1d2330',
  '#2f6fdb',
  '#b3261e',
  '#1f8a4c',
  '#7a4fb5',
  '#a0522d',
  '#00838f',
  '#5b6472',
];

/** A marker at (x, y): circle, square, triangle, diamond, cross, in turn. */
function marker(kind: number, x: number, y: number, color: string): string {
  const f = (n: number) => n.toFixed(1);
  switch (kind % 5) {
    case 0:
      return `<circle cx="${f(x)}" cy="${f(y)}" r="3" fill="${color}"/>`;
    case 1:
      return `<rect x="${f(x - 3)}" y="${f(y - 3)}" width="6" height="6" fill="${color}"/>`;
    case 2:
      return `<path d="M${f(x)} ${f(y - 4)}L${f(x + 4)} ${f(y + 3)}L${f(x - 4)} ${f(y + 3)}Z" fill="${color}"/>`;
    case 3:
      return `<path d="M${f(x)} ${f(y - 4)}L${f(x + 4)} ${f(y)}L${f(x)} ${f(y + 4)}L${f(x - 4)} ${f(y)}Z" fill="none" stroke="${color}" stroke-width="1.5"/>`;
    default:
      return `<path d="M${f(x - 3)} ${f(y - 3)}L${f(x + 3)} ${f(y + 3)}M${f(x + 3)} ${f(y - 3)}L${f(x - 3)} ${f(y + 3)}" stroke="${color}" stroke-width="1.5"/>`;
  }
}

/** The style of series `i`: colour, dash pattern and marker, so each differs without colour too. */
function seriesStyle(i: number): { color: string; dash: string; marker: number } {
  return {
    color: GREYS[i % GREYS.length] as string,
    dash: DASHES[i % DASHES.length] as string,
    marker: i,
  };
}

/** A legend swatch: a short line in the series' dash with its marker. */
export function swatch(i: number): string {
  const s = seriesStyle(i);
  const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : '';
  return `<svg class="swatch" width="28" height="10" viewBox="0 0 28 10" aria-hidden="true"><path d="M1 5H27" stroke="${s.color}" stroke-width="2"${dash}/>${marker(s.marker, 14, 5, s.color)}</svg>`;
}

/**
 * An inline SVG line chart: no script, no external resource. Each series is a polyline broken
 * where a value is null, in its own dash pattern with its own marker on every point.
 */
export function lineChart(c: LineChart): string {
  const width = c.width ?? 640;
  const height = c.height ?? 220;
  const left = 40;
  const right = 10;
  const top = 18;
  const bottom = 22;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const all = c.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = niceMax(Math.max(c.yMin ?? 1, c.guide ?? 0, ...all));
  const n = c.labels.length;
  const x = (i: number) => left + (n <= 1 ? plotW / 2 : (plotW * i) / (n - 1));
  const y = (v: number) => top + plotH - (plotH * v) / max;
  const f = (v: number) => v.toFixed(1);
  const unit = c.unit ?? '';
  const out: string[] = [];
  out.push(
    `<svg class="${c.cls ?? 'chart trend'}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${e(c.title)}" xmlns="http://www.w3.org/2000/svg">`,
  );
  out.push(`<title>${e(c.title)}</title>`);
  out.push(`<text x="${left}" y="12" class="title">${e(c.title)}</text>`);
  for (const v of [0, max / 2, max]) {
    out.push(
      `<path class="grid" d="M${left} ${f(y(v))}H${width - right}" stroke="#d5dae1" stroke-width="1"/>`,
    );
    out.push(
      `<text x="${left - 4}" y="${f(y(v) + 4)}" text-anchor="end" class="axis">${Number.isInteger(v) ? v : v.toFixed(1)}${unit}</text>`,
    );
  }
  if (c.guide !== undefined) {
    out.push(
      `<path class="guide" d="M${left} ${f(y(c.guide))}H${width - right}" stroke="#5b6472" stroke-width="1" stroke-dasharray="4 3"/>`,
    );
  }
  // Compact charts name the first and last week only; wide ones about eight, the last always.
  const every = c.compact ? Math.max(1, n - 1) : n > 14 ? Math.ceil(n / 8) : 1;
  c.labels.forEach((label, i) => {
    if (i !== n - 1 && i % every !== 0) return;
    if (i !== n - 1 && n - 1 - i < every / 2) return;
    out.push(
      `<text x="${f(x(i))}" y="${height - 6}" text-anchor="${c.compact ? (i === 0 ? 'start' : 'end') : 'middle'}" class="axis">${e(label)}</text>`,
    );
  });
  c.series.forEach((s, si) => {
    const style = seriesStyle(si);
    const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
    let d = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${f(x(i))} ${f(y(v))}`;
      pen = true;
    });
    out.push(`<g class="series" data-name="${e(s.name)}">`);
    if (d) {
      out.push(
        `<path class="line" d="${d}" fill="none" stroke="${style.color}" stroke-width="2"${dash}/>`,
      );
    }
    s.values.forEach((v, i) => {
      if (v !== null) out.push(marker(style.marker, x(i), y(v), style.color));
    });
    out.push('</g>');
  });
  out.push('</svg>');
  return out.join('\n');
}

/** A round top for the value axis: 1, 2 or 5 times a power of ten, at least `v`. */
function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

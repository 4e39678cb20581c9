/** A figure to two decimals (expected counts, rates, averages): what JSON and the renderers show. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

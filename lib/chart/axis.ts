/** The top of a chart's value axis: the smallest of 1, 2, 2.5, 5 × a power of ten at or above `v` (1 for nothing). */
export function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((m) => m >= v)!;
}

/**
 * Scans over the readings and the grid (index walks, extremes) used by the evidence functions.
 *
 * They are small functions of their own on purpose. The evidence functions that combine the fits
 * are long and full of branches that only some curves take; with a loop over the readings inside,
 * such a function is optimized by the JIT after a few curves, before most of its branches have
 * run, and each branch reached later costs a deoptimization and a recompilation of the whole
 * function (tens of milliseconds each, on the core that runs the analysis). Without loops they are
 * optimized later, once, and the loops here are optimized on their own.
 */

/** Index of the largest of s[0…n) (the first of equal ones). */
export function argMax(s: Float64Array, n: number): number {
  let k = 0;
  for (let i = 1; i < n; i++) if (s[i]! > s[k]!) k = i;
  return k;
}

/** Index of the largest of s[a…b] (the first of equal ones). */
export function argMaxIn(s: Float64Array, a: number, b: number): number {
  let k = a;
  for (let i = a + 1; i <= b; i++) if (s[i]! > s[k]!) k = i;
  return k;
}

/** Index of the largest finite s[k], k < n (the first of equal ones); −1 when none is finite. */
export function argMaxFinite(s: Float64Array, n: number): number {
  let best = -1;
  for (let k = 0; k < n; k++) {
    const v = s[k]!;
    if (Number.isFinite(v) && (best < 0 || v > s[best]!)) best = k;
  }
  return best;
}

/** Math.min of `start` and s[a…b]. */
export function minOver(s: Float64Array, a: number, b: number, start = Infinity): number {
  let m = start;
  for (let i = a; i <= b; i++) m = Math.min(m, s[i]!);
  return m;
}

/** Math.max of `start` and s[a…b]. */
export function maxOver(s: Float64Array, a: number, b: number, start = -Infinity): number {
  let m = start;
  for (let i = a; i <= b; i++) m = Math.max(m, s[i]!);
  return m;
}

/** Number of leading values below `edge` (T ascending). */
export function countBelow(T: Float64Array, edge: number): number {
  let k = 0;
  while (k < T.length && T[k]! < edge) k++;
  return k;
}

/** Number of leading values at or below `edge` (T ascending): the first index above it. */
export function countAtOrBelow(T: Float64Array, edge: number): number {
  let k = T.length;
  while (k > 0 && T[k - 1]! > edge) k--;
  return k;
}

/** From index `from`, walk up while the next value is still at or below `edge`; the index reached. */
export function walkUpTo(T: Float64Array, from: number, edge: number): number {
  let i = from;
  while (i + 1 < T.length && T[i + 1]! <= edge) i++;
  return i;
}

/** From index `from`, the first index whose value is above `edge` (T.length when none). */
export function firstAbove(T: Float64Array, from: number, edge: number): number {
  let j = from;
  while (j < T.length && T[j]! <= edge) j++;
  return j;
}

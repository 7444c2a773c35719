/**
 * Input validation and cleaning. Never throws: problems become dropped points
 * (with the original index and a reason), warnings, or a fatal `error`.
 *
 * - non-finite T or R → dropped
 * - T ≤ 0 → dropped (kelvin temperatures must be positive)
 * - unsorted input → sorted ascending in T (warning)
 * - duplicate temperatures → merged, R averaged (warning)
 * - R ≤ 0 → kept (the zero-resistance state of a superconductor read by a
 *   signed instrument scatters around zero; a reading is never dropped for it)
 */
import { scratchF64, scratchI32 } from "../workspace";

export interface Prepared {
  T: Float64Array;
  R: Float64Array;
  /** original index of each kept point (first of a merged group) */
  index: Int32Array;
  dropped: { index: number; reason: string }[];
  warnings: string[];
  nPoints: number;
  error: string | null;
}

function isArrayLike(v: unknown): v is ArrayLike<unknown> {
  if (v === null || v === undefined) return false;
  if (typeof v === "string" || typeof v === "function") return false;
  const len = (v as { length?: unknown }).length;
  return typeof len === "number" && Number.isInteger(len) && len >= 0;
}

function toNumber(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "string" && v.trim() !== "") return Number(v);
  return NaN;
}

const fmt = (v: number) => (Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-2 && v !== 0) ? v.toExponential(2) : v.toPrecision(3));

/**
 * @param scratch internal: build the arrays in work buffers (valid until the
 * next call) instead of fresh allocations
 */
export function prepareCurve(input: { T?: unknown; R?: unknown } | null | undefined, scratch = false): Prepared {
  const f64 = (key: string, n: number) => (scratch ? scratchF64(key, n) : new Float64Array(n));
  const i32 = (key: string, n: number) => (scratch ? scratchI32(key, n) : new Int32Array(n));
  const empty = (error: string, nPoints = 0): Prepared => ({
    T: new Float64Array(0),
    R: new Float64Array(0),
    index: new Int32Array(0),
    dropped: [],
    warnings: [],
    nPoints,
    error,
  });
  if (!input || typeof input !== "object") return empty("input is not an object with T and R arrays");
  const Tin = input.T;
  const Rin = input.R;
  if (!isArrayLike(Tin)) return empty("T is missing or not an array");
  if (!isArrayLike(Rin)) return empty("R is missing or not an array");
  if (Tin.length !== Rin.length)
    return empty(`T and R have different lengths (${Tin.length} and ${Rin.length})`, Math.max(Tin.length, Rin.length));
  const nPoints = Tin.length;
  const dropped: { index: number; reason: string }[] = [];
  const warnings: string[] = [];

  // 1. finite, positive temperature
  let T = f64("prep.T", nPoints);
  let R = f64("prep.R", nPoints);
  let idx = i32("prep.idx", nPoints);
  let n = 0;
  let sorted = true;
  for (let i = 0; i < nPoints; i++) {
    const t = toNumber(Tin[i]);
    const r = toNumber(Rin[i]);
    if (!Number.isFinite(t)) {
      dropped.push({ index: i, reason: "temperature is not a finite number" });
      continue;
    }
    if (!Number.isFinite(r)) {
      dropped.push({ index: i, reason: "resistance is not a finite number" });
      continue;
    }
    if (t <= 0) {
      dropped.push({ index: i, reason: `non-positive temperature (T = ${fmt(t)} K)` });
      continue;
    }
    if (n > 0 && t < T[n - 1]!) sorted = false;
    T[n] = t;
    R[n] = r;
    idx[n] = i;
    n++;
  }
  // 2. sort (a strictly decreasing sweep — cooling — is simply reversed)
  let decreasing = !sorted && n > 1;
  for (let k = 1; decreasing && k < n; k++) if (!(T[k]! < T[k - 1]!)) decreasing = false;
  if (decreasing) {
    T.subarray(0, n).reverse();
    R.subarray(0, n).reverse();
    idx.subarray(0, n).reverse();
    warnings.push("temperatures were in decreasing order (cooling sweep); reversed");
  } else if (!sorted) {
    const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => T[a]! - T[b]! || idx[a]! - idx[b]!);
    const T2 = f64("prep.T2", n);
    const R2 = f64("prep.R2", n);
    const i2 = i32("prep.idx2", n);
    for (let k = 0; k < n; k++) {
      T2[k] = T[order[k]!]!;
      R2[k] = R[order[k]!]!;
      i2[k] = idx[order[k]!]!;
    }
    T = T2;
    R = R2;
    idx = i2;
    warnings.push("input was not sorted by temperature; sorted ascending");
  }
  // 3. merge duplicate temperatures (relative difference below 1e-12)
  let m = 0;
  let merged = 0;
  for (let k = 0; k < n; ) {
    let j = k + 1;
    let sum = R[k]!;
    while (j < n && T[j]! - T[k]! <= 1e-12 * T[k]!) {
      sum += R[j]!;
      j++;
    }
    merged += j - k - 1;
    T[m] = T[k]!;
    R[m] = sum / (j - k);
    idx[m] = idx[k]!;
    m++;
    k = j;
  }
  if (merged > 0) warnings.push(`${merged} point(s) at duplicate temperatures merged (R averaged)`);
  n = m;
  T = T.subarray(0, n);
  R = R.subarray(0, n);
  idx = idx.subarray(0, n);

  // 4. non-positive resistances are kept: within the noise of zero they are the zero-resistance
  // state of a superconductor (a signed readout scatters around zero), never outliers to drop;
  // a channel that is mostly negative is recognised as such (evidence/channel.ts), and an
  // isolated glitch is left to the outlier test
  let nonPositive = 0;
  for (let k = 0; k < n; k++) if (R[k]! <= 0) nonPositive++;
  if (nonPositive > 0) warnings.push(`${nonPositive} reading(s) with R ≤ 0 kept (zero resistance within noise, or a signed readout)`);
  dropped.sort((a, b) => a.index - b.index);
  return { T, R, index: idx, dropped, warnings, nPoints, error: null };
}

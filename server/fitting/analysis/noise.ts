/**
 * Noise estimation and outlier rejection.
 *
 * Point-to-point noise is estimated from the deviation of each point from the
 * straight line through its two neighbours (in ln T): for independent noise of
 * standard deviation σ the deviation has variance σ²(1 + a² + b²) with a, b the
 * interpolation weights. The median of the normalised |deviations|·1.4826 is a
 * robust σ (insensitive to outliers and to the smooth trend when the sampling
 * is dense; in a sweep of fewer than COARSE_READINGS readings, the lower quartile's).
 *   relative: σ of ln R over the upper half of the resistances
 *   floor:    σ of R in ohm over the 20 % of points with the smallest |R| —
 *             the instrument noise floor when the curve reaches R = 0 (lock-in
 *             noise around zero), otherwise the scatter where R is lowest
 */
import { medianInPlace, selectInPlace } from "../../numeric/select";
import { scratchF64, scratchU8 } from "../workspace";



/**
 * A curve of fewer readings than this is a coarse sweep (setpoints): the curvature of the trend
 * between neighbours far apart in T inflates up to half of the residuals (at a transition, at a
 * knee), and their median measures the curve's shape, not its noise. The lower quartile is used
 * there. (24: three independent local lines of eight readings, as in the insulating window.)
 */
export const COARSE_READINGS = 24;
/** |N(0, 1)| has its lower quartile at 0.3186 and its median at 0.6745 */
const QUARTILE_SCALE = 1 / 0.3186;

/** Robust σ of k ≥ 3 normalised |residuals| (reorders buf): 1.4826·median, or the lower quartile's σ when `coarse`. */
function residualSigma(buf: Float64Array, k: number, coarse: boolean): number {
  if (k < 3) return NaN;
  if (!coarse) return 1.4826 * medianInPlace(buf, k);
  return QUARTILE_SCALE * selectInPlace(buf, k, (k - 1) >> 2);
}

export interface NoiseEstimate {
  /** σ of ln R (≈ relative σ of R) */
  relative: number;
  /** scatter of R (Ω) where |R| is smallest */
  floor: number;
}

export function estimateNoise(lnT: Float64Array, R: Float64Array, lnR?: Float64Array): NoiseEstimate {
  const n = R.length;
  let L = lnR;
  if (!L) {
    L = scratchF64("noise.lnR", n);
    for (let i = 0; i < n; i++) L[i] = R[i]! > 0 ? Math.log(R[i]!) : NaN;
  }
  const buf = scratchF64("noise.buf", Math.max(n, 1));
  // median of R for the "upper half" selection
  const rs = scratchF64("noise.rs", n);
  rs.set(R);
  const rMed = n ? selectInPlace(rs, n, n >> 1) : 0;
  let k = 0;
  for (let i = 1; i < n - 1; i++) {
    const r0 = R[i - 1]!;
    const r1 = R[i]!;
    const r2 = R[i + 1]!;
    if (!(r0 > 0 && r1 > 0 && r2 > 0) || r1 < rMed) continue;
    const span = lnT[i + 1]! - lnT[i - 1]!;
    if (!(span > 0)) continue;
    const a = (lnT[i + 1]! - lnT[i]!) / span;
    const b = 1 - a;
    const d = L[i]! - a * L[i - 1]! - b * L[i + 1]!;
    buf[k++] = Math.abs(d) / Math.sqrt(1 + a * a + b * b);
  }
  const coarse = n < COARSE_READINGS;
  const relative = residualSigma(buf, k, coarse);

  // floor: start from the 5 interior points of smallest |R|, then take every
  // point within a few σ of their level (the zero-resistance stretch of a
  // superconductor, the plateau of a failed superconductor, the flattest
  // part of an insulator) — points on a steep transition, whose neighbour
  // residuals are inflated by curvature, stay out
  const dAbs = scratchF64("noise.dAbs", n);
  for (let i = 1; i < n - 1; i++) {
    const span = lnT[i + 1]! - lnT[i - 1]!;
    if (!(span > 0)) {
      dAbs[i] = NaN;
      continue;
    }
    const a = (lnT[i + 1]! - lnT[i]!) / span;
    const b = 1 - a;
    dAbs[i] = Math.abs(R[i]! - a * R[i - 1]! - b * R[i + 1]!) / Math.sqrt(1 + a * a + b * b);
  }
  const abs = rs.subarray(0, Math.max(n - 2, 0));
  for (let i = 1; i < n - 1; i++) abs[i - 1] = Math.abs(R[i]!);
  const m = abs.length;
  const thr = m ? selectInPlace(abs, m, Math.min(m - 1, 4)) : 0;
  const lv = scratchF64("noise.lv", Math.max(n, 1));
  k = 0;
  let kl = 0;
  for (let i = 1; i < n - 1; i++) {
    if (Math.abs(R[i]!) > thr || !(dAbs[i]! >= 0)) continue;
    buf[k++] = dAbs[i]!;
    lv[kl++] = R[i]!;
  }
  // (the coarse estimate of these few, for a curve too coarse to widen them; the order statistics
  // only reorder buf, so its median below is unchanged)
  const coarseFirst = coarse ? residualSigma(buf, k, true) : NaN;
  let floor = k >= 3 ? 1.4826 * medianInPlace(buf, k) : NaN;
  if (Number.isFinite(floor)) {
    const level = medianInPlace(lv, kl);
    const band = 4 * floor + 0.05 * Math.abs(level);
    k = 0;
    for (let i = 1; i < n - 1; i++) {
      if (Math.abs(R[i]! - level) > band || !(dAbs[i]! >= 0)) continue;
      buf[k++] = dAbs[i]!;
    }
    // a flat stretch: the median of its residuals; too few of them in a coarse sweep, the lower
    // quartile of the first five, some of which lie on the transition above it
    if (k >= 5) floor = 1.4826 * medianInPlace(buf, k);
    else if (coarse) floor = coarseFirst;
  }
  return { relative, floor };
}

function med3(a: number, b: number, c: number): number {
  return a > b ? (b > c ? b : a > c ? c : a) : a > c ? a : b > c ? c : b;
}

const scratch5 = new Float64Array(5);

/** Median of five numbers (insertion sort in a scratch buffer). */
export function median5(a: number, b: number, c: number, d: number, e: number): number {
  const s = scratch5;
  s[0] = a;
  s[1] = b;
  s[2] = c;
  s[3] = d;
  s[4] = e;
  for (let i = 1; i < 5; i++) {
    const v = s[i]!;
    let j = i - 1;
    while (j >= 0 && s[j]! > v) {
      s[j + 1] = s[j]!;
      j--;
    }
    s[j + 1] = v;
  }
  return s[2]!;
}

/**
 * Flag points deviating from the running median of 5 (by index) by more than
 * `k` standard deviations of the noise model σ_i² = floor² + (rel·|median_i|)².
 * A running median follows monotonic trends exactly, so steep but smooth
 * transitions are not flagged.
 */
export function flagOutliers(
  R: Float64Array,
  relative: number,
  floor: number,
  k: number,
  lnT?: Float64Array,
  lnR?: Float64Array,
): Uint8Array {
  const n = R.length;
  const flags = scratchU8("noise.flags", n);
  if (n < 5) return flags;
  const rel = Math.max(Number.isFinite(relative) ? relative : 0, 1e-6);
  const fl = Number.isFinite(floor) ? floor : 0;
  for (let i = 0; i < n; i++) {
    let m: number;
    if (i === 0 || i === n - 1) {
      // an end point is only suspect when it reverses the trend of its two
      // neighbours: a steep true rise at a sparsely sampled end is not a spike
      const a = R[i]!;
      const b = i === 0 ? R[1]! : R[n - 2]!;
      const c = i === 0 ? R[2]! : R[n - 3]!;
      if ((a - b) * (b - c) >= 0) continue;
      m = b;
    } else {
      // cheap pre-filter: a point within k/2 σ of both neighbours is no spike
      const lim = 0.5 * k * Math.sqrt(fl * fl + (rel * R[i]!) ** 2);
      if (Math.abs(R[i]! - R[i - 1]!) <= lim && Math.abs(R[i]! - R[i + 1]!) <= lim) continue;
      if (i === 1) m = med3(R[0]!, R[1]!, R[2]!);
      else if (i === n - 2) m = med3(R[n - 3]!, R[n - 2]!, R[n - 1]!);
      else m = median5(R[i - 2]!, R[i - 1]!, R[i]!, R[i + 1]!, R[i + 2]!);
    }
    const sigma = Math.sqrt(fl * fl + (rel * m) ** 2);
    const e = Math.abs(R[i]! - m);
    if (e > k * sigma && e > 1e-9 * Math.abs(m)) {
      if (!(lnT && lnR && edgeOfStep(lnT, lnR, i, 0.5 * k * rel, rel * R[i]! >= fl))) flags[i] = 1;
      continue;
    }
    // on a steep stretch a running median follows a spike that stays within
    // the range of its neighbours (two adjacent spikes, sparse sampling):
    // compare with a robust (Theil–Sen) line through the six neighbours in
    // ln T – ln R
    if (lnT && lnR && i >= 3 && i <= n - 4) {
      // cheap check first: off the line through the two neighbours?
      const x0 = lnT[i - 1]!;
      const span = lnT[i + 1]! - x0;
      // (NaN first and an if: `span > 0 ? … : NaN` makes the JIT box the value into a heap number)
      let lin = NaN;
      if (span > 0) lin = lnR[i - 1]! + ((lnR[i + 1]! - lnR[i - 1]!) * (lnT[i]! - x0)) / span;
      if (!(Math.abs(lnR[i]! - lin) > 0.5 * k * rel)) continue;
      const pred = theilSenPredict(lnT, lnR, i);
      if (Number.isFinite(pred) && Math.abs(lnR[i]! - pred) > k * rel && Math.abs(lnR[i]! - pred) > 0.05) flags[i] = 1;
    }
  }
  return flags;
}

/**
 * Is reading i the edge of a step rather than a spike? A spike lies off the trend on both sides;
 * the last reading above a sharp drop (or the first below it), in a sweep that resolves the drop
 * with no reading inside it, lies on the trend of the readings on its own side: within `tol` (in
 * ln R) of the line through its next two neighbours there, extrapolated by at most twice their
 * spacing. The running median of five straddles the step and sees a spike. Judged in ln R only
 * where the relative noise dominates (`relativeDominates`).
 */
function edgeOfStep(lnT: Float64Array, lnR: Float64Array, i: number, tol: number, relativeDominates: boolean): boolean {
  if (!relativeDominates || !Number.isFinite(lnR[i]!)) return false;
  for (const side of [1, -1]) {
    const j1 = i + side;
    const j2 = i + 2 * side;
    if (j2 < 0 || j2 >= lnR.length || !Number.isFinite(lnR[j1]!) || !Number.isFinite(lnR[j2]!)) continue;
    const r = (lnT[i]! - lnT[j1]!) / (lnT[j1]! - lnT[j2]!);
    if (!(r > 0 && r <= 2)) continue;
    if (Math.abs(lnR[i]! - (lnR[j1]! + (lnR[j1]! - lnR[j2]!) * r)) <= tol) return true;
  }
  return false;
}

const tsSlopes = new Float64Array(15);
const tsIcpt = new Float64Array(6);

/** Theil–Sen line through points i−3…i+3 except i, evaluated at x_i (NaN if any y is not finite). */
function theilSenPredict(x: Float64Array, y: Float64Array, i: number): number {
  let m = 0;
  for (let a = i - 3; a <= i + 3; a++) {
    if (a === i) continue;
    if (!Number.isFinite(y[a]!)) return NaN;
    for (let b = a + 1; b <= i + 3; b++) {
      if (b === i) continue;
      const dx = x[b]! - x[a]!;
      if (dx > 0) tsSlopes[m++] = (y[b]! - y[a]!) / dx;
    }
  }
  if (m < 5) return NaN;
  const slope = medianInPlace(tsSlopes, m);
  let q = 0;
  for (let a = i - 3; a <= i + 3; a++) if (a !== i) tsIcpt[q++] = y[a]! - slope * (x[a]! - x[i]!);
  return medianInPlace(tsIcpt, q);
}

/**
 * Robust σ of y from the deviation of each point from the straight line through its two
 * neighbours in x (a smooth trend does not inflate it, unlike the standard deviation or first
 * differences); NaN with fewer than three points.
 */
export function neighbourLineSigma(x: ArrayLike<number>, y: ArrayLike<number>, from = 0, to = y.length): number {
  const m = to - from;
  if (m < 3) return NaN;
  const dev = scratchF64("noise.dev", m - 2);
  let k = 0;
  for (let i = from + 1; i < to - 1; i++) {
    const span = x[i + 1]! - x[i - 1]!;
    const a = span > 0 ? (x[i + 1]! - x[i]!) / span : 0.5;
    const b = 1 - a;
    dev[k++] = Math.abs(y[i]! - a * y[i - 1]! - b * y[i + 1]!) / Math.sqrt(1 + a * a + b * b);
  }
  return 1.4826 * medianInPlace(dev, k);
}

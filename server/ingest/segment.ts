/**
 * Segmentation: splits one channel's rows (in acquisition order) into sweeps.
 *
 * - Temperature sweep at constant field (and pressure) → kind "RT", direction warming/cooling.
 * - Field sweep at constant temperature (isotherm) → kind "RH", direction up/down.
 *
 * Tolerances: tol_T(T) = max(temperatureAbsK, temperatureRel·T),
 * tol_H(H) = max(fieldAbsOe, fieldRel·|H|), tol_P(P) = max(pressureAbsGPa, pressureRel·|P|).
 *
 * Algorithm (O(n log n)), described step by step in README.md ("Segmentation"):
 * measured noise widens the tolerances to ≥ 3σ; single-point glitches are removed; a look-ahead
 * decides what moves (T → RT, H → RH, both → mixed, nothing → stationary); the sweep starts at
 * the opposite extreme of that window, extends while the held variables stay in their band and
 * the swept one does not retrace (twice in a row) by more than tol + 4σ; the longest monotonic
 * subsequence of its readings is kept; settling plateaus at either end are dropped; sweeps that
 * span too little or have too few points are dropped. Every drop is reported.
 */
import type { TSegmentationSettings } from "./options";
import type { FixedConditions, TCurveKind, TDirection } from "./types";
import { medianInPlace } from "../numeric/select";

export interface SeriesInput {
  T: Float64Array;
  /** Field per point (Oe); null when the file has no field column. NaN entries are dropped. */
  H: Float64Array | null;
  /** Pressure per point (GPa); null when unknown. */
  P: Float64Array | null;
  /** Source line per point, for reasons and reports. */
  line: Float64Array;
  /** Field/pressure given by options when the file has no column (null = unknown). */
  constH: number | null;
  constP: number | null;
}

export interface Segment {
  kind: TCurveKind;
  direction: TDirection;
  /** Indices into the input arrays of every reading of the sweep, in acquisition order. */
  idx: Int32Array;
  /**
   * Where each point starts in `idx` when repeated readings were merged (one more entry than
   * points, the last being idx.length); null when every reading is its own point.
   */
  starts: Int32Array | null;
  fixed: FixedConditions;
  reason: string;
}

export interface DroppedStretch {
  reason: "stationary" | "short" | "mixed" | "glitch" | "missing_field" | "missing_pressure";
  points: number;
  firstLine: number;
  lastLine: number;
}

export interface SegmentReport {
  segments: Segment[];
  dropped: DroppedStretch[];
}

export interface SegmentOptions {
  /** JSON uploads: the kind is declared, only the swept variable is examined. */
  forceKind?: TCurveKind;
  /** How constH/constP are described in reasons (default "given by the import options"). */
  constSource?: string;
}

/** Formats a number for reasons: up to 6 significant digits, no exponent for usual values. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(6)));
}

/** Median by quickselect on a copy (O(n)); NaN for an empty array. */
export function median(values: Float64Array): number {
  return medianInPlace(Float64Array.from(values), values.length);
}

/**
 * Longest monotonic subsequence of x[from..to] (non-decreasing for dir > 0, non-increasing
 * for dir < 0), O(k log k). Returns the chosen indices in order. This keeps the most points
 * when thermometer jitter makes consecutive readings step back.
 */
export function longestMonotonic(x: Float64Array, from: number, to: number, dir: number): Int32Array {
  const k = to - from + 1;
  if (k <= 0) return new Int32Array(0);
  const tails = new Int32Array(k);
  const prev = new Int32Array(k);
  let len = 0;
  for (let q = 0; q < k; q++) {
    const v = dir * x[from + q]!;
    // Common case in a clean sweep: the point extends the longest run.
    if (len === 0 || dir * x[from + tails[len - 1]!]! <= v) {
      prev[q] = len > 0 ? tails[len - 1]! : -1;
      tails[len++] = q;
      continue;
    }
    let lo = 0;
    let hi = len;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dir * x[from + tails[mid]!]! <= v) lo = mid + 1;
      else hi = mid;
    }
    prev[q] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = q;
    if (lo === len) len++;
  }
  const out = new Int32Array(len);
  let q = tails[len - 1]!;
  for (let w = len - 1; w >= 0; w--) {
    out[w] = from + q;
    q = prev[q]!;
  }
  return out;
}

/**
 * Pool-adjacent-violators over x[from..to]: splits the readings into contiguous blocks whose
 * means are monotonic (non-decreasing for dir > 0), merging only readings that step back.
 * Returns the number of blocks and their starts relative to `from` (null when no reading was
 * merged). O(k).
 */
export function poolMonotonic(
  x: Float64Array,
  from: number,
  to: number,
  dir: number,
): { points: number; starts: Int32Array | null } {
  const k = to - from + 1;
  if (k <= 0) return { points: 0, starts: null };
  const start = new Int32Array(k);
  const sum = new Float64Array(k);
  const cnt = new Int32Array(k);
  let top = 0;
  for (let q = 0; q < k; q++) {
    let sv = dir * x[from + q]!;
    let c = 1;
    let st = q;
    while (top > 0 && sum[top - 1]! / cnt[top - 1]! > sv / c) {
      top--;
      sv += sum[top]!;
      c += cnt[top]!;
      st = start[top]!;
    }
    start[top] = st;
    sum[top] = sv;
    cnt[top] = c;
    top++;
  }
  if (top === k) return { points: k, starts: null };
  const starts = new Int32Array(top + 1);
  for (let b = 0; b < top; b++) starts[b] = start[b]!;
  starts[top] = k;
  return { points: top, starts };
}

function tolOf(abs: number, rel: number, x: number): number {
  const r = rel * (x < 0 ? -x : x);
  return r > abs ? r : abs;
}

/**
 * Extends a sweep from `st` in direction `dir` and returns the index of its extreme (its
 * last point). Stops when the fixed variable F or the pressure P leaves its band, or when X
 * retraces by more than its tolerance from the running extreme.
 */
function extendSweep(
  X: Float64Array,
  xAbs: number,
  xRel: number,
  /** Noise of X (σ = noiseAbs + noiseRel·|x|): a reversal must exceed tol + 4σ. */
  noiseAbs: number,
  noiseRel: number,
  F: Float64Array | null,
  fLimit: number,
  P: Float64Array | null,
  pLimit: number,
  st: number,
  m: number,
  dir: number,
): number {
  let ext = X[st]!;
  let extIdx = st;
  let fMin = F ? F[st]! : 0;
  let fMax = fMin;
  let pMin = P ? P[st]! : 0;
  let pMax = pMin;
  for (let k = st + 1; k < m; k++) {
    if (F !== null) {
      const f = F[k]!;
      const lo = f < fMin ? f : fMin;
      const hi = f > fMax ? f : fMax;
      if (hi - lo > fLimit) break;
      fMin = lo;
      fMax = hi;
    }
    if (P !== null) {
      const p = P[k]!;
      const lo = p < pMin ? p : pMin;
      const hi = p > pMax ? p : pMax;
      if (hi - lo > pLimit) break;
      pMin = lo;
      pMax = hi;
    }
    const x = X[k]!;
    if (dir * (x - ext) >= 0) {
      ext = x;
      extIdx = k;
    } else {
      const t = tolOf(xAbs, xRel, ext) + 4 * (noiseAbs + noiseRel * (ext < 0 ? -ext : ext));
      // A reversal must be confirmed by the following readings too: an excursion that comes
      // back (noise, a pause with a regulation overshoot) does not end the sweep.
      if (dir * (ext - x) > t && isReversal(X, ext, t, dir, k, m)) break;
    }
  }
  return extIdx;
}

/** Readings after a retrace that must all stay retraced for it to count as a reversal. */
const REVERSAL_CONFIRM = 8;

function isReversal(X: Float64Array, ext: number, t: number, dir: number, k: number, m: number): boolean {
  const stop = Math.min(m, k + REVERSAL_CONFIRM);
  for (let q = k + 1; q < stop; q++) if (!(dir * (ext - X[q]!) > t)) return false;
  return true;
}

/** Median of |x[k+1]-x[k]| over (at most 4096 evenly spaced) steps. */
function typicalStep(x: Float64Array): number {
  const n = x.length - 1;
  if (n <= 0) return 0;
  const m = Math.min(n, 4096);
  const d = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const i = Math.floor((k * n) / m);
    d[k] = Math.abs(x[i + 1]! - x[i]!);
  }
  return median(d);
}

class DropLog {
  readonly list: DroppedStretch[] = [];
  constructor(private readonly line: Float64Array) {}
  add(reason: DroppedStretch["reason"], first: number, last: number, points = last - first + 1): void {
    if (points <= 0) return;
    const fl = this.line[first]!;
    const ll = this.line[last]!;
    const prev = this.list[this.list.length - 1];
    if (prev && prev.reason === reason && prev.lastLine <= fl) {
      // Merge with the previous stretch of the same kind only when adjacent-ish.
      if (fl - prev.lastLine <= 1 || reason === "glitch") {
        prev.points += points;
        prev.lastLine = ll;
        return;
      }
    }
    this.list.push({ reason, points, firstLine: fl, lastLine: ll });
  }
}

export function segmentSeries(
  input: SeriesInput,
  s: TSegmentationSettings,
  opts: SegmentOptions = {},
): SegmentReport {
  const n = input.T.length;
  const log = new DropLog(input.line);
  const segments: Segment[] = [];
  if (n === 0) return { segments, dropped: log.list };
  const tAbs = s.temperatureAbsK;
  const hRel = s.fieldRel;
  const pAbs = s.pressureAbsGPa;
  const pRel = s.pressureRel;

  // 0. Usable points: field and pressure known where the file has those columns.
  const Hsrc = input.H && hasNumber(input.H) ? input.H : null;
  const Psrc = input.P && hasNumber(input.P) ? input.P : null;
  // Columns without a single number count as absent (e.g. an unconfigured pressure map).
  const effective: SeriesInput = { ...input, H: Hsrc, P: Psrc };
  const ignoreH = opts.forceKind === "RT" || !Hsrc;
  // A file without a temperature column: only field sweeps, at an unknown temperature.
  const ignoreT = opts.forceKind === "RH" || !hasNumber(input.T);
  const usable = new Int32Array(n);
  let m0 = 0;
  for (let k = 0; k < n; k++) {
    if (Hsrc !== null && Hsrc[k]! !== Hsrc[k]!) log.add("missing_field", k, k);
    else if (Psrc !== null && Psrc[k]! !== Psrc[k]!) log.add("missing_pressure", k, k);
    else usable[m0++] = k;
  }

  // 1. Tolerances never below three times the measured noise (robust estimate from second
  // differences), so jitter larger than the configured tolerance cannot fake sweeps.
  let tRel = s.temperatureRel;
  let hAbs = s.fieldAbsOe;
  let widened = false;
  let noiseT = 0; // relative
  let noiseH = 0; // Oe
  if (!opts.forceKind) {
    noiseT = ignoreT ? 0 : Math.min(MAX_WIDENED_REL, noiseLevel(input.T, usable, m0, true));
    if (3 * noiseT > tRel) {
      tRel = Math.min(MAX_WIDENED_REL, 3 * noiseT);
      widened = true;
    }
    if (Hsrc !== null) {
      noiseH = Math.min(MAX_WIDENED_FIELD_OE, noiseLevel(Hsrc, usable, m0, false));
      if (3 * noiseH > hAbs) {
        hAbs = Math.min(MAX_WIDENED_FIELD_OE, 3 * noiseH);
        widened = true;
      }
    }
  }
  const sEff: TSegmentationSettings = { ...s, temperatureRel: tRel, fieldAbsOe: hAbs };

  // 2. Glitch removal.
  const bad = new Uint8Array(m0);
  const allUsable = m0 === n;
  if (!ignoreT) markGlitches(allUsable ? input.T : gather(input.T, usable, m0), tAbs, tRel, s.spikeTolerances, bad);
  if (Hsrc !== null && !ignoreH) {
    markGlitches(allUsable ? Hsrc : gather(Hsrc, usable, m0), hAbs, hRel, s.spikeTolerances, bad);
  }
  const ix = new Int32Array(m0);
  let m = 0;
  for (let k = 0; k < m0; k++) {
    if (bad[k]) log.add("glitch", usable[k]!, usable[k]!);
    else ix[m++] = usable[k]!;
  }

  // Gather the usable points (skipped when every point is usable).
  const all = m === n;
  const T = all ? input.T : gather(input.T, ix, m);
  const H = Hsrc ? (all ? Hsrc : gather(Hsrc, ix, m)) : null;
  const P = Psrc ? (all ? Psrc : gather(Psrc, ix, m)) : null;
  const checkP = P !== null && !opts.forceKind;

  let i = 0;
  while (i < m) {
    const T0 = T[i]!;
    const H0 = H !== null ? H[i]! : 0;
    const P0 = P !== null ? P[i]! : 0;
    const tT = tolOf(tAbs, tRel, T0);
    const tH = tolOf(hAbs, hRel, H0);
    const tP = tolOf(pAbs, pRel, P0);
    let j = i + 1;
    let movedT = false;
    let movedH = false;
    let movedP = false;
    for (; j < m; j++) {
      const dT = T[j]! - T0;
      movedT = !ignoreT && (dT > tT || -dT > tT);
      if (!ignoreH) {
        const dH = H![j]! - H0;
        movedH = dH > tH || -dH > tH;
      }
      if (checkP) {
        const dP = P![j]! - P0;
        movedP = dP > tP || -dP > tP;
      }
      if (movedT || movedH || movedP) break;
    }
    if (j >= m) {
      log.add(m - i >= 2 ? "stationary" : "short", ix[i]!, ix[m - 1]!, m - i);
      break;
    }
    if (movedP || (movedT && movedH)) {
      if (j > i) log.add(movedP ? "stationary" : "mixed", ix[i]!, ix[j - 1]!, j - i);
      i = j;
      continue;
    }
    const kind: TCurveKind = movedT ? "RT" : "RH";
    const X = kind === "RT" ? T : H!;
    const F = kind === "RT" ? (ignoreH ? null : H) : ignoreT ? null : T;
    const dir = X[j]! > X[i]! ? 1 : -1;

    // 3. Start at the extreme of the look-ahead window opposite to the direction.
    let st = i;
    for (let k = i + 1; k < j; k++) if (dir * (X[k]! - X[st]!) <= 0) st = k;

    // 4. Extend, then keep the longest monotonic run of points.
    // The held variable may wander within ±tol plus its own noise (its range over many
    // readings grows with their number).
    const fLimit =
      F === null
        ? Infinity
        : kind === "RT"
          ? 2 * tolOf(hAbs, hRel, F[st]!) + 6 * noiseH
          : 2 * tolOf(tAbs, tRel, F[st]!) + 6 * noiseT * Math.abs(F[st]!);
    const pLimit = checkP ? 2 * tolOf(pAbs, pRel, P![st]!) : Infinity;
    const extIdx =
      kind === "RT"
        ? extendSweep(X, tAbs, tRel, 0, noiseT, F, fLimit, checkP ? P : null, pLimit, st, m, dir)
        : extendSweep(X, hAbs, hRel, noiseH, 0, F, fLimit, checkP ? P : null, pLimit, st, m, dir);
    if (extIdx < j) {
      // It never got past the point that left the start band: the window was only jitter.
      // Resume at its last point (which may start a sweep); this also keeps the scan linear.
      const next = j - 1 > i ? j - 1 : i + 1;
      log.add("stationary", ix[i]!, ix[next - 1]!, next - i);
      i = next;
      continue;
    }
    if (st > i) log.add("stationary", ix[i]!, ix[st - 1]!, st - i);
    // Readings right after the extreme that stay within its tolerance are repeated readings at
    // the turning point: they belong to this sweep (and are merged with the extreme).
    let endIdx = extIdx;
    if (!opts.forceKind) {
      const xe = X[extIdx]!;
      const te = kind === "RT" ? tolOf(tAbs, tRel, xe) : tolOf(hAbs, hRel, xe);
      const fe = F !== null ? F[extIdx]! : 0;
      while (
        endIdx + 1 < m &&
        endIdx - extIdx < REVERSAL_CONFIRM &&
        Math.abs(X[endIdx + 1]! - xe) <= te &&
        (F === null || Math.abs(F[endIdx + 1]! - fe) <= fLimit / 2)
      ) {
        endIdx++;
      }
    }
    const sigma = (x: number) => (kind === "RT" ? noiseT * Math.abs(x) : noiseH);
    const tolX = (x: number) => (kind === "RT" ? tolOf(tAbs, tRel, x) : tolOf(hAbs, hRel, x));
    // 5. A plateau at either end — readings within tolerance (plus noise) of the first or last
    // value that stand for far more readings than the sweep's own step size explains — is
    // settling or waiting, not sweep: only its reading next to the sweep is kept (the others are
    // reported as stationary_dropped). A set-point step followed by a wait thus leaves too few
    // points to count as a sweep. Pauses inside a sweep stay in it.
    let r0 = st;
    let r1 = endIdx;
    if (!opts.forceKind && endIdx - st > 2) {
      const xa = X[st]!;
      const xb = X[extIdx]!;
      const ta = tolX(xa) + 4 * sigma(xa);
      const tb = tolX(xb) + 4 * sigma(xb);
      // Last reading near the start value (scanning until the sweep has clearly left it).
      let a = st;
      for (let k = st + 1; k <= endIdx; k++) {
        const d = dir * (X[k]! - xa);
        if (d > 3 * ta) break;
        if (d <= ta) a = k;
      }
      let b = endIdx;
      for (let k = endIdx - 1; k > a; k--) {
        const d = dir * (xb - X[k]!);
        if (d > 3 * tb) break;
        if (d <= tb) b = k;
      }
      if (b <= a) b = Math.min(endIdx, a + 1);
      // The sweep's own progress per reading: the median raw step, or the mean progress when
      // noise makes the raw steps larger than the sweep's advance.
      const mid = b - a;
      const meanStep = mid > 0 ? Math.abs(X[b]! - X[a]!) / mid : Infinity;
      const step = Math.min(rawMedianStep(X, a, b), meanStep > 0 ? meanStep : Infinity);
      const headRaw = a - st;
      const tailRaw = endIdx - b;
      const dropHead = headRaw >= 3 && headRaw > (5 * ta) / step;
      const dropTail = tailRaw >= 3 && tailRaw > (5 * tb) / step;
      if (dropHead) {
        log.add("stationary", ix[st]!, ix[a - 1]!, headRaw);
        r0 = a;
      }
      if (dropTail) {
        log.add("stationary", ix[b + 1]!, ix[endIdx]!, tailRaw);
        r1 = b;
      }
    }
    // 6. Every reading between the ends belongs to the sweep. Readings that step back (repeated
    // readings at a set point, thermometer jitter, a pause) are merged with their neighbours
    // into points whose mean is monotonic (pool-adjacent-violators): nothing is dropped.
    const pooled = poolMonotonic(X, r0, r1, dir);
    const x0 = X[r0]!;
    const x1 = X[r1]!;
    const xm = Math.max(Math.abs(x0), Math.abs(x1));
    // 7. A sweep must cover more than 3 tolerances plus 6σ of noise.
    const spanTol = MIN_SPAN_TOLERANCES * tolX(xm) + 6 * sigma(xm);
    if (pooled.points < s.minPoints || Math.abs(x1 - x0) <= spanTol) {
      // Too short to be a sweep. Its last point may still start the next one (e.g. the first
      // point of a cooling sweep right after a set-point jump), so it is examined again.
      if (extIdx > i) {
        if (extIdx > st) log.add("short", ix[st]!, ix[extIdx - 1]!, extIdx - st);
        i = extIdx;
      } else {
        log.add("short", ix[st]!, ix[extIdx]!, extIdx - st + 1);
        i = extIdx + 1;
      }
      continue;
    }
    const raw = new Int32Array(r1 - r0 + 1);
    for (let q = 0; q < raw.length; q++) raw[q] = ix[r0 + q]!;
    const seg = buildSegment(kind, dir, raw, pooled.starts, effective, sEff, opts);
    if (widened) seg.reason += "; tolerances widened to 3× the measured noise";
    segments.push(seg);
    i = endIdx + 1;
  }
  return { segments, dropped: log.list };
}

/** A sweep must cover more than this many tolerances (noise alone rarely spans 9σ). */
const MIN_SPAN_TOLERANCES = 3;

/** Upper bounds of the noise-based widening of the tolerances. */
const MAX_WIDENED_REL = 0.05;
const MAX_WIDENED_FIELD_OE = 100;

/**
 * Robust noise level of a series from its second differences d2 = x[k+1] − 2x[k] + x[k−1]
 * (≈ √6·σ for white noise on a smooth or piecewise-constant signal): 1.4826·median|d2|/√6.
 * Relative to |x| when `relative` (temperature), absolute otherwise (field). Uses at most
 * 8192 evenly spaced triples.
 */
function noiseLevel(src: Float64Array, at: Int32Array, m: number, relative: boolean): number {
  const n = m - 2;
  if (n < 8) return 0;
  const q = Math.min(n, 8192);
  const d = new Float64Array(q);
  for (let k = 0; k < q; k++) {
    const i = 1 + Math.floor((k * n) / q);
    const a = src[at[i - 1]!]!;
    const b = src[at[i]!]!;
    const c = src[at[i + 1]!]!;
    const d2 = Math.abs(c - 2 * b + a);
    d[k] = relative ? d2 / Math.max(Math.abs(b), 1e-12) : d2;
  }
  return (1.4826 * median(d)) / Math.sqrt(6);
}

/** Median |X[q+1] − X[q]| for q in [a, b); Infinity when there is no step (a jump only). */
function rawMedianStep(X: Float64Array, a: number, b: number): number {
  if (b <= a) return Infinity;
  const d = new Float64Array(b - a);
  for (let q = a; q < b; q++) d[q - a] = Math.abs(X[q + 1]! - X[q]!);
  const m = median(d);
  return m > 0 ? m : Infinity;
}

function hasNumber(a: Float64Array): boolean {
  for (let k = 0; k < a.length; k++) if (a[k]! === a[k]!) return true;
  return false;
}

function gather(src: Float64Array, at: Int32Array, m: number): Float64Array {
  const out = new Float64Array(m);
  for (let k = 0; k < m; k++) out[k] = src[at[k]!]!;
  return out;
}

/**
 * Marks single-point excursions: x[k] lies beyond both neighbours by more than
 * max(spikeTol·tol, 10·typical step) while the neighbours agree within half that excursion.
 */
function markGlitches(x: Float64Array, abs: number, rel: number, spikeTol: number, bad: Uint8Array): void {
  const step10 = 10 * typicalStep(x);
  for (let k = 1; k + 1 < x.length; k++) {
    const a = x[k]! - x[k - 1]!;
    const b = x[k]! - x[k + 1]!;
    if (a * b <= 0) continue;
    const t = spikeTol * tolOf(abs, rel, x[k - 1]!);
    const lim = t > step10 ? t : step10;
    const small = Math.min(Math.abs(a), Math.abs(b));
    if (small > lim && Math.abs(x[k + 1]! - x[k - 1]!) < 0.5 * small) bad[k] = 1;
  }
}

function buildSegment(
  kind: TCurveKind,
  dir: number,
  idx: Int32Array,
  starts: Int32Array | null,
  input: SeriesInput,
  s: TSegmentationSettings,
  opts: SegmentOptions,
): Segment {
  const tol = {
    tolT: (x: number) => tolOf(s.temperatureAbsK, s.temperatureRel, x),
    tolH: (x: number) => tolOf(s.fieldAbsOe, s.fieldRel, x),
  };
  const take = (src: Float64Array) => {
    const out = new Float64Array(idx.length);
    for (let k = 0; k < idx.length; k++) out[k] = src[idx[k]!]!;
    return out;
  };
  const spread = (v: Float64Array) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let k = 0; k < v.length; k++) {
      const x = v[k]!;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    return (hi - lo) / 2;
  };
  const first = input.line[idx[0]!]!;
  const last = input.line[idx[idx.length - 1]!]!;
  const parts: string[] = [];
  const fixed: FixedConditions = { H_Oe: null, T_K: null, P_GPa: null };

  const Tk = take(input.T);
  if (kind === "RT") {
    if (input.H) {
      const Hk = take(input.H);
      const med = median(Hk);
      fixed.H_Oe = med;
      if (opts.forceKind) parts.push(`field ${fmt(med)} Oe as declared`);
      else
        parts.push(
          `field constant at ${fmt(med)} Oe within ±${fmt(spread(Hk))} Oe (tolerance ±${fmt(tol.tolH(med))} Oe)`,
        );
    } else if (input.constH !== null) {
      fixed.H_Oe = input.constH;
      parts.push(`field ${fmt(input.constH)} Oe ${opts.constSource ?? "given by the import options"}`);
    } else {
      parts.push("no field recorded (field unknown)");
    }
  } else if (!hasNumber(Tk)) {
    parts.push("temperature not recorded (unknown)");
  } else {
    const med = median(Tk);
    fixed.T_K = med;
    if (opts.forceKind) parts.push(`temperature ${fmt(med)} K as declared`);
    else
      parts.push(
        `temperature constant at ${fmt(med)} K within ±${fmt(spread(Tk))} K (tolerance ±${fmt(tol.tolT(med))} K)`,
      );
  }
  if (input.P) {
    const Pk = take(input.P);
    const med = median(Pk);
    fixed.P_GPa = med;
    parts.push(`pressure constant at ${fmt(med)} GPa within ±${fmt(spread(Pk))} GPa`);
  } else if (input.constP !== null) {
    fixed.P_GPa = input.constP;
    parts.push(`pressure ${fmt(input.constP)} GPa ${opts.constSource ?? "given by the import options"}`);
  }

  let direction: TDirection;
  const X = kind === "RT" ? Tk : take(input.H!);
  const blockMean = (a: number, e: number) => {
    let sum = 0;
    for (let q = a; q < e; q++) sum += X[q]!;
    return sum / (e - a);
  };
  const x0 = starts ? blockMean(starts[0]!, starts[1]!) : X[0]!;
  const x1 = starts ? blockMean(starts[starts.length - 2]!, starts[starts.length - 1]!) : X[X.length - 1]!;
  if (kind === "RT") {
    direction = dir > 0 ? "warming" : "cooling";
    parts.push(
      `temperature monotonic ${dir > 0 ? "increasing (warming)" : "decreasing (cooling)"} ${fmt(x0)}→${fmt(x1)} K`,
    );
  } else {
    direction = dir > 0 ? "up" : "down";
    parts.push(`field monotonic ${dir > 0 ? "increasing (up)" : "decreasing (down)"} ${fmt(x0)}→${fmt(x1)} Oe`);
  }
  const points = starts ? starts.length - 1 : idx.length;
  let tail = `lines ${first}–${last}, ${points} points`;
  if (starts) {
    let merged = 0;
    for (let b = 0; b + 1 < starts.length; b++) if (starts[b + 1]! - starts[b]! > 1) merged++;
    tail += ` from ${idx.length} readings (${merged} point${merged === 1 ? "" : "s"} merge${merged === 1 ? "s" : ""} repeated readings that step back in ${kind === "RT" ? "temperature" : "field"}: their mean, count and spread are kept)`;
  }
  parts.push(tail);
  return { kind, direction, idx, starts, fixed, reason: parts.join("; ") };
}

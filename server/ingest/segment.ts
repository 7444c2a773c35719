/**
 * Segmentation: splits one channel's rows (in acquisition order) into sweeps.
 *
 * - Temperature sweep at constant field (and pressure) → kind "RT", direction warming/cooling.
 * - Field sweep at constant temperature (isotherm) → kind "RH", direction up/down.
 *
 * Tolerances: tol_T(T) = max(temperatureAbsK, temperatureRel·T),
 * tol_H(H) = max(fieldAbsOe, fieldRel·|H|), tol_P(P) = max(pressureAbsGPa, pressureRel·|P|).
 *
 * Algorithm (linear time):
 * 1. Single-point glitches in T or H (a point that leaves both neighbours by more than
 *    max(spikeTolerances·tol, 10·median step) while the neighbours agree) are removed.
 * 2. From the current point, look ahead to the first point that leaves the start point's
 *    tolerance band. If only T left → RT; only H left → RH; both or the pressure → no sweep
 *    here (the stretch is dropped as "mixed"); none until the end → "stationary".
 * 3. The sweep starts at the extreme of the look-ahead window opposite to its direction
 *    (e.g. the lowest temperature before warming), so a settling stretch before it is dropped.
 * 4. The sweep extends while the fixed variables stay inside a band of width 2·tol and the
 *    swept variable does not retrace by more than its tolerance from the running extreme
 *    (a larger retrace is a reversal: warming → cooling, up → down). Points that retrace by
 *    less (thermometer jitter) are dropped so the kept points are monotonic in acquisition
 *    order; the sweep ends at its extreme, and the next sweep starts right after it.
 * 5. Sweeps with fewer than minPoints points are dropped and reported.
 */
import type { TSegmentationSettings } from "./options";
import type { FixedConditions, TCurveKind, TDirection } from "./types";

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
  /** Indices into the input arrays of the kept points, in acquisition order. */
  idx: Int32Array;
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
}

/** Formats a number for reasons: up to 6 significant digits, no exponent for usual values. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const a = Math.abs(x);
  if (a >= 1e-4 && a < 1e9) return String(Number(x.toPrecision(6)));
  return x.toPrecision(4);
}

function median(values: Float64Array): number {
  const n = values.length;
  if (n === 0) return NaN;
  const s = Float64Array.from(values).sort();
  return n % 2 ? s[(n - 1) >> 1]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
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

  const tolT = (x: number) => Math.max(s.temperatureAbsK, s.temperatureRel * Math.abs(x));
  const tolH = (x: number) => Math.max(s.fieldAbsOe, s.fieldRel * Math.abs(x));
  const tolP = (x: number) => Math.max(s.pressureAbsGPa, s.pressureRel * Math.abs(x));

  // 0. Usable points: field and pressure known where the file has those columns.
  let Hsrc = input.H;
  let Psrc = input.P;
  if (Psrc) {
    let any = false;
    for (let k = 0; k < n; k++) if (!Number.isNaN(Psrc[k]!)) any = true;
    if (!any) Psrc = null;
  }
  if (Hsrc) {
    let any = false;
    for (let k = 0; k < n; k++) if (!Number.isNaN(Hsrc[k]!)) any = true;
    if (!any) Hsrc = null;
  }
  let ix = new Int32Array(n);
  let m = 0;
  for (let k = 0; k < n; k++) {
    if (Hsrc && Number.isNaN(Hsrc[k]!)) {
      log.add("missing_field", k, k);
      continue;
    }
    if (Psrc && Number.isNaN(Psrc[k]!)) {
      log.add("missing_pressure", k, k);
      continue;
    }
    ix[m++] = k;
  }
  ix = ix.subarray(0, m);

  const ignoreH = opts.forceKind === "RT" || !Hsrc;
  const ignoreT = opts.forceKind === "RH";
  const gather = (src: Float64Array, at: Int32Array) => {
    const out = new Float64Array(at.length);
    for (let k = 0; k < at.length; k++) out[k] = src[at[k]!]!;
    return out;
  };

  // 1. Glitch removal.
  {
    const T0 = gather(input.T, ix);
    const H0 = Hsrc ? gather(Hsrc, ix) : null;
    const bad = new Uint8Array(m);
    const mark = (x: Float64Array, tol: (v: number) => number) => {
      const step = typicalStep(x);
      for (let k = 1; k + 1 < x.length; k++) {
        const a = x[k]! - x[k - 1]!;
        const b = x[k]! - x[k + 1]!;
        if (a * b <= 0) continue;
        const lim = Math.max(s.spikeTolerances * tol(x[k - 1]!), 10 * step);
        const small = Math.min(Math.abs(a), Math.abs(b));
        if (small > lim && Math.abs(x[k + 1]! - x[k - 1]!) < 0.5 * small) bad[k] = 1;
      }
    };
    if (!ignoreT) mark(T0, tolT);
    if (H0 && !ignoreH) mark(H0, tolH);
    let w = 0;
    for (let k = 0; k < m; k++) {
      if (bad[k]) log.add("glitch", ix[k]!, ix[k]!);
      else ix[w++] = ix[k]!;
    }
    m = w;
    ix = ix.subarray(0, m);
  }

  const T = gather(input.T, ix);
  const H = Hsrc ? gather(Hsrc, ix) : null;
  const P = Psrc ? gather(Psrc, ix) : null;
  const orig = (k: number) => ix[k]!;
  const dropRange = (reason: DroppedStretch["reason"], a: number, b: number) => {
    // Indices a..b in compact space map to possibly non-contiguous originals; log by lines.
    if (b < a) return;
    log.add(reason, orig(a), orig(b), b - a + 1);
  };

  let i = 0;
  while (i < m) {
    const T0 = T[i]!;
    const H0 = H ? H[i]! : 0;
    const P0 = P ? P[i]! : 0;
    let j = i + 1;
    let movedT = false;
    let movedH = false;
    let movedP = false;
    for (; j < m; j++) {
      movedT = !ignoreT && Math.abs(T[j]! - T0) > tolT(T0);
      movedH = !ignoreH && Math.abs(H![j]! - H0) > tolH(H0);
      movedP = !!P && !opts.forceKind && Math.abs(P[j]! - P0) > tolP(P0);
      if (movedT || movedH || movedP) break;
    }
    if (j >= m) {
      dropRange(m - i >= 2 ? "stationary" : "short", i, m - 1);
      break;
    }
    if (movedP || (movedT && movedH)) {
      dropRange(movedP ? "stationary" : "mixed", i, j - 1);
      i = j;
      continue;
    }
    const kind: TCurveKind = movedT ? "RT" : "RH";
    const X = kind === "RT" ? T : H!;
    const tolX = kind === "RT" ? tolT : tolH;
    const F = kind === "RT" ? (ignoreH ? null : H) : ignoreT ? null : T;
    const tolF = kind === "RT" ? tolH : tolT;
    const dir = X[j]! > X[i]! ? 1 : -1;

    // 3. Start at the extreme of the look-ahead window opposite to the direction.
    let st = i;
    for (let k = i + 1; k < j; k++) if (dir * (X[k]! - X[st]!) <= 0) st = k;
    if (st > i) dropRange("stationary", i, st - 1);

    // 4. Extend.
    const kept: number[] = [st];
    let ext = X[st]!;
    let extIdx = st;
    let fMin = F ? F[st]! : 0;
    let fMax = fMin;
    const fLimit = F ? 2 * tolF(F[st]!) : Infinity;
    let pMin = P ? P[st]! : 0;
    let pMax = pMin;
    const pLimit = P && !opts.forceKind ? 2 * tolP(P[st]!) : Infinity;
    for (let k = st + 1; k < m; k++) {
      if (F) {
        const f = F[k]!;
        const lo = f < fMin ? f : fMin;
        const hi = f > fMax ? f : fMax;
        if (hi - lo > fLimit) break;
        fMin = lo;
        fMax = hi;
      }
      if (P) {
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
        kept.push(k);
      } else if (dir * (ext - x) > tolX(ext)) {
        break;
      }
    }
    const jitter = extIdx - st + 1 - kept.length;

    if (kept.length < s.minPoints) {
      dropRange("short", st, extIdx);
    } else {
      const idx = Int32Array.from(kept, (k) => orig(k));
      segments.push(buildSegment(kind, dir, idx, jitter, input, s, { tolT, tolH, tolP }, opts));
    }
    i = extIdx + 1;
  }
  return { segments, dropped: log.list };
}

function buildSegment(
  kind: TCurveKind,
  dir: number,
  idx: Int32Array,
  jitter: number,
  input: SeriesInput,
  s: TSegmentationSettings,
  tol: { tolT: (x: number) => number; tolH: (x: number) => number; tolP: (x: number) => number },
  opts: SegmentOptions,
): Segment {
  const take = (src: Float64Array) => {
    const out = new Float64Array(idx.length);
    for (let k = 0; k < idx.length; k++) out[k] = src[idx[k]!]!;
    return out;
  };
  const spread = (v: Float64Array) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const x of v) {
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
      parts.push(`field ${fmt(input.constH)} Oe given by the import options`);
    } else {
      parts.push("no field recorded (field unknown)");
    }
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
    parts.push(`pressure ${fmt(input.constP)} GPa given by the import options`);
  }

  let direction: TDirection;
  const X = kind === "RT" ? Tk : take(input.H!);
  const x0 = X[0]!;
  const x1 = X[X.length - 1]!;
  if (kind === "RT") {
    direction = dir > 0 ? "warming" : "cooling";
    parts.push(
      `temperature monotonic ${dir > 0 ? "increasing (warming)" : "decreasing (cooling)"} ${fmt(x0)}→${fmt(x1)} K`,
    );
  } else {
    direction = dir > 0 ? "up" : "down";
    parts.push(`field monotonic ${dir > 0 ? "increasing (up)" : "decreasing (down)"} ${fmt(x0)}→${fmt(x1)} Oe`);
  }
  let tail = `lines ${first}–${last}, ${idx.length} points`;
  if (jitter > 0) {
    const tolText =
      kind === "RT" ? `${fmt(tol.tolT((x0 + x1) / 2))} K` : `${fmt(tol.tolH(Math.max(Math.abs(x0), Math.abs(x1))))} Oe`;
    tail += `; ${jitter} back-step${jitter === 1 ? "" : "s"} within ±${tolText} dropped to keep it monotonic`;
  }
  parts.push(tail);
  void s;
  return { kind, direction, idx, fixed, reason: parts.join("; ") };
}

/**
 * Tc90, Tc50 and Tc10: where R crosses 90, 50 and 10 % of the normal state just above the
 * transition (docs/physics.md, "Tc and the normal state"; seed 003 defines Tc at 90 % of R_max,
 * which assumes a flat normal state). The normal state is found in three steps:
 * 1. The onset found above the steepest drop may be a plateau between two drops (a granular film
 *    loses its grains' resistance, then its links'): walking up, a further bump of dR/d ln T that
 *    falls back again and lifts R by more than 5 % (and 10σ) moves the onset above it. A metallic
 *    normal state's dR/d ln T keeps growing towards the top and is no bump.
 * 2. A power law through the levels from that onset up to twice its temperature, extrapolated
 *    into the transition (flat, metallic or weakly insulating alike).
 * 3. Under a fluctuation tail the curve has only flattened where that law is read, and the normal
 *    state is higher: the upper part of the transition is fitted with a paraconductivity, BKT or
 *    plain step description (models/fluctuation.ts), and its normal state is used when that fit
 *    is adequate and the readings reach at least 2 × Tc50.
 * The crossings are read on the lightly smoothed readings (on the readings themselves when the
 * transition spans fewer than 6 of them); their uncertainties combine the noise, the spacing of
 * the readings and the normal state's own uncertainty.
 */
import type { CurveData } from "../../models/common";
import { fitNormalStateUnderTransition, type NormalStateFit } from "../../models/fluctuation";
import type { Estimate } from "../../types";
import { fmt } from "../format";
import { scratchF64 } from "../../workspace";

export interface NormalStateNote {
  model: NormalStateFit["model"];
  params: Record<string, number>;
  note: string;
}

export interface TcPointsInput {
  /** lightly smoothed readings (the readings themselves for a coarse sweep) */
  smooth: Float64Array;
  /** the more heavily smoothed readings of the profile, for slopes */
  heavy: Float64Array;
  /** the crossings are read on the readings (a coarse sweep) */
  raw: boolean;
  iOnset: number;
  rNormal: number;
  /** 1/σ² of the noise model */
  weights: Float64Array;
  floor: number;
  sigmaRel: number;
  /** half-width of the heavy smoothing, in readings */
  kSmooth: number;
}

export interface TcPoints {
  tc90?: Estimate;
  tc50?: Estimate;
  tc10?: Estimate;
  normalState?: NormalStateNote;
  /**
   * Tc10 on the lightly smoothed readings: the upper edge of the cold readings that the zero test
   * reads (on a coarse sweep the readings' own Tc10 lies just below the last reading still in the
   * transition, which would join them)
   */
  coldEdge?: number;
}

/** The fit window of the normal state under the transition: from Tc50 up to this factor above it. */
const TAIL_WINDOW = 8;

/**
 * …and at least this factor: over a shorter stretch above the transition a fluctuation tail cannot
 * be told from the normal state's own slope, and the fit would extrapolate either.
 */
const TAIL_MIN_SPAN = 2;

/**
 * The fluctuation fit replaces the power-law normal state only when one of its descriptions is
 * adequate: χ²/dof at most this (the weights are 1/σ² of the noise model, so an adequate
 * description gives about 1). A two-step transition or a structured normal state in the window
 * fits none of them.
 */
const FLUCT_CHI2_MAX = 10;

/** A step above the onset must lift R by this fraction of R at the onset (and by 10σ). */
const STEP_MIN_RISE = 0.05;

const APPROACH: Record<NormalStateFit["model"], string> = {
  step: "a step without a fluctuation tail",
  al: "Aslamazov–Larkin paraconductivity",
  hn: "the Halperin–Nelson (BKT) form",
};

/** Temperature where `s` crosses `level` going down in T from index `from`. */
export function crossingBelow(T: Float64Array, s: Float64Array, from: number, level: number): { T: number; index: number } | null {
  for (let j = Math.min(from, T.length - 1); j >= 1; j--) {
    const a = s[j - 1]!;
    const b = s[j]!;
    if (a < level && b >= level) {
      const t = (level - a) / (b - a);
      return { T: T[j - 1]! + t * (T[j]! - T[j - 1]!), index: j };
    }
  }
  return null;
}

/**
 * ln R_n = c0 + c1·(ln T − ref). The Tc ratio is read through these coefficients rather than
 * through a function of ln T: a call of one of several functions is not inlined, and every value it
 * returns is a new heap number.
 */
export interface PowerLaw {
  c0: number;
  c1: number;
  ref: number;
}

/** R/R_n at the readings [0, last] (the law's value at ln T is exactly c0 + c1·(ln T − ref)). */
function fillRatio(ratio: Float64Array, curve: Float64Array, lnT: Float64Array, last: number, law: PowerLaw): void {
  const { c0, c1, ref } = law;
  for (let i = 0; i <= last; i++) ratio[i] = curve[i]! / Math.exp(c0 + c1 * (lnT[i]! - ref));
}

/**
 * ln–ln least-squares line through the smoothed readings from the onset up to twice its temperature
 * (ref 0: x − 0 is x exactly; flat at R_n where too few readings are positive: c0 + 0·ln T is c0,
 * ln T being finite).
 */
function normalStateLaw(d: CurveData, smooth: Float64Array, iOnset: number, rNormal: number): PowerLaw {
  const xTop = d.lnT[iOnset]! + Math.log(2);
  let sw = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let i = iOnset; i < d.n && d.lnT[i]! <= xTop + 1e-12; i++) {
    if (!(smooth[i]! > 0)) continue;
    const x = d.lnT[i]!;
    const y = Math.log(smooth[i]!);
    sw++;
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  const det = sw * sxx - sx * sx;
  if (sw < 3 || !(det > 1e-12 * sw * sw)) return { c0: Math.log(rNormal), c1: 0, ref: 0 };
  const b = (sw * sxy - sx * sy) / det;
  const a = (sy - b * sx) / sw;
  return { c0: a, c1: b, ref: 0 };
}

/** The onset above any further step of the transition (see the module's note, step 1). */
function upperOnset(d: CurveData, heavy: Float64Array, iOnset: number, noiseOf: (r: number) => number): number {
  const n = d.n;
  const slope = (i: number) => (heavy[i + 1]! - heavy[i - 1]!) / (d.lnT[i + 1]! - d.lnT[i - 1]!);
  const slopeSE = (i: number) => (Math.SQRT2 * noiseOf(heavy[i]!)) / (d.lnT[i + 1]! - d.lnT[i - 1]!);
  let on = Math.max(1, iOnset);
  for (let pass = 0; pass < 3; pass++) {
    let iPeak = -1;
    for (let i = on + 1; i < n - 1; i++) if (iPeak < 0 || slope(i) > slope(iPeak)) iPeak = i;
    if (iPeak < 0) break;
    const peak = slope(iPeak);
    if (!(peak > 5 * slopeSE(iPeak))) break;
    // the bump must fall back within 4× in T above it
    let bg = Infinity;
    for (let i = iPeak + 1; i < n - 1 && d.T[i]! <= 4 * d.T[iPeak]!; i++) bg = Math.min(bg, slope(i));
    if (!(bg <= 0.3 * peak)) break;
    let top = -1;
    for (let i = iPeak + 1; i < n - 1; i++) {
      if (slope(i) <= bg + 0.02 * (peak - bg) + 2 * slopeSE(i)) {
        top = i;
        break;
      }
    }
    if (top < 0) break;
    const rise = heavy[top]! - heavy[on]!;
    if (!(rise >= STEP_MIN_RISE * heavy[on]!) || !(rise >= 10 * noiseOf(heavy[on]!))) break;
    on = top;
  }
  return on;
}

/** The fluctuation fit of the normal state from Tc50 up (at least 10 readings), or null. */
function normalStateUnderTail(d: CurveData, weights: Float64Array, tc50: number): { fit: NormalStateFit; i0: number; iTop: number } | null {
  let i0 = 0;
  while (i0 < d.n && d.T[i0]! < tc50) i0++;
  let i1 = i0;
  while (i1 < d.n && d.T[i1]! <= TAIL_WINDOW * tc50) i1++;
  if (i1 === 0 || d.T[i1 - 1]! < TAIL_MIN_SPAN * tc50) return null;
  const fit = fitNormalStateUnderTransition(d.lnT, d.R, weights, i0, i1);
  return fit ? { fit, i0, iTop: i1 - 1 } : null;
}

function note(fit: NormalStateFit, tc90: Estimate | undefined): string {
  const at = tc90 ? `; R_n(Tc90) = ${fmt(Math.exp(fit.lnRn(Math.log(tc90.value))))} Ω` : "";
  return (
    `normal state under the transition from a fit of its upper part (from Tc50 up) as ${APPROACH[fit.model]} ` +
    `(best by AICc of 3 descriptions; χ²/dof = ${fmt(fit.chi2, 2)})${at}`
  );
}

export function tcPoints(d: CurveData, input: TcPointsInput): TcPoints {
  const { smooth, heavy, floor, sigmaRel, weights } = input;
  const n = d.n;
  let curve = smooth;
  let k = input.raw ? 0 : 2;
  const noiseOf = (r: number) => Math.hypot(floor, sigmaRel * r) / Math.sqrt(2 * input.kSmooth + 1);
  const on = input.raw ? input.iOnset : upperOnset(d, heavy, input.iOnset, noiseOf);
  let rOn = input.rNormal;
  if (on !== input.iOnset) for (let i = Math.max(0, on - input.kSmooth); i <= Math.min(n - 1, on + input.kSmooth); i++) rOn = Math.max(rOn, heavy[i]!);
  let iNormalTop = on + 1;
  while (iNormalTop + 1 < n && d.T[iNormalTop + 1]! <= 2 * d.T[on]!) iNormalTop++;
  iNormalTop = Math.min(n - 1, iNormalTop);

  const ratio = scratchF64("tc.ratio", n);
  const tcOf = (frac: number, from: number, lnRnSE: (lnT: number) => number): Estimate | undefined => {
    const c = crossingBelow(d.T, ratio, from, frac);
    if (!c) return undefined;
    const j = c.index;
    const dT = d.T[j]! - d.T[j - 1]!;
    const slope = (curve[j]! - curve[j - 1]!) / dT;
    const rAt = frac * (curve[j]! / ratio[j]!);
    const sR = Math.hypot(Math.hypot(floor, sigmaRel * rAt) / Math.sqrt(2 * k + 1), rAt * lnRnSE(Math.log(c.T)));
    return { value: c.T, uncertainty: Math.hypot(slope > 0 ? sR / slope : dT, dT / Math.sqrt(12)) };
  };
  const points = (law: PowerLaw, from: number, lnRnSE: (lnT: number) => number) => {
    // (the crossings are searched going down from `from`)
    fillRatio(ratio, curve, d.lnT, Math.min(from, n - 1), law);
    return { tc90: tcOf(0.9, from, lnRnSE), tc50: tcOf(0.5, from, lnRnSE), tc10: tcOf(0.1, from, lnRnSE) };
  };
  let law = normalStateLaw(d, smooth, on, rOn);
  let lnRnSE = (_x: number) => 0;
  let from = iNormalTop;
  let { tc90, tc50, tc10 } = points(law, from, lnRnSE);
  // the fluctuation fit; the Tc points are then read going down from where the curve has first
  // reached 97 % of its normal state above Tc50 (higher up a metallic normal state may part from
  // the fitted law)
  const fluct = tc50 ? normalStateUnderTail(d, weights, tc50.value) : null;
  const used = fluct && fluct.fit.chi2 <= FLUCT_CHI2_MAX ? fluct : null;
  if (used) {
    law = used.fit.law;
    lnRnSE = used.fit.lnRnSE;
    from = used.i0;
    const lnRn = used.fit.lnRn;
    while (from < used.iTop && smooth[from]! < 0.97 * Math.exp(lnRn(d.lnT[from]!))) from++;
    ({ tc90, tc50, tc10 } = points(law, from, lnRnSE));
  }
  const coldEdge = tc10?.value;
  // a transition across fewer than 6 readings is read on the readings themselves (the smoothing
  // over ±2 readings would drag the crossings towards the zero readings below)
  if (curve !== d.R && tc90 && tc10) {
    const lo = tc10.value;
    const hi = tc90.value;
    let inside = 0;
    for (let i = 0; i < n && d.T[i]! < hi; i++) if (d.T[i]! > lo) inside++;
    if (inside < 6) {
      curve = d.R;
      k = 0;
      ({ tc90, tc50, tc10 } = points(law, from, lnRnSE));
    }
  }
  // (one shape for every curve, absent values undefined: objects of varying shapes cost the caller
  // a deoptimization each time a new one turns up)
  return { tc90, tc50, tc10, normalState: used ? { model: used.fit.model, params: used.fit.params, note: note(used.fit, tc90) } : undefined, coldEdge };
}

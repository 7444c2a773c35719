/**
 * The superconducting drop, if there is one (docs/physics.md, "Metallic normal states" and "Ordinary
 * metals").
 *
 * - Steepest fall: the grid point where s = d ln R/d ln T is largest.
 * - Onset: walking up in T from there, the first point where s has fallen to 15 % of that peak
 *   (plus 2σ): the normal state just above the drop. R_n is the largest level between the
 *   steepest point and the onset, so a normal state that rises on cooling is measured at its
 *   maximum and a metallic one just above the drop, never at 300 K.
 * - Tc90, Tc50, Tc10: where the smoothed curve crosses 90/50/10 % of R_n going down from the
 *   onset (seed 003 defines Tc at 90 % of R_max, which assumes a flat normal state).
 * - Superconducting-like or metallic? An ordinary metal falls towards a residual resistance with s
 *   largest at the top of the window and at most a few (R0 + A·Tⁿ gives s < n ≤ 5); a
 *   superconducting drop is steeper than any such law, or has s peaking inside the window with a
 *   flatter normal state above. The activated Eq. 2 is compared with the metal law R0 + A·Tⁿ by
 *   AICc on the drop's window.
 * Log-odds L > 0 favour a superconducting-like drop.
 */
import type { CurveData } from "../../models/common";
import { sliceCurve } from "../../models/common";
import { fitBestMetalLaw, type CrossoverMetalFit } from "../../models/metal-law";
import { fitFailedSuperconductor } from "../../models/saturation";
import type { Estimate, ModelFit } from "../../types";
import { fmt } from "../format";
import { COARSE_READINGS, neighbourLineSigma } from "../noise";
import type { Profile } from "./profile";
import { clip } from "../math";
import { argMaxFinite, argMaxIn, countAtOrBelow, firstAbove, maxOver, minOver, walkUpTo } from "../scan";
import { SIT_TEMPERATURE_K } from "./metal-fall";
import { crossingBelow, tcPoints, type NormalStateNote } from "./tc-points";
import { scratchF64, scratchI32, scratchU8 } from "../../workspace";

export interface TransitionEvidence {
  L: number;
  /** grid index of the steepest fall and its slope */
  kSteep: number;
  sPeak: number;
  /** grid index of the onset (normal state just above the drop) */
  kOnset: number;
  /** index in the data of the onset */
  iOnset: number;
  rNormal: number;
  tOnset: number;
  /** absolute point-to-point noise of the normal state just above the drop (Ω) */
  normalNoise: number;
  tc90?: Estimate;
  tc50?: Estimate;
  tc10?: Estimate;
  /** s at the cold end of the window (NaN where R reaches zero) */
  sCold: number;
  metal: ModelFit | null;
  reason: string;
  /** how the normal state under the transition was found, when a fluctuation fit was used */
  normalState?: NormalStateNote;
  /** upper edge of the cold readings for the zero test (see TcPoints.coldEdge) */
  coldEdge?: number;
}

/**
 * How steeply a metal falls below the top of a hump: d ln R/d ln T is at most 1 in its linear
 * regime (R = R0 + A·T) and reaches ~2 where its phonon term crosses over towards Tⁿ.
 */
const METAL_FALL_SLOPE = 2;

/** The onset: where dR/d ln T has fallen to this fraction of its peak over the normal-state background. */
const ONSET_FRACTION = 0.02;

/**
 * The drop read from the readings themselves, for sweeps too coarse for the profile (a PPMS sweep
 * 300 → 2 K with 2–5 readings below Tc): a stretch of cold readings within the noise of zero
 * below a finite reading. Walking up from there, the onset is where the reading-to-reading slope
 * d ln R/d ln T falls below 5 (steeper than that, no metallic law goes). With `signedZero`, the
 * stretch must hold two readings or more, one of them ≤ 0.
 */
export function coarseDrop(d: CurveData, noise: number, signedZero = false): { nZero: number; iOnset: number; rNormal: number } | null {
  const n = d.n;
  const band = 5 * noise;
  let nZero = 0;
  let nonPositive = 0;
  while (nZero < n && Math.abs(d.R[nZero]!) <= band) if (d.R[nZero++]! <= 0) nonPositive++;
  if (nZero === 0 || nZero >= n - 2 || d.R[nZero]! < 20 * band) return null;
  if (signedZero && (nZero < 2 || nonPositive === 0)) return null;
  let i = nZero;
  while (i + 1 < n && Math.log(d.R[i + 1]! / d.R[i]!) / Math.log(d.T[i + 1]! / d.T[i]!) > 5) i++;
  return { nZero, iOnset: i, rNormal: d.R[i]! };
}

/**
 * The scatter (RMS) of the longest run of coldest readings, two or more with one ≤ 0, below a
 * reading a hundred times larger (twenty times the band of five RMS): the noise of a zero
 * resistance read at a few setpoints, which no estimate over the whole curve gives. NaN when
 * there is no such run.
 */
function zeroRunNoise(d: CurveData): number {
  let best = NaN;
  let ss = 0;
  let nonPositive = 0;
  for (let k = 1; k < d.n - 2; k++) {
    ss += d.R[k - 1]! ** 2;
    if (d.R[k - 1]! <= 0) nonPositive++;
    const rms = Math.sqrt(ss / k);
    if (k >= 2 && nonPositive > 0 && d.R[k]! >= 100 * rms) best = rms;
  }
  return best;
}

/**
 * The onset on the smoothed readings (the grid is coarse across a window from 300 K): around the
 * steepest point, where dR/d ln T peaks, then up to where it has fallen to 5 % of that peak over
 * the normal state's background (within 4× in T above the peak).
 */
function refineOnset(d: CurveData, smooth: Float64Array, tLo: number, tHi: number, noiseOf: (r: number) => number): number | null {
  const n = d.n;
  const slope = (i: number) => (smooth[i + 1]! - smooth[i - 1]!) / (d.lnT[i + 1]! - d.lnT[i - 1]!);
  let iPeak = -1;
  for (let i = 1; i < n - 1; i++) {
    if (d.T[i]! < tLo || d.T[i]! > tHi) continue;
    if (iPeak < 0 || slope(i) > slope(iPeak)) iPeak = i;
  }
  if (iPeak < 0) return null;
  const peak = slope(iPeak);
  let bg = Infinity;
  for (let i = iPeak + 1; i < n - 1 && d.T[i]! <= 4 * d.T[iPeak]!; i++) bg = Math.min(bg, slope(i));
  if (!Number.isFinite(bg)) return null;
  for (let i = iPeak + 1; i < n - 1; i++) {
    const se = (Math.SQRT2 * noiseOf(smooth[i]!)) / (d.lnT[i + 1]! - d.lnT[i - 1]!);
    if (slope(i) <= bg + ONSET_FRACTION * (peak - bg) + 2 * se) return i;
  }
  return n - 1;
}

/**
 * The steepest log slope of the lightly smoothed readings, over a baseline of at least 5 % in T
 * (and ten times the noise of a point), where R stays positive.
 */
export function steepestOnReadings(d: CurveData, sm: Float64Array, sigmaRel: number, tLo = 0, tHi = Infinity): { s: number; i: number } | null {
  const n = d.n;
  const minSpan = Math.max(0.05, 10 * sigmaRel);
  let best: { s: number; i: number } | null = null;
  let j = 0;
  for (let i = 0; i < n; i++) {
    if (j < i) j = i;
    while (j < n && d.lnT[j]! - d.lnT[i]! < minSpan) j++;
    if (j >= n || d.T[j]! > tHi) break;
    if (d.T[i]! < tLo || !(sm[i]! > 0 && sm[j]! > 0)) continue;
    const s = Math.log(sm[j]! / sm[i]!) / (d.lnT[j]! - d.lnT[i]!);
    if (!best || s > best.s) best = { s, i: (i + j) >> 1 };
  }
  return best;
}

/**
 * Is d ln R/d ln T somewhere steeper than on a flatter stretch above it? A metal's only grows with
 * T (a residual plus terms rising with T); over a baseline of ≥ 5 % in T, lightly smoothed.
 */
/**
 * A drop below a flat stretch: some stretch falls more steeply on cooling than a flat stretch
 * (|d ln R/d ln T| ≤ 0.1) above it, and more steeply than a metal falls (METAL_FALL_SLOPE). A
 * monotonic metal is flat only at its residual resistance, at the cold end; a film that is flat
 * above and falls steeply again below has a transition the sweep resolves with a few readings
 * only. A metal can also be flat at the top of a hump (a charge-density wave, a magnetic
 * transition) and then falls on as a metal, with d ln R/d ln T up to ~2: not a drop. Over a
 * baseline of ≥ 5 % in T.
 */
function dropBelowFlat(d: CurveData, sigmaRel: number): boolean {
  const n = d.n;
  if (n < 6) return false;
  const span = Math.max(0.05, 10 * sigmaRel);
  const flatSlope = 0.1 + (3 * sigmaRel) / span;
  // the slope of the stretch starting at each reading, and where that stretch ends
  const slope = scratchF64("tr.slope", n).fill(NaN);
  const end = scratchI32("tr.end", n).fill(n);
  let j = 0;
  for (let i = 0; i < n; i++) {
    if (j <= i) j = i + 1;
    while (j < n && d.lnT[j]! - d.lnT[i]! < span) j++;
    if (j >= n) break;
    end[i] = j;
    if (d.R[i]! > 0 && d.R[j]! > 0) slope[i] = Math.log(d.R[j]! / d.R[i]!) / (d.lnT[j]! - d.lnT[i]!);
  }
  // is there a flat stretch starting at or above each reading?
  const flatAbove = scratchU8("tr.flatAbove", n + 1);
  for (let i = n - 1; i >= 0; i--) flatAbove[i] = flatAbove[i + 1]! || (Number.isFinite(slope[i]!) && Math.abs(slope[i]!) <= flatSlope) ? 1 : 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(slope[i]!) || end[i]! >= n) continue;
    if (slope[i]! > Math.max(METAL_FALL_SLOPE, flatSlope + 0.2) && flatAbove[end[i]!]) return true;
  }
  return false;
}

/**
 * A fall larger than any metal makes at these temperatures. A metal's resistance is a residual
 * plus f(T) that grows with T at least linearly (Tⁿ, n ≥ 1, crossing over to T: f(T)/T never
 * decreases), so what it loses below a temperature T1, at most f(T1), it gains at least
 * (T3/T1 − 1) times over between T1 and any warmer T3. A film that falls by more than half below
 * T1 while gaining much less above it (or rising on cooling there: a weakly insulating normal
 * state) has a superconducting drop, however few readings resolve it: a sweep with a factor of 5
 * in T between two readings can show a drop by 4× with d ln R/d ln T below 1. Readings below 40 K
 * (SIT_TEMPERATURE_K): warmer falls are the metal–insulator and magnetic transitions of
 * metal-fall.ts. Half the gain a metal needs, and ten times the noise, are the margins.
 */
function fallTooLargeForMetal(d: CurveData, sigmaRel: number, floor: number): boolean {
  const n = d.n;
  let lowest = Infinity;
  for (let i = 0; i < n && d.T[i]! <= SIT_TEMPERATURE_K; i++) {
    const r1 = d.R[i]!;
    const fall = r1 - Math.max(lowest, 0);
    lowest = Math.min(lowest, r1);
    if (!(fall > 0.5 * r1) || fall < 10 * Math.hypot(floor, sigmaRel * r1)) continue;
    for (let j = i + 1; j < n && d.T[j]! <= 10 * d.T[i]!; j++) {
      if (d.R[j]! - r1 < 0.5 * (d.T[j]! / d.T[i]! - 1) * fall) return true;
    }
  }
  return false;
}

/** The metal law that won the comparison, in words. */
function metalLawText(metal: ModelFit, crossover: CrossoverMetalFit | null): string {
  return crossover
    ? `a Bloch–Grüneisen-like metal law (R0 + A·Tⁿ crossing over to linear in T near ${fmt(crossover.t1, 3)} K, n = ${fmt(crossover.n, 2)})`
    : `the metal law R0 + A·Tⁿ (n = ${fmt(metal.params.n!, 2)})`;
}

/** Smallest finite s[k] for from ≤ k < to (Infinity when none). */
function minFiniteAbove(s: Float64Array, from: number, to: number): number {
  let m = Infinity;
  for (let k = from; k < to; k++) if (Number.isFinite(s[k]!)) m = Math.min(m, s[k]!);
  return m;
}

/** Walking up the grid from the steepest point, the last point whose log slope is not below `limit`. */
function dropTop(slope: Float64Array, kSteep: number, limit: number): number {
  let k = kSteep;
  while (k + 1 < slope.length && !(slope[k + 1]! < limit)) k++;
  return k;
}

/** Walking down the grid from k, the first centre below ln t (exp(centre) < t), or 0. */
function walkDownTo(centres: Float64Array, k: number, t: number): number {
  let j = k;
  while (j > 0 && Math.exp(centres[j - 1]!) >= t) j--;
  return j;
}

/**
 * The onset on the grid: above kLin (where dR/d ln T peaks), the first point where dR/d ln T has
 * fallen to ONSET_FRACTION of its peak over the background (its smallest value within 4× in T above
 * the peak), plus 2σ; the top of the grid when it never does.
 */
function gridOnset(p: Profile, kLin: number, floor: number): number {
  const { G, centres, levR, sigmaRel } = p;
  const xNear = centres[kLin]! + Math.log(4);
  let linBackground = Infinity;
  for (let k = kLin + 1; k < G && centres[k]! <= xNear; k++) linBackground = Math.min(linBackground, levR.slope[k]!);
  if (!Number.isFinite(linBackground)) linBackground = 0;
  const linPeak = levR.slope[kLin]!;
  for (let k = kLin + 1; k < G; k++) {
    const se = levR.slopeSE1[k]! * Math.hypot(floor, sigmaRel * Math.abs(levR.level[k]!));
    if (levR.slope[k]! <= linBackground + ONSET_FRACTION * (linPeak - linBackground) + 2 * se) return k;
  }
  return G - 1;
}

export function transitionEvidence(d: CurveData, p: Profile, weights: Float64Array, floor: number): TransitionEvidence {
  const { G, centres, prof, levR, sigmaRel } = p;
  const n = d.n;
  let kSteep = argMaxFinite(prof.slope, G);
  // where R reaches zero the ln R profile is undefined: the steepest defined point is just above
  if (kSteep < 0) kSteep = 0;
  let sPeak = Number.isFinite(prof.slope[kSteep]!) ? prof.slope[kSteep]! : 0;
  // across a wide window the grid smears a sharp drop: the readings, lightly smoothed, over a
  // baseline of at least 5 % in T, can show it steeper (and elsewhere)
  const steepest = steepestOnReadings(d, p.lightSmoothR(), sigmaRel);
  if (steepest && steepest.s > sPeak) {
    sPeak = steepest.s;
    kSteep = walkUpTo(centres, 0, d.lnT[steepest.i]!);
  }
  // the background slope of the normal state: the smallest log slope above the steepest point
  let sBackground = minFiniteAbove(prof.slope, kSteep + 1, G);
  if (!Number.isFinite(sBackground)) sBackground = 0;
  // the onset, where the curve departs from the normal state, is read on the slope of R itself
  // (dR/d ln T; the log slope diverges as R → 0 and would put it inside the transition): the
  // first point above the steepest one where it has fallen to 5 % of its peak over the
  // background of the normal state
  // (within the drop: a metallic normal state's dR/d ln T grows again towards 300 K)
  const kDropTop = dropTop(prof.slope, kSteep, 0.3 * sPeak);
  const kLin = argMaxIn(levR.slope, Math.max(0, kSteep - 2), kDropTop);
  let kOnset = gridOnset(p, kLin, floor);
  let rNormal = maxOver(levR.level, Math.min(kSteep, kLin), kOnset, 0);
  let tOnset = Math.exp(centres[kOnset]!);
  let iOnset = walkUpTo(d.T, 0, tOnset);
  const smoothed = p.smoothR();
  const kSmooth = Math.max(2, Math.min(8, Math.round(n / 60)));
  const refined = refineOnset(d, smoothed, Math.exp(centres[Math.min(kSteep, kLin)]!) / 2, Math.exp(centres[kDropTop]!) * 2, (r) =>
    Math.hypot(floor, sigmaRel * r) / Math.sqrt(2 * kSmooth + 1),
  );
  if (refined !== null && refined > 0) {
    iOnset = refined;
    tOnset = d.T[iOnset]!;
    rNormal = maxOver(smoothed, Math.max(0, iOnset - 2 * kSmooth), Math.min(n - 1, iOnset + kSmooth), 0);
    kOnset = walkDownTo(centres, kOnset, tOnset);
  }
  // a drop too sharp for the profile: read it from the readings
  // (in a sweep of a few setpoints, against the scatter of the coldest readings too, when they
  // scatter around zero with a signed readout's readings ≤ 0, which no metal's residual gives:
  // the relative noise of a broad transition's normal state can exceed the first reading above
  // zero)
  const coarse = coarseDrop(d, sigmaRel * rNormal) ?? (d.n < COARSE_READINGS ? coarseDrop(d, zeroRunNoise(d), true) : null);
  const isCoarse = !!coarse && (sPeak < 5 || tOnset > 1.5 * d.T[coarse.iOnset]!);
  if (coarse && isCoarse) {
    iOnset = coarse.iOnset;
    rNormal = coarse.rNormal;
    tOnset = d.T[iOnset]!;
    kOnset = walkDownTo(centres, kOnset, tOnset);
  }
  // absolute noise of the normal state just above the drop
  const j1 = firstAbove(d.T, iOnset, 2 * tOnset);
  const j0 = Math.max(0, Math.min(iOnset, j1 - 6));
  const noiseAbove = neighbourLineSigma(d.lnT, d.R, j0, Math.min(n, Math.max(j1, j0 + 6)));
  const normalNoise = Math.max(Number.isFinite(noiseAbove) ? noiseAbove : 0, sigmaRel * rNormal, floor);

  // light smoothing for the Tc points (a wide one rounds the top of a sharp transition)
  const smooth = isCoarse ? d.R : p.lightSmoothR();
  const iNormalTop = Math.min(n - 1, walkUpTo(d.T, iOnset + 1, 2 * tOnset));
  const tc = tcPoints(d, { smooth, heavy: smoothed, raw: isCoarse, iOnset, rNormal, weights, floor, sigmaRel, kSmooth });
  const { tc90, tc50, tc10, normalState } = tc;
  // a drop read from its zero readings: those are the cold readings the zero test weighs (Tc10 of
  // a few readings can lie above a reading of the transition's foot)
  const coldEdge = coarse && isCoarse ? 0.5 * (d.T[coarse.nZero - 1]! + d.T[coarse.nZero]!) : tc.coldEdge;

  // s peaks inside the window, with a flatter normal state above
  // (a metal's s also peaks inside the window where the phonon term takes over, but its normal
  // state above keeps a slope of the same order: the linear regime, s ≈ 1)
  const interior = kSteep < G - 1 && sBackground <= 0.3 * sPeak;
  // a flat normal state above the drop (|s| ≤ 0.1): a metal is flat only at its residual, at the
  // cold end, never above a fall
  const flatAbove = interior && Math.abs(sBackground) <= 0.1;
  // a superconducting drop happens within a factor of a few in T; a metal's spans decades
  // (measured on the fall itself, from the normal state to the lowest level below it, so a drop
  // onto a plateau is measured too)
  const bottom = Math.max(minOver(smooth, 0, iOnset), 0);
  const fallAt = (f: number) => crossingBelow(d.T, smooth, iNormalTop, bottom + f * (rNormal - bottom));
  const f90 = fallAt(0.9);
  const f10 = fallAt(0.1);
  const spread = f90 && f10 && f10.T > 0 ? Math.log(f90.T / f10.T) / Math.log(5) : 1;
  // AICc: Eq. 2 (activated) against the metal law on the tail of the drop, from the cold end up
  // to just above its steepest point: an activated approach to the plateau, or a power law
  // (a ferromagnet's magnons, a metal's phonons)
  // (from a flat normal state, the whole drop up to twice the onset is compared)
  const tSteep = Math.exp(centres[kSteep]!);
  const iTop = countAtOrBelow(d.T, flatAbove ? 2 * tOnset : 1.2 * tSteep);
  let metal: ModelFit | null = null;
  // the metal's better description when its phonon term crosses over from Tⁿ to T inside the window
  let crossover: CrossoverMetalFit | null = null;
  let dAicc = 0;
  // (a drop steeper than any metallic law, or read from zero readings, needs no comparison)
  if (iTop >= 8 && sPeak < 5 && !isCoarse) {
    const sub = sliceCurve(d, 0, iTop);
    const w = weights.subarray(0, iTop);
    const best = fitBestMetalLaw(sub, w);
    metal = best.power;
    crossover = best.crossover;
    const eq2 = fitFailedSuperconductor(sub, w, { polish: false });
    if (Number.isFinite(best.aicc) && Number.isFinite(eq2.aicc)) dAicc = best.aicc - eq2.aicc;
  }
  // a metal flattens towards its residual resistance and stays flat below it
  const belowResidual = dropBelowFlat(d, sigmaRel) || fallTooLargeForMetal(d, sigmaRel, floor);
  const shape = isCoarse
    ? 8
    : // without a flatter normal state above, the comparison of two idealised laws cannot make a
      // drop superconducting-like (a Bloch–Grüneisen metal is neither a power law nor Eq. 2)
      clip((interior ? 1.5 : -3) + (flatAbove ? 1.5 : 0) + clip(2 * (sPeak - 2), -4, 6) + clip(dAicc / 4, -3, interior ? 2 : 0) - 4 * clip(spread - 0.8, 0, 2), -12, 12);
  // steeper than any metallic law (s < n ≤ 5); below the residual of the metal law: not a metal
  const L = sPeak >= 5 ? Math.max(shape, 6) : belowResidual ? Math.max(shape, 2) : shape;
  const reason = isCoarse
    ? `superconducting drop between ${fmt(d.T[coarse!.nZero - 1]!, 3)} K and ${fmt(tOnset, 3)} K: ${coarse!.nZero} cold reading(s) within the noise of zero below a normal state of ${fmt(rNormal)} Ω (a metal never reaches zero)`
    : L >= 0
      ? `superconducting-like drop below ${fmt(tOnset, 3)} K: d ln R/d ln T peaks at ${fmt(sPeak, 2)} at ${fmt(Math.exp(centres[kSteep]!), 3)} K${interior ? " with a flatter normal state above" : ""}${metal ? `; AICc ${dAicc >= 0 ? "prefers" : "disfavours"} the activated Eq. 2 over ${crossover ? "the best metal law (a Tⁿ → T crossover)" : "the metal law R0 + A·Tⁿ"} by ${fmt(Math.abs(dAicc), 2)}` : ""}`
      : `R falls like an ordinary metal: d ln R/d ln T is at most ${fmt(sPeak, 2)}${interior ? "" : ", largest at the top of the window"}${metal ? `; ${metalLawText(metal, crossover)} beats the activated Eq. 2 by ΔAICc = ${fmt(-dAicc, 2)}` : ""}; no superconducting drop`;
  const sCold = prof.slope[0]!;
  return { L, kSteep, sPeak, kOnset, iOnset, rNormal, tOnset, normalNoise, tc90, tc50, tc10, sCold, metal, reason, ...(normalState ? { normalState } : {}), ...(coldEdge !== undefined ? { coldEdge } : {}) };
}

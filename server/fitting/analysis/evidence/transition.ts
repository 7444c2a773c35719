/**
 * The superconducting drop, if there is one (PHYSICS.md, "Metallic normal states" and "Ordinary
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
import { fitMetalLaw } from "../../models/metal-law";
import { fitFailedSuperconductor } from "../../models/saturation";
import type { Estimate, ModelFit } from "../../types";
import { fmt } from "../format";
import { pointToPointSigma } from "./channel";
import type { Profile } from "./profile";

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
}

const clip = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);

/** Temperature where the smoothed curve crosses `level` going down in T from index `from`. */
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

export function transitionEvidence(d: CurveData, p: Profile, weights: Float64Array, floor: number): TransitionEvidence {
  const { G, centres, prof, levR, sigmaRel } = p;
  const n = d.n;
  let kSteep = -1;
  for (let k = 0; k < G; k++) {
    const s = prof.slope[k]!;
    if (Number.isFinite(s) && (kSteep < 0 || s > prof.slope[kSteep]!)) kSteep = k;
  }
  // where R reaches zero the ln R profile is undefined: the steepest defined point is just above
  if (kSteep < 0) kSteep = 0;
  const sPeak = Number.isFinite(prof.slope[kSteep]!) ? prof.slope[kSteep]! : 0;
  let kOnset = G - 1;
  for (let k = kSteep + 1; k < G; k++) {
    const s = prof.slope[k]!;
    const se = prof.slopeSE1[k]! * sigmaRel;
    if (Number.isFinite(s) && s <= 0.15 * sPeak + 2 * se) {
      kOnset = k;
      break;
    }
  }
  let rNormal = 0;
  for (let k = kSteep; k <= kOnset; k++) rNormal = Math.max(rNormal, levR.level[k]!);
  const tOnset = Math.exp(centres[kOnset]!);
  let iOnset = 0;
  while (iOnset + 1 < n && d.T[iOnset + 1]! <= tOnset) iOnset++;
  // absolute noise of the normal state just above the drop
  let j1 = iOnset;
  while (j1 < n && d.T[j1]! <= 2 * tOnset) j1++;
  const j0 = Math.max(0, Math.min(iOnset, j1 - 6));
  const noiseAbove = pointToPointSigma(d.R, j0, Math.min(n, Math.max(j1, j0 + 6)));
  const normalNoise = Math.max(Number.isFinite(noiseAbove) ? noiseAbove : 0, sigmaRel * rNormal, floor);

  const smooth = p.smoothR();
  const k = Math.max(2, Math.min(8, Math.round(n / 60)));
  const tcOf = (frac: number): Estimate | undefined => {
    const c = crossingBelow(d.T, smooth, Math.min(n - 1, iOnset + 1), frac * rNormal);
    if (!c) return undefined;
    const j = c.index;
    const dT = d.T[j]! - d.T[j - 1]!;
    const slope = (smooth[j]! - smooth[j - 1]!) / dT;
    const sR = Math.hypot(floor, sigmaRel * frac * rNormal) / Math.sqrt(2 * k + 1);
    return { value: c.T, uncertainty: Math.hypot(slope > 0 ? sR / slope : dT, dT / Math.sqrt(12)) };
  };
  const tc90 = tcOf(0.9);
  const tc50 = tcOf(0.5);
  const tc10 = tcOf(0.1);

  // s peaks inside the window, with a flatter normal state above
  const interior = kOnset < G - 1 || (kSteep < G - 2 && prof.slope[G - 1]! < 0.5 * sPeak);
  // AICc: Eq. 2 (activated) against the metal law on the drop's window, from the cold end up
  // to twice the onset
  let iTop = n;
  while (iTop > 0 && d.T[iTop - 1]! > 2 * tOnset) iTop--;
  let metal: ModelFit | null = null;
  let dAicc = 0;
  if (iTop >= 8) {
    const sub = sliceCurve(d, 0, iTop);
    const w = weights.subarray(0, iTop);
    metal = fitMetalLaw(sub, w);
    const eq2 = fitFailedSuperconductor(sub, w, { polish: false });
    if (Number.isFinite(metal.aicc) && Number.isFinite(eq2.aicc)) dAicc = metal.aicc - eq2.aicc;
  }
  const shape = clip((interior ? 1.5 : -3) + clip(2 * (sPeak - 2), -4, 6) + clip(dAicc / 4, -6, 6), -12, 12);
  // steeper than any metallic law (s < n ≤ 5)
  const L = sPeak >= 5 ? Math.max(shape, 6) : shape;
  const reason =
    L >= 0
      ? `superconducting-like drop below ${fmt(tOnset, 3)} K: d ln R/d ln T peaks at ${fmt(sPeak, 2)} at ${fmt(Math.exp(centres[kSteep]!), 3)} K${interior ? " with a flatter normal state above" : ""}${metal ? `; AICc ${dAicc >= 0 ? "prefers" : "disfavours"} the activated Eq. 2 over the metal law R0 + A·Tⁿ by ${fmt(Math.abs(dAicc), 2)}` : ""}`
      : `R falls like an ordinary metal: d ln R/d ln T is at most ${fmt(sPeak, 2)}${interior ? "" : ", largest at the top of the window"}${metal ? `; the metal law R0 + A·Tⁿ (n = ${fmt(metal.params.n!, 2)}) beats the activated Eq. 2 by ΔAICc = ${fmt(-dAicc, 2)}` : ""}; no superconducting drop`;
  const sCold = prof.slope[0]!;
  return { L, kSteep, sPeak, kOnset, iOnset, rNormal, tOnset, normalNoise, tc90, tc50, tc10, sCold, metal, reason };
}

/**
 * Smoothed levels R(T) and the logarithmic slope s(T) = d ln R/d ln T (= −w) on a grid of at most
 * 48 centres in ln T, by local linear regression (robust to point-to-point noise, unlike finite
 * differences). Every other evidence function reads the curve through this profile.
 */
import type { CurveData } from "../../models/common";
import { localLinearAt, runningLocalLinear, type GridProfile } from "../smoothing";
import { scratchF64 } from "../../workspace";
import { clip } from "../math";

export interface Profile {
  centres: Float64Array;
  G: number;
  /** levels of R (from ln R where the window holds only positive readings, from R where it reaches zero) */
  levR: GridProfile;
  /** local regression of ln R: slope = d ln R/d ln T, slopeSE1·σ_rel its standard error */
  prof: GridProfile;
  /** relative point-to-point noise σ_rel */
  sigmaRel: number;
  /** grid index of the largest level */
  kPeak: number;
  /** running local-linear smooth of R at every point (lazily computed) */
  smoothR(): Float64Array;
  /** the same over ±2 readings only, for steep features and the Tc points (lazily computed) */
  lightSmoothR(): Float64Array;
}

export function buildProfile(d: CurveData, sigmaRel: number): Profile {
  const n = d.n;
  const x0 = d.lnT[0]!;
  const span = d.lnT[n - 1]! - x0;
  const G = clip(Math.round(span / 0.12), 6, 48);
  const centres = scratchF64("an.centres", G);
  for (let k = 0; k < G; k++) centres[k] = x0 + (span * k) / (G - 1);
  const h = Math.min(Math.max(span / (G - 1), (4 * span) / n), span / 3);
  const levR = localLinearAt(d.lnT, d.R, centres, h, 3, 8, "an.levR");
  const prof = localLinearAt(d.lnT, d.lnR, centres, h, 4, 8, "an.prof");
  for (let k = 0; k < G; k++) {
    if (prof.count[k] === levR.count[k] && Number.isFinite(prof.level[k]!)) levR.level[k] = Math.exp(prof.level[k]!);
  }
  let kPeak = 0;
  for (let k = 1; k < G; k++) if (levR.level[k]! > levR.level[kPeak]!) kPeak = k;
  let smooth: Float64Array | null = null;
  let light: Float64Array | null = null;
  return {
    centres,
    G,
    levR,
    prof,
    sigmaRel,
    kPeak,
    smoothR: () => (smooth ??= runningLocalLinear(d.lnT, d.R, clip(Math.round(n / 60), 2, 8), scratchF64("an.smooth", n))),
    lightSmoothR: () => (light ??= runningLocalLinear(d.lnT, d.R, 2, scratchF64("an.light", n))),
  };
}

/** Slope d ln R/d ln T at grid point k and its standard error (NaN where R reaches zero). */
export function slopeAt(p: Profile, k: number): { s: number; se: number } {
  return { s: p.prof.slope[k]!, se: p.prof.slopeSE1[k]! * p.sigmaRel };
}

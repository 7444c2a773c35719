/**
 * A plateau at the cold end (docs/physics.md: M1 "levels off at a finite ρ_QF"): the largest set of
 * coldest points, searched from the lower half of the drop downward, over which a weighted
 * straight line in ln T has χ²/dof ≤ 4 and changes by no more than its 3σ error plus 10 % of the
 * level (R − ρ_QF < 0.1 ρ_QF: flat, |d ln R/d ln T| small over the span), and whose slope
 * d ln R/d ln T has fallen well below the steepest rate of the drop.
 */
import type { CurveData } from "../../models/common";

export interface Plateau {
  /** number of coldest points in the plateau */
  k: number;
  level: number;
  se: number;
  /** highest temperature of the plateau */
  tTop: number;
  /** its span Tmax/Tmin */
  span: number;
}

/**
 * @param maxLogSlope the largest d ln R/d ln T a plateau may keep (a curve that "levels off" has
 * slowed well below the steepest rate of its drop)
 */
export function findPlateau(d: CurveData, sigma: Float64Array, kMax: number, maxLogSlope = Infinity): Plateau | null {
  let k = Math.min(kMax, d.n);
  while (k >= 4) {
    let sw = 0;
    let sx = 0;
    let sy = 0;
    for (let i = 0; i < k; i++) {
      const w = 1 / (sigma[i]! * sigma[i]!);
      sw += w;
      sx += w * d.lnT[i]!;
      sy += w * d.R[i]!;
    }
    const mx = sx / sw;
    const my = sy / sw;
    let sxx = 0;
    let sxy = 0;
    for (let i = 0; i < k; i++) {
      const w = 1 / (sigma[i]! * sigma[i]!);
      const dx = d.lnT[i]! - mx;
      sxx += w * dx * dx;
      sxy += w * dx * (d.R[i]! - my);
    }
    const b = sxx > 0 ? sxy / sxx : 0;
    let chi2 = 0;
    for (let i = 0; i < k; i++) {
      const e = (d.R[i]! - my - b * (d.lnT[i]! - mx)) / sigma[i]!;
      chi2 += e * e;
    }
    const red = Math.max(1, k > 2 ? chi2 / (k - 2) : 1);
    const span = d.lnT[k - 1]! - d.lnT[0]!;
    const change = Math.abs(b) * span;
    const seChange = sxx > 0 ? Math.sqrt(red / sxx) * span : Infinity;
    // flat in log terms: d ln R/d ln T within 0.1 of zero, allowing twice its standard error
    // from the stretch's own scatter (not from the noise model, which can be generous)
    const seSlope = k > 2 && sxx > 0 ? Math.sqrt(chi2 / (k - 2) / sxx) : Infinity;
    const logSlope = my > 0 ? Math.abs(b) / my : Infinity;
    const flat = logSlope <= 0.1 + (2 * seSlope) / my && logSlope <= maxLogSlope;
    if (red <= 4 && change <= 3 * seChange + 0.1 * Math.abs(my) && flat) {
      return { k, level: my, se: Math.sqrt(red / sw), tTop: d.T[k - 1]!, span: d.T[k - 1]! / d.T[0]! };
    }
    k = Math.min(k - 1, Math.floor(k * 0.85));
  }
  return null;
}

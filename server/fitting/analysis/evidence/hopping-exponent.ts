/**
 * I1 or I2: the hopping exponent (docs/physics.md, "Hopping exponent"). R = R0·exp((T0/T)^p): p ≈ 1 is
 * simply activated (I1, bosonic), p ≈ ½ (Efros–Shklovskii) or ⅓ (2D Mott) variable-range hopping
 * (I2, fermionic). Free-p fit against the boundary, AICc of Arrhenius against the best of ES/Mott
 * as a second opinion, the Zabrodskii slope of ln w against ln T reported as a cross-check. A
 * hopping law that leaves residuals far above the point-to-point noise shrinks the odds.
 */
import type { FreeHoppingFit } from "../../models/hopping";
import type { Estimate, ModelFit, QuantityKey } from "../../types";
import { fmt, fmtPm } from "../format";
import { est } from "../result";
import { zabrodskiiFit } from "../log-derivative";
import type { GridProfile } from "../smoothing";
import { clip, logistic } from "../math";
import { scratchF64 } from "../../workspace";

export interface HoppingInput {
  centres: Float64Array;
  prof: GridProfile;
  sigmaRel: number;
  opts: { pBoundary: number };
  /** top of the insulating window in ln T */
  xTop: number;
  free: FreeHoppingFit;
  arr: ModelFit;
  es: ModelFit;
  mott: ModelFit;
}

/**
 * The smallest hopping exponent (3D Mott, p = ¼). A hopping law R0·exp((T0/T)^p) has
 * w = p·(T0/T)^p, so where w < p its exponential factor is below e: a window whose w stays below
 * ¼ everywhere shows no activated or hopping divergence at all (a weakly localized film rising
 * logarithmically, say), whichever law fits it best, and no insulating rise for M2 to saturate.
 * A free exponent well below it is no hopping law either: R rises more slowly than any.
 */
export const MIN_HOPPING_EXPONENT = 0.25;

export interface HoppingEvidence {
  pI1: number;
  /** the free exponent lies below every hopping law's (p + 2σ < ¼): why I1/I2 is only a best guess, else null */
  belowHopping: string | null;
  reason: string;
  secondary: string[];
  vrh: ModelFit;
  quantities: Partial<Record<QuantityKey, Estimate>>;
}

export function hoppingExponentEvidence(input: HoppingInput): HoppingEvidence {
  const { centres, prof, sigmaRel, opts, xTop, free, arr, es, mott } = input;
  const G = centres.length;
  const secondary: string[] = [];
  const quantities: Partial<Record<QuantityKey, Estimate>> = {};
  const pHat = free.converged ? free.params.p! : NaN;
  const uP = free.converged ? free.uncertainties.p! : NaN;
  const arrVsVrh = Math.min(es.aicc, mott.aicc) - arr.aicc; // > 0 favours Arrhenius
  let Li1: number;
  if (Number.isFinite(pHat) && Number.isFinite(uP)) {
    Li1 = clip((pHat - opts.pBoundary) / Math.max(uP, 0.05), -10, 10) + clip(arrVsVrh / 6, -4, 4);
  } else {
    Li1 = clip(arrVsVrh / 4, -8, 8);
  }
  // a hopping law that leaves residuals far above the point-to-point noise
  // does not describe the curve (another conduction channel, a prefactor):
  // its exponent is then a poor guide and the odds shrink toward even
  const misfit = free.converged && free.dof > 0 ? Math.sqrt(free.rss / free.dof) / sigmaRel : 1;
  if (misfit > 3) {
    Li1 *= 3 / misfit;
    secondary.push(`the best hopping law leaves residuals ${fmt(misfit, 2)}× the point-to-point noise: the exponent is uncertain`);
  }
  const pI1 = logistic(clip(Li1, -12, 12));
  // Zabrodskii: slope of ln w vs ln T over the window where w is significant
  const wArr = scratchF64("hopx.w", G);
  const wSE = scratchF64("hopx.wSE", G);
  for (let k = 0; k < G; k++) {
    wArr[k] = -prof.slope[k]!;
    wSE[k] = prof.slopeSE1[k]! * sigmaRel;
  }
  const zab = zabrodskiiFit(centres, wArr, wSE, xTop + 1e-9);
  const pZ = zab ? zab.p : NaN;
  if (zab) quantities.zabrodskiiP = { value: zab.p, uncertainty: zab.uncertainty };
  const arrT0 = est(arr.params.T0_K!, arr.uncertainties.T0_K);
  if (arrT0) quantities.arrheniusT0_K = arrT0;
  if (free.converged) {
    const t0 = est(free.params.T0_K!, free.uncertainties.T0_K);
    if (t0) quantities.hoppingT0_K = t0;
    const pp = est(free.params.p!, free.uncertainties.p);
    if (pp) quantities.hoppingP = pp;
  }
  const vrh = es.aicc <= mott.aicc ? es : mott;
  const pText = Number.isFinite(pHat) ? `hopping exponent p = ${fmtPm(pHat, uP)}` : "hopping exponent undetermined";
  const reason =
    pI1 >= 0.5
      ? `${pText} (≥ ${opts.pBoundary} → simply activated, Arrhenius T0 = ${fmtPm(arr.params.T0_K!, arr.uncertainties.T0_K, "K")})`
      : `${pText} (< ${opts.pBoundary} → variable-range hopping, ${vrh.model === "es_vrh" ? "Efros–Shklovskii p = 1/2" : "Mott p = 1/3"}, T0 = ${fmtPm(vrh.params.T0_K!, vrh.uncertainties.T0_K, "K")})`;
  secondary.push(`AICc ${arrVsVrh >= 0 ? "prefers Arrhenius over VRH" : "prefers VRH over Arrhenius"} by ${fmt(Math.abs(arrVsVrh), 2)}`);
  if (Number.isFinite(pZ)) secondary.push(`Zabrodskii slope of ln w vs ln T gives p ≈ ${fmt(pZ, 2)}`);
  const belowHopping =
    Number.isFinite(pHat) && Number.isFinite(uP) && pHat + 2 * uP < MIN_HOPPING_EXPONENT
      ? `the free hopping exponent p = ${fmtPm(pHat, uP)} lies below every hopping law's (¼ for Mott in 3D up to 1 for Arrhenius): R rises more slowly than any hopping law, as it does towards a saturation (M2), and an insulator cannot be told from a failed one`
      : null;
  return { pI1, belowHopping, reason, secondary, vrh, quantities };
}

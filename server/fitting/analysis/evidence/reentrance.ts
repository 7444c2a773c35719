/**
 * Re-entrance (docs/physics.md): a granular film drops partially below Tc and rises again on further
 * cooling. A drop followed by a rise is neither M1 nor M2. Read on the smoothed levels: an
 * interior minimum well above zero with a significant drop above it (≥ 15 % of the level above)
 * and a significant rise below it (≥ 10 % and ≥ 5σ). A gentle fall (d ln R/d ln T < 2 everywhere
 * on the readings) under an activated divergence more than 3× above it is a semiconductor. A shallow dip (< 30 %) under a cold rise
 * that dwarfs it (more than twice the level above) is a feature above an insulating upturn,
 * left to the insulating analysis. When the coldest readings are zero resistance by the zero test
 * (a signed zero, or a floor of |noise| read as a magnitude), the curve does not rise again: the
 * scatter of a floor of |noise| can make one cold bin's mean twice another's.
 */
import type { CurveData } from "../../models/common";
import { fmt } from "../format";
import { steepestOnReadings } from "./transition";
import type { Profile } from "./profile";

export interface Reentrance {
  isReentrant: boolean;
  reason: string;
}

/**
 * The zero test's log-odds of a finite level below which the coldest readings are firmly zero
 * resistance (odds above e² for zero: a veto of the other evidence needs firm evidence).
 */
const FIRM_ZERO_L = -2;

/**
 * @param floor absolute noise floor of R (Ω)
 * @param coldZeroL the zero test's log-odds of a finite level at the coldest readings (NaN when not run)
 */
export function reentranceEvidence(d: CurveData, p: Profile, floor: number, coldZeroL: number): Reentrance {
  const { G, levR, centres, sigmaRel } = p;
  const none = { isReentrant: false, reason: "" };
  if (G < 5 || coldZeroL < FIRM_ZERO_L) return none;
  let kMin = 0;
  for (let k = 1; k < G; k++) if (levR.level[k]! < levR.level[kMin]!) kMin = k;
  if (kMin < 2 || kMin > G - 2) return none;
  const rMin = levR.level[kMin]!;
  let rAbove = 0;
  let kAbove = kMin;
  for (let k = kMin + 1; k < G; k++) {
    if (levR.level[k]! > rAbove) {
      rAbove = levR.level[k]!;
      kAbove = k;
    }
  }
  const rCold = levR.level[0]!;
  const sigma = (k: number) => Math.hypot(floor, sigmaRel * Math.abs(levR.level[k]!)) / Math.sqrt(Math.max(1, levR.count[k]!));
  const rise = rCold - rMin;
  const drop = rAbove - rMin;
  const significantRise = rise > Math.max(0.1 * Math.abs(rMin), 5 * Math.hypot(sigma(0), sigma(kMin)));
  const significantDrop = rAbove > 0 && drop / rAbove >= 0.15;
  // a partial drop: the minimum stays well above zero (a zero-resistance state is not re-entrant)
  const partial = rMin > 5 * sigma(kMin);
  // and a superconducting one, steeper somewhere than a metal falls (d ln R/d ln T ≥ 2 on the
  // readings): a semiconductor's intrinsic fall above its freeze-out is not
  const steepest = steepestOnReadings(d, p.lightSmoothR(), sigmaRel, Math.exp(centres[kMin]!), Math.exp(centres[kAbove]!));
  const steep = !!steepest && steepest.s >= 2;
  // a shallow dip above an insulating upturn that dwarfs it belongs to the insulating analysis
  const dipAboveUpturn = drop / rAbove < 0.3 && rCold > 2 * rAbove;
  // a gentle fall followed by an activated divergence far above it is a semiconductor's
  // intrinsic-to-freeze-out crossover, left to the insulating analysis
  const semiconductor = !steep && rCold > 3 * rAbove;
  if (!partial || semiconductor || !significantRise || !significantDrop || dipAboveUpturn) return none;
  return {
    isReentrant: true,
    reason: `re-entrant: R drops by ${fmt((100 * drop) / rAbove, 2)} % to ${fmt(rMin)} Ω at ${fmt(Math.exp(centres[kMin]!), 3)} K and rises again by ${fmt((100 * rise) / rMin, 2)} % on further cooling`,
  };
}

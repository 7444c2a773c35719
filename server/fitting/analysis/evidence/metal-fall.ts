/**
 * A fall onto a metal (docs/physics.md, "Metals with a hump" and "Metal–insulator transitions"):
 * warmer than the films of the SIT ever go superconducting (40 K: amorphous InO, TiN, NbN, MoGe,
 * NbSi, Bi below 20 K; MgB2 39 K; only the cuprates go warmer, and they rarely end on a plateau),
 * a steep fall of R, or a maximum of R, followed by a metal's approach to its residual (a power
 * law in T, or its Bloch–Grüneisen-like crossover) rather than Eq. 2's activated one, is a
 * metal–insulator, charge-density-wave or magnetic transition: no SIT label.
 * (At a few kelvin a drop with a slow, logistic-like tail is fitted about as well by a steep
 * power law: one curve cannot make it a metal's there.)
 */
import { sliceCurve, type CurveData } from "../../models/common";
import { fitBestMetalLaw } from "../../models/metal-law";
import { fitFailedSuperconductor } from "../../models/saturation";
import { scratchF64 } from "../../workspace";
import { fmt } from "../format";
import { countBelow } from "../scan";

/**
 * The temperature scale of the SIT (K): its films go superconducting below it, and its T → 0
 * phases (the plateaus of M1 and M2) show below a few kelvin. A fall or a maximum warmer than this
 * is not the SIT's, and a window that never reaches it cannot show a T → 0 plateau.
 */
export const SIT_TEMPERATURE_K = 40;
const MIN_T = SIT_TEMPERATURE_K;
/** How much better (AICc) a metal law must describe the approach than Eq. 2 to make it a metal's. */
const METAL_AICC = 10;
/** The approach must still fall by this fraction of the residual (a flat plateau has nothing to compare). */
const MIN_FALL = 0.02;

/** ΔAICc (Eq. 2 − the better metal law) on the first n readings, or null when Eq. 2 does not converge. */
function metalOverEq2(d: CurveData, w: Float64Array, n: number): number | null {
  const sub = sliceCurve(d, 0, n);
  const weights = w.subarray(0, n);
  const eq2 = fitFailedSuperconductor(sub, weights, { polish: true });
  if (!eq2.converged || !Number.isFinite(eq2.aicc)) return null;
  return eq2.aicc - fitBestMetalLaw(sub, weights).aicc;
}

/**
 * A plateau after a fall whose Tc50 is above 40 K, approached as a metal: below half the fall's
 * temperature R still falls (by > 2 % and 10× the noise floor) and a metal law beats Eq. 2 there
 * by ΔAICc > 10. Why the fall is onto a metal, or null. `smooth` are the smoothed readings, `w`
 * the weights of the noise model.
 */
export function fallOntoMetal(d: CurveData, smooth: Float64Array, w: Float64Array, plateauLevel: number, tcDrop: number, floor: number): string | null {
  if (!(tcDrop > MIN_T)) return null;
  const n = countBelow(d.T, 0.5 * tcDrop);
  if (n < 12) return null;
  const rise = smooth[n - 1]! - plateauLevel;
  if (!(rise > Math.max(MIN_FALL * plateauLevel, 10 * floor))) return null;
  const dAicc = metalOverEq2(d, w, n);
  if (dAicc === null || !(dAicc > METAL_AICC)) return null;
  return `below the fall R approaches ${fmt(plateauLevel)} Ω as a metal approaches its residual: below ${fmt(d.T[n - 1]!, 3)} K (where it still falls by ${fmt((100 * rise) / plateauLevel, 2)} %) the metal law beats Eq. 2's activated approach by ΔAICc = ${fmt(dAicc, 2)}; a metal–insulator or magnetic transition onto a metal, not a superconducting drop onto a plateau`;
}

/**
 * A maximum of R warmer than 40 K followed by a metal's fall: below 0.8 × the maximum's
 * temperature R still falls (by > 2 %) and a metal law beats Eq. 2's drop onto a plateau by
 * ΔAICc > 10 (weights from the relative noise). Why the curve is a metal below its maximum, or null.
 */
export function metalBelowMaximum(d: CurveData, tPeak: number, sigmaRel: number): string | null {
  if (!(tPeak > MIN_T)) return null;
  const n = countBelow(d.T, 0.8 * tPeak);
  if (n < 12 || !(d.R[0]! > 0) || !(d.R[n - 1]! > (1 + MIN_FALL) * d.R[0]!)) return null;
  const w = scratchF64("metalfall.w", n);
  for (let i = 0; i < n; i++) w[i] = 1 / (sigmaRel * Math.max(d.R[i]!, 1e-300)) ** 2;
  const dAicc = metalOverEq2(d, w, n);
  if (dAicc === null || !(dAicc > METAL_AICC)) return null;
  return `R passes through a maximum at ${fmt(tPeak, 3)} K and then falls as a metal towards its residual (below ${fmt(d.T[n - 1]!, 3)} K a metal law beats a drop onto a plateau by ΔAICc = ${fmt(dAicc, 2)}): a metal–insulator, charge-density-wave or magnetic transition, not the SIT's failed insulator`;
}

/**
 * The warmest superconducting transition known below 100 GPa (K): about 135 K at ambient pressure
 * (the mercury cuprates), 165 K under ~30 GPa; only the hydrides go beyond, above ~100 GPa.
 * Unknown pressure counts as below 100 GPa.
 */
const WARMEST_TC = 165;

/**
 * A fall warmer than any superconductor's transition at the curve's pressure, in a window that
 * holds no reading below 40 K: there is no colder transition the fall could have been mistaken
 * for (with colder readings, a metal's high-temperature fall can be read as "the drop" above a
 * real transition at a few kelvin, and the other checks decide). Why the fall is not
 * superconducting, or null.
 */
export function tooWarmForSuperconductivity(d: CurveData, tcDrop: number, pressureGPa: number | undefined): string | null {
  if (pressureGPa !== undefined && pressureGPa >= 100) return null;
  if (!(tcDrop > WARMEST_TC) || !(d.T[0]! > MIN_T)) return null;
  return `R falls steeply near ${fmt(tcDrop, 3)} K, warmer than any superconductor's transition below 100 GPa (≤ ${WARMEST_TC} K), and the window (from ${fmt(d.T[0]!, 3)} K) never reaches the temperatures of the SIT: a metal–insulator or magnetic transition, not a superconducting drop`;
}

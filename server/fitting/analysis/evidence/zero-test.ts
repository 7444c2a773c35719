/**
 * Zero resistance or a finite plateau? (docs/physics.md, "Readout" and "Coarse sweeps")
 *
 * The coldest readings of a curve that fell on cooling are tested against what the readout makes
 * of zero resistance:
 * - signed (DC bridge, lock-in X): 0 ± noise, negative readings included. Zero when the mean is
 *   within 3 standard errors of 0; finite when it is many standard errors above 0 and the
 *   readings sit well above their own scatter.
 * - magnitude (lock-in R = √(X² + Y²)): a positive floor of |noise| whose mean/SD is ≈ 1.3
 *   (|Gaussian|) to 1.9 (Rayleigh) and whose readings reach almost zero. A genuine plateau has a
 *   relative scatter set by the multiplicative noise: mean/SD ≫ 3.
 * - unknown: a negative reading proves a signed readout; with none, both readings of the data are
 *   weighed (the floor statistics decide).
 * With fewer than 4 cold readings (a coarse sweep) the set has no statistics of its own: each
 * reading is compared with the additive noise of the instrument, the noise that remains at zero
 * resistance: the size of any negative cold reading, or the absolute noise of the normal state
 * just above the transition, but at most 10⁻³ R_n of the latter (its multiplicative part does
 * not reach zero, and one reading cannot establish zero to better than that). The curve's noise
 * floor is no measure here: with a few cold readings it is read on the steep fall itself. A reading within 3× that, negative or not, is evidence of zero resistance;
 * one above it is a plateau or a transition still under way.
 * Log-odds L > 0 favour a finite resistance (M1), L < 0 zero (S).
 */
import type { Readout } from "../../types";
import { fmt, fmtPm } from "../format";
import { neighbourLineSigma } from "../noise";
import { clip } from "../math";

export interface ZeroTest {
  /** log-odds of a finite resistance against zero */
  L: number;
  level: number;
  uncertainty: number;
  /** the readout the readings show (a negative reading proves a signed one) */
  readout: Readout;
  n: number;
  reason: string;
}

export interface ZeroTestScales {
  /** the readout declared by the instrument file or the user */
  readout: Readout;
  /** absolute point-to-point noise of the normal state just above the transition (Ω) */
  normalNoise: number;
  /** the normal-state resistance just above the transition (Ω) */
  rNormal: number;
}

/** A single reading cannot establish zero resistance to better than this fraction of R_n. */
const SINGLE_READING_ZERO = 1e-3;

/** Mean/SD of a magnitude floor: |Gaussian| 1.32, Rayleigh 1.91; a plateau of multiplicative noise ≫ 3. */
export const MAGNITUDE_FLOOR_MAX_RATIO = 2.6;

/**
 * @param lnT ln T of the readings (the scatter is measured about the local trend, so a set that
 * still slopes is not mistaken for a wide floor)
 */
export function zeroTest(lnT: ArrayLike<number>, R: ArrayLike<number>, scales: ZeroTestScales): ZeroTest {
  const n = R.length;
  let mean = 0;
  let negatives = 0;
  for (let i = 0; i < n; i++) {
    mean += R[i]!;
    if (R[i]! < 0) negatives++;
  }
  mean /= Math.max(n, 1);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (R[i]! - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  const readout: Readout = negatives > 0 ? "signed" : scales.readout;
  const ref = Number.isFinite(scales.normalNoise) && scales.normalNoise > 0 ? scales.normalNoise : 1e-6 * Math.abs(scales.rNormal);
  const pct = (v: number) => `${fmt((100 * v) / scales.rNormal, 2)} % of R_n`;

  if (n < 4) {
    // coarse: each reading against the additive noise
    let negScale = 0;
    for (let i = 0; i < n; i++) if (R[i]! < 0) negScale = Math.max(negScale, -R[i]!);
    const additive = Math.max(Math.min(ref, SINGLE_READING_ZERO * Math.abs(scales.rNormal)), negScale);
    // the coldest readings within it (a reading above them may still be on the transition)
    let nZero = 0;
    while (nZero < n && Math.abs(R[nZero]!) <= 3 * additive) nZero++;
    const within = nZero > 0;
    let negZero = 0;
    let maxZero = -Infinity;
    for (let i = 0; i < nZero; i++) {
      if (R[i]! < 0) negZero++;
      maxZero = Math.max(maxZero, R[i]!);
    }
    const far = mean > 10 * additive && (n < 2 || sd < 0.3 * mean);
    const L = within ? (negZero > 0 ? -7 : -5) : far ? 1.5 : 0;
    const reason = within
      ? `the ${nZero} coldest reading(s) (largest ${fmt(maxZero)} Ω${negZero > 0 ? `, ${negZero} negative` : ""}) lie within the additive noise (${fmt(additive)} Ω): zero resistance`
      : `the ${n} coldest reading(s) average ${fmt(mean)} Ω = ${pct(mean)}, ${fmt(mean / additive, 2)}× the additive noise (${fmt(additive)} Ω): too few to tell a plateau from a transition still under way`;
    return { L, level: mean, uncertainty: n > 1 ? sd / Math.sqrt(n) : additive, readout, n, reason };
  }

  // the scatter about the local trend (for independent readings it equals the standard deviation)
  const local = neighbourLineSigma(lnT, R, 0, n);
  // (the robust local estimate runs low on skewed |noise|: it replaces the standard deviation
  // only when a trend clearly inflates the latter)
  // and never below a resolution of 10⁻⁶ of the normal state (no instrument resolves more)
  const resolution = 1e-6 * Math.abs(scales.rNormal);
  const scatter = Math.max(Number.isFinite(local) && local > 0 && local < 0.5 * sd ? local : sd, resolution);
  const se = Math.max(scatter / Math.sqrt(n), 1e-12 * Math.abs(scales.rNormal));
  const z = mean / se;
  const ratio = scatter > 0 ? mean / scatter : Infinity;
  // signed: zero reads negative as often as positive; the mean against its standard error decides
  const lSigned = clip(1.2 * (z - 5), -9, 8);
  if (readout === "signed") {
    const reason =
      z < -5
        ? `the ${n} coldest readings average ${fmtPm(mean, se, "Ω")} (${negatives} negative), ${fmt(-z, 2)} standard errors below zero: zero resistance read with an instrument offset of ${pct(mean)} (a resistance is never negative)`
        : lSigned < 0
        ? `the ${n} coldest readings average ${fmtPm(mean, se, "Ω")} (${negatives} negative): zero within ${fmt(Math.abs(z), 2)} standard errors, a signed readout of zero resistance`
        : `the ${n} coldest readings average ${fmtPm(mean, se, "Ω")} = ${pct(mean)}, ${fmt(z, 2)} standard errors above zero (mean/SD ${fmt(ratio, 2)})`;
    return { L: lSigned, level: mean, uncertainty: se, readout, n, reason };
  }
  // magnitude, or unknown with every reading positive (a signed zero would read negative about
  // half the time): is it a floor of |noise|?
  const L = clip(2.5 * (ratio - 3), -8, 8);
  const reason =
    L < 0
      ? `the ${n} coldest readings are a positive floor: mean ${fmt(mean)} Ω with mean/SD = ${fmt(ratio, 2)} (|noise| of a ${readout === "magnitude" ? "" : "possible "}magnitude readout gives 1.3–1.9; a plateau ≫ 3): zero resistance`
      : `the ${n} coldest readings average ${fmtPm(mean, se, "Ω")} = ${pct(mean)} with mean/SD = ${fmt(ratio, 2)}, well above a floor of |noise| (1.3–1.9)`;
  return { L, level: mean, uncertainty: se, readout, n, reason };
}

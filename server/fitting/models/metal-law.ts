/**
 * The ordinary-metal law R = R0 + A·T^n: a residual resistance plus a phonon (or electron–electron)
 * term, the alternative to a superconducting drop on the falling side of the SIT (docs/physics.md,
 * "Ordinary metals"). n is searched in [0.5, 5] (n = 1: the linear high-T regime; n = 2: e–e
 * scattering; n = 5: Bloch–Grüneisen at T ≪ Θ_D) by variable projection, with R0 and A solved in
 * closed form; the uncertainties come from the full Jacobian [1, Tⁿ, A·Tⁿ ln T] at the optimum.
 * Fitted in R with the same weights as Eq. 2, so the two are compared by AICc on equal terms.
 */
import { covarianceFromJtJ } from "../solvers/levenberg-marquardt";
import { minimize1D } from "../solvers/minimize-1d";
import type { ModelFit } from "../types";
import { scratchF64 } from "../workspace";
import { buildModelFit, informationCriteria, type CurveData } from "./common";
import { binByLnT } from "./binning";
import { lineRss } from "./linear-fit";

const N_MIN = 0.5;
const N_MAX = 5;

export function fitMetalLaw(d: CurveData, w: Float64Array): ModelFit {
  const n = d.n;
  const u = scratchF64("metal.u", n);
  const coef = new Float64Array(2);
  // T scaled by the window top keeps T^n of order one
  const tRef = d.T[n - 1]!;
  const lnRef = Math.log(tRef);
  // the exponent is searched on data averaged in 48 bins of ln T (as for Eq. 1 and 2), then the
  // amplitudes are solved on the full data
  const bins = binByLnT(d.lnT, d.R, w, 0, n, 48);
  const ub = scratchF64("metal.ub", bins.n);
  const objective = (e: number) => {
    for (let k = 0; k < bins.n; k++) ub[k] = Math.exp(e * (bins.lnT[k]! - lnRef));
    return lineRss(ub, bins.y, bins.w, 0, bins.n, coef);
  };
  const best = minimize1D(objective, N_MIN, N_MAX, 10, 1e-3);
  const e = best.x;
  for (let i = 0; i < n; i++) u[i] = Math.exp(e * (d.lnT[i]! - lnRef));
  const rss = lineRss(u, d.R, w, 0, n, coef);
  const r0 = coef[0]!;
  const aRef = coef[1]!;
  // Jacobian in (R0, A_ref, n) for R = R0 + A_ref·(T/tRef)^n, weighted
  // (each of the nine sums, the mirrored ones too, adds (w·j_a)·j_b in the order of the readings)
  let s00 = 0;
  let s01 = 0;
  let s02 = 0;
  let s10 = 0;
  let s11 = 0;
  let s12 = 0;
  let s20 = 0;
  let s21 = 0;
  let s22 = 0;
  for (let i = 0; i < n; i++) {
    const sw = w[i]!;
    const j1 = u[i]!;
    const j2 = aRef * j1 * Math.log(d.T[i]! / tRef);
    const w0 = sw * 1;
    const w1 = sw * j1;
    const w2 = sw * j2;
    s00 += w0 * 1;
    s01 += w0 * j1;
    s02 += w0 * j2;
    s10 += w1 * 1;
    s11 += w1 * j1;
    s12 += w1 * j2;
    s20 += w2 * 1;
    s21 += w2 * j1;
    s22 += w2 * j2;
  }
  const jtj = Float64Array.of(s00, s01, s02, s10, s11, s12, s20, s21, s22);
  const cov = covarianceFromJtJ(jtj, 3, rss, n);
  const scale = tRef ** -e;
  return buildModelFit({
    model: "metal_power_law",
    params: { R0_ohm: r0, A_ohm: aRef * scale, n: e },
    uncertainties: { R0_ohm: cov.stderr[0]!, A_ohm: cov.stderr[1]! * scale, n: cov.stderr[2]! },
    space: "R",
    T: d.T,
    rss,
    k: 3,
    converged: Number.isFinite(rss),
    iterations: best.evaluations,
  });
}

/** Exponent range of the low-temperature term of the crossover law (electron–electron T², up to Bloch–Grüneisen T⁵). */
const CROSS_N_MIN = 2;
const CROSS_N_MAX = 5;
/** Crossover temperatures first tried (log-spaced across the window above CROSS_T1_MIN), then refined. */
const CROSS_T1_STEPS = 10;
/**
 * The lowest crossover temperature a phonon term can have: T1 ≈ Θ_D/5, and Debye temperatures
 * of metals are ≥ ~70 K (mercury, lead, indium: 70–110 K). A "crossover" below it is not phonons.
 */
const CROSS_T1_MIN = 10;

export interface CrossoverMetalFit {
  aicc: number;
  n: number;
  t1: number;
}

/**
 * A metal whose phonon term crosses over from Tⁿ at low T to linear in T above T1 (the shape of
 * Bloch–Grüneisen's law, Θ_D ≈ 5·T1): R = R0 + A·g(T), g = Tⁿ / (1 + (T/T1)^(n−1)). Over a window
 * that spans the crossover, a single power law fits neither end, and an activated law can then
 * look better than "the" metal law; this is the metal's better description there. n and T1 are
 * searched on 48 bins of ln T (ln T1 across the window above 10 K, and for each T1 the exponent n,
 * by nested 1-D searches), R0 and A
 * solved in closed form on the full data; AICc with four parameters, on the same weights as the
 * power law and Eq. 2. Null for a window too short (or too cold) to hold a crossover.
 */
export function fitCrossoverMetalLaw(d: CurveData, w: Float64Array): CrossoverMetalFit | null {
  const n = d.n;
  if (n < 12) return null;
  const lnLo = Math.max(d.lnT[0]!, Math.log(CROSS_T1_MIN));
  const lnHi = d.lnT[n - 1]!;
  if (lnHi - lnLo < Math.log(3)) return null;
  const bins = binByLnT(d.lnT, d.R, w, 0, n, 48);
  const ub = scratchF64("metalx.ub", bins.n);
  const coef = new Float64Array(2);
  // for a crossover temperature, the best exponent (a 1-D search), and over ln T1 the best of those
  const bestExponent = (lnT1: number) =>
    minimize1D(
      (e) => {
        for (let b = 0; b < bins.n; b++) ub[b] = crossoverShape(bins.lnT[b]! - lnT1, e);
        return lineRss(ub, bins.y, bins.w, 0, bins.n, coef);
      },
      CROSS_N_MIN,
      CROSS_N_MAX,
      6,
      1e-3,
    );
  const t1 = minimize1D((lnT1) => bestExponent(lnT1).fx, lnLo, lnHi, CROSS_T1_STEPS, 1e-3);
  if (!Number.isFinite(t1.fx)) return null;
  const best = { n: bestExponent(t1.x).x, lnT1: t1.x };
  const u = scratchF64("metalx.u", n);
  for (let i = 0; i < n; i++) u[i] = crossoverShape(d.lnT[i]! - best.lnT1, best.n);
  const rss = lineRss(u, d.R, w, 0, n, coef);
  // a metal's phonon term grows with T
  if (!(coef[1]! > 0) || !Number.isFinite(rss)) return null;
  return { aicc: informationCriteria(rss, n, 4).aicc, n: best.n, t1: Math.exp(best.lnT1) };
}

/**
 * The ordinary-metal description an activated law is compared with: the power law R0 + A·Tⁿ, and
 * the crossover law when it does better (else null); `aicc` is the better of the two.
 */
export function fitBestMetalLaw(d: CurveData, w: Float64Array): { power: ModelFit; crossover: CrossoverMetalFit | null; aicc: number } {
  const power = fitMetalLaw(d, w);
  const cross = fitCrossoverMetalLaw(d, w);
  const crossover = cross && cross.aicc < power.aicc ? cross : null;
  return { power, crossover, aicc: crossover ? crossover.aicc : power.aicc };
}

/** g(T)/T1ⁿ = xⁿ/(1 + x^(n−1)) with x = T/T1, from ln x (scaled so that it is of order one near T1). */
function crossoverShape(lnX: number, e: number): number {
  return Math.exp(e * lnX) / (1 + Math.exp((e - 1) * lnX));
}

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
import { buildModelFit, type CurveData } from "./common";
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

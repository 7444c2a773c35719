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
  const jtj = new Float64Array(9);
  for (let i = 0; i < n; i++) {
    const sw = w[i]!;
    const t = u[i]!;
    const j = [1, t, aRef * t * Math.log(d.T[i]! / tRef)];
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) jtj[a * 3 + b] = jtj[a * 3 + b]! + sw * j[a]! * j[b]!;
  }
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

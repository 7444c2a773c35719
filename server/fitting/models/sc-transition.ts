/**
 * Superconducting transition. The reported quantities (Tc at 90/50/10 % of
 * R_max, seed 003's definition for the 90 % point) are read off the smoothed
 * curve by linear interpolation — no model is assumed for them. For plotting
 * and for the candidate list a logistic step is also fitted below the
 * resistance maximum:
 *   R = R_n / (1 + exp((T_mid − T)/ΔT))
 * in R space with noise-model weights (params Rn_ohm, Tmid_K, width_K). The
 * Levenberg–Marquardt iterations run on ln T-binned data (the step is smooth
 * on the bin scale); the residual sum of squares is then evaluated on every
 * point and scales the covariance.
 */
import { covarianceFromJtJ, levenbergMarquardt } from "../solvers/levenberg-marquardt";
import type { ModelFit } from "../types";
import { binByLnT } from "./binning";
import { buildModelFit, POLISH, type CurveData } from "./common";

export function logisticStep(rn: number, tm: number, dt: number, T: number): number {
  return rn / (1 + Math.exp((tm - T) / dt));
}

export function fitLogisticTransition(d: CurveData, w: Float64Array, start: { Rn: number; Tmid: number; width: number }): ModelFit {
  const n = d.n;
  const bins = binByLnT(d.lnT, d.R, w, 0, n, 48);
  const m = bins.n;
  const T = bins.T;
  const R = bins.y;
  const sw = new Float64Array(m);
  for (let k = 0; k < m; k++) sw[k] = Math.sqrt(bins.w[k]!);
  const problem = {
    n: m,
    m: 3,
    residuals(q: Float64Array, r: Float64Array): boolean {
      const rn = q[0]!;
      const tm = q[1]!;
      const dt = Math.exp(q[2]!);
      for (let i = 0; i < m; i++) r[i] = (logisticStep(rn, tm, dt, T[i]!) - R[i]!) * sw[i]!;
      return Number.isFinite(r[0]!) && Number.isFinite(r[m - 1]!);
    },
    jacobian(q: Float64Array, jac: Float64Array): void {
      const rn = q[0]!;
      const tm = q[1]!;
      const dt = Math.exp(q[2]!);
      for (let i = 0; i < m; i++) {
        const z = (tm - T[i]!) / dt;
        const e = z > 700 ? Infinity : Math.exp(z);
        const s = 1 / (1 + e);
        // d s / d z = −e/(1+e)² = −s(1−s)
        const ds = Number.isFinite(e) ? -s * (1 - s) : 0;
        const k = sw[i]!;
        jac[3 * i] = s * k;
        jac[3 * i + 1] = ((rn * ds) / dt) * k;
        jac[3 * i + 2] = -rn * ds * z * k;
      }
    },
  };
  const lm = levenbergMarquardt(problem, [start.Rn, start.Tmid, Math.log(Math.max(start.width, 1e-6))], { ...POLISH, maxIterations: 20 });
  const rn = lm.params[0]!;
  const tm = lm.params[1]!;
  const width = Math.exp(lm.params[2]!);
  let rss = 0;
  for (let i = 0; i < n; i++) {
    const e = logisticStep(rn, tm, width, d.T[i]!) - d.R[i]!;
    rss += w[i]! * e * e;
  }
  const cov = covarianceFromJtJ(lm.jtj, 3, rss, n);
  return buildModelFit({
    model: "sc_transition",
    params: { Rn_ohm: rn, Tmid_K: tm, width_K: width },
    uncertainties: { Rn_ohm: cov.stderr[0]!, Tmid_K: cov.stderr[1]!, width_K: width * cov.stderr[2]! },
    space: "R",
    T: d.T,
    rss,
    k: 3,
    converged: lm.converged,
    iterations: lm.iterations,
  });
}

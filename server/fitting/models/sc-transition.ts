/**
 * Superconducting transition. The reported quantities (Tc at 90/50/10 % of
 * R_max, seed 003's definition for the 90 % point) are read off the smoothed
 * curve by linear interpolation — no model is assumed for them. For plotting
 * and for the candidate list a logistic step is also fitted below the
 * resistance maximum:
 *   R = R_n / (1 + exp((T_mid − T)/ΔT))
 * in R space with noise-model weights (params Rn_ohm, Tmid_K, width_K).
 */
import { covarianceFromJtJ, levenbergMarquardt } from "../solvers/levenberg-marquardt";
import type { ModelFit } from "../types";
import { buildModelFit, type CurveData } from "./common";

export function fitLogisticTransition(d: CurveData, w: Float64Array, start: { Rn: number; Tmid: number; width: number }): ModelFit {
  const n = d.n;
  const T = d.T;
  const R = d.R;
  const sw = new Float64Array(n);
  for (let i = 0; i < n; i++) sw[i] = Math.sqrt(w[i]!);
  const problem = {
    n,
    m: 3,
    residuals(q: Float64Array, r: Float64Array): boolean {
      const rn = q[0]!;
      const tm = q[1]!;
      const dt = Math.exp(q[2]!);
      for (let i = 0; i < n; i++) r[i] = (rn / (1 + Math.exp((tm - T[i]!) / dt)) - R[i]!) * sw[i]!;
      return Number.isFinite(r[0]!) && Number.isFinite(r[n - 1]!);
    },
    jacobian(q: Float64Array, jac: Float64Array): void {
      const rn = q[0]!;
      const tm = q[1]!;
      const dt = Math.exp(q[2]!);
      for (let i = 0; i < n; i++) {
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
  const lm = levenbergMarquardt(problem, [start.Rn, start.Tmid, Math.log(Math.max(start.width, 1e-6))], {
    maxIterations: 60,
    ftol: 1e-10,
    xtol: 1e-10,
    gtol: 1e-10,
  });
  const cov = covarianceFromJtJ(lm.jtj, 3, lm.rss, n);
  const width = Math.exp(lm.params[2]!);
  return buildModelFit({
    model: "sc_transition",
    params: { Rn_ohm: lm.params[0]!, Tmid_K: lm.params[1]!, width_K: width },
    uncertainties: { Rn_ohm: cov.stderr[0]!, Tmid_K: cov.stderr[1]!, width_K: width * cov.stderr[2]! },
    space: "R",
    T: d.T,
    rss: lm.rss,
    k: 3,
    converged: lm.converged,
    iterations: lm.iterations,
  });
}

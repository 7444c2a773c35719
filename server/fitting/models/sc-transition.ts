/**
 * Superconducting transition. The reported quantities (Tc at 90/50/10 % of
 * R_max, seed 003's definition for the 90 % point) are read off the smoothed
 * curve by linear interpolation — no model is assumed for them. For plotting
 * and for the candidate list the transition is drawn as a logistic step
 *   R = R_n / (1 + exp((T_mid − T)/ΔT))
 * (params Rn_ohm, Tmid_K, width_K). `logisticFromTc` places it through the
 * interpolated points (what analyzeCurve reports); `fitLogisticTransition`
 * fits it by least squares in R space with noise-model weights (the LM runs on
 * ln T-binned data; the residual sum of squares is evaluated on every point).
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

/**
 * Logistic step through the interpolated transition: T_mid = Tc50, ΔT =
 * (Tc90 − Tc10)/(2 ln 9) (a logistic crosses 90 % and 10 % at T_mid ± ΔT·ln 9),
 * R_n = R_max. Uncertainties propagate from those of the Tc points. The RSS is
 * the weighted one on d.
 */
export function logisticFromTc(
  d: CurveData,
  w: Float64Array,
  rMax: number,
  rMaxUnc: number | null,
  tc50: { value: number; uncertainty: number | null },
  tc90?: { value: number; uncertainty: number | null },
  tc10?: { value: number; uncertainty: number | null },
): ModelFit {
  const ln9 = Math.log(9);
  let width: number;
  let widthUnc: number;
  if (tc90 && tc10) {
    width = (tc90.value - tc10.value) / (2 * ln9);
    widthUnc = Math.hypot(tc90.uncertainty ?? 0, tc10.uncertainty ?? 0) / (2 * ln9);
  } else if (tc90) {
    width = (tc90.value - tc50.value) / ln9;
    widthUnc = Math.hypot(tc90.uncertainty ?? 0, tc50.uncertainty ?? 0) / ln9;
  } else if (tc10) {
    width = (tc50.value - tc10.value) / ln9;
    widthUnc = Math.hypot(tc10.uncertainty ?? 0, tc50.uncertainty ?? 0) / ln9;
  } else {
    width = 0.1 * tc50.value;
    widthUnc = NaN;
  }
  width = Math.max(width, 1e-3 * tc50.value);
  let rss = 0;
  for (let i = 0; i < d.n; i++) {
    const e = logisticStep(rMax, tc50.value, width, d.T[i]!) - d.R[i]!;
    rss += w[i]! * e * e;
  }
  const unc: Record<string, number> = {};
  if (rMaxUnc !== null && Number.isFinite(rMaxUnc)) unc.Rn_ohm = rMaxUnc;
  if (tc50.uncertainty !== null && Number.isFinite(tc50.uncertainty)) unc.Tmid_K = tc50.uncertainty;
  if (Number.isFinite(widthUnc)) unc.width_K = widthUnc;
  return buildModelFit({
    model: "sc_transition",
    params: { Rn_ohm: rMax, Tmid_K: tc50.value, width_K: width },
    uncertainties: unc,
    space: "R",
    T: d.T,
    rss,
    k: 3,
    converged: true,
    iterations: 0,
  });
}

/**
 * The two empirical saturation laws of seed 001 (Zhang, Palevski, Kapitulnik):
 *
 *   failed superconductor (Eq. 2)  ρ = ρ_QF + ρ0·exp(−E_aS/T)      fitted in R (additive noise near zero)
 *   failed insulator      (Eq. 1)  ρ = 1/(σ_QF + σ0·exp(−E_aI/T))  fitted in ln R
 *
 * Both are linear in their two amplitudes once E_a is fixed (Eq. 1 in the
 * conductance G = 1/R), so E_a is found by variable projection (1-D search
 * over ln E_a with the amplitudes solved in closed form, on ln T-binned data),
 * then all three parameters are polished by Levenberg–Marquardt on the full
 * data, whose Jacobian at the optimum gives the covariance.
 * Temperatures are in kelvin (E_a/k_B).
 */
import { scratchF64 } from "../workspace";
import { covarianceFromJtJ } from "../solvers/levenberg-marquardt";
import { polishOrLinearize } from "./polish";
import { minimize1D, type Minimum1D } from "../solvers/minimize-1d";
import type { ModelFit } from "../types";
import { binByLnT } from "./binning";
import { buildModelFit, ExpCache, POLISH, type CurveData } from "./common";
import { lineRss } from "./linear-fit";
import { ArrayMemo } from "./memo";

/** Weighted LS of y ≈ a + b·u with the constraint a ≥ 0 (b free). */
function lineRssNonNegIntercept(u: Float64Array, y: Float64Array, w: Float64Array, n: number, out: Float64Array): number {
  const rss = lineRss(u, y, w, 0, n, out);
  if (out[0]! >= 0) return rss;
  let suu = 0;
  let suy = 0;
  let syy = 0;
  for (let k = 0; k < n; k++) {
    suu += w[k]! * u[k]! * u[k]!;
    suy += w[k]! * u[k]! * y[k]!;
    syy += w[k]! * y[k]! * y[k]!;
  }
  out[0] = 0;
  out[1] = suu > 0 ? suy / suu : 0;
  return Math.max(syy - out[1]! * suy, 0);
}

export interface SaturationFit extends ModelFit {
  /** the activation-energy search ended on an edge of its interval */
  eaAtEdge: boolean;
  /** false: variable-projection estimate (E_a from the binned search, amplitudes exact on the full data), not LM-polished */
  polished: boolean;
}

export interface VarProOptions {
  /**
   * Polish all parameters by Levenberg–Marquardt on the full data (default
   * true). Without it the fit stops at the variable-projection estimate: the
   * nonlinear parameter from the binned search, the linear ones solved
   * exactly on the full data; the covariance is still the full Jacobian's.
   */
  polish?: boolean;
}


function eaInterval(T: Float64Array): [number, number] {
  const tmin = T[0]!;
  const tmax = T[T.length - 1]!;
  return [Math.log(0.05 * tmin), Math.log(60 * tmax)];
}

/**
 * The variable-projection estimate of a fit: the nonlinear parameter from the binned 1-D search and
 * the two amplitudes solved exactly on the full data at it.
 */
interface VarProStart {
  search: Minimum1D;
  a: number;
  b: number;
}

/** Eq. 2's estimate, remembered for the polished fit of the same window (see memo.ts). */
const fsStarts = new ArrayMemo<VarProStart>(5);

function failedSuperconductorStart(d: CurveData, w: Float64Array, lo: number, hi: number): VarProStart {
  const n = d.n;
  const bins = binByLnT(d.lnT, d.R, w, 0, n, 48);
  const u = scratchF64("fs.u", bins.n);
  const coef = scratchF64("fs.coef", 2);
  const objective = (lnEa: number) => {
    const ea = Math.exp(lnEa);
    for (let k = 0; k < bins.n; k++) u[k] = Math.exp(-ea * bins.invT[k]!);
    return lineRss(u, bins.y, bins.w, 0, bins.n, coef);
  };
  const search = minimize1D(objective, lo, hi, 13, 5e-3);
  // amplitudes at the found E_a, exact on the full data
  const uFull = scratchF64("fs.uFull", n);
  const eaS = Math.exp(search.x);
  for (let i = 0; i < n; i++) uFull[i] = Math.exp(-eaS * d.invT[i]!);
  lineRss(uFull, d.R, w, 0, n, coef);
  return { search, a: coef[0]!, b: coef[1]! };
}

/**
 * Eq. 2 in R space with weights w = 1/σ_i² (σ from the noise model).
 * ρ_QF is left unconstrained so that a superconductor gives ρ_QF ≈ 0 ± u and
 * the S/M1 decision is a plain significance test.
 */
export function fitFailedSuperconductor(d: CurveData, w: Float64Array, options: VarProOptions = {}): SaturationFit {
  const polish = options.polish ?? true;
  const n = d.n;
  const [lo, hi] = eaInterval(d.T);
  const inputs = [d.T, d.lnT, d.invT, d.R, w];
  let start = fsStarts.get(inputs);
  if (!start) {
    start = failedSuperconductorStart(d, w, lo, hi);
    fsStarts.set(inputs, start);
  }
  const { search, a: rhoQF0, b: rho00 } = start;
  const failed = (reason: number): SaturationFit => ({
    ...buildModelFit({
      model: "failed_superconductor",
      params: { rhoQF_ohm: rhoQF0, rho0_ohm: rho00, EaS_K: Math.exp(search.x) },
      uncertainties: {},
      space: "R",
      T: d.T,
      rss: reason,
      k: 3,
      converged: false,
      iterations: search.evaluations,
    }),
    eaAtEdge: search.atEdge,
    polished: false,
  });
  if (!(rho00 > 0) || !Number.isFinite(search.x)) return failed(NaN);
  const T = d.invT;
  const R = d.R;
  const sw = scratchF64("fs.sw", n);
  for (let i = 0; i < n; i++) sw[i] = Math.sqrt(w[i]!);
  const cache = new ExpCache(n, 3, "fs.exp");
  const E = cache.values;
  const problem = {
    n,
    m: 3,
    residuals(q: Float64Array, r: Float64Array): boolean {
      cache.invalidate();
      const qf = q[0]!;
      const l0 = q[1]!;
      const ea = Math.exp(q[2]!);
      for (let i = 0; i < n; i++) {
        const e = Math.exp(l0 - ea * T[i]!);
        E[i] = e;
        r[i] = (qf + e - R[i]!) * sw[i]!;
      }
      if (!(Number.isFinite(r[0]!) && Number.isFinite(r[n - 1]!))) return false;
      cache.store(q);
      return true;
    },
    jacobian(q: Float64Array, jac: Float64Array): void {
      const l0 = q[1]!;
      const ea = Math.exp(q[2]!);
      const hit = cache.has(q);
      for (let i = 0; i < n; i++) {
        const e = hit ? E[i]! : Math.exp(l0 - ea * T[i]!);
        const s = sw[i]!;
        jac[3 * i] = s;
        jac[3 * i + 1] = e * s;
        jac[3 * i + 2] = -e * ea * T[i]! * s;
      }
    },
  };
  const lm = polishOrLinearize(problem, [rhoQF0, Math.log(rho00), search.x], polish, {
    ...POLISH,
    lower: [-Infinity, -700, lo - 2],
    upper: [Infinity, 700, hi + 2],
  });
  if (!lm) return failed(NaN);
  const cov = covarianceFromJtJ(lm.jtj, 3, lm.rss, n);
  const rho0 = Math.exp(lm.params[1]!);
  const ea = Math.exp(lm.params[2]!);
  return {
    ...buildModelFit({
      model: "failed_superconductor",
      params: { rhoQF_ohm: lm.params[0]!, rho0_ohm: rho0, EaS_K: ea },
      uncertainties: { rhoQF_ohm: cov.stderr[0]!, rho0_ohm: rho0 * cov.stderr[1]!, EaS_K: ea * cov.stderr[2]! },
      space: "R",
      T: d.T,
      rss: lm.rss,
      k: 3,
      converged: lm.converged,
      iterations: search.evaluations + lm.iterations,
    }),
    eaAtEdge: search.atEdge,
    polished: polish,
  };
}

/** Eq. 1's estimate, remembered for the polished fit of the same window (see memo.ts). */
const fiStarts = new ArrayMemo<VarProStart>(4);

function failedInsulatorStart(d: CurveData, lo: number, hi: number): VarProStart {
  const n = d.n;
  const G = scratchF64("fi.G", n);
  const wG = scratchF64("fi.wG", n);
  for (let i = 0; i < n; i++) {
    G[i] = 1 / d.R[i]!;
    wG[i] = d.R[i]! * d.R[i]!;
  }
  const bins = binByLnT(d.lnT, G, wG, 0, n, 48);
  const u = scratchF64("fi.u", bins.n);
  const coef = scratchF64("fi.coef", 2);
  const objective = (lnEa: number) => {
    const ea = Math.exp(lnEa);
    for (let k = 0; k < bins.n; k++) u[k] = Math.exp(-ea * bins.invT[k]!);
    return lineRssNonNegIntercept(u, bins.y, bins.w, bins.n, coef);
  };
  const search = minimize1D(objective, lo, hi, 13, 5e-3);
  // amplitudes at the found E_a, exact (in G, weights R²) on the full data
  const uFull = scratchF64("fi.uFull", n);
  const eaI = Math.exp(search.x);
  for (let i = 0; i < n; i++) uFull[i] = Math.exp(-eaI * d.invT[i]!);
  lineRssNonNegIntercept(uFull, G, wG, n, coef);
  return { search, a: coef[0]!, b: coef[1]! };
}

/**
 * Eq. 1: variable projection in G = 1/R with relative weights (w = R², i.e.
 * 1/G², equivalent to ln R to first order), polished in ln R with σ_QF ≥ 0.
 * σ_QF = 0 is simple activation (Arrhenius with R0 = 1/σ0, T0 = E_aI).
 */
export function fitFailedInsulator(d: CurveData, options: VarProOptions = {}): SaturationFit {
  const polish = options.polish ?? true;
  const n = d.n;
  const [lo, hi] = eaInterval(d.T);
  const inputs = [d.T, d.lnT, d.invT, d.R];
  let start = fiStarts.get(inputs);
  if (!start) {
    start = failedInsulatorStart(d, lo, hi);
    fiStarts.set(inputs, start);
  }
  const { search, a: sqf0, b: s00 } = start;
  const eaI = Math.exp(search.x);
  if (!(s00 > 0) || !Number.isFinite(search.x)) {
    return {
      ...buildModelFit({
        model: "failed_insulator",
        params: { sigmaQF_S: sqf0, sigma0_S: s00, EaI_K: Math.exp(search.x) },
        uncertainties: {},
        space: "lnR",
        T: d.T,
        rss: NaN,
        k: 3,
        converged: false,
        iterations: search.evaluations,
      }),
      eaAtEdge: search.atEdge,
      polished: false,
    };
  }
  const invT = d.invT;
  const y = d.lnR;
  // σ_QF is fitted in units of a typical conductance to keep the problem well scaled
  const gScale = 1 / d.R[0]!;
  const cache = new ExpCache(n, 3, "fi.exp");
  const E = cache.values;
  const problem = {
    n,
    m: 3,
    residuals(q: Float64Array, r: Float64Array): boolean {
      cache.invalidate();
      const qf = q[0]! * gScale;
      const l0 = q[1]!;
      const ea = Math.exp(q[2]!);
      for (let i = 0; i < n; i++) {
        const e = Math.exp(l0 - ea * invT[i]!);
        E[i] = e;
        const g = qf + e;
        if (!(g > 0)) return false;
        r[i] = -Math.log(g) - y[i]!;
      }
      cache.store(q);
      return true;
    },
    jacobian(q: Float64Array, jac: Float64Array): void {
      const qf = q[0]! * gScale;
      const l0 = q[1]!;
      const ea = Math.exp(q[2]!);
      const hit = cache.has(q);
      for (let i = 0; i < n; i++) {
        const e = hit ? E[i]! : Math.exp(l0 - ea * invT[i]!);
        const g = qf + e;
        jac[3 * i] = -gScale / g;
        jac[3 * i + 1] = -e / g;
        jac[3 * i + 2] = (e * ea * invT[i]!) / g;
      }
    },
  };
  const lm = polishOrLinearize(problem, [sqf0 / gScale, Math.log(s00), search.x], polish, {
    ...POLISH,
    lower: [0, -700, lo - 2],
    upper: [Infinity, 700, hi + 2],
  });
  if (!lm) {
    return {
      ...buildModelFit({
        model: "failed_insulator",
        params: { sigmaQF_S: sqf0, sigma0_S: s00, EaI_K: eaI },
        uncertainties: {},
        space: "lnR",
        T: d.T,
        rss: NaN,
        k: 3,
        converged: false,
        iterations: search.evaluations,
      }),
      eaAtEdge: search.atEdge,
      polished: false,
    };
  }
  const cov = covarianceFromJtJ(lm.jtj, 3, lm.rss, n);
  const s0 = Math.exp(lm.params[1]!);
  const ea = Math.exp(lm.params[2]!);
  return {
    ...buildModelFit({
      model: "failed_insulator",
      params: { sigmaQF_S: lm.params[0]! * gScale, sigma0_S: s0, EaI_K: ea },
      uncertainties: { sigmaQF_S: cov.stderr[0]! * gScale, sigma0_S: s0 * cov.stderr[1]!, EaI_K: ea * cov.stderr[2]! },
      space: "lnR",
      T: d.T,
      rss: lm.rss,
      k: 3,
      converged: lm.converged,
      iterations: search.evaluations + lm.iterations,
    }),
    eaAtEdge: search.atEdge,
    polished: polish,
  };
}

/**
 * Insulating laws fitted in ln R (multiplicative noise → homoscedastic
 * residuals in ln R):
 *   arrhenius       ln R = ln R0 + T0/T                    (p = 1, simply activated, I1)
 *   es_vrh          ln R = ln R0 + (T0/T)^(1/2)            (Efros–Shklovskii VRH, I2)
 *   mott_vrh        ln R = ln R0 + (T0/T)^(1/3)            (2D Mott VRH, I2)
 *   hopping_free_p  ln R = ln R0 + (T0/T)^p                (free exponent)
 * For fixed p the model is linear in (ln R0, T0^p): closed-form least squares.
 * With free p, variable projection: a 1-D search over p with the linear
 * parameters solved exactly, then a Levenberg–Marquardt polish of
 * (ln R0, ln T0^p, p) on the full data that also yields the full covariance.
 */
import { scratchF64 } from "../workspace";
import { covarianceFromJtJ } from "../solvers/levenberg-marquardt";
import { polishOrLinearize } from "./polish";
import { minimize1D, type Minimum1D } from "../solvers/minimize-1d";
import type { ModelFit } from "../types";
import { binByLnT } from "./binning";
import { buildModelFit, ExpCache, POLISH, type CurveData } from "./common";
import { fitLine, lineRss } from "./linear-fit";
import { ArrayMemo } from "./memo";

export type FixedHoppingModel = "arrhenius" | "es_vrh" | "mott_vrh";

export const FIXED_P: Record<FixedHoppingModel, number> = { arrhenius: 1, es_vrh: 0.5, mott_vrh: 1 / 3 };

/** Fixed-exponent hopping / activation fit on the whole of `d` (R > 0 required). */
export function fitFixedHopping(d: CurveData, model: FixedHoppingModel): ModelFit {
  const n = d.n;
  const p = FIXED_P[model];
  const u = scratchF64("hop.u", n);
  if (model === "arrhenius") u.set(d.invT);
  else if (model === "es_vrh") for (let i = 0; i < n; i++) u[i] = Math.sqrt(d.invT[i]!);
  else for (let i = 0; i < n; i++) u[i] = Math.cbrt(d.invT[i]!);
  const line = fitLine(u, d.lnR, null, 0, n);
  const b = line.b;
  // T0 = b^(1/p); keep the sign of b so a non-insulating fit is visible
  const T0 = Math.sign(b) * Math.abs(b) ** (1 / p);
  const sigmaB = Math.sqrt(line.varB);
  const sigmaT0 = b !== 0 ? Math.abs(T0 / (p * b)) * sigmaB : NaN;
  const R0 = Math.exp(line.a);
  return buildModelFit({
    model,
    params: { R0_ohm: R0, T0_K: T0, p },
    uncertainties: { R0_ohm: R0 * Math.sqrt(line.varA), T0_K: sigmaT0 },
    space: "lnR",
    T: d.T,
    rss: line.rss,
    k: 2,
    converged: line.ok,
    iterations: 1,
  });
}

export interface FreeHoppingOptions {
  pMin?: number;
  pMax?: number;
  /** LM polish on the full data (default true); see VarProOptions in saturation.ts */
  polish?: boolean;
}

export interface FreeHoppingFit extends ModelFit {
  /** the exponent search ended on an edge of [pMin, pMax] */
  pAtEdge: boolean;
  polished: boolean;
}

interface FreeHoppingStart {
  search: Minimum1D;
  a: number;
  b: number;
}

/**
 * The exponent search and the linear parameters at its result, remembered (keyed by the window and
 * the exponent interval it was searched in) for the polished fit of the same window (see memo.ts).
 */
const freeStarts = new ArrayMemo<FreeHoppingStart>(4);

function freeHoppingStart(d: CurveData, pMin: number, pMax: number): FreeHoppingStart {
  const n = d.n;
  const bins = binByLnT(d.lnT, d.lnR, null, 0, n, 48);
  const u = scratchF64("hop.ub", bins.n);
  const coef = scratchF64("hop.coef", 2);
  const objective = (p: number) => {
    for (let k = 0; k < bins.n; k++) u[k] = Math.exp(-p * bins.lnT[k]!);
    return lineRss(u, bins.y, bins.w, 0, bins.n, coef);
  };
  const search = minimize1D(objective, pMin, pMax, 12, 5e-3);
  // linear parameters at the found p, exact on the full data
  const uFull = scratchF64("hop.uFull", n);
  for (let i = 0; i < n; i++) uFull[i] = Math.exp(-search.x * d.lnT[i]!);
  lineRss(uFull, d.lnR, null, 0, n, coef);
  return { search, a: coef[0]!, b: coef[1]! };
}

/** Free-exponent hopping fit by variable projection + LM polish. */
export function fitFreeHopping(d: CurveData, options: FreeHoppingOptions = {}): FreeHoppingFit {
  const pMin = options.pMin ?? 0.05;
  const pMax = options.pMax ?? 2;
  const n = d.n;
  const inputs = [d.T, d.lnT, d.lnR, Float64Array.of(pMin, pMax)];
  let start = freeStarts.get(inputs);
  if (!start) {
    start = freeHoppingStart(d, pMin, pMax);
    freeStarts.set(inputs, start);
  }
  const search = start.search;
  let p0 = search.x;
  let a0 = start.a;
  const b0 = start.b;
  if (!(b0 > 0) || !Number.isFinite(p0)) {
    // not an insulating (rising-on-cooling) curve: report the projection only
    return {
      ...buildModelFit({
        model: "hopping_free_p",
        params: { R0_ohm: Math.exp(a0), T0_K: NaN, p: p0 },
        uncertainties: {},
        space: "lnR",
        T: d.T,
        rss: NaN,
        k: 3,
        converged: false,
        iterations: search.evaluations,
      }),
      pAtEdge: search.atEdge,
      polished: false,
    };
  }
  const lnT = d.lnT;
  const y = d.lnR;
  // parameters (ln R0, ln b, p) with b = T0^p: well conditioned also when
  // p → 0, where ln T0 = ln b/p runs away
  const cache = new ExpCache(n, 3, "hop.free");
  const E = cache.values;
  const problem = {
    n,
    m: 3,
    residuals(q: Float64Array, r: Float64Array): boolean {
      cache.invalidate();
      const a = q[0]!;
      const lb = q[1]!;
      const p = q[2]!;
      for (let i = 0; i < n; i++) {
        const e = Math.exp(lb - p * lnT[i]!);
        E[i] = e;
        r[i] = a + e - y[i]!;
      }
      if (!(Number.isFinite(r[0]!) && Number.isFinite(r[n - 1]!))) return false;
      cache.store(q);
      return true;
    },
    jacobian(q: Float64Array, jac: Float64Array): void {
      const lb = q[1]!;
      const p = q[2]!;
      const hit = cache.has(q);
      for (let i = 0; i < n; i++) {
        const e = hit ? E[i]! : Math.exp(lb - p * lnT[i]!);
        jac[3 * i] = 1;
        jac[3 * i + 1] = e;
        jac[3 * i + 2] = -lnT[i]! * e;
      }
    },
  };
  const polish = options.polish ?? true;
  const lm = polishOrLinearize(problem, [a0, Math.log(b0), p0], polish, {
    ...POLISH,
    // p → 0 (a saturating curve forced into a hopping law) is degenerate;
    // do not spend long on it
    maxIterations: 15,
    lower: [-Infinity, -700, pMin * 0.5],
    upper: [Infinity, 700, pMax * 1.5],
  });
  if (!lm) {
    return {
      ...buildModelFit({
        model: "hopping_free_p",
        params: { R0_ohm: Math.exp(a0), T0_K: NaN, p: p0 },
        uncertainties: {},
        space: "lnR",
        T: d.T,
        rss: NaN,
        k: 3,
        converged: false,
        iterations: search.evaluations,
      }),
      pAtEdge: search.atEdge,
      polished: false,
    };
  }
  const cov = covarianceFromJtJ(lm.jtj, 3, lm.rss, n);
  a0 = lm.params[0]!;
  const lnB = lm.params[1]!;
  p0 = lm.params[2]!;
  const lnT0 = lnB / p0;
  // var(ln T0) by the delta method: ∂/∂ln b = 1/p, ∂/∂p = −ln b/p²
  const g1 = 1 / p0;
  const g2 = -lnB / (p0 * p0);
  const C = cov.matrix;
  const varLnT0 = g1 * g1 * C[4]! + 2 * g1 * g2 * C[5]! + g2 * g2 * C[8]!;
  const R0 = Math.exp(a0);
  const T0 = Math.exp(lnT0);
  return {
    ...buildModelFit({
      model: "hopping_free_p",
      params: { R0_ohm: R0, T0_K: T0, p: p0 },
      uncertainties: { R0_ohm: R0 * cov.stderr[0]!, T0_K: T0 * Math.sqrt(Math.max(varLnT0, 0)), p: cov.stderr[2]! },
      space: "lnR",
      T: d.T,
      rss: lm.rss,
      k: 3,
      converged: lm.converged,
      iterations: search.evaluations + lm.iterations,
    }),
    pAtEdge: search.atEdge || p0 <= pMin * 0.5 * 1.001 || p0 >= pMax * 1.5 * 0.999,
    polished: polish,
  };
}

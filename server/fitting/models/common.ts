/** Shared helpers for model fits: information criteria and result assembly. */
import { scratchF64 } from "../workspace";
import type { LmOptions } from "../solvers/levenberg-marquardt";
import type { ModelFit, ModelId } from "../types";

/**
 * Tolerances of the Levenberg–Marquardt polish after variable projection.
 * The start is already near the optimum. Near the optimum a parameter offset
 * of δ standard uncertainties raises the cost by about δ²/(n − m) relatively,
 * so stopping when a step gains less than 1e-6 leaves δ ≲ 0.02 for n ≤ 2000 —
 * far below the reported uncertainties — and typically takes 2–3 steps.
 */
export const POLISH: LmOptions = { maxIterations: 40, ftol: 1e-7, xtol: 1e-7, gtol: 1e-5 };

function sameParams(a: Float64Array, b: Float64Array): boolean {
  for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return false;
  return true;
}

/**
 * Cache of per-point exponentials between the residual evaluation at p and
 * the Jacobian at the same p (LM always asks for the Jacobian at the point it
 * has just accepted), which halves the number of exp() calls.
 */
export class ExpCache {
  readonly values: Float64Array;
  private readonly at: Float64Array;
  constructor(n: number, m: number, key: string) {
    this.values = scratchF64(key, n);
    this.at = new Float64Array(m).fill(NaN);
  }
  invalidate(): void {
    this.at[0] = NaN;
  }
  store(q: Float64Array): void {
    this.at.set(q);
  }
  has(q: Float64Array): boolean {
    return sameParams(this.at, q);
  }
}

/** Cleaned, sorted curve with precomputed transforms (all Float64Array of length n). */
export interface CurveData {
  n: number;
  T: Float64Array;
  R: Float64Array;
  lnT: Float64Array;
  invT: Float64Array;
  /** ln R, NaN where R ≤ 0 */
  lnR: Float64Array;
}

/**
 * Precompute ln T, 1/T and ln R. With `scratchKey` the arrays are work views
 * (internal use only, see workspace.ts); without, fresh arrays.
 */
export function makeCurveData(T: Float64Array, R: Float64Array, scratchKey?: string): CurveData {
  const n = T.length;
  const alloc = (name: string) => (scratchKey ? scratchF64(`${scratchKey}.${name}`, n) : new Float64Array(n));
  const lnT = alloc("lnT");
  const invT = alloc("invT");
  const lnR = alloc("lnR");
  for (let i = 0; i < n; i++) {
    lnT[i] = Math.log(T[i]!);
    invT[i] = 1 / T[i]!;
    // (a store in each branch: with `R > 0 ? Math.log(R) : NaN` the JIT boxes every logarithm
    // into a heap number while no reading ≤ 0 has been seen)
    const r = R[i]!;
    if (r > 0) lnR[i] = Math.log(r);
    else lnR[i] = NaN;
  }
  return { n, T, R, lnT, invT, lnR };
}

/** The curve without the flagged points. */
export function filterCurve(d: CurveData, drop: Uint8Array, scratchKey?: string): CurveData {
  let m = 0;
  for (let i = 0; i < d.n; i++) if (!drop[i]) m++;
  const alloc = (name: string) => (scratchKey ? scratchF64(`${scratchKey}.${name}`, m) : new Float64Array(m));
  const out: CurveData = {
    n: m,
    T: alloc("T"),
    R: alloc("R"),
    lnT: alloc("lnT"),
    invT: alloc("invT"),
    lnR: alloc("lnR"),
  };
  let q = 0;
  for (let i = 0; i < d.n; i++) {
    if (drop[i]) continue;
    out.T[q] = d.T[i]!;
    out.R[q] = d.R[i]!;
    out.lnT[q] = d.lnT[i]!;
    out.invT[q] = d.invT[i]!;
    out.lnR[q] = d.lnR[i]!;
    q++;
  }
  return out;
}

/** Restrict a curve to indices [i0, i1) (views, no copy). */
export function sliceCurve(d: CurveData, i0: number, i1: number): CurveData {
  return {
    n: i1 - i0,
    T: d.T.subarray(i0, i1),
    R: d.R.subarray(i0, i1),
    lnT: d.lnT.subarray(i0, i1),
    invT: d.invT.subarray(i0, i1),
    lnR: d.lnR.subarray(i0, i1),
  };
}

/**
 * Corrected Akaike and Bayesian information criteria for a least-squares fit
 * with Gaussian errors of unknown variance: n·ln(RSS/n) + penalty.
 * k counts the fitted parameters (the noise variance is common to all
 * models compared on the same data and drops out of differences).
 */
export function informationCriteria(rss: number, n: number, k: number): { aicc: number; bic: number } {
  const safe = Math.max(rss, 1e-300);
  const base = n * Math.log(safe / n);
  const aicc = n - k - 1 > 0 ? base + 2 * k + (2 * k * (k + 1)) / (n - k - 1) : Infinity;
  const bic = base + k * Math.log(n);
  return { aicc, bic };
}

export function buildModelFit(args: {
  model: ModelId;
  params: Record<string, number>;
  uncertainties: Record<string, number>;
  space: ModelFit["space"];
  T: Float64Array;
  rss: number;
  k: number;
  converged: boolean;
  iterations: number;
}): ModelFit {
  const n = args.T.length;
  const { aicc, bic } = informationCriteria(args.rss, n, args.k);
  return {
    model: args.model,
    params: args.params,
    uncertainties: args.uncertainties,
    space: args.space,
    window: { Tmin: n ? args.T[0]! : NaN, Tmax: n ? args.T[n - 1]! : NaN, n },
    rss: args.rss,
    dof: n - args.k,
    aicc,
    bic,
    converged: args.converged,
    iterations: args.iterations,
  };
}

/** Finite or NaN → a JSON-safe number (NaN is kept for the caller to filter). */
export function finiteOr(v: number, fallback: number): number {
  return Number.isFinite(v) ? v : fallback;
}

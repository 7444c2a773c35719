/**
 * Weighted (and optionally robust) curve fitting on top of the
 * Levenberg–Marquardt core: y ≈ f(x; p).
 *
 * Robust losses are applied by iteratively reweighted least squares (IRLS):
 * with standardised residuals z = r/f_scale the weights are ρ'(z²):
 *   soft_l1: 1/√(1 + z²)        huber: min(1, 1/|z|)        cauchy: 1/(1 + z²)
 * f_scale defaults to 1.4826·MAD of the residuals of the initial ordinary fit
 * (a robust estimate of the noise standard deviation).
 */
import { covarianceFromJtJ, levenbergMarquardt, type LmOptions, type LmStopReason } from "./levenberg-marquardt";

export type RobustLoss = "linear" | "soft_l1" | "huber" | "cauchy";

export interface CurveFitSpec {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** standard deviations of y (optional). */
  sigma?: ArrayLike<number>;
  /** treat sigma as absolute (covariance not rescaled by reduced χ²); default false */
  absoluteSigma?: boolean;
  /** f(x; p) for all x into out */
  model(p: Float64Array, x: Float64Array, out: Float64Array): void;
  /** ∂f/∂p_j (n×m row-major) into jac */
  jacobian(p: Float64Array, x: Float64Array, jac: Float64Array): void;
  start: ArrayLike<number>;
  loss?: RobustLoss;
  fScale?: number;
  /** maximum IRLS passes for robust losses; default 20 */
  maxRobustPasses?: number;
  lm?: LmOptions;
}

export interface CurveFitResult {
  params: Float64Array;
  stderr: Float64Array;
  covariance: Float64Array;
  /** Σ w_i (y_i − f_i)² with w = 1/σ² (1 when no σ), robust weights excluded */
  rss: number;
  /** the χ² including robust weights */
  weightedRss: number;
  dof: number;
  iterations: number;
  converged: boolean;
  reason: LmStopReason;
  /** final robust weights (all 1 for linear loss) */
  robustWeights: Float64Array;
  fullRank: boolean;
}

function median(values: Float64Array): number {
  const a = Float64Array.from(values).sort();
  const k = a.length;
  if (k === 0) return NaN;
  return k % 2 ? a[(k - 1) >> 1]! : 0.5 * (a[k / 2 - 1]! + a[k / 2]!);
}

export function robustWeight(loss: RobustLoss, z: number): number {
  const z2 = z * z;
  switch (loss) {
    case "soft_l1":
      return 1 / Math.sqrt(1 + z2);
    case "huber":
      return Math.abs(z) <= 1 ? 1 : 1 / Math.abs(z);
    case "cauchy":
      return 1 / (1 + z2);
    default:
      return 1;
  }
}

export function curveFit(spec: CurveFitSpec): CurveFitResult {
  const n = spec.x.length;
  const m = spec.start.length;
  const x = Float64Array.from(spec.x);
  const y = Float64Array.from(spec.y);
  const baseW = new Float64Array(n).fill(1);
  if (spec.sigma) for (let i = 0; i < n; i++) baseW[i] = 1 / Math.sqrt(Math.max(spec.sigma[i]!, 1e-300) ** 2);
  const rw = new Float64Array(n).fill(1); // robust weights
  const sqw = new Float64Array(n);
  const f = new Float64Array(n);
  const jac = new Float64Array(n * m);
  const setWeights = () => {
    for (let i = 0; i < n; i++) sqw[i] = baseW[i]! * Math.sqrt(rw[i]!);
  };
  setWeights();
  const problem = {
    n,
    m,
    residuals(p: Float64Array, r: Float64Array): boolean {
      spec.model(p, x, f);
      for (let i = 0; i < n; i++) {
        const v = (f[i]! - y[i]!) * sqw[i]!;
        if (!Number.isFinite(v)) return false;
        r[i] = v;
      }
      return true;
    },
    jacobian(p: Float64Array, out: Float64Array): void {
      spec.jacobian(p, x, jac);
      for (let i = 0; i < n; i++) {
        const w = sqw[i]!;
        for (let j = 0; j < m; j++) out[i * m + j] = jac[i * m + j]! * w;
      }
    },
  };
  let res = levenbergMarquardt(problem, spec.start, spec.lm);
  let iterations = res.iterations;
  const loss = spec.loss ?? "linear";
  const resid = new Float64Array(n);
  const computeResid = (p: Float64Array) => {
    spec.model(p, x, f);
    for (let i = 0; i < n; i++) resid[i] = (y[i]! - f[i]!) * baseW[i]!;
  };
  if (loss !== "linear" && res.reason !== "invalid-start") {
    computeResid(res.params);
    const abs = new Float64Array(n);
    for (let i = 0; i < n; i++) abs[i] = Math.abs(resid[i]!);
    const fScale = spec.fScale ?? Math.max(1.4826 * median(abs), 1e-300);
    const passes = spec.maxRobustPasses ?? 20;
    for (let pass = 0; pass < passes; pass++) {
      let change = 0;
      for (let i = 0; i < n; i++) {
        const w = robustWeight(loss, resid[i]! / fScale);
        change = Math.max(change, Math.abs(w - rw[i]!));
        rw[i] = w;
      }
      setWeights();
      const previous = Float64Array.from(res.params);
      res = levenbergMarquardt(problem, previous, spec.lm);
      iterations += res.iterations;
      computeResid(res.params);
      let dp = 0;
      for (let j = 0; j < m; j++) dp = Math.max(dp, Math.abs(res.params[j]! - previous[j]!) / (Math.abs(previous[j]!) + 1e-12));
      if (change < 1e-6 || dp < 1e-10) break;
    }
  }
  computeResid(res.params);
  let rss = 0;
  for (let i = 0; i < n; i++) rss += resid[i]! * resid[i]!;
  const cov = covarianceFromJtJ(res.jtj, m, res.rss, n, spec.absoluteSigma ?? false);
  return {
    params: res.params,
    stderr: cov.stderr,
    covariance: cov.matrix,
    rss,
    weightedRss: res.rss,
    dof: n - m,
    iterations,
    converged: res.converged,
    reason: res.reason,
    robustWeights: rw,
    fullRank: cov.fullRank,
  };
}

/**
 * Levenberg–Marquardt nonlinear least squares with analytic Jacobians,
 * box bounds, Marquardt (diagonal) scaling and the usual three convergence
 * tests (relative cost reduction, step size, gradient/orthogonality).
 *
 * minimise F(p) = ½ Σ r_i(p)²   subject to lower ≤ p ≤ upper
 *
 * Damping update follows Nielsen (1999): on a successful step
 * λ ← λ·max(1/3, 1 − (2ρ − 1)³), on a failed one λ ← λ·ν, ν ← 2ν, where ρ is
 * the ratio of actual to predicted reduction. Bounds are handled by
 * projection: a parameter sitting on a bound whose gradient pushes it outward
 * is frozen for that iteration (a projected/active-set LM).
 */
import { choleskyInPlace, choleskySolveInPlace, invertSymmetric } from "./linalg";

export interface LmProblem {
  /** number of residuals */
  n: number;
  /** number of parameters */
  m: number;
  /** Fill r with the (already weighted) residuals at p. Return false when p cannot be evaluated. */
  residuals(p: Float64Array, r: Float64Array): boolean;
  /** Fill J (n×m, row-major) with ∂r_i/∂p_j at p. */
  jacobian(p: Float64Array, jac: Float64Array): void;
}

export interface LmOptions {
  lower?: ArrayLike<number>;
  upper?: ArrayLike<number>;
  /** maximum number of Jacobian evaluations (outer iterations); default 200 */
  maxIterations?: number;
  /** stop when the actual and predicted relative cost reductions are both below ftol; default 1e-12 */
  ftol?: number;
  /** stop when the scaled step is below xtol·(‖scaled p‖ + xtol); default 1e-12 */
  xtol?: number;
  /** stop when max_j |cos(angle(r, J_j))| < gtol; default 1e-12 */
  gtol?: number;
  /** initial damping relative to the diagonal; default 1e-3 */
  lambda0?: number;
}

export type LmStopReason = "ftol" | "xtol" | "gtol" | "zero-residual" | "max-iterations" | "invalid-start" | "stalled";

export interface LmResult {
  params: Float64Array;
  /** Σ r_i² at the solution */
  rss: number;
  iterations: number;
  converged: boolean;
  reason: LmStopReason;
  /** JᵀJ at the solution (m×m) — basis of the covariance */
  jtj: Float64Array;
  /** which parameters ended on a bound */
  atBound: Uint8Array;
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * Accumulate JᵀJ (full symmetric) and Jᵀr. Two and three parameters (every model fit of the
 * engine) keep the sums in locals instead of reading and writing the arrays for every residual;
 * each sum adds the same products in the same order as the general loop, so the results are
 * identical to the last bit.
 */
function normalEquations(jac: Float64Array, r: Float64Array, n: number, m: number, jtj: Float64Array, jtr: Float64Array): void {
  if (m === 3) normalEquations3(jac, r, n, jtj, jtr);
  else if (m === 2) normalEquations2(jac, r, n, jtj, jtr);
  else normalEquationsGeneral(jac, r, n, m, jtj, jtr);
}

function normalEquationsGeneral(jac: Float64Array, r: Float64Array, n: number, m: number, jtj: Float64Array, jtr: Float64Array): void {
  jtj.fill(0);
  jtr.fill(0);
  for (let i = 0; i < n; i++) {
    const base = i * m;
    const ri = r[i]!;
    for (let a = 0; a < m; a++) {
      const ja = jac[base + a]!;
      if (ja === 0) continue;
      jtr[a] = jtr[a]! + ja * ri;
      for (let b = a; b < m; b++) jtj[a * m + b] = jtj[a * m + b]! + ja * jac[base + b]!;
    }
  }
  symmetrize(jtj, m);
}

function normalEquations3(jac: Float64Array, r: Float64Array, n: number, jtj: Float64Array, jtr: Float64Array): void {
  let g0 = 0;
  let g1 = 0;
  let g2 = 0;
  let a00 = 0;
  let a01 = 0;
  let a02 = 0;
  let a11 = 0;
  let a12 = 0;
  let a22 = 0;
  for (let i = 0; i < n; i++) {
    const ri = r[i]!;
    const j0 = jac[3 * i]!;
    const j1 = jac[3 * i + 1]!;
    const j2 = jac[3 * i + 2]!;
    // (a zero derivative adds nothing, as in the general loop, even against a non-finite one)
    if (j0 !== 0) {
      g0 += j0 * ri;
      a00 += j0 * j0;
      a01 += j0 * j1;
      a02 += j0 * j2;
    }
    if (j1 !== 0) {
      g1 += j1 * ri;
      a11 += j1 * j1;
      a12 += j1 * j2;
    }
    if (j2 !== 0) {
      g2 += j2 * ri;
      a22 += j2 * j2;
    }
  }
  jtr[0] = g0;
  jtr[1] = g1;
  jtr[2] = g2;
  jtj[0] = a00;
  jtj[1] = a01;
  jtj[2] = a02;
  jtj[3] = a01;
  jtj[4] = a11;
  jtj[5] = a12;
  jtj[6] = a02;
  jtj[7] = a12;
  jtj[8] = a22;
}

function normalEquations2(jac: Float64Array, r: Float64Array, n: number, jtj: Float64Array, jtr: Float64Array): void {
  let g0 = 0;
  let g1 = 0;
  let a00 = 0;
  let a01 = 0;
  let a11 = 0;
  for (let i = 0; i < n; i++) {
    const ri = r[i]!;
    const j0 = jac[2 * i]!;
    const j1 = jac[2 * i + 1]!;
    if (j0 !== 0) {
      g0 += j0 * ri;
      a00 += j0 * j0;
      a01 += j0 * j1;
    }
    if (j1 !== 0) {
      g1 += j1 * ri;
      a11 += j1 * j1;
    }
  }
  jtr[0] = g0;
  jtr[1] = g1;
  jtj[0] = a00;
  jtj[1] = a01;
  jtj[2] = a01;
  jtj[3] = a11;
}

/** Copy the upper triangle into the lower one (a separate function keeps the
 * hot accumulation loop above free of never-run code, which would otherwise
 * deoptimize the on-stack-replaced loop again and again). */
function symmetrize(a: Float64Array, m: number): void {
  for (let i = 1; i < m; i++) for (let j = 0; j < i; j++) a[i * m + j] = a[j * m + i]!;
}

/**
 * Is parameter j on a bound with the gradient pushing it outward (the descent direction is −Jᵀr)?
 * Every comparison is made, not only those the && needs: one first made after the JIT has optimized
 * the solver (the first fit that reaches a bound) would deoptimize it.
 */
function pushedOutward(p: Float64Array, lower: Float64Array, upper: Float64Array, jtr: Float64Array, j: number): boolean {
  const atLower = p[j]! <= lower[j]!;
  const atUpper = p[j]! >= upper[j]!;
  const up = jtr[j]! > 0;
  const down = jtr[j]! < 0;
  return (atLower && up) || (atUpper && down);
}

function sumSquares(r: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += r[i]! * r[i]!;
  return s;
}

/**
 * Work buffers shared by successive calls (the solver is not re-entrant:
 * problem callbacks must not call levenbergMarquardt themselves). Avoids
 * allocating n-sized arrays for every fit of every curve.
 */
const pool: Float64Array[] = [new Float64Array(0), new Float64Array(0), new Float64Array(0), new Float64Array(0)];
let depth = 0;
function scratch(slot: number, size: number): Float64Array {
  if (depth > 1) return new Float64Array(size);
  let buf = pool[slot]!;
  if (buf.length < size) {
    buf = new Float64Array(Math.max(size, 2 * buf.length));
    pool[slot] = buf;
  }
  return buf.subarray(0, size);
}

export function levenbergMarquardt(problem: LmProblem, start: ArrayLike<number>, options: LmOptions = {}): LmResult {
  depth++;
  try {
    return solve(problem, start, options);
  } finally {
    depth--;
  }
}

function solve(problem: LmProblem, start: ArrayLike<number>, options: LmOptions): LmResult {
  const { n, m } = problem;
  const maxIterations = options.maxIterations ?? 200;
  const ftol = options.ftol ?? 1e-12;
  const xtol = options.xtol ?? 1e-12;
  const gtol = options.gtol ?? 1e-12;
  const lower = new Float64Array(m).fill(-Infinity);
  const upper = new Float64Array(m).fill(Infinity);
  if (options.lower) for (let j = 0; j < m; j++) lower[j] = options.lower[j] ?? -Infinity;
  if (options.upper) for (let j = 0; j < m; j++) upper[j] = options.upper[j] ?? Infinity;

  const p = new Float64Array(m);
  for (let j = 0; j < m; j++) p[j] = clamp(start[j] ?? 0, lower[j]!, upper[j]!);
  const r = scratch(0, n);
  const rTrial = scratch(1, n);
  const jac = scratch(2, n * m);
  const jtj = new Float64Array(m * m);
  const jtr = new Float64Array(m);
  const diag = new Float64Array(m);
  const aug = scratch(3, m * m);
  const step = new Float64Array(m);
  const pTrial = new Float64Array(m);
  const free = new Uint8Array(m);
  const atBound = new Uint8Array(m);

  const fail = (reason: LmStopReason, iterations: number, rss: number): LmResult => ({
    params: p,
    rss,
    iterations,
    converged: false,
    reason,
    jtj,
    atBound,
  });

  if (!problem.residuals(p, r)) return fail("invalid-start", 0, NaN);
  let rss = sumSquares(r, n);
  if (!Number.isFinite(rss)) return fail("invalid-start", 0, NaN);

  let lambda = options.lambda0 ?? 1e-3;
  let nu = 2;
  let iterations = 0;
  let reason: LmStopReason = "max-iterations";
  let converged = false;
  let needJacobian = true;

  outer: while (iterations < maxIterations) {
    if (needJacobian) {
      problem.jacobian(p, jac);
      normalEquations(jac, r, n, m, jtj, jtr);
      iterations++;
      needJacobian = false;
      // Marquardt scaling: running maximum of the column norms keeps the
      // scaling from collapsing when a column vanishes temporarily
      for (let j = 0; j < m; j++) diag[j] = Math.max(diag[j]!, jtj[j * m + j]!, 1e-300);
      if (rss <= 1e-300) {
        reason = "zero-residual";
        converged = true;
        break;
      }
      // gradient test (MINPACK's orthogonality measure, scale free)
      let gmax = 0;
      const rnorm = Math.sqrt(rss);
      for (let j = 0; j < m; j++) {
        const cn = Math.sqrt(jtj[j * m + j]!);
        const isOutward = pushedOutward(p, lower, upper, jtr, j);
        if (cn > 0 && !isOutward) gmax = Math.max(gmax, Math.abs(jtr[j]!) / (cn * rnorm));
      }
      if (gmax <= gtol) {
        reason = "gtol";
        converged = true;
        break;
      }
      // active set: parameters on a bound pushed outward by the gradient
      for (let j = 0; j < m; j++) {
        // descent direction is −jtr
        free[j] = pushedOutward(p, lower, upper, jtr, j) ? 0 : 1;
      }
    }

    // solve (JᵀJ + λ·D) δ = −Jᵀr on the free parameters
    aug.fill(0);
    for (let a = 0; a < m; a++) {
      for (let b = 0; b < m; b++) {
        // (the identity's entry computed for every entry, not only for a frozen parameter's: an
        // operation first run late, when a fit first reaches a bound, would deoptimize the solver)
        const k = a * m + b;
        const identity = a === b ? 1 : 0;
        aug[k] = free[a] && free[b] ? jtj[k]! : identity;
      }
      if (free[a]) aug[a * m + a] = aug[a * m + a]! + lambda * diag[a]!;
      step[a] = free[a] ? -jtr[a]! : 0;
    }
    if (!choleskyInPlace(aug, m)) {
      lambda *= nu;
      nu *= 2;
      if (lambda > 1e16) {
        reason = "stalled";
        break;
      }
      continue;
    }
    choleskySolveInPlace(aug, m, step);
    // project onto the box
    let stepNorm = 0;
    let pNorm = 0;
    for (let j = 0; j < m; j++) {
      pTrial[j] = clamp(p[j]! + step[j]!, lower[j]!, upper[j]!);
      step[j] = pTrial[j]! - p[j]!;
      const d = Math.sqrt(diag[j]!);
      stepNorm += (d * step[j]!) ** 2;
      pNorm += (d * p[j]!) ** 2;
    }
    stepNorm = Math.sqrt(stepNorm);
    pNorm = Math.sqrt(pNorm);
    // predicted reduction of ½‖r‖² for the (projected) step: −gᵀδ − ½δᵀAδ
    let gd = 0;
    let dAd = 0;
    for (let a = 0; a < m; a++) {
      gd += jtr[a]! * step[a]!;
      let row = 0;
      for (let b = 0; b < m; b++) row += jtj[a * m + b]! * step[b]!;
      dAd += step[a]! * row;
    }
    const predicted = -gd - 0.5 * dAd;
    if (stepNorm <= xtol * (pNorm + xtol)) {
      reason = "xtol";
      converged = true;
      break;
    }
    const ok = problem.residuals(pTrial, rTrial);
    const rssTrial = ok ? sumSquares(rTrial, n) : Infinity;
    const actual = 0.5 * (rss - rssTrial);
    const rho = predicted > 0 ? actual / predicted : -1;
    if (Number.isFinite(rssTrial) && actual > 0 && rho > 0) {
      p.set(pTrial);
      r.set(rTrial);
      const previous = rss;
      rss = rssTrial;
      lambda *= Math.max(1 / 3, 1 - (2 * rho - 1) ** 3);
      if (lambda < 1e-16) lambda = 1e-16;
      nu = 2;
      needJacobian = true;
      const half = 0.5 * previous;
      if (actual <= ftol * half && predicted <= ftol * half) {
        reason = "ftol";
        converged = true;
        break outer;
      }
    } else {
      lambda *= nu;
      nu *= 2;
      if (lambda > 1e16 || !Number.isFinite(lambda)) {
        // no descent possible from here: we are at a (constrained) minimum to
        // machine precision
        reason = "stalled";
        converged = predicted <= 1e-14 * rss;
        break;
      }
    }
  }
  if (needJacobian) {
    problem.jacobian(p, jac);
    normalEquations(jac, r, n, m, jtj, jtr);
  }
  for (let j = 0; j < m; j++) atBound[j] = p[j]! <= lower[j]! || p[j]! >= upper[j]! ? 1 : 0;
  return { params: p, rss, iterations, converged, reason, jtj, atBound };
}

/**
 * Residuals and JᵀJ at a given point without iterating (for estimates that
 * are already optimal in some parameters, e.g. variable projection).
 * Returns null when the point cannot be evaluated.
 */
export function linearizeAt(problem: LmProblem, at: ArrayLike<number>): { rss: number; jtj: Float64Array } | null {
  const { n, m } = problem;
  depth++;
  try {
    const p = Float64Array.from(at);
    const r = scratch(0, n);
    const jac = scratch(2, n * m);
    if (!problem.residuals(p, r)) return null;
    const rss = sumSquares(r, n);
    if (!Number.isFinite(rss)) return null;
    problem.jacobian(p, jac);
    const jtj = new Float64Array(m * m);
    normalEquations(jac, r, n, m, jtj, new Float64Array(m));
    return { rss, jtj };
  } finally {
    depth--;
  }
}

export interface Covariance {
  /** m×m covariance matrix */
  matrix: Float64Array;
  /** standard uncertainties (√diag); NaN where undetermined */
  stderr: Float64Array;
  fullRank: boolean;
  /** factor the unscaled (JᵀJ)⁻¹ was multiplied with */
  scale: number;
}

/**
 * Parameter covariance from JᵀJ at the optimum. With `absoluteSigma` the
 * residuals are taken to be in units of known standard deviations and
 * C = (JᵀJ)⁻¹; otherwise C = (JᵀJ)⁻¹ · rss/(n − m) (reduced χ² scaling).
 */
export function covarianceFromJtJ(jtj: Float64Array, m: number, rss: number, n: number, absoluteSigma = false): Covariance {
  const { inv, fullRank } = invertSymmetric(jtj, m);
  const dof = n - m;
  const scale = absoluteSigma ? 1 : dof > 0 ? rss / dof : NaN;
  const matrix = new Float64Array(m * m);
  const stderr = new Float64Array(m);
  for (let i = 0; i < m * m; i++) matrix[i] = inv[i]! * scale;
  for (let j = 0; j < m; j++) {
    const v = matrix[j * m + j]!;
    stderr[j] = v >= 0 ? Math.sqrt(v) : NaN;
  }
  return { matrix, stderr, fullRank, scale };
}

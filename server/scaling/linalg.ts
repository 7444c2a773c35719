/**
 * Small dense linear algebra for the isotherm analysis (matrices of a few rows, row-major
 * number arrays). Pure.
 */

/** Inverse of a symmetric positive definite n×n matrix (Cholesky); null when it is not. */
export function invertSpd(a: readonly number[], n: number): number[] | null {
  const l = new Array<number>(n * n).fill(0);
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j]!;
    for (let k = 0; k < j; k++) d -= l[j * n + k]! ** 2;
    if (!(d > 0) || !Number.isFinite(d)) return null;
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      l[i * n + j] = s / ljj;
    }
  }
  // inverse of L, then (L⁻¹)ᵀ L⁻¹
  const li = new Array<number>(n * n).fill(0);
  for (let i = 0; i < n; i++) {
    li[i * n + i] = 1 / l[i * n + i]!;
    for (let j = 0; j < i; j++) {
      let s = 0;
      for (let k = j; k < i; k++) s += l[i * n + k]! * li[k * n + j]!;
      li[i * n + j] = -s / l[i * n + i]!;
    }
  }
  const inv = new Array<number>(n * n).fill(0);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < n; k++) s += li[k * n + i]! * li[k * n + j]!;
      inv[i * n + j] = s;
      inv[j * n + i] = s;
    }
  return inv;
}

export interface LinearFit {
  /** Coefficients. */
  beta: number[];
  /** Covariance of the coefficients, σ̂²(XᵀX)⁻¹ (or with the given σ² scale). */
  cov: number[];
  /** Residual sum of squares. */
  rss: number;
  /** Points used. */
  n: number;
}

/**
 * Ordinary least squares y ≈ X·β with rows given by `row(i)` (length m each). The covariance
 * uses σ̂² = RSS/(n − m) unless `sigma2` is given. Null when the normal matrix is singular or
 * n ≤ m.
 */
export function leastSquares(n: number, m: number, row: (i: number, out: number[]) => void, y: ArrayLike<number>, sigma2?: number): LinearFit | null {
  if (n <= m) return null;
  const xtx = new Array<number>(m * m).fill(0);
  const xty = new Array<number>(m).fill(0);
  const r = new Array<number>(m).fill(0);
  // scale columns for conditioning
  for (let i = 0; i < n; i++) {
    row(i, r);
    const yi = y[i]!;
    for (let a = 0; a < m; a++) {
      xty[a]! += r[a]! * yi;
      for (let b = 0; b <= a; b++) xtx[a * m + b]! += r[a]! * r[b]!;
    }
  }
  for (let a = 0; a < m; a++) for (let b = a + 1; b < m; b++) xtx[a * m + b] = xtx[b * m + a]!;
  const inv = invertSpd(xtx, m);
  if (!inv) return null;
  const beta = new Array<number>(m).fill(0);
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) beta[a]! += inv[a * m + b]! * xty[b]!;
  let rss = 0;
  for (let i = 0; i < n; i++) {
    row(i, r);
    let f = 0;
    for (let a = 0; a < m; a++) f += r[a]! * beta[a]!;
    rss += (y[i]! - f) ** 2;
  }
  const s2 = sigma2 ?? rss / (n - m);
  return { beta, cov: inv.map((v) => v * s2), rss, n };
}

/** Quadratic form gᵀ·C·g for an m-vector g and an m×m matrix C. */
export function quadForm(g: readonly number[], c: readonly number[]): number {
  const m = g.length;
  let s = 0;
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) s += g[a]! * c[a * m + b]! * g[b]!;
  return s;
}

/**
 * Generalised least squares of y (m values, covariance C) on the columns of X (m×p):
 * β, its covariance (XᵀC⁻¹X)⁻¹ and χ² = rᵀC⁻¹r. Null when C or XᵀC⁻¹X is singular.
 */
export function gls(y: readonly number[], c: readonly number[], x: readonly number[], p: number): { beta: number[]; cov: number[]; chi2: number } | null {
  const m = y.length;
  const w = invertSpd(c, m);
  if (!w) return null;
  const a = new Array<number>(p * p).fill(0);
  const b = new Array<number>(p).fill(0);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < m; j++) {
      const wij = w[i * m + j]!;
      for (let u = 0; u < p; u++) {
        b[u]! += x[i * p + u]! * wij * y[j]!;
        for (let v = 0; v < p; v++) a[u * p + v]! += x[i * p + u]! * wij * x[j * p + v]!;
      }
    }
  const cov = invertSpd(a, p);
  if (!cov) return null;
  const beta = new Array<number>(p).fill(0);
  for (let u = 0; u < p; u++) for (let v = 0; v < p; v++) beta[u]! += cov[u * p + v]! * b[v]!;
  const r = y.map((yi, i) => {
    let f = 0;
    for (let u = 0; u < p; u++) f += x[i * p + u]! * beta[u]!;
    return yi - f;
  });
  let chi2 = 0;
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) chi2 += r[i]! * w[i * m + j]! * r[j]!;
  return { beta, cov, chi2 };
}

/** Nelder–Mead minimisation of f over R^n from x0 with initial steps `step`. */
export function nelderMead(f: (x: number[]) => number, x0: readonly number[], step: readonly number[], maxIter = 400, tol = 1e-10): { x: number[]; f: number } {
  const n = x0.length;
  const simplex: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const v = x0.slice();
    v[i]! += step[i]!;
    simplex.push(v);
  }
  let fs = simplex.map(f);
  for (let it = 0; it < maxIter; it++) {
    const order = fs.map((_, i) => i).sort((a, b) => fs[a]! - fs[b]!);
    const s = order.map((i) => simplex[i]!);
    const fv = order.map((i) => fs[i]!);
    simplex.splice(0, simplex.length, ...s);
    fs = fv;
    if (Math.abs(fs[n]! - fs[0]!) <= tol * (Math.abs(fs[0]!) + 1e-300)) break;
    const c = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let d = 0; d < n; d++) c[d]! += simplex[i]![d]! / n;
    const at = (t: number) => c.map((cd, d) => cd + t * (simplex[n]![d]! - cd));
    const xr = at(-1);
    const fr = f(xr);
    if (fr < fs[0]!) {
      const xe = at(-2);
      const fe = f(xe);
      if (fe < fr) [simplex[n], fs[n]] = [xe, fe];
      else [simplex[n], fs[n]] = [xr, fr];
    } else if (fr < fs[n - 1]!) {
      [simplex[n], fs[n]] = [xr, fr];
    } else {
      const xc = fr < fs[n]! ? at(-0.5) : at(0.5);
      const fc = f(xc);
      if (fc < Math.min(fr, fs[n]!)) [simplex[n], fs[n]] = [xc, fc];
      else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = simplex[i]!.map((v, d) => simplex[0]![d]! + 0.5 * (v - simplex[0]![d]!));
          fs[i] = f(simplex[i]!);
        }
      }
    }
  }
  let best = 0;
  for (let i = 1; i <= n; i++) if (fs[i]! < fs[best]!) best = i;
  return { x: simplex[best]!, f: fs[best]! };
}

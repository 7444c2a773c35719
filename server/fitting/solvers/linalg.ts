/**
 * Small dense linear algebra for least squares (m ≤ ~10 parameters).
 * Matrices are row-major Float64Arrays of size m×m. No allocation in the hot
 * routines: callers pass work arrays.
 */
import { scratchF64 } from "../workspace";

/**
 * In-place Cholesky factorisation A = L·Lᵀ of a symmetric positive definite
 * m×m matrix (lower triangle used and overwritten with L).
 * Returns false when A is not numerically positive definite.
 */
export function choleskyInPlace(a: Float64Array, m: number): boolean {
  for (let j = 0; j < m; j++) {
    let d = a[j * m + j]!;
    for (let k = 0; k < j; k++) {
      const l = a[j * m + k]!;
      d -= l * l;
    }
    if (!(d > 0) || !Number.isFinite(d)) return false;
    const ljj = Math.sqrt(d);
    a[j * m + j] = ljj;
    for (let i = j + 1; i < m; i++) {
      let s = a[i * m + j]!;
      for (let k = 0; k < j; k++) s -= a[i * m + k]! * a[j * m + k]!;
      a[i * m + j] = s / ljj;
    }
  }
  return true;
}

/** Solve L·Lᵀ x = b given the Cholesky factor in the lower triangle of l. b is overwritten with x. */
export function choleskySolveInPlace(l: Float64Array, m: number, b: Float64Array): void {
  for (let i = 0; i < m; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * m + k]! * b[k]!;
    b[i] = s / l[i * m + i]!;
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < m; k++) s -= l[k * m + i]! * b[k]!;
    b[i] = s / l[i * m + i]!;
  }
}

/**
 * Symmetric eigen-decomposition by cyclic Jacobi rotations.
 * a (m×m, symmetric) is destroyed; eigenvalues go to `values`, eigenvectors to
 * the columns of `vectors` (row-major m×m).
 */
export function symmetricEigen(a: Float64Array, m: number, values: Float64Array, vectors: Float64Array): void {
  vectors.fill(0);
  for (let i = 0; i < m; i++) vectors[i * m + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < m; i++) {
      diag += a[i * m + i]! * a[i * m + i]!;
      for (let j = i + 1; j < m; j++) off += a[i * m + j]! * a[i * m + j]!;
    }
    if (off <= 1e-30 * diag || off === 0) break;
    for (let p = 0; p < m; p++) {
      for (let q = p + 1; q < m; q++) {
        const apq = a[p * m + q]!;
        if (apq === 0) continue;
        const app = a[p * m + p]!;
        const aqq = a[q * m + q]!;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < m; k++) {
          const akp = a[k * m + p]!;
          const akq = a[k * m + q]!;
          a[k * m + p] = c * akp - s * akq;
          a[k * m + q] = s * akp + c * akq;
        }
        for (let k = 0; k < m; k++) {
          const apk = a[p * m + k]!;
          const aqk = a[q * m + k]!;
          a[p * m + k] = c * apk - s * aqk;
          a[q * m + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < m; k++) {
          const vkp = vectors[k * m + p]!;
          const vkq = vectors[k * m + q]!;
          vectors[k * m + p] = c * vkp - s * vkq;
          vectors[k * m + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  for (let i = 0; i < m; i++) values[i] = a[i * m + i]!;
}

/**
 * Inverse of a symmetric positive semi-definite matrix. Uses a scaled
 * Cholesky factorisation; falls back to a pseudo-inverse (eigenvalues below
 * `rcond`·max are treated as zero, and the corresponding directions get an
 * infinite variance reported as NaN on the diagonal).
 * Returns a new m×m matrix and whether the matrix was of full rank.
 */
export function invertSymmetric(a: Float64Array, m: number, rcond = 1e-13): { inv: Float64Array; fullRank: boolean } {
  const scale = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const d = a[i * m + i]!;
    scale[i] = d > 0 && Number.isFinite(d) ? 1 / Math.sqrt(d) : 1;
  }
  const s = scratchF64("inv.s", m * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) s[i * m + j] = a[i * m + j]! * scale[i]! * scale[j]!;
  const work = scratchF64("inv.work", m * m);
  work.set(s);
  const inv = new Float64Array(m * m);
  let fullRank = choleskyInPlace(work, m);
  if (fullRank) {
    // check conditioning through the factor's diagonal
    let dmin = Infinity;
    let dmax = 0;
    for (let i = 0; i < m; i++) {
      const d = work[i * m + i]!;
      if (d < dmin) dmin = d;
      if (d > dmax) dmax = d;
    }
    if ((dmin / dmax) ** 2 < rcond) fullRank = false;
  }
  if (fullRank) {
    const col = new Float64Array(m);
    for (let j = 0; j < m; j++) {
      col.fill(0);
      col[j] = 1;
      choleskySolveInPlace(work, m, col);
      for (let i = 0; i < m; i++) inv[i * m + j] = col[i]! * scale[i]! * scale[j]!;
    }
    return { inv, fullRank };
  }
  const values = new Float64Array(m);
  const vectors = new Float64Array(m * m);
  symmetricEigen(Float64Array.from(s), m, values, vectors);
  let vmax = 0;
  for (let i = 0; i < m; i++) vmax = Math.max(vmax, Math.abs(values[i]!));
  const singular = new Uint8Array(m);
  for (let k = 0; k < m; k++) if (!(values[k]! > rcond * vmax)) singular[k] = 1;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      let acc = 0;
      for (let k = 0; k < m; k++) {
        if (singular[k]) continue;
        acc += (vectors[i * m + k]! * vectors[j * m + k]!) / values[k]!;
      }
      inv[i * m + j] = acc * scale[i]! * scale[j]!;
    }
  }
  // directions that are unconstrained make the variance of every parameter
  // with a component along them undefined
  for (let k = 0; k < m; k++) {
    if (!singular[k]) continue;
    for (let i = 0; i < m; i++) if (Math.abs(vectors[i * m + k]!) > 1e-6) inv[i * m + i] = NaN;
  }
  return { inv, fullRank: false };
}

/** Solve the 2×2 system [a b; b c]·x = [u; v]. Returns false if singular. */
export function solve2(a: number, b: number, c: number, u: number, v: number, out: Float64Array): boolean {
  const det = a * c - b * b;
  if (!(Math.abs(det) > 1e-300) || !Number.isFinite(det)) return false;
  const scale = Math.abs(a * c) + b * b;
  if (Math.abs(det) < 1e-14 * scale) return false;
  out[0] = (c * u - b * v) / det;
  out[1] = (a * v - b * u) / det;
  return true;
}

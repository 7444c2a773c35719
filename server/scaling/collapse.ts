/**
 * Scaling collapse: ln R(H, T) = ln R_c + f(u), u = δ·(T/T_ref)^(−1/zν), δ = (H − H_c)/H_c,
 * with f a smooth master curve (a polynomial of degree K in u, fitted with the data). For each
 * (H_c, 1/zν) the master curve is linear least squares (variable projection); the two
 * nonlinear parameters minimise the residual sum of squares, and their covariance is
 * 2·s²·(∂²RSS)⁻¹ with s² = RSS/(N − K − 3). Pure.
 */
import { invertSpd, leastSquares, nelderMead } from "./linalg";
import type { Isotherm } from "./prepare";
import type { Estimate } from "./types";

export interface CollapsePoints {
  T: Float64Array;
  H: Float64Array;
  y: Float64Array;
  /** Isotherm index of each point. */
  k: Int32Array;
}

/** Resistance band of the collapse: readings whose smoothed R is within a factor e^band of R_c. */
export const COLLAPSE_BAND = 0.5;

/**
 * Points with |H − H_c|/H_c ≤ δ_max, R > 0 and smoothed R within the band around R_c.
 * Isotherms with fewer than `minPerIsotherm` such points are left out; null when fewer than 3
 * isotherms remain.
 */
export function windowPoints(isos: readonly Isotherm[], Hc: number, Rc: number, deltaMax: number, band = COLLAPSE_BAND, minPerIsotherm = 4): { pts: CollapsePoints; dropped: number; isotherms: number } | null {
  const T: number[] = [];
  const H: number[] = [];
  const y: number[] = [];
  const k: number[] = [];
  let dropped = 0;
  let used = 0;
  for (let j = 0; j < isos.length; j++) {
    const iso = isos[j]!;
    const idx: number[] = [];
    for (let i = 0; i < iso.H.length; i++) {
      if (Math.abs(iso.H[i]! - Hc) > deltaMax * Hc) continue;
      if (!(iso.R[i]! > 0)) {
        dropped++;
        continue;
      }
      if (Rc > 0 && !(iso.Rs[i]! > 0 && Math.abs(Math.log(iso.Rs[i]! / Rc)) <= band)) continue;
      idx.push(i);
    }
    if (idx.length < minPerIsotherm) continue;
    used++;
    for (const i of idx) {
      T.push(iso.T_K);
      H.push(iso.H[i]!);
      y.push(Math.log(iso.R[i]!));
      k.push(j);
    }
  }
  if (used < 3) return null;
  return { pts: { T: Float64Array.from(T), H: Float64Array.from(H), y: Float64Array.from(y), k: Int32Array.from(k) }, dropped, isotherms: used };
}

interface Eval {
  rss: number;
  coefficients: number[];
  uScale: number;
}

function evaluate(pts: CollapsePoints, Hc: number, p: number, Tref: number, K: number): Eval | null {
  const n = pts.y.length;
  const u = new Float64Array(n);
  let uMax = 0;
  for (let i = 0; i < n; i++) {
    u[i] = ((pts.H[i]! - Hc) / Hc) * Math.pow(pts.T[i]! / Tref, -p);
    uMax = Math.max(uMax, Math.abs(u[i]!));
  }
  if (!(uMax > 0) || !Number.isFinite(uMax)) return null;
  const fit = leastSquares(n, K + 1, (i, out) => {
    const v = u[i]! / uMax;
    let t = 1;
    for (let j = 0; j <= K; j++) {
      out[j] = t;
      t *= v;
    }
  }, pts.y, 1);
  if (!fit) return null;
  return { rss: fit.rss, coefficients: fit.beta, uScale: uMax };
}

export interface MasterFit {
  Hc: Estimate;
  znu: Estimate;
  p: number;
  coefficients: number[];
  uScale: number;
  Tref: number;
  rss: number;
  n: number;
  atBound: boolean;
}

export const ZNU_MIN = 0.15;
export const ZNU_MAX = 8;

/** Minimises the collapse residual over (H_c, zν) starting from H_c0. */
export function fitCollapse(pts: CollapsePoints, Hc0: number, deltaMax: number, K: number): MasterFit | null {
  const n = pts.y.length;
  const dof = n - (K + 1) - 2;
  if (dof < 3) return null;
  let lt = 0;
  for (let i = 0; i < n; i++) lt += Math.log(pts.T[i]!);
  const Tref = Math.exp(lt / n);
  const rssAt = (eps: number, p: number) => {
    if (!(p > 1 / ZNU_MAX / 1.5) || p > 1 / ZNU_MIN * 1.5 || Math.abs(eps) > 0.5 * deltaMax) return Number.POSITIVE_INFINITY;
    return evaluate(pts, Hc0 * (1 + eps), p, Tref, K)?.rss ?? Number.POSITIVE_INFINITY;
  };
  // coarse scan in zν, then a simplex in (ε, ln zν)
  let bestZ = 1;
  let bestF = Number.POSITIVE_INFINITY;
  for (let g = 0; g <= 48; g++) {
    const z = ZNU_MIN * Math.pow(ZNU_MAX / ZNU_MIN, g / 48);
    const f = rssAt(0, 1 / z);
    if (f < bestF) [bestF, bestZ] = [f, z];
  }
  if (!Number.isFinite(bestF)) return null;
  const nm = nelderMead(([e, lz]) => rssAt(e!, Math.exp(-lz!)), [0, Math.log(bestZ)], [0.05 * deltaMax, 0.08], 600, 1e-13);
  const eps = nm.x[0]!;
  const p = Math.exp(-nm.x[1]!);
  const best = evaluate(pts, Hc0 * (1 + eps), p, Tref, K);
  if (!best) return null;
  const s2 = best.rss / dof;
  // Hessian of RSS in (ε, p) by central differences, steps refined once to ~ half a standard deviation
  const hessian = (he: number, hp: number) => {
    const f0 = best.rss;
    const fee = (rssAt(eps + he, p) - 2 * f0 + rssAt(eps - he, p)) / (he * he);
    const fpp = (rssAt(eps, p + hp) - 2 * f0 + rssAt(eps, p - hp)) / (hp * hp);
    const fep = (rssAt(eps + he, p + hp) - rssAt(eps + he, p - hp) - rssAt(eps - he, p + hp) + rssAt(eps - he, p - hp)) / (4 * he * hp);
    return [fee, fep, fep, fpp];
  };
  let he = 1e-3 * deltaMax;
  let hp = 1e-3 * p;
  let cov: number[] | null = null;
  for (let pass = 0; pass < 2; pass++) {
    const hm = hessian(he, hp);
    if (!hm.every(Number.isFinite)) return null;
    const inv = invertSpd(hm, 2);
    if (!inv) return null;
    cov = inv.map((v) => 2 * s2 * v);
    he = Math.max(1e-7, 0.5 * Math.sqrt(cov[0]!));
    hp = Math.min(0.2 * p, Math.max(1e-7 * p, 0.5 * Math.sqrt(cov[3]!)));
  }
  const c = cov!;
  const znu = 1 / p;
  const Hc = Hc0 * (1 + eps);
  return {
    Hc: { value: Hc, uncertainty: Hc0 * Math.sqrt(c[0]!) },
    znu: { value: znu, uncertainty: Math.sqrt(c[3]!) / (p * p) },
    p,
    coefficients: best.coefficients,
    uScale: best.uScale,
    Tref,
    rss: best.rss,
    n,
    atBound: znu <= ZNU_MIN * 1.05 || znu >= ZNU_MAX / 1.05 || Math.abs(eps) >= 0.49 * deltaMax,
  };
}

/** Noise of ln R within isotherms from second differences of consecutive points (model-free). */
export function noiseLnR(pts: CollapsePoints): number {
  let s = 0;
  let c = 0;
  for (let i = 1; i + 1 < pts.y.length; i++) {
    if (pts.k[i - 1] !== pts.k[i] || pts.k[i + 1] !== pts.k[i]) continue;
    s += (pts.y[i + 1]! - 2 * pts.y[i]! + pts.y[i - 1]!) ** 2;
    c++;
  }
  return c > 0 ? Math.sqrt(s / (6 * c)) : Number.NaN;
}

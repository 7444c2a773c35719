/**
 * Local quadratic fits of one isotherm around a field H₀: R ≈ b₀ + b₁x + b₂x² with
 * x = (H − H₀)/H₀, over |x| ≤ w, widened until enough points are inside. Pure.
 */
import { leastSquares, quadForm } from "./linalg";
import type { Isotherm } from "./prepare";

export interface LocalFit {
  H0: number;
  /** Half-width used, relative to H₀. */
  w: number;
  beta: number[];
  cov: number[];
  n: number;
  /** Residual standard deviation. */
  sigma: number;
  /** Extent of the points used, in x. */
  xMin: number;
  xMax: number;
}

export const MIN_LOCAL_POINTS = 7;
const MAX_WINDOW = 0.4;

function pointsWithin(iso: Isotherm, H0: number, w: number, range: [number, number]): number[] {
  const idx: number[] = [];
  const lo = Math.max(range[0], H0 * (1 - w));
  const hi = Math.min(range[1], H0 * (1 + w));
  for (let i = 0; i < iso.H.length; i++) if (iso.H[i]! >= lo && iso.H[i]! <= hi) idx.push(i);
  return idx;
}

/** The half-width (≥ w) at which every isotherm has at least MIN_LOCAL_POINTS points; null if none. */
export function commonWindow(isos: readonly Isotherm[], H0: number, w: number, range: [number, number]): number | null {
  let ww = w;
  while (ww <= MAX_WINDOW + 1e-12) {
    if (isos.every((iso) => pointsWithin(iso, H0, ww, range).length >= MIN_LOCAL_POINTS)) return ww;
    ww *= 1.25;
  }
  return null;
}

/** Smoothed R at H by linear interpolation of the smoothed points. */
export function smoothedAt(iso: Isotherm, H: number): number {
  const n = iso.H.length;
  if (H <= iso.H[0]!) return iso.Rs[0]!;
  if (H >= iso.H[n - 1]!) return iso.Rs[n - 1]!;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (iso.H[mid]! <= H) lo = mid;
    else hi = mid;
  }
  const t = iso.H[hi]! > iso.H[lo]! ? (H - iso.H[lo]!) / (iso.H[hi]! - iso.H[lo]!) : 0;
  return iso.Rs[lo]! + t * (iso.Rs[hi]! - iso.Rs[lo]!);
}

/**
 * Points of the window |H − H₀| ≤ w·H₀ whose smoothed R is within a factor e^band of the smoothed
 * R at H₀ (so that a quadratic describes a steep isotherm too); at least the MIN_LOCAL_POINTS
 * nearest points of the window.
 */
export function bandedPoints(iso: Isotherm, H0: number, w: number, range: [number, number], band: number): number[] {
  const idx = pointsWithin(iso, H0, w, range);
  const r0 = smoothedAt(iso, H0);
  if (!(r0 > 0) || !Number.isFinite(band)) return idx;
  const inBand = idx.filter((i) => iso.Rs[i]! > 0 && Math.abs(Math.log(iso.Rs[i]! / r0)) <= band);
  if (inBand.length >= MIN_LOCAL_POINTS) return inBand;
  return [...idx].sort((a, b) => Math.abs(iso.H[a]! - H0) - Math.abs(iso.H[b]! - H0)).slice(0, MIN_LOCAL_POINTS).sort((a, b) => a - b);
}

export const LOCAL_BAND = 0.25;

export function localFit(iso: Isotherm, H0: number, w: number, range: [number, number], band = LOCAL_BAND): LocalFit | null {
  const idx = bandedPoints(iso, H0, w, range, band);
  if (idx.length < MIN_LOCAL_POINTS) return null;
  const y = idx.map((i) => iso.R[i]!);
  const fit = leastSquares(idx.length, 3, (k, out) => {
    const x = (iso.H[idx[k]!]! - H0) / H0;
    out[0] = 1;
    out[1] = x;
    out[2] = x * x;
  }, y, 1);
  if (!fit) return null;
  // a floor on the noise: a perfectly smooth curve still carries rounding
  const scale = Math.max(...y.map(Math.abs));
  const s2 = Math.max(fit.rss / (idx.length - 3), (1e-9 * scale) ** 2);
  const xs = idx.map((i) => (iso.H[i]! - H0) / H0);
  return { H0, w, beta: fit.beta, cov: fit.cov.map((c) => c * s2), n: idx.length, sigma: Math.sqrt(s2), xMin: Math.min(...xs), xMax: Math.max(...xs) };
}

export const basis = (x: number): number[] => [1, x, x * x];
/** d/dH of the basis at x (per Oe). */
export const dBasis = (x: number, H0: number): number[] => [0, 1 / H0, (2 * x) / H0];

export function value(f: LocalFit, x: number): number {
  return f.beta[0]! + f.beta[1]! * x + f.beta[2]! * x * x;
}
export function variance(f: LocalFit, x: number): number {
  return quadForm(basis(x), f.cov);
}
/** dR/dH at x. */
export function slope(f: LocalFit, x: number): number {
  return (f.beta[1]! + 2 * f.beta[2]! * x) / f.H0;
}

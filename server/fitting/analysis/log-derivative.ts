/**
 * Logarithmic derivative w(T) = −d ln R/d ln T and the Zabrodskii–Zinov'eva
 * analysis.
 *
 * For R = R0·exp((T0/T)^p):  w = p·(T0/T)^p, so ln w = ln p + p ln T0 − p ln T
 * and the slope of ln w against ln T is −p (p = 1 Arrhenius, 1/2 ES, 1/3 Mott).
 * w → 0 at low T signals saturation (M1/M2); w finite or growing signals an
 * insulator. w is estimated by local linear regression of ln R on ln T in a
 * sliding window (robust to point-to-point noise, unlike finite differences).
 */
import { localLinearAt } from "./smoothing";

export interface ZabrodskiiFit {
  /** −slope of ln w vs ln T */
  p: number;
  uncertainty: number;
  /** number of grid points used */
  n: number;
}

export interface LogDerivative {
  /** grid temperatures (K) */
  T: Float64Array;
  w: Float64Array;
  /** standard error of w */
  wSE: Float64Array;
  zabrodskii: ZabrodskiiFit | null;
}

/**
 * Weighted straight line of ln w vs ln T over grid points where w is positive
 * and at least `minSignificance` standard errors from zero.
 */
export function zabrodskiiFit(x: Float64Array, w: Float64Array, wSE: Float64Array, xMax = Infinity, minSignificance = 3): ZabrodskiiFit | null {
  let s = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  let cnt = 0;
  for (let k = 0; k < x.length; k++) {
    const xv = x[k]!;
    if (xv > xMax) break;
    const wv = w[k]!;
    const se = wSE[k]!;
    if (!(wv > 0) || !(se > 0) || wv < minSignificance * se) continue;
    const yv = Math.log(wv);
    const wt = (wv / se) ** 2; // 1/var(ln w)
    s += wt;
    sx += wt * xv;
    sy += wt * yv;
    sxx += wt * xv * xv;
    sxy += wt * xv * yv;
    cnt++;
  }
  if (cnt < 4) return null;
  const det = s * sxx - sx * sx;
  if (!(det > 0)) return null;
  const slope = (s * sxy - sx * sy) / det;
  // windows overlap, so neighbouring w are correlated: inflate the formal
  // error by √2 (half-overlapping windows)
  return { p: -slope, uncertainty: Math.SQRT2 * Math.sqrt(s / det), n: cnt };
}

export function logDerivative(
  T: ArrayLike<number>,
  R: ArrayLike<number>,
  options: { gridPoints?: number; halfWidth?: number; relativeNoise?: number } = {},
): LogDerivative {
  const n = T.length;
  const lnT = new Float64Array(n);
  const lnR = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lnT[i] = Math.log(T[i]!);
    lnR[i] = R[i]! > 0 ? Math.log(R[i]!) : NaN;
  }
  const span = n > 1 ? lnT[n - 1]! - lnT[0]! : 0;
  const G = options.gridPoints ?? Math.min(48, Math.max(6, Math.round(span / 0.12)));
  const centres = new Float64Array(G);
  for (let k = 0; k < G; k++) centres[k] = lnT[0]! + (G > 1 ? (span * k) / (G - 1) : 0);
  const h = options.halfWidth ?? Math.min(Math.max(span / Math.max(G - 1, 1), (4 * span) / Math.max(n, 1)), span / 3);
  const prof = localLinearAt(lnT, lnR, centres, h, 4);
  // noise of ln R from the residual scatter if not given
  let sigma = options.relativeNoise ?? NaN;
  if (!Number.isFinite(sigma)) {
    const res: number[] = [];
    for (let i = 1; i < n - 1; i++) {
      const a = lnR[i - 1]!;
      const b = lnR[i]!;
      const c = lnR[i + 1]!;
      const sp = lnT[i + 1]! - lnT[i - 1]!;
      if (!(sp > 0) || a !== a || b !== b || c !== c) continue;
      const f = (lnT[i + 1]! - lnT[i]!) / sp;
      res.push(Math.abs(b - f * a - (1 - f) * c) / Math.sqrt(1 + f * f + (1 - f) ** 2));
    }
    res.sort((u, v) => u - v);
    sigma = res.length ? 1.4826 * res[res.length >> 1]! : 0;
  }
  const out: LogDerivative = {
    T: new Float64Array(G),
    w: new Float64Array(G),
    wSE: new Float64Array(G),
    zabrodskii: null,
  };
  for (let k = 0; k < G; k++) {
    out.T[k] = Math.exp(centres[k]!);
    out.w[k] = -prof.slope[k]!;
    out.wSE[k] = prof.slopeSE1[k]! * sigma;
  }
  out.zabrodskii = zabrodskiiFit(centres, out.w, out.wSE);
  return out;
}

/**
 * Closed-form weighted straight-line least squares y ≈ a + b·u on an index
 * range, with the parameter covariance. Two passes (means, then centred sums)
 * keep it accurate when u spans many orders of magnitude.
 */

export interface LineFit {
  a: number;
  b: number;
  /** Σ w (y − a − b u)² */
  rss: number;
  /** covariance entries (already scaled, see `absoluteSigma`) */
  varA: number;
  varB: number;
  covAB: number;
  n: number;
  ok: boolean;
}

const EMPTY: LineFit = { a: NaN, b: NaN, rss: NaN, varA: NaN, varB: NaN, covAB: NaN, n: 0, ok: false };

/**
 * @param u basis values (indexed like y)
 * @param y observations
 * @param w weights 1/σ² or null for unit weights
 * @param absoluteSigma when false the covariance is scaled by rss/(n − 2)
 */
export function fitLine(
  u: Float64Array,
  y: Float64Array,
  w: Float64Array | null,
  i0: number,
  i1: number,
  absoluteSigma = false,
): LineFit {
  const n = i1 - i0;
  if (n < 2) return EMPTY;
  let sw = 0;
  let su = 0;
  let sy = 0;
  for (let i = i0; i < i1; i++) {
    const wi = w ? w[i]! : 1;
    sw += wi;
    su += wi * u[i]!;
    sy += wi * y[i]!;
  }
  if (!(sw > 0)) return EMPTY;
  const mu = su / sw;
  const my = sy / sw;
  let suu = 0;
  let suy = 0;
  for (let i = i0; i < i1; i++) {
    const wi = w ? w[i]! : 1;
    const du = u[i]! - mu;
    suu += wi * du * du;
    suy += wi * du * (y[i]! - my);
  }
  if (!(suu > 0)) return EMPTY;
  const b = suy / suu;
  const a = my - b * mu;
  let rss = 0;
  for (let i = i0; i < i1; i++) {
    const wi = w ? w[i]! : 1;
    const e = y[i]! - a - b * u[i]!;
    rss += wi * e * e;
  }
  const s2 = absoluteSigma ? 1 : n > 2 ? rss / (n - 2) : NaN;
  return {
    a,
    b,
    rss,
    varA: s2 * (1 / sw + (mu * mu) / suu),
    varB: s2 / suu,
    covAB: (-s2 * mu) / suu,
    n,
    ok: Number.isFinite(a) && Number.isFinite(b),
  };
}

/**
 * Weighted least squares of y ≈ a + b·u returning only the RSS and the
 * coefficients, in a single pass over raw moments (used inside 1-D searches
 * where speed matters; inputs are pre-centred by the caller when needed).
 */
export function lineRss(
  u: Float64Array,
  y: Float64Array,
  w: Float64Array | null,
  i0: number,
  i1: number,
  out: Float64Array,
): number {
  let sw = 0;
  let su = 0;
  let sy = 0;
  let suu = 0;
  let suy = 0;
  let syy = 0;
  for (let i = i0; i < i1; i++) {
    const wi = w ? w[i]! : 1;
    const ui = u[i]!;
    const yi = y[i]!;
    const wu = wi * ui;
    sw += wi;
    su += wu;
    sy += wi * yi;
    suu += wu * ui;
    suy += wu * yi;
    syy += wi * yi * yi;
  }
  const cuu = suu - (su * su) / sw;
  if (!(cuu > 1e-14 * suu)) {
    out[0] = sy / sw;
    out[1] = 0;
    return Math.max(syy - (sy * sy) / sw, 0);
  }
  const cuy = suy - (su * sy) / sw;
  const b = cuy / cuu;
  out[1] = b;
  out[0] = (sy - b * su) / sw;
  return Math.max(syy - (sy * sy) / sw - b * cuy, 0);
}

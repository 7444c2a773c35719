/**
 * Local linear regression (uniform kernel) used for smoothed levels and for
 * the logarithmic derivative w(T) = −d ln R/d ln T on noisy data: a straight
 * line is fitted to the points within ±h of each centre in ln T, its slope is
 * the derivative there. Sums are taken directly per window (windows are
 * short), relative to the centre for numerical accuracy.
 */
import { scratchF64, scratchI32 } from "../workspace";

export interface GridProfile {
  /** centres in ln T */
  x: Float64Array;
  /** fitted level at the centre */
  level: Float64Array;
  /** fitted slope d y/d ln T at the centre */
  slope: Float64Array;
  /** standard error of the slope for unit noise (multiply by σ_y) */
  slopeSE1: Float64Array;
  count: Int32Array;
  n: number;
}

/**
 * @param x ascending abscissae (ln T)
 * @param y ordinates; NaN entries are skipped
 * @param centres ascending centres
 * @param h half-width of the window (widened to hold at least `minPoints` points where the sampling is sparse)
 * @param scratchKey the arrays of the result are work views under this key (internal use only, see
 *   workspace.ts); without, fresh arrays
 */
export function localLinearAt(
  x: Float64Array,
  y: Float64Array,
  centres: Float64Array,
  h: number,
  minCount = 4,
  minPoints = 8,
  scratchKey?: string,
): GridProfile {
  const g = centres.length;
  const out: GridProfile = {
    x: centres,
    level: scratchKey ? scratchF64(`${scratchKey}.level`, g) : new Float64Array(g),
    slope: scratchKey ? scratchF64(`${scratchKey}.slope`, g) : new Float64Array(g),
    slopeSE1: scratchKey ? scratchF64(`${scratchKey}.slopeSE1`, g) : new Float64Array(g),
    count: scratchKey ? scratchI32(`${scratchKey}.count`, g) : new Int32Array(g),
    n: g,
  };
  const n = x.length;
  let lo = 0;
  let hi = 0;
  for (let k = 0; k < g; k++) {
    const c = centres[k]!;
    while (lo < n && x[lo]! < c - h) lo++;
    if (hi < lo) hi = lo;
    while (hi < n && x[hi]! <= c + h) hi++;
    // sparse stretch: widen to the nearest `minPoints` points around c
    let a = lo;
    let b = hi;
    while (b - a < minPoints && (a > 0 || b < n)) {
      if (a === 0) b++;
      else if (b === n) a--;
      else if (c - x[a - 1]! <= x[b]! - c) a--;
      else b++;
    }
    let s = 0;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let sxy = 0;
    for (let i = a; i < b; i++) {
      const yi = y[i]!;
      if (yi !== yi) continue;
      const dx = x[i]! - c;
      s += 1;
      sx += dx;
      sy += yi;
      sxx += dx * dx;
      sxy += dx * yi;
    }
    out.count[k] = s;
    const det = s * sxx - sx * sx;
    if (s < minCount || !(det > 1e-12 * s * s)) {
      out.level[k] = s > 0 ? sy / s : NaN;
      out.slope[k] = NaN;
      out.slopeSE1[k] = NaN;
      continue;
    }
    const slope = (s * sxy - sx * sy) / det;
    out.slope[k] = slope;
    out.level[k] = (sy - slope * sx) / s;
    // var(slope) = σ²·s/det
    out.slopeSE1[k] = Math.sqrt(s / det);
  }
  return out;
}

/**
 * Smoothed value at every point: straight line through the points i−k … i+k
 * (clipped at the ends), evaluated at x_i.
 */
export function runningLocalLinear(x: Float64Array, y: Float64Array, k: number, out: Float64Array = new Float64Array(x.length)): Float64Array {
  const n = x.length;
  for (let i = 0; i < n; i++) {
    const a = Math.max(0, i - k);
    const b = Math.min(n - 1, i + k);
    const c = x[i]!;
    let s = 0;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let sxy = 0;
    for (let j = a; j <= b; j++) {
      const dx = x[j]! - c;
      const yj = y[j]!;
      s += 1;
      sx += dx;
      sy += yj;
      sxx += dx * dx;
      sxy += dx * yj;
    }
    const det = s * sxx - sx * sx;
    if (!(det > 1e-14 * s * s)) {
      out[i] = sy / s;
      continue;
    }
    const slope = (s * sxy - sx * sy) / det;
    out[i] = (sy - slope * sx) / s;
  }
  return out;
}

/**
 * Global-then-local 1-D minimisation used by variable projection: a coarse
 * uniform grid brackets the best basin, Brent's method (golden section with
 * parabolic steps) refines it.
 */

export interface Minimum1D {
  x: number;
  fx: number;
  evaluations: number;
  /** true when the minimum sits at an end of the search interval */
  atEdge: boolean;
}

const GOLD = 0.381966011250105;

/** Brent's method on [a, b] (f assumed unimodal there); tolerance relative to max(|x|, 1). */
export function brent(f: (x: number) => number, a: number, b: number, tol: number, maxIter = 60): Minimum1D {
  let x = a + GOLD * (b - a);
  let w = x;
  let v = x;
  let fx = f(x);
  let fw = fx;
  let fv = fx;
  let d = 0;
  let e = 0;
  let evaluations = 1;
  for (let iter = 0; iter < maxIter; iter++) {
    const xm = 0.5 * (a + b);
    const tol1 = tol * (Math.abs(x) + 1);
    const tol2 = 2 * tol1;
    if (Math.abs(x - xm) <= tol2 - 0.5 * (b - a)) break;
    let useGolden = true;
    if (Math.abs(e) > tol1) {
      const r = (x - w) * (fx - fv);
      let q = (x - v) * (fx - fw);
      let p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      else q = -q;
      const eOld = e;
      e = d;
      if (Math.abs(p) < Math.abs(0.5 * q * eOld) && p > q * (a - x) && p < q * (b - x)) {
        d = p / q;
        const u = x + d;
        if (u - a < tol2 || b - u < tol2) d = xm - x >= 0 ? tol1 : -tol1;
        useGolden = false;
      }
    }
    if (useGolden) {
      e = x >= xm ? a - x : b - x;
      d = GOLD * e;
    }
    const u = Math.abs(d) >= tol1 ? x + d : x + (d >= 0 ? tol1 : -tol1);
    const fu = f(u);
    evaluations++;
    if (fu <= fx) {
      if (u >= x) a = x;
      else b = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return { x, fx, evaluations, atEdge: false };
}

/**
 * Minimise f on [lo, hi]: grid of `gridN` points, then Brent inside the
 * bracket around the best grid point. Non-finite values count as +∞.
 */
export function minimize1D(f: (x: number) => number, lo: number, hi: number, gridN: number, tol = 1e-6): Minimum1D {
  const safe = (x: number) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  let best = 0;
  let bestF = Infinity;
  const step = (hi - lo) / (gridN - 1);
  for (let k = 0; k < gridN; k++) {
    const v = safe(lo + k * step);
    if (v < bestF) {
      bestF = v;
      best = k;
    }
  }
  if (!Number.isFinite(bestF)) return { x: NaN, fx: Infinity, evaluations: gridN, atEdge: false };
  const a = lo + Math.max(best - 1, 0) * step;
  const b = lo + Math.min(best + 1, gridN - 1) * step;
  const r = brent(safe, a, b, tol);
  const atEdge = (best === 0 || best === gridN - 1) && (Math.abs(r.x - lo) < 2 * tol * (Math.abs(lo) + 1) || Math.abs(r.x - hi) < 2 * tol * (Math.abs(hi) + 1));
  if (r.fx <= bestF) return { x: r.x, fx: r.fx, evaluations: gridN + r.evaluations, atEdge };
  return { x: lo + best * step, fx: bestF, evaluations: gridN + r.evaluations, atEdge: best === 0 || best === gridN - 1 };
}

/**
 * Temperature sampling of a sweep. The reported temperatures are always
 * strictly monotonic and never repeat exactly: strictly decreasing for a
 * cooling sweep, strictly increasing for a warming sweep.
 */
import { logDerivative } from "./model";
import type { Rng } from "./rng";
import type { TElectronHeating, TLawSpec, TWindowSpec } from "./types";

export const MAX_POINTS = 2000;
export const MIN_POINTS = 30;

const FINE = 1024;

/**
 * Inverts the cumulative of a point density g(u) over u = ln T ∈ [ln Tmin, ln Tmax]
 * at the given quantiles q ∈ [0, 1] (ascending). Returns ascending temperatures.
 */
function invertDensity(Tmin: number, Tmax: number, g: (T: number) => number, q: ArrayLike<number>): Float64Array {
  const la = Math.log(Tmin);
  const lb = Math.log(Tmax);
  const du = (lb - la) / (FINE - 1);
  const cdf = new Float64Array(FINE);
  let prev = Math.max(g(Tmin), 1e-12);
  for (let i = 1; i < FINE; i++) {
    const cur = Math.max(g(Math.exp(la + du * i)), 1e-12);
    cdf[i] = cdf[i - 1]! + 0.5 * (prev + cur) * du;
    prev = cur;
  }
  const total = cdf[FINE - 1]!;
  const out = new Float64Array(q.length);
  let j = 0;
  for (let k = 0; k < q.length; k++) {
    const target = q[k]! * total;
    while (j < FINE - 2 && cdf[j + 1]! < target) j++;
    const c0 = cdf[j]!;
    const c1 = cdf[j + 1]!;
    const frac = c1 > c0 ? Math.min(1, Math.max(0, (target - c0) / (c1 - c0))) : 0;
    out[k] = Math.exp(la + du * (j + frac));
  }
  out[0] = Tmin;
  out[q.length - 1] = Tmax;
  return out;
}

/** Point density in u = ln T for each spacing (before jitter). */
function densityFor(window: TWindowSpec, law: TLawSpec | undefined, heating: TElectronHeating | undefined) {
  switch (window.spacing) {
    case "log":
    case "random-log":
      return () => 1;
    case "linear":
      return (T: number) => T;
    case "log-linear": {
      const Tb = window.linearAbove ?? Math.sqrt(window.Tmin * window.Tmax);
      return (T: number) => (T <= Tb ? 1 : T / Tb);
    }
    case "log-dense-below": {
      const Tb = window.denseBelow ?? Math.sqrt(window.Tmin * window.Tmax);
      const w = window.sparseWeight ?? 0.3;
      return (T: number) => (T <= Tb ? 1 : w);
    }
    case "dense": {
      const kappa = window.denseWeight ?? 3;
      if (!law) return () => 1;
      // normalise |w| by its maximum over the window
      let wMax = 0;
      const n = 256;
      const la = Math.log(window.Tmin);
      const lb = Math.log(window.Tmax);
      for (let i = 0; i < n; i++) {
        const w = Math.abs(logDerivative(law, Math.exp(la + ((lb - la) * i) / (n - 1)), heating));
        if (Number.isFinite(w) && w > wMax) wMax = w;
      }
      if (!(wMax > 0)) return () => 1;
      return (T: number) => {
        const w = Math.abs(logDerivative(law, T, heating));
        return 1 + (kappa * (Number.isFinite(w) ? Math.min(w, wMax) : 0)) / wMax;
      };
    }
  }
}

/**
 * Builds the reported temperature grid of a sweep.
 * - Positions follow the spacing's density, each interior point displaced by
 *   up to ±30 % of its local spacing (real sweeps are never perfectly regular).
 * - `nearDuplicateFraction` adds points a tiny relative distance (10⁻⁶–10⁻³ of
 *   the gap) after existing ones: near-equal but never equal temperatures.
 * - Output is strictly increasing ("warming") or strictly decreasing ("cooling").
 */
export function makeTemperatureGrid(
  window: TWindowSpec,
  rng: Rng,
  law?: TLawSpec,
  heating?: TElectronHeating,
): Float64Array {
  const { Tmin, Tmax } = window;
  if (!(Tmin > 0 && Tmax > Tmin)) throw new Error(`invalid window ${Tmin}–${Tmax} K`);
  const n = Math.max(2, Math.min(MAX_POINTS, Math.round(window.points)));
  const q = new Float64Array(n);
  if (window.spacing === "random-log") {
    for (let i = 0; i < n; i++) q[i] = rng.next();
    q.sort();
    q[0] = 0;
    q[n - 1] = 1;
  } else {
    for (let i = 0; i < n; i++) q[i] = i / (n - 1);
    // irregular positions: jitter interior quantiles by up to ±30 % of a step
    for (let i = 1; i < n - 1; i++) q[i] = q[i]! + (rng.uniform(-0.3, 0.3) * 1) / (n - 1);
  }
  const g = densityFor(window, law, heating);
  let T = invertDensity(Tmin, Tmax, g, q);

  // enforce strict increase (random-log or a flat cdf may produce ties)
  T = strictlyIncreasing(T);

  const dupFrac = window.nearDuplicateFraction ?? 0;
  if (dupFrac > 0) {
    const extra = Math.min(MAX_POINTS - T.length, Math.round(dupFrac * T.length));
    if (extra > 0) {
      const chosen = new Set<number>();
      let guard = 0;
      while (chosen.size < extra && guard++ < extra * 20) chosen.add(rng.int(0, T.length - 2));
      const out: number[] = [];
      for (let i = 0; i < T.length; i++) {
        const t = T[i]!;
        out.push(t);
        if (chosen.has(i)) {
          const next = T[i + 1]!;
          const t2 = t + (next - t) * rng.logUniform(1e-6, 1e-3);
          if (t2 > t && t2 < next) out.push(t2);
        }
      }
      T = Float64Array.from(out);
    }
  }

  if (window.order === "cooling") T.reverse();
  return T;
}

function strictlyIncreasing(T: Float64Array): Float64Array {
  const out: number[] = [T[0]!];
  for (let i = 1; i < T.length; i++) {
    const t = T[i]!;
    if (t > out[out.length - 1]!) out.push(t);
  }
  return Float64Array.from(out);
}

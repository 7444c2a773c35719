/**
 * Small seeded noisy-data helpers for the fitting tests (independent of
 * server/synthetic on purpose: the engine is tested against its own simple
 * generators here, and against the shared corpus in corpus-accuracy.test.ts).
 */
import { mulberry32 } from "~/server/testing/mulberry32";

/** mulberry32: small, fast, seeded PRNG in [0, 1). */
export const rng = mulberry32;

/** Standard normal deviates (Box–Muller). */
export function gaussian(u: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    let a = 0;
    while (a === 0) a = u();
    const b = u();
    const r = Math.sqrt(-2 * Math.log(a));
    spare = r * Math.sin(2 * Math.PI * b);
    return r * Math.cos(2 * Math.PI * b);
  };
}

export function logUniform(u: () => number, lo: number, hi: number): number {
  return Math.exp(Math.log(lo) + u() * (Math.log(hi) - Math.log(lo)));
}

/** n temperatures log-spaced in [tmin, tmax], ascending. */
export function logGrid(tmin: number, tmax: number, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = tmin * (tmax / tmin) ** (i / (n - 1));
  return out;
}

/** R·(1 + rel·N(0,1)) + floor·N(0,1) */
export function addNoise(R: Float64Array, rel: number, floor: number, g: () => number): Float64Array {
  const out = new Float64Array(R.length);
  for (let i = 0; i < R.length; i++) out[i] = R[i]! * (1 + rel * g()) + floor * g();
  return out;
}

export function mapT(T: Float64Array, f: (t: number) => number): Float64Array {
  const out = new Float64Array(T.length);
  for (let i = 0; i < T.length; i++) out[i] = f(T[i]!);
  return out;
}

/** Fraction of |pulls| ≤ k. */
export function fractionWithin(pulls: number[], k = 3): number {
  return pulls.filter((p) => Math.abs(p) <= k).length / pulls.length;
}

export interface AltCurve {
  T: Float64Array;
  R: Float64Array;
}

/**
 * Curves of each phase drawn from laws deliberately different from the
 * shared corpus and from the engine's own models (BKT-like superconductor,
 * logistic drop to a plateau, failed insulator with a VRH conductance, an
 * Arrhenius insulator with a T^−0.2 prefactor, ES/Mott). Only curves whose
 * defining feature lies inside the window are kept.
 */
export function altGenerators(seed: number): Record<"S" | "M1" | "M2" | "I1" | "I2", () => AltCurve> {
  const u = rng(seed);
  const g = gaussian(u);
  const window = () => {
    const tmin = logUniform(u, 0.02, 0.3);
    return logGrid(tmin, Math.min(10, tmin * logUniform(u, 20, 300)), Math.round(logUniform(u, 30, 1500)));
  };
  const noise = (R: Float64Array, scale: number) => addNoise(R, logUniform(u, 0.001, 0.03), scale * logUniform(u, 2e-5, 5e-4), g);
  return {
    S: () => {
      const T = window();
      const tb = T[0]! * logUniform(u, 2, 8);
      const RN = logUniform(u, 300, 15000);
      const b = logUniform(u, 0.5, 3);
      return { T, R: noise(mapT(T, (t) => (t <= tb ? 0 : RN * Math.exp(-b / Math.sqrt(t / tb - 1)))), RN) };
    },
    M1: () => {
      const T = window();
      const tc = T[0]! * logUniform(u, 4, 15);
      const RN = logUniform(u, 300, 15000);
      const q = logUniform(u, 0.01, 0.5);
      const w = tc * logUniform(u, 0.03, 0.2);
      return { T, R: noise(mapT(T, (t) => q * RN + ((1 - q) * RN) / (1 + Math.exp((tc - t) / w))), RN) };
    },
    M2: () => {
      for (;;) {
        const T = window();
        const T0 = T[0]! * logUniform(u, 20, 2000);
        const s0 = 1 / logUniform(u, 2e3, 5e4);
        const Q = logUniform(u, 10, 1000);
        const f = (t: number) => 1 / (s0 / Q + s0 * Math.exp(-Math.sqrt(T0 / t)));
        const w = (t: number) => -(Math.log(f(t * 1.001)) - Math.log(f(t / 1.001))) / (2 * Math.log(1.001));
        let wmax = 0;
        for (const t of T) wmax = Math.max(wmax, w(t));
        // saturation visible: w falls to < 40 % of its maximum, and the curve rises by ≥ 2×
        if (w(T[0]!) > 0.4 * wmax || f(T[0]!) < 2 * f(T[T.length - 1]!)) continue;
        return { T, R: noise(mapT(T, f), 1 / s0) };
      }
    },
    I1: () => {
      const T = window();
      const T0 = T[0]! * logUniform(u, 3, 15);
      const R0 = logUniform(u, 1e3, 1e5);
      return { T, R: noise(mapT(T, (t) => R0 * t ** -0.2 * Math.exp(T0 / t)), R0) };
    },
    I2: () => {
      const T = window();
      const p = u() < 0.5 ? 0.5 : 1 / 3;
      const T0 = T[0]! * logUniform(u, 3, 15) ** (1 / p);
      const R0 = logUniform(u, 1e3, 1e5);
      return { T, R: noise(mapT(T, (t) => R0 * Math.exp((T0 / t) ** p)), R0) };
    },
  };
}

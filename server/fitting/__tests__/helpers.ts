/**
 * Small seeded noisy-data helpers for the fitting tests (independent of
 * server/synthetic on purpose: the engine is tested against its own simple
 * generators here, and against the shared corpus in corpus-accuracy.test.ts).
 */

/** mulberry32: small, fast, seeded PRNG in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

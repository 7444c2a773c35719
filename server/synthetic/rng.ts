/**
 * Small seeded pseudo-random number generator: xoshiro128** (Blackman & Vigna),
 * seeded through splitmix32, with Box–Muller normal deviates.
 *
 * Deterministic: the same seed always yields the same sequence on every
 * platform (only 32-bit integer arithmetic and IEEE doubles are involved;
 * `Math.log`, `Math.sqrt`, `Math.cos` are used for the normal deviates).
 */

export interface Rng {
  /** Uniform double in [0, 1). */
  next(): number;
  /** Standard normal deviate (mean 0, standard deviation 1). */
  normal(): number;
  /** Uniform double in [a, b). */
  uniform(a: number, b: number): number;
  /** Log-uniform double in [a, b) (a, b > 0): ln x is uniform. */
  logUniform(a: number, b: number): number;
  /** Uniform integer in [a, b], both ends included. */
  int(a: number, b: number): number;
  /** One element of a non-empty array, uniformly. */
  pick<T>(arr: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Element chosen with the given non-negative weights. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
}

/** splitmix32 step: a well-mixed 32-bit value from a 32-bit state. */
function splitmix32(state: number): { value: number; state: number } {
  const s = (state + 0x9e3779b9) | 0;
  let z = s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return { value: z >>> 0, state: s };
}

/**
 * Folds an arbitrary finite number (possibly non-integer or above 2^32) into a
 * 32-bit seed, so that e.g. 1, 2, 2^40 + 1 and 0.5 give different streams.
 */
function foldSeed(seed: number): number {
  if (!Number.isFinite(seed)) throw new Error(`seed must be finite, got ${seed}`);
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  const frac = Math.floor((seed - Math.floor(seed)) * 4294967296) >>> 0;
  let h = lo ^ Math.imul(hi, 0x27d4eb2d) ^ Math.imul(frac, 0x165667b1);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return h >>> 0;
}

/** Mixes a list of integers (e.g. corpus seed and curve index) into one 32-bit seed. */
export function mixSeeds(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    const v = foldSeed(p);
    h = Math.imul(h ^ v, 0x01000193);
    h ^= h >>> 13;
    h = Math.imul(h, 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

export function createRng(seed: number): Rng {
  let st = foldSeed(seed);
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    const r = splitmix32(st);
    st = r.state;
    words.push(r.value);
  }
  let s0 = words[0]! | 0;
  let s1 = words[1]! | 0;
  let s2 = words[2]! | 0;
  let s3 = words[3]! | 0;
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;

  const nextU32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result >>> 0;
  };

  const next = (): number => {
    // 53-bit resolution from two 32-bit outputs.
    const hi = nextU32() >>> 5; // 27 bits
    const lo = nextU32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  };

  let spare: number | null = null;
  const normal = (): number => {
    if (spare !== null) {
      const v = spare;
      spare = null;
      return v;
    }
    let u = 0;
    while (u <= 0) u = next();
    const v = next();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };

  const rng: Rng = {
    next,
    normal,
    uniform: (a, b) => a + (b - a) * next(),
    logUniform: (a, b) => {
      if (!(a > 0 && b > 0)) throw new Error(`logUniform needs positive bounds, got ${a}, ${b}`);
      return Math.exp(Math.log(a) + (Math.log(b) - Math.log(a)) * next());
    },
    int: (a, b) => {
      const lo = Math.ceil(Math.min(a, b));
      const hi = Math.floor(Math.max(a, b));
      return lo + Math.floor(next() * (hi - lo + 1));
    },
    pick: <T>(arr: readonly T[]): T => {
      if (arr.length === 0) throw new Error("pick from an empty array");
      return arr[Math.floor(next() * arr.length)]!;
    },
    chance: (p) => next() < p,
    weighted: <T>(items: readonly T[], weights: readonly number[]): T => {
      if (items.length === 0 || items.length !== weights.length) {
        throw new Error("weighted: items and weights must be non-empty and of equal length");
      }
      let total = 0;
      for (const w of weights) total += Math.max(0, w);
      if (!(total > 0)) throw new Error("weighted: weights sum to zero");
      let x = next() * total;
      for (let i = 0; i < items.length; i++) {
        x -= Math.max(0, weights[i]!);
        if (x < 0) return items[i]!;
      }
      return items[items.length - 1]!;
    },
  };
  return rng;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

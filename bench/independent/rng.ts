/**
 * Seeded, deterministic random numbers for the independent corpus.
 *
 * sfc32 (Chris Doty-Humphrey's small fast counter) seeded through splitmix32
 * from a (seed, stream) pair, so curve number k of seed s is the same whatever
 * the corpus size.
 */

export interface TRng {
  /** uniform in [0, 1) */
  next(): number;
  uniform(lo: number, hi: number): number;
  /** log-uniform in [lo, hi], both > 0 */
  logUniform(lo: number, hi: number): number;
  /** integer in [lo, hi], both inclusive */
  int(lo: number, hi: number): number;
  /** standard normal (Box–Muller) */
  normal(): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Fisher–Yates shuffle in place */
  shuffle<T>(items: T[]): T[];
}

function splitmix32(state: number): () => number {
  let a = state | 0;
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    t ^= t >>> 15;
    return t >>> 0;
  };
}

export function makeRng(seed: number, stream = 0): TRng {
  if (!Number.isFinite(seed) || !Number.isFinite(stream)) throw new Error("seed and stream must be finite");
  const mix = splitmix32((Math.floor(seed) >>> 0) ^ Math.imul((Math.floor(stream) >>> 0) + 1, 0x85ebca6b));
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const raw = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) raw();
  let spare: number | null = null;
  const rng: TRng = {
    next: raw,
    uniform: (lo, hi) => lo + (hi - lo) * raw(),
    logUniform: (lo, hi) => {
      if (!(lo > 0 && hi > 0)) throw new Error(`logUniform needs positive bounds, got ${lo}, ${hi}`);
      return Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * raw());
    },
    int: (lo, hi) => lo + Math.floor((hi - lo + 1) * raw()),
    normal: () => {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      let u = raw();
      while (u <= 0) u = raw();
      const v = raw();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    chance: (p) => raw() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[Math.floor(raw() * items.length)]!;
    },
    shuffle: <T>(items: T[]): T[] => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(raw() * (i + 1));
        const tmp = items[i]!;
        items[i] = items[j]!;
        items[j] = tmp;
      }
      return items;
    },
  };
  return rng;
}

/**
 * Measurement side of the independent corpus: temperature windows, sampling
 * grids, acquisition order, noise, spikes and drift. Pure and seeded.
 */
import type { TRng } from "./rng";

export type TSpacing = "linear" | "log" | "irregular" | "setpoints";
export type TOrder = "cooling" | "warming" | "cool-warm" | "unsorted";

export interface TWindowSpec {
  /** allowed range of the lowest temperature (K) */
  tminLo: number;
  tminHi: number;
  /** allowed range of the highest temperature (K), ordinary windows */
  tmaxLo: number;
  tmaxHi: number;
  /** Tmax/Tmin range */
  ratioLo: number;
  ratioHi: number;
  /** probability of a wide window whose top is between 30 and 300 K */
  wideChance: number;
}

export interface TWindow {
  Tmin: number;
  Tmax: number;
}

/** Draws a window; null when the constraints admit none for this draw. */
export function sampleWindow(rng: TRng, spec: TWindowSpec): TWindow | null {
  const Tmin = rng.logUniform(spec.tminLo, spec.tminHi);
  if (rng.chance(spec.wideChance)) {
    const Tmax = rng.logUniform(30, 300);
    const ratio = Tmax / Tmin;
    if (ratio < spec.ratioLo) return null;
    return { Tmin, Tmax };
  }
  const lo = Math.max(spec.tmaxLo, Tmin * spec.ratioLo);
  const hi = Math.min(spec.tmaxHi, Tmin * spec.ratioHi);
  if (!(hi > lo)) return null;
  return { Tmin, Tmax: rng.logUniform(lo, hi) };
}

/** Ascending true temperatures of the sweep (setpoints may repeat a temperature with small jitter). */
export function sampleTemperatures(rng: TRng, w: TWindow, n: number, spacing: TSpacing): number[] {
  const { Tmin, Tmax } = w;
  const out: number[] = [];
  const lr = Math.log(Tmax / Tmin);
  switch (spacing) {
    case "linear":
      for (let i = 0; i < n; i++) out.push(Tmin + ((Tmax - Tmin) * i) / (n - 1));
      break;
    case "log":
      for (let i = 0; i < n; i++) out.push(Tmin * Math.exp((lr * i) / (n - 1)));
      break;
    case "irregular": {
      // log-uniform draws with a random density tilt, end points kept
      const tilt = rng.uniform(0.6, 1.6);
      out.push(Tmin, Tmax);
      for (let i = 2; i < n; i++) out.push(Tmin * Math.exp(lr * Math.pow(rng.next(), tilt)));
      break;
    }
    case "setpoints": {
      const repeats = rng.int(2, 5);
      const k = Math.max(4, Math.round(n / repeats));
      for (let j = 0; j < k && out.length < n; j++) {
        const Tset = Tmin * Math.exp((lr * j) / (k - 1));
        for (let r = 0; r < repeats && out.length < n; r++) {
          const jitter = r === 0 ? 0 : rng.normal() * 1e-3;
          out.push(Math.min(Tmax, Math.max(Tmin, Tset * (1 + jitter))));
        }
      }
      while (out.length < n) out.push(Tmin * Math.exp(lr * rng.next()));
      break;
    }
  }
  out.sort((a, b) => a - b);
  return out;
}

/**
 * Acquisition order: indices into the ascending array. "cool-warm" is one
 * cooling sweep on every other point followed by a warming sweep on the rest.
 */
export function acquisitionOrder(rng: TRng, n: number, order: TOrder): number[] {
  const idx = Array.from({ length: n }, (_, i) => i);
  switch (order) {
    case "warming":
      return idx;
    case "cooling":
      return idx.reverse();
    case "cool-warm": {
      const down = idx.filter((i) => i % 2 === 0).reverse();
      const up = idx.filter((i) => i % 2 === 1);
      return [...down, ...up];
    }
    case "unsorted":
      return rng.shuffle(idx);
  }
}

export interface TNoiseSpec {
  /** relative (multiplicative) Gaussian noise */
  rel: number;
  /** absolute Gaussian noise floor in ohm */
  sigmaAbs: number;
  /** relative thermometer scatter: recorded T = T·(1 + epsT·N) */
  epsT: number;
  /** number of spikes */
  spikes: number;
  /** total multiplicative drift over the sweep, in acquisition order */
  drift: number;
  /** fraction of points recorded twice at exactly the same temperature */
  duplicateFraction: number;
  /** thermometer lag: recorded T = T·(1 − lag) on the cooling leg and T·(1 + lag) on the warming leg */
  lag: number;
}

export interface TMeasured {
  T: number[];
  R: number[];
  /** noiseless resistance at the true temperature of every recorded point */
  Rtrue: number[];
  /** true temperature of every recorded point */
  Ttrue: number[];
}

/**
 * Turns ascending true temperatures into recorded (T, R) in acquisition order,
 * with noise, thermometer scatter, duplicates, spikes and drift.
 */
export function measure(rng: TRng, Tasc: number[], rOf: (T: number) => number, noise: TNoiseSpec, order: TOrder): TMeasured {
  // duplicates: the same recorded temperature twice, independent resistance noise
  const base: number[] = [...Tasc];
  const nDup = Math.floor(noise.duplicateFraction * base.length);
  for (let k = 0; k < nDup; k++) base.push(base[rng.int(0, Tasc.length - 1)]!);
  base.sort((a, b) => a - b);
  const recordedAsc = base.map((T) => T * (1 + noise.epsT * rng.normal()));
  // duplicated entries keep exactly the same recorded temperature
  for (let i = 1; i < base.length; i++) if (base[i] === base[i - 1]) recordedAsc[i] = recordedAsc[i - 1]!;
  const ord = acquisitionOrder(rng, base.length, order);
  const n = ord.length;
  const T: number[] = new Array<number>(n);
  const R: number[] = new Array<number>(n);
  const Rtrue: number[] = new Array<number>(n);
  const Ttrue: number[] = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    const i = ord[k]!;
    const t = base[i]!;
    const r = rOf(t);
    const driftFactor = 1 + noise.drift * (n > 1 ? k / (n - 1) - 0.5 : 0);
    const leg = order === "cooling" || (order === "cool-warm" && k < Math.ceil(n / 2)) ? -1 : order === "unsorted" ? 0 : 1;
    T[k] = recordedAsc[i]! * (1 + leg * noise.lag);
    Ttrue[k] = t;
    Rtrue[k] = r;
    R[k] = r * driftFactor * (1 + noise.rel * rng.normal()) + noise.sigmaAbs * rng.normal();
  }
  // spikes: never on the two lowest or two highest temperatures
  if (noise.spikes > 0 && n > 8) {
    const posOfAsc = new Array<number>(n);
    for (let k = 0; k < n; k++) posOfAsc[ord[k]!] = k;
    for (let s = 0; s < noise.spikes; s++) {
      const k = posOfAsc[rng.int(2, n - 3)]!;
      const scale = Math.max(Math.abs(Rtrue[k]!), 30 * noise.sigmaAbs);
      const up = rng.chance(0.7);
      const mag = up ? rng.uniform(0.15, 1.5) : rng.uniform(0.15, 0.5);
      R[k] = R[k]! + (up ? 1 : -1) * mag * scale;
    }
  }
  return { T, R, Rtrue, Ttrue };
}

/**
 * Curves as instruments record them, beyond the five clean phases (docs/physics.md, "What real
 * measurements look like"): magnitude readouts, coarse PPMS sweeps from 300 K with a few signed
 * zero readings, metallic normal states, ordinary metals, dead and Hall channels, donor
 * freeze-out, incomplete and re-entrant transitions. Each family states what a careful
 * physicist answers: a phase, "NONE" (no SIT label applies) or a set of acceptable phases.
 * Used to calibrate the engine's confidence (scripts/calibrate.ts) and in its tests; the
 * engine is checked on another corpus, written without reading this one (bench/independent).
 */
import { createRng, mixSeeds, type Rng } from "./rng";
import type { TPhase } from "./types";

export type TAnswer = TPhase | "NONE";

export const MEASUREMENT_FAMILIES = [
  "sc-magnitude",
  "sc-coarse",
  "sc-metallic",
  "m1-metallic",
  "metal",
  "dead",
  "hall",
  "freezeout",
  "incomplete",
  "reentrant",
] as const;
export type TMeasurementFamily = (typeof MEASUREMENT_FAMILIES)[number];

export interface TMeasuredCurve {
  id: string;
  family: TMeasurementFamily;
  T: number[];
  R: number[];
  readout?: "signed" | "magnitude";
  /** the answers a physicist accepts as right (the first is the expected one) */
  expected: readonly TAnswer[];
  /** an inconclusive answer is the honest one (incomplete, re-entrant, short metallic segments) */
  inconclusiveIsRight: boolean;
  /** Tc at 90 % of the normal state just above the drop, when there is one */
  Tc90_K?: number;
}

/** Temperatures from Tmax down to Tmin, log- or linearly spaced, with 1–4 readings per setpoint. */
function sweep(rng: Rng, Tmin: number, Tmax: number, n: number): number[] {
  const log = rng.chance(0.6);
  const repeats = rng.chance(0.2) ? rng.int(2, 4) : 1;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const f = i / (n - 1);
    const t = log ? Tmax * (Tmin / Tmax) ** f : Tmax + (Tmin - Tmax) * f;
    for (let r = 0; r < repeats; r++) out.push(t * (1 + 2e-4 * rng.normal()));
  }
  return out;
}

const rawLogistic = (T: number, Tc: number, w: number) => 1 / (1 + Math.exp(-(T - Tc) / (w * Tc)));
/** A transition fraction: logistic in T with relative width w, exactly 0 below Tc·(1 − 4w). */
function logistic(T: number, Tc: number, w: number): number {
  const floor = rawLogistic(Tc * (1 - 4 * w), Tc, w);
  return Math.max(0, (rawLogistic(T, Tc, w) - floor) / (1 - floor));
}
/** The temperature where the fraction is 0.9. */
function tc90Of(Tc: number, w: number): number {
  let lo = Tc;
  let hi = Tc * (1 + 10 * w);
  for (let i = 0; i < 60; i++) {
    const mid = 0.5 * (lo + hi);
    if (logistic(mid, Tc, w) < 0.9) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** A metallic normal state: residual plus a phonon term that goes as T^5 at low T and T at high T. */
function metalLaw(rng: Rng): (T: number) => number {
  const rRes = rng.logUniform(0.05, 5000);
  const rrr = rng.logUniform(1.3, 25);
  const theta = rng.uniform(100, 400);
  const shape = (T: number) => {
    const x = T / (theta / 5);
    return (x ** 5 / (1 + x ** 4)) * (theta / 5);
  };
  const a = (rRes * (rrr - 1)) / shape(300);
  return (T: number) => rRes + a * shape(T);
}

function signedNoise(rng: Rng, r: number, sigmaAbs: number, rel: number): number {
  return r * (1 + rel * rng.normal()) + sigmaAbs * rng.normal();
}

function build(rng: Rng, family: TMeasurementFamily): Omit<TMeasuredCurve, "id" | "family"> {
  switch (family) {
    case "sc-magnitude": {
      const Tc = rng.logUniform(0.1, 5);
      const w = rng.uniform(0.02, 0.15);
      const RN = rng.logUniform(50, 2e4);
      const sigma = RN * rng.logUniform(1e-5, 3e-3);
      const rel = rng.logUniform(1e-4, 3e-3);
      const both = rng.chance(0.5);
      const T = sweep(rng, Tc * rng.uniform(0.2, 0.6), Tc * rng.uniform(3, 8), rng.int(60, 800));
      const R = T.map((t) => {
        const x = RN * logistic(t, Tc, w) * (1 + rel * rng.normal()) + sigma * rng.normal();
        const y = both ? sigma * rng.normal() : 0;
        return Math.hypot(x, y);
      });
      return { T, R, ...(rng.chance(0.5) ? { readout: "magnitude" as const } : {}), expected: ["S"], inconclusiveIsRight: false, Tc90_K: tc90Of(Tc, w) };
    }
    case "sc-coarse":
    case "sc-metallic":
    case "m1-metallic": {
      const metal = metalLaw(rng);
      const coarse = family === "sc-coarse";
      const Tc = coarse ? rng.uniform(2.5, 12) : rng.logUniform(0.3, 8);
      const w = coarse ? rng.uniform(0.005, 0.04) : rng.uniform(0.02, 0.12);
      const Tmin = coarse ? Math.min(rng.uniform(1.8, 5), Tc * 0.85) : Tc * rng.uniform(0.1, 0.5);
      const n = coarse ? rng.int(80, 400) : rng.int(200, 1500);
      const T = coarse ? sweep(rng, Tmin, 300, n) : sweep(rng, Tmin, 300, n);
      const rRes = metal(Tc);
      const qf = family === "m1-metallic" ? rng.uniform(0.02, 0.3) : 0;
      const ea = Tc * rng.uniform(3, 8);
      const sigma = rRes * rng.logUniform(1e-6, 1e-4);
      const rel = rng.logUniform(3e-5, 1e-3);
      const R = T.map((t) => {
        const g = logistic(t, Tc, w);
        // M1: Eq. 2 below the transition, ρ_QF + ρ0·exp(−E/T), joined to the normal state
        const below = qf > 0 ? qf * rRes + (1 - qf) * rRes * Math.exp(-ea / t) * Math.exp(ea / Tc) * 0.5 : 0;
        const r = g * metal(t) + (1 - g) * Math.min(below, metal(t));
        return signedNoise(rng, r, sigma, rel);
      });
      return { T, R, readout: rng.chance(0.5) ? "signed" : undefined, expected: [qf > 0 ? "M1" : "S"], inconclusiveIsRight: false, Tc90_K: qf > 0 ? undefined : tc90Of(Tc, w) };
    }
    case "metal": {
      const metal = metalLaw(rng);
      const [Tmin, Tmax] = rng.pick([
        [rng.uniform(1.8, 4), 300],
        [rng.uniform(8, 20), 300],
        [rng.uniform(50, 100), rng.uniform(120, 200)],
      ] as const);
      const T = sweep(rng, Tmin, Tmax, rng.int(20, 600));
      const sigma = metal(Tmin) * rng.logUniform(1e-6, 1e-4);
      const rel = rng.logUniform(3e-5, 1e-3);
      return { T, R: T.map((t) => signedNoise(rng, metal(t), sigma, rel)), expected: ["NONE"], inconclusiveIsRight: Tmax / Tmin < 2.5 };
    }
    case "dead": {
      const T = sweep(rng, rng.uniform(1.8, 10), rng.uniform(50, 300), rng.int(20, 400));
      const sigma = rng.logUniform(1e-7, 1e-4);
      const zero = rng.chance(0.4);
      return { T, R: T.map(() => (zero ? 0 : sigma * rng.normal())), expected: ["NONE"], inconclusiveIsRight: false };
    }
    case "hall": {
      const T = sweep(rng, rng.uniform(1.8, 10), rng.uniform(50, 300), rng.int(20, 400));
      const offset = -rng.logUniform(0.01, 50);
      const slope = rng.uniform(-1, 1) * Math.abs(offset) * rng.uniform(0, 2);
      const sigma = Math.abs(offset) * rng.logUniform(1e-4, 1e-2);
      const tmax = T[0]!;
      return { T, R: T.map((t) => offset + slope * (t / tmax) + sigma * rng.normal()), expected: ["NONE"], inconclusiveIsRight: false };
    }
    case "freezeout": {
      // two activated channels: band conduction dies out on cooling, hopping in the impurity band takes over
      const e1 = rng.uniform(200, 800);
      const e2 = e1 * rng.uniform(0.05, 0.2);
      const s1 = rng.logUniform(1, 100);
      const ratio = rng.logUniform(1e-4, 1e-2);
      const T = sweep(rng, rng.uniform(15, 30), rng.uniform(250, 330), rng.int(40, 300));
      const rel = rng.logUniform(1e-4, 3e-3);
      const R = T.map((t) => (1 / (s1 * Math.exp(-e1 / t) + s1 * ratio * Math.exp(-e2 / t))) * (1 + rel * rng.normal()));
      return { T, R, expected: ["I1", "I2"], inconclusiveIsRight: false };
    }
    case "incomplete": {
      const Tc = rng.logUniform(0.2, 8);
      const w = rng.uniform(0.05, 0.2);
      const RN = rng.logUniform(10, 1e4);
      // the window ends while R is still falling, at 3–30 % of R_n
      const g = rng.uniform(0.03, 0.3);
      const Tmin = Tc * (1 + w * Math.log(g / (1 - g))) * 1.02;
      const T = sweep(rng, Tmin, Tc * rng.uniform(2, 6), rng.int(40, 600));
      const sigma = RN * rng.logUniform(1e-5, 1e-3);
      // what lies below the window: zero resistance, or a plateau below the last reading (M1)
      const qf = rng.chance(0.5) ? g * rng.uniform(0.1, 0.7) : 0;
      const R = T.map((t) => signedNoise(rng, RN * (qf + (1 - qf) * logistic(t, Tc, w)), sigma, 1e-3));
      return { T, R, expected: [qf > 0 ? "M1" : "S"], inconclusiveIsRight: true, Tc90_K: tc90Of(Tc, w) };
    }
    case "reentrant": {
      const Tc = rng.logUniform(0.3, 5);
      const w = rng.uniform(0.03, 0.12);
      const RN = rng.logUniform(300, 2e4);
      const depth = rng.uniform(0.3, 0.9);
      const T0 = Tc * rng.uniform(0.5, 1);
      const rise = rng.uniform(0.3, 1.5);
      const T = sweep(rng, Tc * rng.uniform(0.05, 0.2), Tc * rng.uniform(3, 6), rng.int(80, 800));
      const R = T.map((t) => {
        const below = 1 - logistic(t, Tc, w);
        // a partial drop, then the logarithmic upturn of weakly coupled grains on further cooling
        return signedNoise(rng, RN * (1 - depth * below) * (1 + rise * below * Math.log(Math.max(1, T0 / t))), 0, 2e-3);
      });
      return { T, R, expected: ["NONE"], inconclusiveIsRight: true };
    }
  }
}

export function measuredCurve(seed: number, index: number, family?: TMeasurementFamily): TMeasuredCurve {
  const rng = createRng(mixSeeds(seed, index, 0x3ea5));
  const f = family ?? MEASUREMENT_FAMILIES[index % MEASUREMENT_FAMILIES.length]!;
  return { id: `meas-${seed}-${String(index).padStart(5, "0")}`, family: f, ...build(rng, f) };
}

export function* measuredCorpus(seed: number, perFamily: number): Generator<TMeasuredCurve> {
  const F = MEASUREMENT_FAMILIES.length;
  for (let i = 0; i < perFamily * F; i++) yield measuredCurve(seed, i);
}

/**
 * A curve recorded at `k` setpoints instead of a sweep: `k` of its readings, spread evenly over
 * its index (a dilution-refrigerator run stepped through a few temperatures, or a table in a paper).
 */
export function atSetpoints(T: ArrayLike<number>, R: ArrayLike<number>, k: number): { T: number[]; R: number[] } {
  const m = Math.min(k, T.length);
  const idx = Array.from({ length: m }, (_, i) => Math.round((i * (T.length - 1)) / Math.max(m - 1, 1)));
  return { T: idx.map((i) => T[i]!), R: idx.map((i) => R[i]!) };
}

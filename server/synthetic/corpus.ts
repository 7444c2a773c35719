/**
 * Labelled synthetic corpus: random but physically motivated specifications
 * for each phase (S, M1, M2, I1, I2), in "clear" and "hard" variants, with
 * checks that the label is decidable from the data (see README.md).
 *
 * Every curve is generated from its own RNG seeded by (corpus seed, index), so
 * any curve can be regenerated alone (`corpusCurve`) and the corpus can be
 * streamed (`generateCorpus` is a generator) without holding it in memory.
 */
import { generateCurveOnGrid } from "./curve";
import { bmoTbkt, hnAlCoefficient, WL_UNIT } from "./laws";
import { evaluateLaw, flattenLawParams, lawName, logDerivative, logGrid, transitionTemperature } from "./model";
import { createRng, mixSeeds } from "./rng";
import type { Rng } from "./rng";
import { makeTemperatureGrid, MAX_POINTS, MIN_POINTS } from "./sampling";
import type {
  LabelledCurve,
  TBackgroundSpec,
  TDifficulty,
  TLawSpec,
  TNoiseSpec,
  TPhase,
  TSpacing,
  TSuperconductingPart,
  TTransitionSpec,
  TWindowSpec,
} from "./types";
import { PHASES } from "./types";

export interface CorpusOptions {
  seed: number;
  count: number;
  /** Fraction of curves drawn from the hard families, in [0, 1]. */
  hardFraction: number;
  /** Mean number of points per curve (default 300; individual curves 30–2000). */
  meanPoints?: number;
  /** Relative weights of the phases (default: equal). */
  phaseWeights?: Partial<Record<TPhase, number>>;
}

/** Hard families per phase (generic ones apply to every phase). */
export const HARD_FAMILIES: Record<TPhase, readonly string[]> = {
  S: ["late-zero", "broad-tail", "insulating-normal-state"],
  M1: ["weak-saturation", "late-saturation", "small-drop", "insulating-normal-state"],
  M2: ["late-saturation", "weak-rise", "dip"],
  I1: ["free-p", "weak-divergence"],
  I2: ["free-p", "weak-divergence"],
};
export const GENERIC_HARD_FAMILIES = ["few-points", "high-noise", "outliers", "short-window"] as const;

/** Hard free-exponent draws: p ∈ [0.50, 0.68] is I2, p ∈ [0.82, 1.00] is I1 (boundary 0.75, gap ≥ 0.07). */
export const HARD_P_I2: readonly [number, number] = [0.5, 0.68];
export const HARD_P_I1: readonly [number, number] = [0.82, 1.0];
/** Label convention for a hopping exponent. */
export const HOPPING_P_BOUNDARY = 0.75;

const BLOCK = 100;
const DEFAULT_MEAN_POINTS = 300;
const MAX_R = 5e9;

// ---------------------------------------------------------------------------
// Assignment of phase and difficulty (balanced within blocks of 100)
// ---------------------------------------------------------------------------

function phaseCounts(weights: Partial<Record<TPhase, number>> | undefined): number[] {
  const w = PHASES.map((p) => Math.max(0, weights?.[p] ?? (weights ? 0 : 1)));
  const total = w.reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw new Error("phaseWeights must have a positive sum");
  const exact = w.map((x) => (x / total) * BLOCK);
  const counts = exact.map(Math.floor);
  let left = BLOCK - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const o of order) {
    if (left <= 0) break;
    counts[o.i]!++;
    left--;
  }
  return counts;
}

function shuffle<T>(arr: T[], rng: Rng): T[] {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const t = arr[i]!;
    arr[i] = arr[j]!;
    arr[j] = t;
  }
  return arr;
}

interface BlockAssignment {
  phases: TPhase[];
  hard: boolean[];
}

function blockAssignment(opts: CorpusOptions, block: number): BlockAssignment {
  const rng = createRng(mixSeeds(opts.seed, block, 0x0b10c));
  const counts = phaseCounts(opts.phaseWeights);
  const h = Math.min(1, Math.max(0, opts.hardFraction));
  // per phase, the number of hard curves up to the end of block b is ⌊(b+1)·count·h⌋
  const pairs: Array<{ phase: TPhase; hard: boolean }> = [];
  PHASES.forEach((p, i) => {
    const c = counts[i]!;
    const nHard = Math.floor((block + 1) * c * h + 1e-9) - Math.floor(block * c * h + 1e-9);
    for (let k = 0; k < c; k++) pairs.push({ phase: p, hard: k < nHard });
  });
  shuffle(pairs, rng);
  return { phases: pairs.map((x) => x.phase), hard: pairs.map((x) => x.hard) };
}

/** Phase and difficulty of curve `index` of a corpus. */
export function corpusAssignment(opts: CorpusOptions, index: number): { phase: TPhase; difficulty: TDifficulty } {
  const b = blockAssignment(opts, Math.floor(index / BLOCK));
  const k = index % BLOCK;
  return { phase: b.phases[k]!, difficulty: b.hard[k]! ? "hard" : "clear" };
}

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

/** Log-uniform draw that tolerates a > b (swaps) and a = b. */
function lu(rng: Rng, a: number, b: number): number {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  return lo === hi ? lo : rng.logUniform(lo, hi);
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

function drawPoints(rng: Rng, mean: number): number {
  const sigma = 0.55;
  const median = mean * Math.exp((-sigma * sigma) / 2);
  const n = Math.round(median * Math.exp(sigma * rng.normal()));
  return clamp(n, MIN_POINTS, MAX_POINTS);
}

/** Highest temperature T (K) of a 200-point log scan such that R(T') < thr for every scanned T' ≤ T; NaN if none. */
function floorTemperature(law: TLawSpec, thr: number, Tlo: number, Thi: number): number {
  const grid = logGrid(Tlo, Thi, 400);
  let last = Number.NaN;
  for (let i = 0; i < grid.length; i++) {
    if (evaluateLaw(law, grid[i]!) < thr) last = grid[i]!;
    else break;
  }
  return last;
}

/** Temperature and value of the maximum of w(T) = −d ln R/d ln T on [Tlo, Thi]. */
function wPeak(law: TLawSpec, Tlo: number, Thi: number): { Tpeak: number; wPeak: number } {
  const grid = logGrid(Tlo, Thi, 600);
  let best = { Tpeak: Number.NaN, wPeak: -Infinity };
  for (let i = 0; i < grid.length; i++) {
    const w = logDerivative(law, grid[i]!);
    if (w > best.wPeak) best = { Tpeak: grid[i]!, wPeak: w };
  }
  return best;
}

function drawTmax(rng: Rng, lower: number): number {
  const lo = Math.max(lower, 0.05);
  if (rng.chance(0.15)) return lu(rng, Math.max(30, lo), 300);
  if (lo >= 10) return lo * rng.uniform(1, 1.15);
  return lu(rng, lo, 10);
}

function drawSpacing(rng: Rng): TSpacing {
  return rng.weighted<TSpacing>(["log", "dense", "random-log", "log-linear", "linear"], [0.35, 0.2, 0.15, 0.15, 0.15]);
}

/** True when the curve belongs to hard family `name`, as its primary family or as a secondary modifier. */
function is(ctx: DraftContext, name: string): boolean {
  return ctx.family === name || ctx.secondary === name;
}

function drawNoise(rng: Rng, scale: number, ctx: DraftContext): TNoiseSpec {
  const relative = is(ctx, "high-noise") ? rng.logUniform(0.015, 0.03) : rng.logUniform(0.001, 0.012);
  let floor = Math.max(0.005, scale * rng.logUniform(2e-5, 5e-4));
  if (is(ctx, "high-noise")) floor *= rng.logUniform(3, 10);
  const noise: TNoiseSpec = {
    relative,
    floor,
    outlierFraction: 0,
    outlierSigmaMin: 5,
    outlierSigmaMax: 20,
    thermometerJitter: rng.chance(0.5) ? rng.logUniform(2e-4, 3e-3) : 0,
  };
  if (rng.chance(0.25)) noise.correlated = { amplitude: relative * rng.uniform(0.3, 1), phi: rng.uniform(0.6, 0.97) };
  if (is(ctx, "outliers")) {
    noise.outlierFraction = rng.logUniform(0.005, 0.02);
    noise.outlierSigmaMin = 10;
    noise.outlierSigmaMax = 50;
  } else if (rng.chance(0.5)) {
    noise.outlierFraction = rng.logUniform(0.001, 0.005);
  }
  return noise;
}

function count(T: Float64Array, R: Float64Array, pred: (t: number, r: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < T.length; i++) if (pred(T[i]!, R[i]!)) n++;
  return n;
}

// ---------------------------------------------------------------------------
// Drafts: a law, a window and a decidability check
// ---------------------------------------------------------------------------

interface Draft {
  law: TLawSpec;
  noise: TNoiseSpec;
  Tmin: number;
  Tmax: number;
  spacing?: TSpacing;
  minPoints?: number;
  /** Decidability check on the actual grid and noiseless values. */
  accept: (T: Float64Array, Rtrue: Float64Array) => boolean;
  derived: Record<string, number>;
}

interface DraftContext {
  family: string; // "clear" or a hard family name
  /** Optional generic modifier on top of a phase-specific hard family ("few-points", "high-noise", "outliers"). */
  secondary?: string;
  isHard: boolean;
  isShort: boolean;
}

function drawBackground(rng: Rng, RN: number, Tm: number, upturn: boolean): TBackgroundSpec {
  if (upturn) {
    return rng.chance(0.6)
      ? { kind: "power", R: RN, Tref: Tm, alpha: rng.uniform(0.35, 0.8) }
      : { kind: "wl", G0: 1 / RN, A: (1 / RN) * rng.uniform(0.06, 0.1), T0: Tm };
  }
  const kind = rng.weighted(["flat", "power", "wl"] as const, [0.3, 0.35, 0.35]);
  if (kind === "flat") return { kind, R: RN };
  if (kind === "power") return { kind, R: RN, Tref: Tm, alpha: rng.uniform(-0.1, 0.3) };
  const G0 = 1 / RN;
  const A = Math.min(WL_UNIT * rng.uniform(0.3, 1.5), 0.06 * G0);
  return { kind, G0, A, T0: Tm };
}

function drawTransition(rng: Rng, RN: number, Tm: number, broad: boolean): TTransitionSpec {
  const kind = rng.weighted(["hn", "lognormal", "taff"] as const, [0.45, 0.3, 0.25]);
  if (kind === "hn") {
    const Tc0 = Tm;
    const Tbkt = bmoTbkt(Tc0, RN) * (broad ? rng.uniform(0.45, 0.75) : rng.uniform(0.8, 1));
    const b = rng.logUniform(0.3, 4);
    return { kind, Tc0, Tbkt, b, c: hnAlCoefficient(RN, Tc0, Tbkt, b) };
  }
  if (kind === "lognormal") return { kind, Tm, s: broad ? rng.uniform(0.25, 0.45) : rng.logUniform(0.03, 0.2) };
  const ratio = broad ? rng.uniform(3, 6) : rng.logUniform(6, 30);
  return { kind, Ea: Tm * ratio, rho0: RN * Math.exp(ratio) };
}

function drawScPart(rng: Rng, ctx: DraftContext): { part: TSuperconductingPart; RN: number; Tm: number } {
  const RN = rng.logUniform(300, 15000);
  const Tm = rng.logUniform(0.08, 3.2);
  const broad = ctx.family === "broad-tail";
  const part: TSuperconductingPart = {
    background: drawBackground(rng, RN, Tm, ctx.family === "insulating-normal-state"),
    transition: drawTransition(rng, RN, Tm, broad),
  };
  if (!broad && rng.chance(0.15)) {
    const Tm2 = Tm * rng.uniform(0.3, 0.7);
    const second: TTransitionSpec = rng.chance(0.5)
      ? { kind: "lognormal", Tm: Tm2, s: rng.logUniform(0.04, 0.2) }
      : (() => {
          const ratio = rng.logUniform(6, 25);
          return { kind: "taff" as const, Ea: Tm2 * ratio, rho0: RN * Math.exp(ratio) };
        })();
    part.second = { fraction: rng.uniform(0.15, 0.5), transition: second };
  }
  return { part, RN, Tm };
}

function draftS(rng: Rng, ctx: DraftContext): Draft | null {
  const { part, RN, Tm } = drawScPart(rng, ctx);
  const law: TLawSpec = { law: "sc-transition", ...part };
  const noise = drawNoise(rng, RN, ctx);
  const thr = 0.2 * noise.floor;
  const Tz = floorTemperature(law, thr, 0.004, Tm * 3);
  if (!(Tz > 0.025)) return null;
  const Tc90 = transitionTemperature(law, Tz, Tm * 20, 0.9);
  if (!Number.isFinite(Tc90)) return null;
  let Tmin: number;
  let Tmax: number;
  if (ctx.family === "late-zero") {
    Tmin = Tz * rng.uniform(0.7, 0.92);
  } else if (ctx.isShort) {
    Tmin = Tz * rng.uniform(0.4, 0.8);
  } else {
    Tmin = lu(rng, Math.max(0.02, Tz / 10), Math.min(2, Tz / 1.5));
  }
  if (Tmin < 0.02 || Tmin > 2) return null;
  if (ctx.isShort) {
    Tmax = Tmin * rng.uniform(2.5, 6);
    if (Tmax < 1.3 * Tc90) return null;
  } else {
    Tmax = drawTmax(rng, Math.max(Tc90 * 2.5, Tmin * 8));
  }
  const minZero = is(ctx, "few-points") || ctx.family === "late-zero" ? 4 : ctx.isHard ? 6 : 8;
  return {
    law,
    noise,
    Tmin,
    Tmax,
    derived: { Tzero: Tz, Tc90 },
    accept: (T, R) => {
      const nZero = count(T, R, (_, r) => r < thr);
      const nNormal = count(T, R, (t) => t > Tc90);
      return nZero >= (ctx.isHard ? minZero : Math.max(minZero, 0.08 * T.length)) && nNormal >= 4;
    },
  };
}

function draftM1(rng: Rng, ctx: DraftContext): Draft | null {
  const { part, RN, Tm } = drawScPart(rng, ctx);
  const noise = drawNoise(rng, RN, ctx);
  let rhoQF: number;
  if (ctx.family === "weak-saturation") {
    noise.correlated = undefined;
    noise.relative = Math.min(noise.relative, 0.01);
    rhoQF = noise.floor * rng.uniform(1.5, 5);
  } else if (ctx.family === "small-drop") {
    rhoQF = RN * rng.uniform(0.5, 0.8);
  } else {
    rhoQF = RN * rng.logUniform(0.01, 0.5);
  }
  if (ctx.family !== "weak-saturation") noise.floor = Math.min(noise.floor, rhoQF / 40);
  const scLaw: TLawSpec = { law: "sc-transition", ...part };
  const law: TLawSpec = { law: "failed-superconductor", rhoQF, ...part };
  const Ts = floorTemperature(scLaw, 0.1 * rhoQF, 0.004, Tm * 3);
  if (!(Ts > 0.03)) return null;
  const Tc90 = transitionTemperature(law, Ts, Tm * 20, 0.9);
  if (!Number.isFinite(Tc90)) return null;
  let Tmin: number;
  // late saturation: the window ends where R − ρ_QF is still 10–30 % of ρ_QF or just below
  const Ts30 = ctx.family === "late-saturation" ? floorTemperature(scLaw, 0.3 * rhoQF, 0.004, Tm * 3) : Ts;
  if (ctx.family === "late-saturation") Tmin = Ts30 * lu(rng, 1 / 1.6, 1 / 1.05);
  else if (ctx.isShort) Tmin = Ts * lu(rng, 1 / 4, 1 / 2);
  else Tmin = lu(rng, Math.max(0.02, Ts / 15), Math.min(2, Ts / 4));
  if (Tmin < 0.02 || Tmin > 2) return null;
  const Tmax = ctx.isShort ? Tmin * rng.uniform(2.5, 6) : drawTmax(rng, Math.max(Tc90 * 2.5, Tmin * 8));
  if (Tmax < 1.3 * Tc90) return null;
  const minSat =
    ctx.family === "weak-saturation"
      ? 15
      : is(ctx, "few-points") || ctx.family === "late-saturation"
        ? 5
        : ctx.isHard
          ? 8
          : 10;
  return {
    law,
    noise,
    Tmin,
    Tmax,
    derived: { Tsat: Ts, Tc90, rhoQF_over_floor: rhoQF / noise.floor },
    accept: (T, R) => {
      const nSat = count(T, R, (t) => t <= Ts30);
      const nNormal = count(T, R, (t) => t > Tc90);
      if (nNormal < 4) return false;
      if (ctx.family === "weak-saturation" && (rhoQF / noise.floor) * Math.sqrt(nSat) < 8) return false;
      return nSat >= (ctx.isHard ? minSat : Math.max(minSat, 0.1 * T.length)) && R.every((r) => r > 0);
    },
  };
}

function draftM2(rng: Rng, ctx: DraftContext): Draft | null {
  const Ea = rng.logUniform(0.1, 8);
  const Q = ctx.family === "weak-rise" ? rng.logUniform(1.5, 5) : rng.logUniform(8, 3000);
  const Rhigh = rng.logUniform(2e3, 5e4);
  const sigma0 = 1 / Rhigh;
  const sigmaQF = sigma0 / Q;
  const base: TLawSpec = {
    law: "failed-insulator",
    sigmaQF,
    sigma0,
    Ea,
    ...(rng.chance(0.4) ? { highT: { a: rng.uniform(0.05, 0.6), T0: Ea * rng.logUniform(1, 5) } } : {}),
  };
  const pk = wPeak(base, Math.max(0.002, Ea / 300), Math.min(400, Ea * 10));
  if (!(pk.wPeak > 0)) return null;
  const Tpeak = pk.Tpeak;
  const wantDip = ctx.family === "dip" || (!ctx.isHard && rng.chance(0.2));
  const law: TLawSpec = wantDip
    ? {
        ...base,
        dip: {
          Tm: Tpeak * rng.uniform(2.5, 6),
          s: rng.uniform(0.05, 0.2),
          depth: ctx.family === "dip" ? rng.uniform(0.3, 0.7) : rng.uniform(0.05, 0.3),
        },
      }
    : base;
  const noise = drawNoise(rng, Rhigh, ctx);
  let Tmin: number;
  if (ctx.family === "late-saturation") Tmin = Tpeak * rng.logUniform(0.35, 0.95);
  else if (ctx.isShort) Tmin = Tpeak * lu(rng, 1 / 4, 1 / 2.5);
  else Tmin = Tpeak * lu(rng, 1 / 15, 1 / 3.5);
  if (Tmin < 0.02 || Tmin > 2) return null;
  const dipTm = law.law === "failed-insulator" && law.dip ? law.dip.Tm : 0;
  const Tmax = ctx.isShort
    ? Tmin * rng.uniform(3, 6)
    : drawTmax(rng, Math.max(Tpeak * 6, Tmin * 10, dipTm * 3));
  if (Tmax < 2 * Tpeak || (dipTm > 0 && Tmax < dipTm * 2)) return null;
  const wMin = logDerivative(law, Tmin);
  const ratio = wMin / pk.wPeak;
  if (ctx.family === "late-saturation") {
    if (!(ratio >= 0.35 && ratio <= 0.85)) return null;
    // the closer to the maximum of w, the cleaner the data must be
    if (ratio > 0.7) noise.relative = Math.min(noise.relative, 0.006);
  } else if (ctx.isShort) {
    if (!(ratio <= 0.4)) return null;
  } else if (!(ratio <= 0.25)) return null;
  const minLow = ctx.isHard ? 6 : 10;
  return {
    law,
    noise,
    Tmin,
    Tmax,
    derived: { Tpeak, wPeak: pk.wPeak, wAtTmin: wMin, Rsat: 1 / sigmaQF },
    accept: (T, R) => {
      const nLow = count(T, R, (t) => t < 0.7 * Tpeak);
      const nHigh = count(T, R, (t) => t > Tpeak);
      return nLow >= minLow && nHigh >= 5 && R.every((r) => r < MAX_R);
    },
  };
}

function draftHopping(rng: Rng, ctx: DraftContext, phase: "I1" | "I2"): Draft | null {
  const freeP = ctx.family === "free-p";
  let p: number;
  if (freeP) p = phase === "I1" ? rng.uniform(HARD_P_I1[0], HARD_P_I1[1]) : rng.uniform(HARD_P_I2[0], HARD_P_I2[1]);
  else p = phase === "I1" ? 1 : rng.chance(0.7) ? 0.5 : 1 / 3;
  const R0 = rng.logUniform(1e3, 5e4);
  let prefactor: TBackgroundSpec = { kind: "flat", R: R0 };
  if (!freeP) {
    const kind = rng.weighted(["flat", "power", "wl-sat"] as const, [0.6, 0.2, 0.2]);
    if (kind === "power") prefactor = { kind, R: R0, Tref: 1, alpha: rng.uniform(-0.05, 0.1) };
    if (kind === "wl-sat") prefactor = { kind, G0: 1 / R0, A: (1 / R0) * rng.uniform(0.02, 0.1), T0: rng.logUniform(1, 10) };
  }
  const T0 =
    p >= 0.8 ? rng.logUniform(0.15, 30) : p > 0.4 ? rng.logUniform(0.5, 200) : rng.logUniform(5, 3e4);
  const Emax = Math.min(18, Math.log(MAX_R / (R0 * 2)));
  const weak = ctx.family === "weak-divergence";
  let eLo = weak ? 2 : 5;
  let eHi = weak ? 3.5 : Emax;
  // the window's lowest temperature must lie in [0.02, 2] K
  eLo = Math.max(eLo, Math.pow(T0 / 2, p));
  eHi = Math.min(eHi, Math.pow(T0 / 0.02, p));
  if (!(eHi > eLo)) return null;
  const Emin = rng.uniform(eLo, eHi);
  const Tmin = T0 / Math.pow(Emin, 1 / p);
  let Tmax: number;
  if (ctx.isShort) Tmax = Tmin * rng.uniform(2.5, 5);
  else if (freeP) Tmax = Tmin * rng.logUniform(3, 8);
  else if (weak) Tmax = drawTmax(rng, Tmin * 8);
  else Tmax = drawTmax(rng, Tmin * 10);
  const Emax_ = Math.pow(T0 / Tmax, p);
  const delta = Emin - Emax_;
  if (delta < (ctx.isHard ? 1.5 : 3)) return null;
  const law: TLawSpec = { law: "hopping", prefactor, T0, p };
  const noise = drawNoise(rng, R0, ctx);
  if (freeP || weak) {
    noise.relative = freeP ? rng.logUniform(0.002, 0.02) : Math.min(noise.relative, 0.008);
    noise.outlierFraction = 0;
    noise.correlated = undefined;
  }
  return {
    law,
    noise,
    Tmin,
    Tmax,
    ...(freeP || weak ? { spacing: rng.pick<TSpacing>(["log", "random-log", "log-linear"]), minPoints: freeP ? 100 : 150 } : {}),
    derived: { exponentAtTmin: Emin, exponentRange: delta },
    accept: (T, R) => T.length >= (is(ctx, "few-points") ? 25 : 30) && R.every((r) => r < MAX_R),
  };
}

function drawDraft(rng: Rng, phase: TPhase, ctx: DraftContext): Draft | null {
  switch (phase) {
    case "S":
      return draftS(rng, ctx);
    case "M1":
      return draftM1(rng, ctx);
    case "M2":
      return draftM2(rng, ctx);
    case "I1":
    case "I2":
      return draftHopping(rng, ctx, phase);
  }
}

function pickFamily(rng: Rng, phase: TPhase): string {
  if (rng.chance(0.6)) return rng.pick(HARD_FAMILIES[phase]);
  return rng.pick(GENERIC_HARD_FAMILIES);
}

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

export function corpusCurveId(seed: number, index: number): string {
  return `syn-${seed}-${String(index).padStart(6, "0")}`;
}

/** Curve `index` of the corpus described by `opts` (independent of the other curves). */
export function corpusCurve(opts: CorpusOptions, index: number, assigned?: { phase: TPhase; difficulty: TDifficulty }): LabelledCurve {
  const { phase, difficulty } = assigned ?? corpusAssignment(opts, index);
  const rng = createRng(mixSeeds(opts.seed, index, 0x5eed));
  const meanPoints = opts.meanPoints ?? DEFAULT_MEAN_POINTS;
  const isHard = difficulty === "hard";
  let family = isHard ? pickFamily(rng, phase) : "clear";
  // a third of the phase-specific hard curves of S, M1 and M2 also get one generic difficulty
  let secondary: string | undefined =
    isHard && (phase === "S" || phase === "M1" || phase === "M2") && HARD_FAMILIES[phase].includes(family) && rng.chance(0.33)
      ? rng.pick(["few-points", "high-noise", "outliers"] as const)
      : undefined;

  for (let attempt = 0; attempt < 200; attempt++) {
    // after many failed attempts at a hard family, fall back to another family of the same phase
    if (isHard && attempt > 0 && attempt % 50 === 0) {
      family = pickFamily(rng, phase);
      secondary = undefined;
    }
    const ctx: DraftContext = { family, isHard, isShort: family === "short-window" };
    if (secondary) ctx.secondary = secondary;
    const draft = drawDraft(rng, phase, ctx);
    if (!draft) continue;
    let points = is(ctx, "few-points") ? rng.int(30, 60) : drawPoints(rng, meanPoints);
    if (draft.minPoints) points = Math.max(points, draft.minPoints);
    const window: TWindowSpec = {
      Tmin: draft.Tmin,
      Tmax: draft.Tmax,
      points,
      spacing: draft.spacing ?? drawSpacing(rng),
      order: rng.chance(0.5) ? "cooling" : "warming",
    };
    if (window.spacing === "dense") window.denseWeight = rng.uniform(1, 5);
    if (window.spacing === "log-linear") window.linearAbove = lu(rng, Math.sqrt(window.Tmin * window.Tmax), window.Tmax / 2);
    if (rng.chance(0.15)) window.nearDuplicateFraction = rng.logUniform(0.005, 0.03);
    const spec = { law: draft.law, window, noise: draft.noise };
    const T = makeTemperatureGrid(window, rng, draft.law);
    const probe = new Float64Array(T.length);
    for (let i = 0; i < T.length; i++) probe[i] = evaluateLaw(draft.law, T[i]!);
    if (!draft.accept(T, probe)) continue;

    const curve = generateCurveOnGrid(spec, T, rng);
    const params = { ...flattenLawParams(draft.law), ...draft.derived };
    const out: LabelledCurve = {
      id: corpusCurveId(opts.seed, index),
      phase,
      difficulty,
      T: curve.T,
      R: curve.R,
      truth: { law: lawName(draft.law), params, noise: draft.noise, window, family: isHard ? `hard:${family}${secondary ? `+${secondary}` : ""}` : "clear", spec: draft.law },
    };
    // field and pressure tags, independent of the phase (they carry no information about it)
    if (rng.chance(0.4)) out.H_Oe = rng.chance(0.25) ? 0 : Math.round(rng.logUniform(1, 5000));
    if (rng.chance(0.2)) out.P_GPa = Math.round(rng.uniform(0, 17) * 10) / 10;
    return out;
  }
  throw new Error(`could not draw a decidable ${difficulty} ${phase} curve (index ${index})`);
}

/**
 * Streams the corpus curve by curve. Phases are balanced within every block of
 * 100 consecutive curves (exact counts by largest remainder of the weights,
 * then shuffled); for each phase, the number of hard curves up to the end of
 * block b is ⌊(b+1)·n_phase·hardFraction⌋, so every phase gets the requested
 * hard fraction.
 */
export function* generateCorpus(opts: CorpusOptions): Generator<LabelledCurve> {
  if (!(opts.count >= 0)) throw new Error("count must be non-negative");
  let cachedBlock = -1;
  let assignment: BlockAssignment | null = null;
  for (let i = 0; i < opts.count; i++) {
    const b = Math.floor(i / BLOCK);
    if (b !== cachedBlock) {
      assignment = blockAssignment(opts, b);
      cachedBlock = b;
    }
    const k = i % BLOCK;
    yield corpusCurve(opts, i, { phase: assignment!.phases[k]!, difficulty: assignment!.hard[k]! ? "hard" : "clear" });
  }
}

/**
 * Independent labelled corpus of R(T) curves for the five phases (S, M1, M2,
 * I1, I2), written from the physics (shared/docs/PHYSICS.md, seeds 001 and
 * 003) with its own conventions; see bench/independent/README.md.
 *
 * Deterministic: curve k of seed s depends only on (s, k) and the options.
 * Every curve is built by rejection: physical parameters, window, sampling and
 * noise are drawn, then a decidability check (what an expert needs to name
 * the phase from the data alone) must pass, otherwise everything is redrawn.
 */
import { makeRng, type TRng } from "./rng";
import {
  G_AL_S,
  P_BOUNDARY,
  failedInsulatorLaw,
  failedSuperconductorLaw,
  hoppingLaw,
  normalStateResistance,
  smoothMin,
  transitionFraction,
  transitionScale,
  transitionZeroTemperature,
  type TNormalState,
  type TTransition,
} from "./laws";
import {
  measure,
  sampleTemperatures,
  sampleWindow,
  type TNoiseSpec,
  type TOrder,
  type TSpacing,
  type TWindow,
  type TWindowSpec,
} from "./sampling";

export type TPhase = "S" | "M1" | "M2" | "I1" | "I2";
export const PHASE_LIST: readonly TPhase[] = ["S", "M1", "M2", "I1", "I2"];
export type TDifficulty = "clear" | "hard";
export type TTruthValue = number | string | boolean;

export interface TIndependentCurve {
  id: string;
  /** recorded temperatures (K), in acquisition order */
  T: number[];
  /** recorded sheet resistance (Ω), same order; may be negative where the truth is zero */
  R: number[];
  H_Oe?: number;
  P_GPa?: number;
  phase: TPhase;
  difficulty: TDifficulty;
  family: string;
  /** generating parameters (physics, window, sampling, noise) */
  truth: Record<string, TTruthValue>;
  /** noiseless resistance at the true temperature of each recorded point */
  Rtrue: number[];
  /** true temperature of each recorded point */
  Ttrue: number[];
}

export const FAMILIES: Record<TPhase, { clear: readonly string[]; hard: readonly string[] }> = {
  S: {
    clear: ["S-tanh", "S-bkt", "S-al", "S-twostep", "S-foot"],
    hard: [
      "S-zero-at-bottom",
      "S-granular-broad",
      "S-reentrant-normal",
      "S-foot-long",
      "S-noisy-floor",
      "S-onset-excluded-short",
      "S-stress",
    ],
  },
  M1: { clear: ["M1-eq2", "M1-plateau"], hard: ["M1-weak", "M1-late", "M1-shallow", "M1-short", "M1-stress"] },
  M2: {
    clear: ["M2-eq1", "M2-eq1-peak"],
    hard: ["M2-late", "M2-weak", "M2-peak", "M2-dip-above", "M2-vrh", "M2-metallic-top", "M2-short", "M2-stress"],
  },
  I1: { clear: ["I1-arrhenius"], hard: ["I1-free-p", "I1-short", "I1-low-T0", "I1-parallel", "I1-stress"] },
  I2: { clear: ["I2-es", "I2-mott"], hard: ["I2-free-p", "I2-short", "I2-parallel", "I2-stress"] },
};

/** The corpus convention for hopping insulators: p < 0.75 → I2 (fermionic VRH), otherwise I1 (activated). */
export function phaseOfHoppingExponent(p: number): "I1" | "I2" {
  return p < P_BOUNDARY ? "I2" : "I1";
}

export interface TGenerateOptions {
  /** fraction of hard curves when the difficulty is not forced; default 0.4 */
  hardFraction?: number;
  phase?: TPhase;
  difficulty?: TDifficulty;
  family?: string;
}

export interface TCorpusOptions {
  seed: number;
  count: number;
  hardFraction?: number;
}

/** Largest resistance a curve may reach (Ω): an electrometer-class ceiling. */
export const R_CEILING = 1e10;
const MAX_ATTEMPTS = 600;

// ───────────────────────── measurement plan ─────────────────────────

interface TPlan {
  n: number;
  spacing: TSpacing;
  order: TOrder;
  rel: number;
  epsT: number;
  spikes: number;
  drift: number;
  duplicateFraction: number;
  lag: number;
  window: TWindowSpec;
}

/** Thermometer scatter and lag together, as a relative error on T (what the decidability checks allow for). */
function epsEff(plan: TPlan): number {
  return Math.hypot(plan.epsT, plan.lag);
}

function pickWeighted<T>(rng: TRng, items: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of items) total += w;
  let u = rng.next() * total;
  for (const [v, w] of items) {
    u -= w;
    if (u < 0) return v;
  }
  return items[items.length - 1]![0];
}

function isShortFamily(family: string): boolean {
  return family.endsWith("-short");
}
function isStressFamily(family: string): boolean {
  return family.endsWith("-stress");
}

function samplePlan(rng: TRng, difficulty: TDifficulty, family: string): TPlan {
  const clear = difficulty === "clear";
  const stress = isStressFamily(family);
  let n: number;
  if (stress || (!clear && rng.chance(0.2))) n = rng.int(30, 60);
  else n = Math.round(rng.logUniform(clear ? 80 : 60, 2000));
  const spacing = pickWeighted<TSpacing>(rng, [
    ["log", 0.35],
    ["linear", 0.2],
    ["irregular", 0.3],
    ["setpoints", 0.15],
  ]);
  const order = pickWeighted<TOrder>(
    rng,
    clear
      ? [
          ["cooling", 0.45],
          ["warming", 0.45],
          ["cool-warm", 0.07],
          ["unsorted", 0.03],
        ]
      : [
          ["cooling", 0.4],
          ["warming", 0.4],
          ["cool-warm", 0.1],
          ["unsorted", 0.1],
        ],
  );
  const rel = clear ? rng.logUniform(0.001, 0.01) : stress ? rng.logUniform(0.01, 0.03) : rng.logUniform(0.001, 0.02);
  const epsT = rng.chance(0.3) ? rng.logUniform(1e-4, clear ? 5e-4 : 1e-3) : 0;
  let spikes = 0;
  if (stress) spikes = rng.int(1, 3);
  else if (clear) spikes = rng.chance(0.15) ? 1 : 0;
  else if (rng.chance(0.4)) spikes = rng.int(1, Math.max(2, Math.round(n / 80)));
  let drift = 0;
  if (stress || (!clear && rng.chance(0.3))) drift = (rng.chance(0.5) ? 1 : -1) * rng.logUniform(0.005, 0.03);
  const duplicateFraction = rng.chance(0.1) ? rng.uniform(0.02, 0.1) : 0;
  const lag = !clear && order === "cool-warm" ? rng.uniform(0.001, 0.005) : 0;
  const short = isShortFamily(family) || family === "S-onset-excluded-short";
  const window: TWindowSpec = {
    tminLo: 0.02,
    tminHi: 2,
    tmaxLo: 0.5,
    tmaxHi: 10,
    ratioLo: short ? 1.8 : clear ? 4 : 2.5,
    ratioHi: short ? 8 : 500,
    wideChance: short ? 0 : 0.05,
  };
  return { n, spacing, order, rel, epsT, spikes, drift, duplicateFraction, lag, window };
}

// ───────────────────────── helpers ─────────────────────────

interface TCtx {
  rng: TRng;
  difficulty: TDifficulty;
  family: string;
  plan: TPlan;
}

interface TModel {
  rOf: (T: number) => number;
  sigmaAbs: number;
  window: TWindow;
  Tasc: number[];
  truth: Record<string, TTruthValue>;
}

type TBuilder = (ctx: TCtx) => TModel | string;

function drawWindow(ctx: TCtx, overrides: Partial<TWindowSpec> = {}): { w: TWindow; Tasc: number[] } | null {
  const spec = { ...ctx.plan.window, ...overrides };
  if (!(spec.tminHi >= spec.tminLo)) return null;
  const w = sampleWindow(ctx.rng, spec);
  if (!w) return null;
  return { w, Tasc: sampleTemperatures(ctx.rng, w, ctx.plan.n, ctx.plan.spacing) };
}

function logFrac(w: TWindow, f: number): number {
  return w.Tmin * Math.pow(w.Tmax / w.Tmin, f);
}

function count(xs: readonly number[], pred: (x: number) => boolean): number {
  let c = 0;
  for (const x of xs) if (pred(x)) c++;
  return c;
}

function distinct(xs: readonly number[]): number[] {
  const out: number[] = [];
  for (const x of xs) if (out.length === 0 || Math.abs(x / out[out.length - 1]! - 1) > 5e-3) out.push(x);
  return out;
}

/**
 * Profile of s(T) = d ln R / d ln T on a log grid (positive when R falls on cooling).
 * Only where R > 0.
 */
export function logSlopeProfile(rOf: (T: number) => number, w: TWindow, grid = 400): { T: number[]; s: number[] } {
  const h = 1e-3;
  const T: number[] = [];
  const s: number[] = [];
  for (let i = 0; i <= grid; i++) {
    const t = w.Tmin * Math.pow(w.Tmax / w.Tmin, i / grid);
    const a = rOf(t * Math.exp(h));
    const b = rOf(t * Math.exp(-h));
    if (a > 0 && b > 0) {
      T.push(t);
      s.push((Math.log(a) - Math.log(b)) / (2 * h));
    }
  }
  return { T, s };
}

function pickNormalState(ctx: TCtx, RN: number, w: TWindow, Tonset: number, strong: boolean): TNormalState {
  const { rng } = ctx;
  const lr = Math.log(w.Tmax / w.Tmin);
  const kind = strong ? "log-insulating" : pickWeighted(rng, [["flat", 0.4], ["metallic", 0.3], ["log-insulating", 0.3]] as const);
  if (kind === "flat") return { kind, RN };
  if (kind === "metallic") return { kind, RN, a: rng.uniform(0.01, 0.08), Tref: w.Tmax };
  // rise by a factor F between Tmax and the onset, kept gentle enough that 1 + a·ln(T/Tmax) > 0.2 in the window
  const F = strong ? rng.uniform(1.4, 2.5) : rng.uniform(1.03, 1.4);
  const span = Math.log(w.Tmax / Math.min(Tonset, w.Tmax / 1.05));
  const a = Math.min((1 - 1 / F) / Math.max(span, 0.05), 0.8 / lr);
  return { kind, RN, a, Tref: w.Tmax };
}

function normalTruth(ns: TNormalState): Record<string, TTruthValue> {
  const out: Record<string, TTruthValue> = { normalKind: ns.kind, RN_ohm: ns.RN };
  if (ns.kind !== "flat") {
    out.normalA = ns.a;
    out.normalTref_K = ns.Tref;
  }
  return out;
}

type TShape = TTransition["kind"];

/** A transition whose resistance reaches exactly zero at Tz. */
function buildTransition(rng: TRng, kind: TShape, Tz: number, RN: number, variant: "normal" | "broad" | "long-foot"): TTransition {
  switch (kind) {
    case "tanh": {
      const width = variant === "broad" ? rng.uniform(0.15, 0.35) : rng.uniform(0.02, 0.25);
      return { kind, Tmid: Tz * Math.exp(3 * width), width };
    }
    case "bkt": {
      const tc = rng.uniform(0.02, 0.3);
      return { kind, Tbkt: Tz, b: rng.uniform(1, 2.5) * Math.sqrt(tc), A: rng.uniform(2, 10) };
    }
    case "al":
      return { kind, Tc: Tz, alpha: Math.min(2, RN * G_AL_S * rng.uniform(1, 30)) };
    case "twostep": {
      const broad = variant === "broad";
      const width2 = broad ? rng.uniform(0.08, 0.25) : rng.uniform(0.03, 0.15);
      const Tmid2 = Tz * Math.exp(3 * width2);
      const Tmid1 = Tmid2 * (broad ? rng.uniform(2, 5) : rng.uniform(1.4, 3));
      const width1 = broad ? rng.uniform(0.08, 0.3) : rng.uniform(0.03, 0.15);
      return { kind, Tmid1, width1, Tmid2, width2, fHigh: rng.uniform(0.3, 0.85) };
    }
    case "foot": {
      const long = variant === "long-foot";
      const zeta = long ? rng.uniform(0.2, 0.5) : rng.uniform(0.4, 0.8);
      const Tmid = Tz / zeta;
      const wmax = Math.log(Tmid / Tz) / 3.5;
      const width = rng.uniform(Math.min(0.02, wmax), Math.min(0.2, wmax));
      return {
        kind,
        Tmid,
        width,
        fFoot: long ? rng.logUniform(0.02, 0.15) : rng.logUniform(0.005, 0.06),
        Tz,
        m: rng.uniform(1, 3),
      };
    }
  }
}

/** T where the transition fraction reaches `level` (bisection; the shapes are monotone in T). */
export function transitionLevelTemperature(tr: TTransition, level: number): number {
  let lo = transitionZeroTemperature(tr);
  let hi = lo * 2;
  while (transitionFraction(hi, tr) < level && hi < lo * 1e6) hi *= 2;
  for (let i = 0; i < 100; i++) {
    const mid = Math.sqrt(lo * hi);
    if (transitionFraction(mid, tr) < level) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(lo * hi);
}

function transitionTruth(tr: TTransition): Record<string, TTruthValue> {
  const out: Record<string, TTruthValue> = { shape: tr.kind };
  for (const [k, v] of Object.entries(tr)) if (k !== "kind") out[`tr_${k}`] = v as number;
  out.Tzero_K = transitionZeroTemperature(tr);
  out.Tc90_K = transitionLevelTemperature(tr, 0.9);
  out.Tc50_K = transitionLevelTemperature(tr, 0.5);
  return out;
}

// ───────────────────────── S ─────────────────────────

const S_SHAPE_OF: Record<string, TShape> = {
  "S-tanh": "tanh",
  "S-bkt": "bkt",
  "S-al": "al",
  "S-twostep": "twostep",
  "S-foot": "foot",
};
const ALL_SHAPES: readonly TShape[] = ["tanh", "bkt", "al", "twostep", "foot"];

const buildS: TBuilder = (ctx) => {
  const { rng, family, difficulty } = ctx;
  const clear = difficulty === "clear";
  const drawn = drawWindow(ctx);
  if (!drawn) return "window";
  const { w, Tasc } = drawn;
  const RN = rng.logUniform(50, 2e4);
  let kind: TShape = S_SHAPE_OF[family] ?? rng.pick(ALL_SHAPES);
  let variant: "normal" | "broad" | "long-foot" = "normal";
  if (family === "S-granular-broad") {
    kind = "twostep";
    variant = "broad";
  } else if (family === "S-foot-long") {
    kind = "foot";
    variant = "long-foot";
  }
  let tr: TTransition;
  if (family === "S-onset-excluded-short") {
    // the window opens inside the transition: its top is below the 90 % point
    const Tmid = w.Tmax * rng.uniform(0.7, 1.5);
    const Tz = logFrac(w, rng.uniform(0.1, 0.45));
    const width = Math.log(Tmid / Tz) / 3;
    if (!(width > 0.03 && width < 0.6)) return "onset-excluded width";
    kind = "tanh";
    tr = { kind: "tanh", Tmid, width };
  } else {
    let Tz: number;
    if (family === "S-zero-at-bottom") {
      const u = distinct(Tasc);
      const k = rng.int(3, 6);
      if (u.length < k + 2) return "too few distinct temperatures";
      Tz = Math.sqrt(u[k - 1]! * u[k]!);
    } else {
      Tz = logFrac(w, clear ? rng.uniform(0.12, 0.5) : rng.uniform(0.08, 0.5));
    }
    tr = buildTransition(rng, kind, Tz, RN, variant);
  }
  const Tc90 = transitionLevelTemperature(tr, 0.9);
  if (!(Tc90 >= 0.05 && Tc90 <= 8)) return "Tc out of range";
  const ns = pickNormalState(ctx, RN, w, Tc90 * 1.5, family === "S-reentrant-normal");
  if (family === "S-reentrant-normal" && Tc90 * 2 > w.Tmax) return "no room for the upturn";
  let sigmaAbs: number;
  if (family === "S-noisy-floor") sigmaAbs = RN * rng.logUniform(0.003, 0.03);
  else sigmaAbs = rng.logUniform(1e-9, Math.min(1, (clear ? 1e-3 : 3e-3) * RN));
  const rOf = (T: number): number => normalStateResistance(T, ns) * transitionFraction(T, tr);
  return {
    rOf,
    sigmaAbs,
    window: w,
    Tasc,
    truth: { ...normalTruth(ns), ...transitionTruth(tr) },
  };
};

function checkS(ctx: TCtx, m: TModel): string | null {
  const clear = ctx.difficulty === "clear";
  const zeroPts = m.Tasc.filter((T) => m.rOf(T) <= 0.1 * m.sigmaAbs);
  const need = clear ? Math.max(8, Math.ceil(0.08 * m.Tasc.length)) : ctx.family === "S-noisy-floor" ? 10 : ctx.family === "S-stress" ? 4 : 3;
  if (zeroPts.length < need) return "too few points at zero";
  if (distinct(zeroPts).length < Math.min(need, 3)) return "zero points not distinct";
  let rTop = 0;
  for (const T of m.Tasc) rTop = Math.max(rTop, m.rOf(T));
  if (rTop < (clear ? 200 : 30) * m.sigmaAbs) return "transition below the noise";
  // every normal state equals RN at the top of the window (Tref = Tmax)
  if (m.rOf(m.window.Tmax) < (clear ? 0.3 : 0.05) * Number(m.truth.RN_ohm)) return "window top too deep in the transition";
  return null;
}

// ───────────────────────── M1 ─────────────────────────

const buildM1: TBuilder = (ctx) => {
  const { rng, family, difficulty } = ctx;
  const clear = difficulty === "clear";
  const drawn = drawWindow(ctx);
  if (!drawn) return "window";
  const { w, Tasc } = drawn;
  const RN = rng.logUniform(100, 2e4);
  const ratioQF = family === "M1-shallow" ? rng.uniform(0.1, 0.3) : rng.logUniform(1e-4, 0.3);
  const rhoQF = RN * ratioQF;
  let sigmaAbs: number;
  if (family === "M1-weak") sigmaAbs = rhoQF / rng.uniform(3, 8);
  else sigmaAbs = rng.logUniform(1e-9, Math.min(1, rhoQF / (clear ? 30 : 10), (clear ? 1e-3 : 3e-3) * RN));
  const mode: "eq2" | "plateau" =
    family === "M1-eq2" || family === "M1-late" ? "eq2" : family === "M1-plateau" ? "plateau" : rng.chance(0.6) ? "eq2" : "plateau";
  let fp: number;
  if (clear) fp = rng.uniform(0.15, 0.55);
  else if (family === "M1-weak") fp = rng.uniform(0.2, 0.6);
  else fp = rng.uniform(0.1, 0.55);
  const truth: Record<string, TTruthValue> = { mode, rhoQF_ohm: rhoQF, rhoQF_over_RN: ratioQF };
  let rOf: (T: number) => number;
  if (mode === "eq2") {
    // activated term equals the plateau at Tsat; crosses the normal state at Tstar
    const kappa = rng.uniform(2, 12);
    const L = Math.log((RN - rhoQF) / rhoQF);
    // late: the activated term is still r·ρ_QF at Tmin, r in [0.1, 1]
    const Tsat = family === "M1-late" ? w.Tmin * (1 + Math.log(1 / rng.uniform(0.1, 1)) / (kappa + L)) : logFrac(w, fp);
    const Tstar = (Tsat * (kappa + L)) / kappa;
    if (!(Tstar >= 0.05 && Tstar <= 8)) return "Tstar out of range";
    const Ea = kappa * Tstar;
    const rho0 = (RN - rhoQF) * Math.exp(kappa);
    const q = rng.uniform(1, 3);
    const ns = pickNormalState(ctx, RN, w, Tstar * 1.5, false);
    rOf = (T) => rhoQF + smoothMin(normalStateResistance(T, ns) - rhoQF, rho0 * Math.exp(-Ea / T), q);
    Object.assign(truth, normalTruth(ns), { EaS_K: Ea, rho0_ohm: rho0, Tstar_K: Tstar, Tsat_K: Tsat, joinQ: q });
    const check = failedSuperconductorLaw(Tsat, rhoQF, rho0, Ea);
    if (!(Math.abs(check / (2 * rhoQF) - 1) < 1e-9)) return "internal: Tsat";
  } else {
    const Tz = logFrac(w, fp);
    const kind = rng.pick<TShape>(["tanh", "bkt", "al", "twostep"]);
    const tr = buildTransition(rng, kind, Tz, RN, "normal");
    const Tc90 = transitionLevelTemperature(tr, 0.9);
    if (!(Tc90 >= 0.05 && Tc90 <= 8)) return "Tc out of range";
    const ns = pickNormalState(ctx, RN, w, Tc90 * 1.5, false);
    rOf = (T) => rhoQF + (normalStateResistance(T, ns) - rhoQF) * transitionFraction(T, tr);
    Object.assign(truth, normalTruth(ns), transitionTruth(tr));
  }
  return { rOf, sigmaAbs, window: w, Tasc, truth };
};

function checkM1(ctx: TCtx, m: TModel): string | null {
  const clear = ctx.difficulty === "clear";
  const rhoQF = Number(m.truth.rhoQF_ohm);
  const rel = ctx.plan.rel;
  const act = (T: number): number => m.rOf(T) - rhoQF;
  const flatPts = m.Tasc.filter((T) => act(T) <= 0.1 * rhoQF);
  const halfPts = count(m.Tasc, (T) => act(T) <= 0.5 * rhoQF);
  const sigmaPl = Math.hypot(m.sigmaAbs, rel * rhoQF);
  if (rhoQF < 3 * m.sigmaAbs) return "plateau below 3 sigma";
  if ((rhoQF * Math.sqrt(Math.max(halfPts, 1))) / sigmaPl < 10) return "plateau not significant";
  if (m.rOf(m.window.Tmax) < 3 * rhoQF) return "no visible drop";
  const prof = logSlopeProfile(m.rOf, m.window);
  let sMax = 0;
  for (const s of prof.s) sMax = Math.max(sMax, s);
  const sLow = prof.s[0] ?? 0;
  if (m.truth.mode === "eq2") {
    // Eq. 2 fitted where it holds (activated part below 10 % of the normal state): ρ_QF must stand out of zero
    const rho0 = Number(m.truth.rho0_ohm);
    const Ea = Number(m.truth.EaS_K);
    const lim = 0.1 * (Number(m.truth.RN_ohm) - rhoQF);
    const rows: number[][] = [];
    const sig: number[] = [];
    for (const T of m.Tasc) {
      const a = rho0 * Math.exp(-Ea / T);
      if (a > lim) continue;
      const R = rhoQF + a;
      rows.push([rhoQF, a, -a / T]);
      sig.push(1.3 * Math.sqrt((rel * R) ** 2 + m.sigmaAbs ** 2 + (epsEff(ctx.plan) * a * (Ea / T)) ** 2));
    }
    if (rows.length < 6) return "too few points in the Eq. 2 regime";
    const sRel = fisherFirstSigma(rows, sig);
    if (1 / sRel < (clear ? 10 : 5)) return "rho_QF not resolved by Eq. 2";
  }
  if (clear) {
    if (flatPts.length < Math.max(8, Math.ceil(0.1 * m.Tasc.length))) return "too few plateau points";
    const top = Math.max(...flatPts);
    if (Math.log(top / m.window.Tmin) / Math.log(m.window.Tmax / m.window.Tmin) < 0.12) return "plateau too short";
    if (rhoQF < 30 * m.sigmaAbs) return "plateau too close to the floor for a clear case";
    if (m.rOf(m.window.Tmax) < 0.3 * Number(m.truth.RN_ohm)) return "window top too deep";
    if (sLow > 0.2 * sMax) return "not flat at the bottom";
  } else if (ctx.family === "M1-late") {
    const r = act(m.window.Tmin) / rhoQF;
    if (!(r >= 0.1 && r <= 1)) return "late plateau not at the bottom";
    if (count(m.Tasc, (T) => act(T) <= 2 * rhoQF) < 6) return "too few points near the plateau";
    if (sLow > 0.6 * sMax) return "levelling not visible";
    if (rel > 0.012) return "too noisy for a late plateau";
  } else {
    if (halfPts < (ctx.family === "M1-weak" ? 15 : 5)) return "too few plateau points";
    if (sLow > 0.5 * sMax) return "levelling not visible";
  }
  return null;
}

// ───────────────────────── M2 ─────────────────────────

const buildM2: TBuilder = (ctx) => {
  const { rng, family, difficulty } = ctx;
  const clear = difficulty === "clear";
  const drawn = drawWindow(ctx);
  if (!drawn) return "window";
  const { w, Tasc } = drawn;
  const RN = rng.logUniform(300, 3e4);
  const Q = family === "M2-weak" ? rng.uniform(1.5, 4) : family === "M2-metallic-top" ? rng.logUniform(3, 100) : rng.logUniform(3, 1e4);
  // Ts: where the activated conductance equals σ_QF (u = 1)
  let Ts: number;
  if (family === "M2-late" || family === "M2-weak") {
    // u(Tmin) = σ0·exp(−Ea/Tmin)/σ_QF set directly: the levelling-off sits at the bottom of the window
    const uMin = family === "M2-late" ? rng.uniform(0.1, 0.5) : rng.uniform(0.005, 0.08);
    Ts = w.Tmin * (1 + Math.log(1 / uMin) / Math.log(Q));
  } else {
    Ts = logFrac(w, clear ? rng.uniform(0.3, 0.65) : rng.uniform(0.2, 0.65));
  }
  const Ea = Ts * Math.log(Q);
  const sigmaQF = 1 / (RN * (1 + Q));
  const sigma0 = Q * sigmaQF;
  const truth: Record<string, TTruthValue> = {
    RN_ohm: RN,
    sigmaQF_S: sigmaQF,
    sigma0_S: sigma0,
    EaI_K: Ea,
    Ts_K: Ts,
    Q,
    Rsat_ohm: 1 / sigmaQF,
    Rsat_over_RN: 1 + Q,
  };
  let eq1 = (T: number): number => failedInsulatorLaw(T, sigmaQF, sigma0, Ea);
  if (family === "M2-vrh") {
    // a failed Efros–Shklovskii insulator: σ = σ_QF + σ0·exp(−(T0/T)^½), u = 1 at Ts
    const T0 = Ts * Math.log(Q) ** 2;
    eq1 = (T) => 1 / (sigmaQF + sigma0 * Math.exp(-Math.sqrt(T0 / T)));
    Object.assign(truth, { activation: "es", T0_K: T0 });
    delete truth.EaI_K;
  }
  let rOf = eq1;
  if (family === "M2-metallic-top") {
    // a phonon-like metallic term on top: R falls on cooling at the top of the window before the upturn
    const beta = rng.uniform(0.3, 1.5);
    const k = rng.uniform(1, 2);
    const base = eq1;
    rOf = (T) => base(T) + beta * RN * Math.pow(T / w.Tmax, k);
    Object.assign(truth, { phononBeta: beta, phononPower: k });
  }
  const variant =
    family === "M2-eq1-peak" || family === "M2-peak" ? "peak" : family === "M2-dip-above" ? "dip-above" : "none";
  if (variant === "peak") {
    // incipient superconductivity below Td takes away a fraction d, after which R levels off (seed 003)
    const d = clear ? rng.uniform(0.05, 0.15) : rng.uniform(0.1, 0.35);
    // the drop sits where Eq. 1 has nearly levelled off (u = σ0·e^(−Ea/T)/σ_QF well below d), so it shows as a peak
    const Td = Ea / (Math.log(Q) + Math.log(1 / rng.uniform(0.05 * d, 0.4 * d)));
    const wd = rng.uniform(0.04, 0.15);
    rOf = (T) => eq1(T) * (1 - d / (1 + Math.exp(Math.log(T / Td) / wd)));
    Object.assign(truth, { dipKind: "peak", dipDepth: d, dipT_K: Td, dipWidth: wd, Rsat_ohm: (1 - d) / sigmaQF });
  } else if (variant === "dip-above") {
    // a small superconducting dip above the insulating upturn, recovering on cooling
    const d = rng.uniform(0.05, 0.3);
    const Td = Ts * rng.uniform(3, 10);
    if (Td > w.Tmax / 1.2) return "dip outside the window";
    const wd = rng.uniform(0.1, 0.4);
    rOf = (T) => {
      const z = Math.log(T / Td) / wd;
      return eq1(T) * (1 - d * Math.exp(-0.5 * z * z));
    };
    Object.assign(truth, { dipKind: "dip-above", dipDepth: d, dipT_K: Td, dipWidth: wd });
  }
  if (Number(truth.Rsat_ohm) > R_CEILING) return "saturation above the ceiling";
  return { rOf, sigmaAbs: rng.logUniform(1e-9, 1e-2), window: w, Tasc, truth };
};

function checkM2(ctx: TCtx, m: TModel): string | null {
  const clear = ctx.difficulty === "clear";
  const rise = m.rOf(m.window.Tmin) / m.rOf(m.window.Tmax);
  if (rise < (clear ? 3 : 1.5)) return "insulating rise too small";
  const prof = logSlopeProfile(m.rOf, m.window);
  let wMax = 0;
  let TwMax = m.window.Tmax;
  for (let i = 0; i < prof.s.length; i++) {
    const wv = -prof.s[i]!;
    if (wv > wMax) {
      wMax = wv;
      TwMax = prof.T[i]!;
    }
  }
  // |w| at the bottom: a curve still falling after a superconducting drop is not levelled off either
  const wLow = Math.abs(prof.s[0] ?? 0);
  if (wLow > (clear ? 0.2 : 0.6) * wMax) return "saturation not reached";
  const nBelow = count(m.Tasc, (T) => T < TwMax);
  if (nBelow < (clear ? Math.max(8, Math.ceil(0.1 * m.Tasc.length)) : 8)) return "too few points past the turnover";
  if (m.truth.dipKind === "peak") {
    let rMax = 0;
    for (const T of m.Tasc) rMax = Math.max(rMax, m.rOf(T));
    if (rMax / m.rOf(m.window.Tmin) < 1 + 0.3 * Number(m.truth.dipDepth)) return "peak not visible";
    if (Number(m.truth.dipT_K) * Math.exp(-3 * Number(m.truth.dipWidth)) < m.window.Tmin) return "drop not complete in the window";
  }
  const sigmaQF = Number(m.truth.sigmaQF_S);
  const sigma0 = Number(m.truth.sigma0_S);
  const Ea = Number(m.truth.EaI_K);
  const u =
    m.truth.activation === "es"
      ? (sigma0 * Math.exp(-Math.sqrt(Number(m.truth.T0_K) / m.window.Tmin))) / sigmaQF
      : (sigma0 * Math.exp(-Ea / m.window.Tmin)) / sigmaQF;
  if (Math.log(1 + 1 / Math.max(u, 1e-300)) < 6 * ctx.plan.rel) return "saturation hidden by noise";
  if (ctx.family === "M2-late" && ctx.plan.rel > 0.015) return "too noisy for a late saturation";
  if (m.truth.dipKind === undefined && m.truth.activation !== "es" && m.truth.phononBeta === undefined) {
    // Eq. 1 over the whole window: σ_QF must stand out of zero
    const rows: number[][] = [];
    const sig: number[] = [];
    for (const T of m.Tasc) {
      const e = sigma0 * Math.exp(-Ea / T);
      const R = 1 / (sigmaQF + e);
      rows.push([-sigmaQF * R, -e * R, (e * R) / T]);
      sig.push(1.3 * Math.hypot(ctx.plan.rel, epsEff(ctx.plan) * (Ea / T) * e * R));
    }
    const sRel = fisherFirstSigma(rows, sig);
    if (1 / sRel < (clear ? 10 : 5)) return "sigma_QF not resolved by Eq. 1";
  }
  return null;
}

// ───────────────────────── I1 / I2 ─────────────────────────

function hoppingDraw(rng: TRng, family: string): { p: number; T0: number; law: string } {
  const es = (): { p: number; T0: number; law: string } => ({ p: 0.5, T0: rng.logUniform(0.3, 300), law: "es" });
  const mott = (): { p: number; T0: number; law: string } => ({ p: 1 / 3, T0: rng.logUniform(2, 2e4), law: "mott" });
  switch (family) {
    case "I1-arrhenius":
      return { p: 1, T0: rng.logUniform(0.1, 50), law: "arrhenius" };
    case "I1-low-T0":
      return { p: 1, T0: rng.logUniform(0.1, 0.5), law: "arrhenius" };
    case "I1-free-p":
      return { p: rng.uniform(0.82, 1), T0: rng.logUniform(0.1, 60), law: "free" };
    case "I1-short":
    case "I1-stress":
      return rng.chance(0.7)
        ? { p: 1, T0: rng.logUniform(0.1, 50), law: "arrhenius" }
        : { p: rng.uniform(0.82, 1), T0: rng.logUniform(0.1, 60), law: "free" };
    case "I2-es":
      return es();
    case "I2-mott":
      return mott();
    case "I2-free-p":
      return { p: rng.uniform(0.5, 0.68), T0: rng.logUniform(0.3, 500), law: "free" };
    case "I1-parallel":
      return { p: 1, T0: rng.logUniform(0.3, 50), law: "arrhenius" };
    default: {
      const k = rng.int(0, 2);
      return k === 0 ? es() : k === 1 ? mott() : { p: rng.uniform(0.5, 0.68), T0: rng.logUniform(0.3, 500), law: "free" };
    }
  }
}

/** Largest (T0/T)^p allowed at the bottom of a window. */
const X_CAP = 22;

const buildHopping: TBuilder = (ctx) => {
  const { rng, family } = ctx;
  const { p, T0, law } = hoppingDraw(rng, family);
  const tminLo = Math.max(0.02, T0 / Math.pow(X_CAP, 1 / p));
  const drawn = drawWindow(ctx, { tminLo, tminHi: 2.5 });
  if (!drawn) return "window";
  const { w, Tasc } = drawn;
  const xMax = Math.pow(T0 / w.Tmin, p);
  const R0 = Math.min(rng.logUniform(1, 3e4), R_CEILING * Math.exp(-xMax));
  if (R0 < 1e-3) return "prefactor too small";
  const truth: Record<string, TTruthValue> = { law, p, T0_K: T0, R0_ohm: R0, xMax, xMin: Math.pow(T0 / w.Tmax, p) };
  if (family.endsWith("-parallel")) {
    // a second, more strongly activated channel (band-edge conduction) that shunts the top of the window and
    // dies out on cooling: σ_band = σ_hop(Tb)·exp(−Eb·(1/T − 1/Tb)), Eb = k × the local hopping activation at Tb
    const xMin = Number(truth.xMin);
    if (xMax - xMin < 6) return "window too narrow for a parallel channel";
    const xb = rng.uniform(xMin, xMax - 5);
    const Tb = T0 / Math.pow(xb, 1 / p);
    const Eb = rng.uniform(2, 5) * p * xb * Tb;
    const sigmaB = 1 / hoppingLaw(Tb, R0, T0, p);
    const band = (T: number): number => sigmaB * Math.exp(-Eb * (1 / T - 1 / Tb));
    Object.assign(truth, { bandT_K: Tb, bandEa_K: Eb, bandSigma_S: sigmaB });
    return {
      rOf: (T) => 1 / (1 / hoppingLaw(T, R0, T0, p) + band(T)),
      sigmaAbs: rng.logUniform(1e-9, 1e-2),
      window: w,
      Tasc,
      truth,
    };
  }
  return { rOf: (T) => hoppingLaw(T, R0, T0, p), sigmaAbs: rng.logUniform(1e-9, 1e-2), window: w, Tasc, truth };
};

/**
 * 1σ uncertainty of the hopping exponent p in a weighted least-squares fit of
 * ln R = a + (T0/T)^p over the sampled temperatures (Fisher information at the
 * truth), with per-point σ(ln R) = inflate·√(rel² + (epsT·p·x)²).
 */
export function hoppingExponentSigma(Tasc: readonly number[], T0: number, p: number, rel: number, epsT: number, inflate = 1.3): number {
  const rows: number[][] = [];
  const sig: number[] = [];
  for (const T of Tasc) {
    const x = Math.pow(T0 / T, p);
    // parameter order: p first (the one whose uncertainty is returned), then ln T0, then ln R0
    rows.push([x * Math.log(T0 / T), p * x, 1]);
    sig.push(inflate * Math.hypot(rel, epsT * p * x));
  }
  return fisherFirstSigma(rows, sig);
}

/**
 * 1σ uncertainty of the first of three parameters of a weighted least-squares
 * fit, from the Jacobian rows at the truth and the per-point σ (Fisher
 * information, Jacobi-scaled before the inversion). Infinity when singular.
 */
export function fisherFirstSigma(rows: readonly (readonly number[])[], sig: readonly number[]): number {
  const F = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (let k = 0; k < rows.length; k++) {
    const j = rows[k]!;
    const wgt = 1 / (sig[k]! * sig[k]!);
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) F[3 * a + b]! += wgt * j[a]! * j[b]!;
  }
  const d0 = Math.sqrt(F[0]!);
  const d1 = Math.sqrt(F[4]!);
  const d2 = Math.sqrt(F[8]!);
  if (!(d0 > 0 && d1 > 0 && d2 > 0)) return Infinity;
  const dd = [d0, d1, d2];
  const S = F.map((v, idx) => v / (dd[Math.floor(idx / 3)]! * dd[idx % 3]!));
  const [a, b, c, d, e, f, g, h, i] = S as [number, number, number, number, number, number, number, number, number];
  const det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  if (!(det > 1e-14)) return Infinity;
  const inv00 = (e * i - f * h) / det;
  return inv00 > 0 ? Math.sqrt(inv00) / d0 : Infinity;
}

function checkHopping(ctx: TCtx, m: TModel): string | null {
  const clear = ctx.difficulty === "clear";
  const p = Number(m.truth.p);
  const T0 = Number(m.truth.T0_K);
  let Tuse = m.Tasc;
  let span = Number(m.truth.xMax) - Number(m.truth.xMin);
  if (m.truth.bandT_K !== undefined) {
    // only where the hopping channel carries > 95 % of the current does the exponent show
    const R0 = Number(m.truth.R0_ohm);
    const Tb = Number(m.truth.bandT_K);
    const Eb = Number(m.truth.bandEa_K);
    const sB = Number(m.truth.bandSigma_S);
    Tuse = m.Tasc.filter((T) => sB * Math.exp(-Eb * (1 / T - 1 / Tb)) * hoppingLaw(T, R0, T0, p) < 1 / 20);
    if (Tuse.length < 10) return "too few hopping-dominated points";
    // and there w = −d ln R/d ln T must visibly keep growing on cooling
    const prof = logSlopeProfile(m.rOf, { Tmin: m.window.Tmin, Tmax: Math.max(...Tuse) }, 100);
    const wTop = -(prof.s[prof.s.length - 1] ?? 0);
    const wBottom = -(prof.s[0] ?? 0);
    if (!(wBottom > 1.3 * wTop)) return "divergence not visible below the crossover";
    span = Number(m.truth.xMax) - Math.pow(T0 / Math.max(...Tuse), p);
  }
  if (span < (clear ? 3.5 : 2)) return "ln R span too small";
  const sp = hoppingExponentSigma(Tuse, T0, p, ctx.plan.rel, epsEff(ctx.plan));
  if (Math.abs(p - P_BOUNDARY) / sp < (clear ? 5 : 3)) return "exponent not resolvable";
  return null;
}

// ───────────────────────── assembly ─────────────────────────

const BUILDERS: Record<TPhase, { build: TBuilder; check: (ctx: TCtx, m: TModel) => string | null }> = {
  S: { build: buildS, check: checkS },
  M1: { build: buildM1, check: checkM1 },
  M2: { build: buildM2, check: checkM2 },
  I1: { build: buildHopping, check: checkHopping },
  I2: { build: buildHopping, check: checkHopping },
};

function familyPhase(family: string): TPhase | null {
  for (const ph of PHASE_LIST) if (FAMILIES[ph].clear.includes(family) || FAMILIES[ph].hard.includes(family)) return ph;
  return null;
}

function familyDifficulty(family: string): TDifficulty | null {
  for (const ph of PHASE_LIST) {
    if (FAMILIES[ph].clear.includes(family)) return "clear";
    if (FAMILIES[ph].hard.includes(family)) return "hard";
  }
  return null;
}

/** Curve number `index` of corpus `seed`. Phases rotate S, M1, M2, I1, I2 with the index unless forced. */
export function generateCurve(seed: number, index: number, opts: TGenerateOptions = {}): TIndependentCurve {
  const rng = makeRng(seed, index);
  const hardFraction = opts.hardFraction ?? 0.4;
  let phase: TPhase = opts.phase ?? PHASE_LIST[index % PHASE_LIST.length]!;
  let difficulty: TDifficulty = opts.difficulty ?? (rng.next() < hardFraction ? "hard" : "clear");
  if (opts.family !== undefined) {
    const ph = familyPhase(opts.family);
    const df = familyDifficulty(opts.family);
    if (!ph || !df) throw new Error(`unknown family ${opts.family}`);
    phase = ph;
    difficulty = df;
  }
  const family = opts.family ?? rng.pick(FAMILIES[phase][difficulty]);
  const { build, check } = BUILDERS[phase];
  const rejections: Record<string, number> = {};
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const plan = samplePlan(rng, difficulty, family);
    const ctx: TCtx = { rng, difficulty, family, plan };
    const built = build(ctx);
    const why = typeof built === "string" ? built : check(ctx, built);
    if (typeof built === "string" || why !== null) {
      const key = why ?? "?";
      rejections[key] = (rejections[key] ?? 0) + 1;
      continue;
    }
    const noise: TNoiseSpec = {
      rel: plan.rel,
      sigmaAbs: built.sigmaAbs,
      epsT: plan.epsT,
      spikes: plan.spikes,
      drift: plan.drift,
      duplicateFraction: plan.duplicateFraction,
      lag: plan.lag,
    };
    const meas = measure(rng, built.Tasc, built.rOf, noise, plan.order);
    const curve: TIndependentCurve = {
      id: `ind-${seed}-${String(index).padStart(5, "0")}`,
      T: meas.T,
      R: meas.R,
      phase,
      difficulty,
      family,
      truth: {
        ...built.truth,
        Tmin_K: built.window.Tmin,
        Tmax_K: built.window.Tmax,
        nPoints: meas.T.length,
        spacing: plan.spacing,
        order: plan.order,
        relNoise: plan.rel,
        sigmaAbs_ohm: built.sigmaAbs,
        epsT: plan.epsT,
        spikes: plan.spikes,
        drift: plan.drift,
        duplicateFraction: plan.duplicateFraction,
        thermometerLag: plan.lag,
        attempts: attempt + 1,
      },
      Rtrue: meas.Rtrue,
      Ttrue: meas.Ttrue,
    };
    if (rng.chance(0.3)) curve.H_Oe = Math.round(rng.uniform(0, 600));
    if (rng.chance(0.15)) curve.P_GPa = Math.round(rng.uniform(0, 17) * 10) / 10;
    return curve;
  }
  throw new Error(`no decidable ${family} curve for seed ${seed}, index ${index}: ${JSON.stringify(rejections)}`);
}

export function* iterateCorpus(opts: TCorpusOptions): Generator<TIndependentCurve> {
  for (let i = 0; i < opts.count; i++) {
    yield generateCurve(opts.seed, i, opts.hardFraction !== undefined ? { hardFraction: opts.hardFraction } : {});
  }
}

export function generateCorpus(opts: TCorpusOptions): TIndependentCurve[] {
  return Array.from(iterateCorpus(opts));
}

/** One JSON line in the layout of the repository's corpus files (without the noiseless arrays). */
export function curveToJsonLine(c: TIndependentCurve): string {
  const obj: Record<string, unknown> = { id: c.id, T: c.T, R: c.R };
  if (c.H_Oe !== undefined) obj.H_Oe = c.H_Oe;
  if (c.P_GPa !== undefined) obj.P_GPa = c.P_GPa;
  obj.phase = c.phase;
  obj.difficulty = c.difficulty;
  obj.family = c.family;
  obj.truth = c.truth;
  return JSON.stringify(obj);
}

export { failedSuperconductorLaw, failedInsulatorLaw, hoppingLaw, transitionScale };

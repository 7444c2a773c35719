/**
 * Physical laws used by the independent corpus, written from
 * shared/docs/PHYSICS.md and the seed papers (001: Eq. 1 and Eq. 2; 003:
 * the five phases, Tc at 90 % of R_max). Pure functions of T in kelvin;
 * resistances in ohm per square, conductances in siemens.
 */

/** Aslamazov–Larkin 2D paraconductivity prefactor e²/(16ħ) in siemens. */
export const G_AL_S = 1.519e-5;

/** Convention of this corpus: a hopping exponent below this value is I2, otherwise I1. */
export const P_BOUNDARY = 0.75;

/** R = R0·exp((T0/T)^p): p = 1 Arrhenius (I1), 1/2 Efros–Shklovskii, 1/3 Mott 2D (I2). */
export function hoppingLaw(T: number, R0: number, T0: number, p: number): number {
  return R0 * Math.exp(Math.pow(T0 / T, p));
}

/** Seed 001 Eq. 2, failed superconductor: ρ = ρ_QF + ρ0·exp(−E_a/T). */
export function failedSuperconductorLaw(T: number, rhoQF: number, rho0: number, Ea: number): number {
  return rhoQF + rho0 * Math.exp(-Ea / T);
}

/** Seed 001 Eq. 1, failed insulator: ρ = 1/(σ_QF + σ0·exp(−E_a/T)). */
export function failedInsulatorLaw(T: number, sigmaQF: number, sigma0: number, Ea: number): number {
  return 1 / (sigmaQF + sigma0 * Math.exp(-Ea / T));
}

/** Smooth minimum (a^−q + b^−q)^(−1/q) of two non-negative numbers (q ≥ 1). */
export function smoothMin(a: number, b: number, q: number): number {
  if (a <= 0 || b <= 0) return 0;
  const m = Math.min(a, b);
  // scale by the smaller one so that neither power overflows
  const ra = m / a;
  const rb = m / b;
  return m * Math.pow(Math.pow(ra, q) + Math.pow(rb, q), -1 / q);
}

/** A normal-state resistance law (the state the transition departs from). */
export type TNormalState =
  | { kind: "flat"; RN: number }
  /** weakly metallic: R = RN·(T/Tref)^a, a > 0 (R falls slowly on cooling) */
  | { kind: "metallic"; RN: number; a: number; Tref: number }
  /** weakly insulating (2D log correction): R = RN / (1 + a·ln(T/Tref)), rises on cooling below Tref */
  | { kind: "log-insulating"; RN: number; a: number; Tref: number };

export function normalStateResistance(T: number, ns: TNormalState): number {
  switch (ns.kind) {
    case "flat":
      return ns.RN;
    case "metallic":
      return ns.RN * Math.pow(T / ns.Tref, ns.a);
    case "log-insulating": {
      const g = 1 + ns.a * Math.log(T / ns.Tref);
      // the generator keeps g > 0.2 over its windows; guard anyway
      return ns.RN / Math.max(g, 0.05);
    }
  }
}

/** Superconducting transition shapes: the surviving fraction g(T) of the normal-state resistance. */
export type TTransition =
  /** tanh in ln T, mid-point Tmid, width w (ln units); cut to exactly 0 at Tmid·e^(−3w) */
  | { kind: "tanh"; Tmid: number; width: number }
  /** Halperin–Nelson interpolation: g = 1/(1 + ξ²), ξ = (2/A)·sinh(b/√t), t = (T − Tbkt)/Tbkt; 0 at T ≤ Tbkt */
  | { kind: "bkt"; Tbkt: number; b: number; A: number }
  /** Aslamazov–Larkin tail: g = 1/(1 + α·Tc/(T − Tc)), 0 at T ≤ Tc */
  | { kind: "al"; Tc: number; alpha: number }
  /** granular two-step: a fraction fHigh is lost at the upper step (grains), the rest at the lower one (coupling) */
  | { kind: "twostep"; Tmid1: number; width1: number; Tmid2: number; width2: number; fHigh: number }
  /** main tanh step down to a resistive foot of relative height fFoot that reaches 0 at Tz as ((T − Tz)/(Tmid − Tz))^m */
  | { kind: "foot"; Tmid: number; width: number; fFoot: number; Tz: number; m: number };

const TANH_CUT = 3;

/** tanh step in ln T, renormalised so that it is exactly 0 at and below Tmid·e^(−cut·w) and 1 far above. */
export function logTanhStep(T: number, Tmid: number, width: number): number {
  if (T <= 0) return 0;
  const g0 = 0.5 * (1 + Math.tanh(-TANH_CUT));
  const g = 0.5 * (1 + Math.tanh(Math.log(T / Tmid) / width));
  return Math.max(0, (g - g0) / (1 - g0));
}

export function transitionFraction(T: number, tr: TTransition): number {
  switch (tr.kind) {
    case "tanh":
      return logTanhStep(T, tr.Tmid, tr.width);
    case "bkt": {
      if (T <= tr.Tbkt) return 0;
      const t = (T - tr.Tbkt) / tr.Tbkt;
      const xi = (2 / tr.A) * Math.sinh(tr.b / Math.sqrt(t));
      return 1 / (1 + xi * xi);
    }
    case "al":
      if (T <= tr.Tc) return 0;
      return 1 / (1 + (tr.alpha * tr.Tc) / (T - tr.Tc));
    case "twostep":
      return tr.fHigh * logTanhStep(T, tr.Tmid1, tr.width1) + (1 - tr.fHigh) * logTanhStep(T, tr.Tmid2, tr.width2);
    case "foot": {
      const main = logTanhStep(T, tr.Tmid, tr.width);
      let foot: number;
      if (T <= tr.Tz) foot = 0;
      else if (T >= tr.Tmid) foot = 1;
      else foot = Math.pow((T - tr.Tz) / (tr.Tmid - tr.Tz), tr.m);
      return (1 - tr.fFoot) * main + tr.fFoot * foot;
    }
  }
}

/** Highest temperature at which the transition fraction is exactly zero. */
export function transitionZeroTemperature(tr: TTransition): number {
  switch (tr.kind) {
    case "tanh":
      return tr.Tmid * Math.exp(-TANH_CUT * tr.width);
    case "bkt":
      return tr.Tbkt;
    case "al":
      return tr.Tc;
    case "twostep":
      return Math.min(tr.Tmid1 * Math.exp(-TANH_CUT * tr.width1), tr.Tmid2 * Math.exp(-TANH_CUT * tr.width2));
    case "foot":
      return Math.min(tr.Tz, tr.Tmid * Math.exp(-TANH_CUT * tr.width));
  }
}

/** A characteristic temperature of the transition (mid-point or BKT temperature), used for range checks. */
export function transitionScale(tr: TTransition): number {
  switch (tr.kind) {
    case "tanh":
    case "foot":
      return tr.Tmid;
    case "bkt":
      return tr.Tbkt;
    case "al":
      return tr.Tc;
    case "twostep":
      return tr.Tmid2;
  }
}

/**
 * Temperature where R first drops to `level`·R_max on cooling (seed 003 uses
 * level 0.9), searched on a dense log grid of [Tlo, Thi]; null if never.
 */
export function levelCrossing(rOf: (T: number) => number, Tlo: number, Thi: number, level: number, grid = 4000): number | null {
  let rMax = 0;
  const Ts: number[] = [];
  const Rs: number[] = [];
  for (let i = 0; i <= grid; i++) {
    const T = Tlo * Math.pow(Thi / Tlo, i / grid);
    const R = rOf(T);
    Ts.push(T);
    Rs.push(R);
    if (R > rMax) rMax = R;
  }
  const target = level * rMax;
  // walk down from the top; the first crossing below the target
  for (let i = grid; i > 0; i--) {
    const hi = Rs[i]!;
    const lo = Rs[i - 1]!;
    if (hi >= target && lo < target) {
      const f = (hi - target) / (hi - lo);
      return Ts[i]! + (Ts[i - 1]! - Ts[i]!) * f;
    }
  }
  return null;
}

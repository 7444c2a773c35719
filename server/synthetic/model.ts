/**
 * Evaluation of a law specification (types.ts) at given temperatures, and the
 * derived quantities used to describe or check a curve.
 */
import {
  electronTemperature,
  halperinNelsonFraction,
  lognormalFraction,
  powerLawR,
  taffFraction,
  weakLocalizationR,
  weakLocalizationSaturatingR,
} from "./laws";
import type { TBackgroundSpec, TDipSpec, TElectronHeating, TLawSpec, TTransitionSpec } from "./types";

/** Normal-state background R_N(T) in ohm. */
export function backgroundR(bg: TBackgroundSpec, T: number): number {
  switch (bg.kind) {
    case "flat":
      return bg.R;
    case "power":
      return powerLawR(T, bg.R, bg.Tref, bg.alpha);
    case "wl":
      return weakLocalizationR(T, bg.G0, bg.A, bg.T0);
    case "wl-sat":
      return weakLocalizationSaturatingR(T, bg.G0, bg.A, bg.T0);
  }
}

/** Transition fraction f(T) = R_tr/R_N in [0, 1]. */
export function transitionFraction(tr: TTransitionSpec, T: number, RN: number): number {
  switch (tr.kind) {
    case "hn":
      return halperinNelsonFraction(T, tr.Tc0, tr.Tbkt, tr.b, tr.c);
    case "lognormal":
      return lognormalFraction(T, tr.Tm, tr.s);
    case "taff":
      return taffFraction(T, RN, tr.Ea, tr.rho0);
  }
}

function dipFactor(dip: TDipSpec | undefined, T: number): number {
  if (!dip) return 1;
  return 1 - dip.depth * (1 - lognormalFraction(T, dip.Tm, dip.s));
}

/** Noiseless resistance (Ω) of a law at temperature T (K). */
export function evaluateLaw(law: TLawSpec, T: number): number {
  switch (law.law) {
    case "sc-transition":
    case "failed-superconductor": {
      const RN = backgroundR(law.background, T);
      let f = transitionFraction(law.transition, T, RN);
      if (law.second) {
        const q = law.second.fraction;
        f = (1 - q) * f + q * transitionFraction(law.second.transition, T, RN);
      }
      const Rtr = RN * f;
      return law.law === "failed-superconductor" ? law.rhoQF + Rtr : Rtr;
    }
    case "failed-insulator": {
      const n = law.highT ? 1 / (1 + law.highT.a * Math.log1p(T / law.highT.T0)) : 1;
      return (n * dipFactor(law.dip, T)) / (law.sigmaQF + law.sigma0 * Math.exp(-law.Ea / T));
    }
    case "hopping":
      return backgroundR(law.prefactor, T) * Math.exp(Math.pow(law.T0 / T, law.p)) * dipFactor(law.dip, T);
  }
}

/** Noiseless R at the bath temperature T, including electron overheating when given. */
export function evaluateAt(law: TLawSpec, T: number, heating?: TElectronHeating): number {
  const Te = heating ? electronTemperature(T, heating.Tsat, heating.n) : T;
  return evaluateLaw(law, Te);
}

export function evaluateLawArray(law: TLawSpec, T: ArrayLike<number>, heating?: TElectronHeating): Float64Array {
  const out = new Float64Array(T.length);
  for (let i = 0; i < T.length; i++) out[i] = evaluateAt(law, T[i]!, heating);
  return out;
}

/**
 * Logarithmic derivative w(T) = −d ln R / d ln T of the noiseless law, by a
 * central difference in ln T (relative step h). Positive when R rises on
 * cooling (insulating), negative when it falls (superconducting side).
 * Returns NaN where R ≤ 0.
 */
export function logDerivative(law: TLawSpec, T: number, heating?: TElectronHeating, h = 1e-4): number {
  const Rp = evaluateAt(law, T * Math.exp(h), heating);
  const Rm = evaluateAt(law, T * Math.exp(-h), heating);
  if (!(Rp > 0 && Rm > 0)) return Number.NaN;
  return -(Math.log(Rp) - Math.log(Rm)) / (2 * h);
}

/** Canonical name of the law of a spec (hopping is named by its exponent). */
export function lawName(law: TLawSpec): string {
  if (law.law !== "hopping") return law.law;
  if (law.p === 1) return "arrhenius";
  if (law.p === 0.5) return "efros-shklovskii";
  if (Math.abs(law.p - 1 / 3) < 1e-12) return "mott-2d";
  return "hopping";
}

/** Log-spaced grid of n points between a and b inclusive. */
export function logGrid(a: number, b: number, n: number): Float64Array {
  const out = new Float64Array(n);
  const la = Math.log(a);
  const lb = Math.log(b);
  for (let i = 0; i < n; i++) out[i] = Math.exp(la + ((lb - la) * i) / (n - 1));
  return out;
}

/**
 * Temperature at which R first drops to `level`·R_max when scanning down from
 * the temperature of R_max, on a log grid of the window (seed 003 uses level 0.9).
 * NaN when R never drops that far inside the window.
 */
export function transitionTemperature(
  law: TLawSpec,
  Tmin: number,
  Tmax: number,
  level: number,
  heating?: TElectronHeating,
  n = 1200,
): number {
  const T = logGrid(Tmin, Tmax, n);
  const R = evaluateLawArray(law, T, heating);
  let iMax = 0;
  for (let i = 1; i < n; i++) if (R[i]! > R[iMax]!) iMax = i;
  const target = level * R[iMax]!;
  for (let i = iMax; i > 0; i--) {
    if (R[i - 1]! <= target) {
      // bisection between T[i-1] and T[i]
      let lo = T[i - 1]!;
      let hi = T[i]!;
      for (let k = 0; k < 60; k++) {
        const mid = Math.sqrt(lo * hi);
        if (evaluateAt(law, mid, heating) <= target) lo = mid;
        else hi = mid;
      }
      return Math.sqrt(lo * hi);
    }
  }
  return Number.NaN;
}

/** Flattened numeric parameters of a law, for `truth.params` (names documented in README). */
export function flattenLawParams(law: TLawSpec): Record<string, number> {
  const out: Record<string, number> = {};
  const bg = (prefix: string, b: TBackgroundSpec) => {
    switch (b.kind) {
      case "flat":
        out[`${prefix}R`] = b.R;
        break;
      case "power":
        out[`${prefix}R`] = b.R;
        out[`${prefix}Tref`] = b.Tref;
        out[`${prefix}alpha`] = b.alpha;
        break;
      case "wl":
      case "wl-sat":
        out[`${prefix}G0`] = b.G0;
        out[`${prefix}A`] = b.A;
        out[`${prefix}T0`] = b.T0;
        break;
    }
  };
  const tr = (prefix: string, t: TTransitionSpec) => {
    switch (t.kind) {
      case "hn":
        out[`${prefix}Tc0`] = t.Tc0;
        out[`${prefix}Tbkt`] = t.Tbkt;
        out[`${prefix}b`] = t.b;
        out[`${prefix}c`] = t.c;
        break;
      case "lognormal":
        out[`${prefix}Tm`] = t.Tm;
        out[`${prefix}s`] = t.s;
        break;
      case "taff":
        out[`${prefix}EaS`] = t.Ea;
        out[`${prefix}rho0`] = t.rho0;
        break;
    }
  };
  switch (law.law) {
    case "sc-transition":
    case "failed-superconductor":
      bg("bg.", law.background);
      tr("tr.", law.transition);
      if (law.second) {
        out["second.fraction"] = law.second.fraction;
        tr("second.", law.second.transition);
      }
      if (law.law === "failed-superconductor") out.rhoQF = law.rhoQF;
      break;
    case "failed-insulator":
      out.sigmaQF = law.sigmaQF;
      out.sigma0 = law.sigma0;
      out.EaI = law.Ea;
      if (law.highT) {
        out["highT.a"] = law.highT.a;
        out["highT.T0"] = law.highT.T0;
      }
      if (law.dip) {
        out["dip.Tm"] = law.dip.Tm;
        out["dip.s"] = law.dip.s;
        out["dip.depth"] = law.dip.depth;
      }
      break;
    case "hopping":
      bg("pre.", law.prefactor);
      if (law.prefactor.kind === "flat") out.R0 = law.prefactor.R;
      out.T0 = law.T0;
      out.p = law.p;
      if (law.dip) {
        out["dip.Tm"] = law.dip.Tm;
        out["dip.s"] = law.dip.s;
        out["dip.depth"] = law.dip.depth;
      }
      break;
  }
  return out;
}

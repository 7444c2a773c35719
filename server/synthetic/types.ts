/**
 * Types of the synthetic R(T) generator. Units throughout: temperature in
 * kelvin, resistance in ohm (per square), conductance in siemens, field in
 * oersted, pressure in GPa.
 */

export type TPhase = "S" | "M1" | "M2" | "I1" | "I2";
export const PHASES: readonly TPhase[] = ["S", "M1", "M2", "I1", "I2"];
export type TDifficulty = "clear" | "hard";

/** Normal-state background R_N(T). */
export type TBackgroundSpec =
  /** R_N = R */
  | { kind: "flat"; R: number }
  /** R_N = R·(T/Tref)^(−alpha) */
  | { kind: "power"; R: number; Tref: number; alpha: number }
  /** R_N = 1/(G0 + A·ln(T/T0)) (weak localization, seed 003 Eq. 1) */
  | { kind: "wl"; G0: number; A: number; T0: number }
  /** R_N = 1/(G0 + A·ln(1 + T/T0)) (weak localization saturating below T0) */
  | { kind: "wl-sat"; G0: number; A: number; T0: number };

/** Shape of a superconducting drop, as the fraction f(T) = R_tr/R_N. */
export type TTransitionSpec =
  /** Halperin–Nelson with Aslamazov–Larkin tail; zero below Tbkt. */
  | { kind: "hn"; Tc0: number; Tbkt: number; b: number; c: number }
  /** Log-normal distribution of local Tc (percolative, granular films). */
  | { kind: "lognormal"; Tm: number; s: number }
  /** Thermally activated flux flow in parallel with the normal state. */
  | { kind: "taff"; Ea: number; rho0: number };

export interface TSuperconductingPart {
  background: TBackgroundSpec;
  transition: TTransitionSpec;
  /** Optional second, lower transition in series (granular films): R_tr = R_N·[(1−fraction)·f1 + fraction·f2]. */
  second?: { fraction: number; transition: TTransitionSpec };
}

/** M2 high-temperature factor n(T) = 1/(1 + a·ln(1 + T/T0)): weakly insulating normal state, flat below T0. */
export interface THighTFactor {
  a: number;
  T0: number;
}

/** Small superconducting dip above an insulating rise: factor 1 − depth·(1 − f_lognormal(T; Tm, s)). */
export interface TDipSpec {
  Tm: number;
  s: number;
  depth: number;
}

export type TLawSpec =
  /** Superconductor: R = R_tr(T) → 0. */
  | ({ law: "sc-transition" } & TSuperconductingPart)
  /** Failed superconductor: R = ρ_QF + R_tr(T) (→ seed 001 Eq. 2 with a TAFF transition). */
  | ({ law: "failed-superconductor"; rhoQF: number } & TSuperconductingPart)
  /** Failed insulator: R = n(T)·dip(T)/(σ_QF + σ0·e^(−Ea/T)) (seed 001 Eq. 1); σ_QF = 0 is an Arrhenius insulator. */
  | {
      law: "failed-insulator";
      sigmaQF: number;
      sigma0: number;
      Ea: number;
      highT?: THighTFactor;
      dip?: TDipSpec;
    }
  /** Hopping insulator: R = R_pre(T)·exp((T0/T)^p), R_pre a (usually flat) background. */
  | { law: "hopping"; prefactor: TBackgroundSpec; T0: number; p: number; dip?: TDipSpec };

export type TSpacing = "log" | "linear" | "random-log" | "dense" | "log-linear" | "log-dense-below";

export interface TWindowSpec {
  /** Lowest and highest reported temperature (K). */
  Tmin: number;
  Tmax: number;
  /** Number of points before near-duplicates are added. */
  points: number;
  spacing: TSpacing;
  /** "cooling": T strictly decreasing; "warming": T strictly increasing. */
  order: "cooling" | "warming";
  /** For "dense": extra point density ∝ weight·|d ln R/d ln T|. */
  denseWeight?: number;
  /** For "log-linear": log spacing below this temperature, linear above. */
  linearAbove?: number;
  /** For "log-dense-below": log spacing, with the density multiplied by `sparseWeight` above `denseBelow` (K). */
  denseBelow?: number;
  sparseWeight?: number;
  /** Fraction of points followed by a near-equal (never equal) temperature. */
  nearDuplicateFraction?: number;
}

export interface TNoiseSpec {
  /** Relative (multiplicative) Gaussian noise, standard deviation as a fraction of R. */
  relative: number;
  /** Additive instrument noise floor, standard deviation in ohm (gives negative readings near R = 0). */
  floor: number;
  /** Slowly varying multiplicative drift: AR(1) with coefficient phi and stationary sd amplitude. */
  correlated?: { amplitude: number; phi: number };
  /** Fraction of points replaced by spikes. */
  outlierFraction: number;
  /** Spike size range, in units of the local noise standard deviation. */
  outlierSigmaMin: number;
  outlierSigmaMax: number;
  /** Relative thermometer error: R is evaluated at T·(1 + jitter·N(0,1)) but reported at T. */
  thermometerJitter: number;
}

export interface TElectronHeating {
  /** Saturation electron temperature (K). */
  Tsat: number;
  /** Exponent of T_e = (T^n + Tsat^n)^(1/n). */
  n: number;
}

export interface TCurveSpec {
  law: TLawSpec;
  window: TWindowSpec;
  noise: TNoiseSpec;
  /** Optional overheating of the electrons (poor filtering): R is evaluated at T_e. */
  electronHeating?: TElectronHeating;
}

export interface TGeneratedCurve {
  /** Reported temperatures (K), strictly monotonic in the order of `window.order`. */
  T: Float64Array;
  /** Measured resistance (Ω), with noise; may be slightly negative near R = 0. */
  R: Float64Array;
  /** Noiseless law at the reported temperatures (Ω). */
  Rtrue: Float64Array;
}

export interface TCurveTruth {
  /** Name of the law: "sc-transition", "failed-superconductor", "failed-insulator", "arrhenius", "efros-shklovskii", "mott-2d", "hopping". */
  law: string;
  /** Flattened law parameters and derived quantities (see README for names and units). */
  params: Record<string, number>;
  noise: TNoiseSpec;
  window: TWindowSpec;
  /** Which generation family produced the curve, e.g. "clear" or "hard:weak-saturation". */
  family: string;
  /** The full law specification, for exact reproduction. */
  spec: TLawSpec;
}

export interface LabelledCurve {
  id: string;
  phase: TPhase;
  difficulty: TDifficulty;
  T: Float64Array;
  R: Float64Array;
  H_Oe?: number;
  P_GPa?: number;
  truth: TCurveTruth;
}

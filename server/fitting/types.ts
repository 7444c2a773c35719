/** Public types of the fitting and classification engine. */

export type Phase = "S" | "M1" | "M2" | "I1" | "I2";

export const PHASES: readonly Phase[] = ["S", "M1", "M2", "I1", "I2"];

export type ModelId =
  | "sc_transition"
  | "failed_superconductor"
  | "failed_insulator"
  | "arrhenius"
  | "es_vrh"
  | "mott_vrh"
  | "hopping_free_p"
  | "weak_localization"
  | "metal_power_law";

export const MODEL_IDS: readonly ModelId[] = [
  "sc_transition",
  "failed_superconductor",
  "failed_insulator",
  "arrhenius",
  "es_vrh",
  "mott_vrh",
  "hopping_free_p",
  "weak_localization",
  "metal_power_law",
];

/**
 * How the resistance was read out. `signed`: a DC bridge or the in-phase X of a lock-in (a
 * superconductor reads 0 ± noise, negative values included). `magnitude`: a lock-in's
 * R = √(X² + Y²), never negative (a superconductor reads a positive floor of |noise|).
 * `unknown`: judged from the data.
 */
export type Readout = "signed" | "magnitude" | "unknown";

/**
 * Machine-readable reason for "no SIT label applies" (phase null) or for an inconclusive label.
 * Documented in server/fitting/README.md.
 */
export type ReasonCode =
  | "no_signal"
  | "not_longitudinal"
  | "metallic_no_transition"
  | "incomplete_transition"
  | "reentrant"
  | "series_resistance"
  | "short_window"
  | "too_few_points"
  | "fit_failed"
  | "flat"
  | "weak_evidence"
  | "instrument_limit"
  | "invalid_input";

export const REASON_CODES: readonly ReasonCode[] = [
  "no_signal",
  "not_longitudinal",
  "metallic_no_transition",
  "incomplete_transition",
  "reentrant",
  "series_resistance",
  "short_window",
  "too_few_points",
  "fit_failed",
  "flat",
  "weak_evidence",
  "instrument_limit",
  "invalid_input",
];

/** Other curves of the same film at the same stage and setup, for evidence one curve cannot give. */
export interface SeriesContext {
  /** the low-temperature resistance (Ω) of each other curve of the series and its field (Oe) */
  siblings: { H_Oe: number; Rlow_ohm: number; Rnormal_ohm: number }[];
}

export interface CurveInput {
  /** temperatures in kelvin */
  T: ArrayLike<number>;
  /** sheet resistance in ohm (per square) */
  R: ArrayLike<number>;
  H_Oe?: number;
  P_GPa?: number;
  /** how R was read; default "unknown" */
  readout?: Readout;
  /** true when R is a sheet resistance per square (then compared with h/4e²) */
  isSheetResistance?: boolean;
  /**
   * false when the voltage was read across the current leads (two probes): the contacts' and
   * leads' resistance is then in series with the film; undefined when not known
   */
  fourProbe?: boolean;
  context?: SeriesContext;
}

/** A value with its 1σ standard uncertainty (null when not determinable). */
export interface Estimate {
  value: number;
  uncertainty: number | null;
}

export interface ModelFit {
  model: ModelId;
  /** parameters in physical units, e.g. rhoQF_ohm, EaS_K, T0_K, p */
  params: Record<string, number>;
  /** 1σ standard uncertainties of the fitted parameters (same keys; fixed parameters omitted) */
  uncertainties: Record<string, number>;
  /** space in which the residuals were minimised */
  space: "lnR" | "R" | "G";
  window: { Tmin: number; Tmax: number; n: number };
  /** residual sum of squares in `space` (weighted where the fit was weighted) */
  rss: number;
  dof: number;
  aicc: number;
  bic: number;
  converged: boolean;
  iterations: number;
}

export type QuantityKey =
  | "Tc90_K"
  | "Tc50_K"
  | "Tc10_K"
  | "Rmax_ohm"
  | "rhoQF_ohm"
  | "rho0_ohm"
  | "EaS_K"
  | "sigmaQF_S"
  | "sigma0_S"
  | "EaI_K"
  | "arrheniusT0_K"
  | "hoppingT0_K"
  | "hoppingP"
  | "wlG0_S"
  | "wlA_S"
  | "ratio350mK300K"
  | "R300K_ohm"
  | "Rmin_ohm"
  | "zabrodskiiP"
  | "saturationOnset_K"
  | "Rn_ohm"
  | "TcOnset_K"
  | "RoverRQ";

export interface CurveDiagnostics {
  nPoints: number;
  nUsed: number;
  Tmin: number;
  Tmax: number;
  /** absolute noise floor of R (ohm) estimated at the low-temperature end, null when not observable */
  noiseFloor: number | null;
  /** relative point-to-point noise of R estimated from the data */
  relativeNoise: number | null;
  dropped: { index: number; reason: string }[];
  warnings: string[];
}

export interface CurveAnalysis {
  engineVersion: string;
  /**
   * the label, or its best guess when inconclusive; null when no SIT label applies
   * (a dead or Hall channel, an ordinary metal, a re-entrant curve): `reasonCode` says why
   */
  phase: Phase | null;
  /** calibrated probability that `phase` (null included) is right, 0..1 */
  confidence: number;
  inconclusive: boolean;
  inconclusiveReason: string | null;
  /** why no label applies or why the label is inconclusive; null for a conclusive label */
  reasonCode: ReasonCode | null;
  /** the readout the analysis assumed (the input's, or what the data showed when unknown) */
  readout: Readout;
  model: ModelId | null;
  params: Record<string, number>;
  uncertainties: Record<string, number>;
  /** deciding evidence first */
  reasons: string[];
  runnerUp: { phase: Phase | null; model: ModelId | null; confidence: number } | null;
  /** every model tried */
  candidates: ModelFit[];
  quantities: Partial<Record<QuantityKey, Estimate>>;
  diagnostics: CurveDiagnostics;
}

export interface AnalyzeOptions {
  /** minimum number of valid points to attempt a classification; default 8 */
  minPoints?: number;
  /** minimum Tmax/Tmin ratio of the window; default 1.5 */
  minWindowRatio?: number;
  /** outlier rejection threshold in robust standard deviations from a running median; default 6 */
  outlierSigma?: number;
  /** hopping exponent separating I1 (simply activated) from I2 (VRH); default 0.75 */
  pBoundary?: number;
  /** lower edge of the weak-localization window in kelvin; default 1 K (seed 003 fits 1–10 K) */
  wlMinT?: number;
  /** confidence below which the result is flagged inconclusive; default 0.6 */
  inconclusiveBelow?: number;
  /** report every model fitted in `candidates` (for the UI's runner-up list); false keeps only the reported model; default true */
  allCandidates?: boolean;
  /** report the decision tree's raw probability instead of the calibrated confidence (for fitting the calibration); default false */
  rawConfidence?: boolean;
}

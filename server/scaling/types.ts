/** Public types of the isotherm analysis (see README.md for the definitions). */

/** One isotherm as measured: R(H) at a fixed temperature. Fields in Oe, resistance in Ω (or Ω/sq). */
export interface IsothermInput {
  T_K: number;
  H_Oe: ArrayLike<number>;
  R: ArrayLike<number>;
}

/** One R(T) sweep at a fixed field, to be transposed into isotherms. */
export interface FieldSweepInput {
  H_Oe: number;
  T_K: ArrayLike<number>;
  R: ArrayLike<number>;
}

export interface Estimate {
  value: number;
  /** One standard deviation. */
  uncertainty: number;
}

/** Codes that end the analysis (no critical point is reported). */
export type TFailureCode =
  | "too_few_isotherms"
  | "no_common_range"
  | "not_longitudinal"
  | "no_crossing"
  | "no_common_crossing"
  | "crossing_drifts"
  | "collapse_failed";

/** Codes that qualify a result without ending it. */
export type TNoteCode =
  | "isotherms_merged"
  | "isotherm_excluded"
  | "field_folded"
  | "nonpositive_dropped"
  | "reversed_crossing"
  | "partial_crossing"
  | "crossing_drift"
  | "window_sensitive"
  | "methods_disagree"
  | "poor_collapse"
  | "slope_failed";

export type TReasonCode = TFailureCode | TNoteCode;

export interface Reason {
  code: TReasonCode;
  message: string;
}

export interface PairCrossing {
  /** Temperatures of the colder and the warmer isotherm, K. */
  T_lo: number;
  T_hi: number;
  /** "sit": the colder isotherm is below on the low-field side and above on the high-field side. */
  kind: "sit" | "reversed" | "none";
  /** Crossing field and resistance (null when the pair does not cross). */
  H_Oe: number | null;
  R: number | null;
  uncertaintyH: number | null;
  uncertaintyR: number | null;
  /** Significance of the separation below and above the crossing (z-scores, signed). */
  zBelow: number | null;
  zAbove: number | null;
}

export interface Drift {
  /** dH×/dT from the pairwise crossings, Oe/K, with its uncertainty. */
  slope_Oe_per_K: Estimate;
  /** Change of the crossing field across the measured temperatures, relative to H_c. */
  relativeAcrossRange: number;
  /** |slope| / uncertainty. */
  significance: number;
}

export interface WindowFit {
  deltaMax: number;
  znu: Estimate | null;
  points: number;
}

export interface CollapseResult {
  /** Window |δ| ≤ δ_max used, δ = (H − H_c)/H_c. */
  deltaMax: number;
  /** Readings used have a smoothed R within a factor e^band of R_c. */
  band: number;
  /** Points inside the window. */
  points: number;
  /** H_c refined by the collapse (a cross-check of the crossing value). */
  Hc_Oe: Estimate;
  znu: Estimate;
  /** Master curve ln(R/R_c) = Σ c_j·(u/uScale)^j, j = 0…K, with u = δ·(T/T_ref)^(−1/zν). */
  master: { coefficients: number[]; uScale: number; T_ref: number };
  /** Root-mean-square residual of ln R about the master curve, and the noise of ln R within isotherms. */
  rmsLnR: number;
  noiseLnR: number;
  /** zν in narrower and wider windows, and the largest change from the reported value. */
  windows: WindowFit[];
  sensitivity: number;
}

export interface ScalingResult {
  version: string;
  /** True when the isotherms cross at a common point and H_c and R_c are reported. */
  crossing: boolean;
  /** The first failure, or null when H_c, R_c and zν were all obtained. */
  reasonCode: TFailureCode | null;
  reasons: Reason[];
  Hc_Oe: Estimate | null;
  Rc: Estimate | null;
  znu: Estimate | null;
  /** zν from the slope of ∂R/∂H at H_c against 1/T on log scales. */
  znuSlope: Estimate | null;
  drift: Drift | null;
  pairs: PairCrossing[];
  collapse: CollapseResult | null;
  /** Isotherms used, after merging and exclusion: temperature and number of points. */
  isotherms: { T_K: number; points: number }[];
  /** Common field range of the isotherms used, Oe. */
  fieldRange_Oe: [number, number] | null;
}

export interface ScalingOptions {
  /** Collapse window |δ| ≤ deltaMax (default 0.1). */
  deltaMax?: number;
  /** Half-width of the local fits around a crossing, relative to the field (default 0.1). */
  localWindow?: number;
  /** z-score a separation must reach on both sides of a crossing (default 3). */
  significance?: number;
  /** Relative drift of the crossing across the measured range beyond which no H_c is given (default 0.05). */
  maxDrift?: number;
  /** Degree of the master-curve polynomial (default 3). */
  masterDegree?: number;
}

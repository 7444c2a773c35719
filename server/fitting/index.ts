/**
 * Fitting and classification engine for R(T) curves near the
 * superconductor–insulator transition. Pure TypeScript: no framework,
 * database, I/O or clock; deterministic.
 */
export { ENGINE_VERSION } from "./version";
export type {
  AnalyzeOptions,
  CurveAnalysis,
  CurveDiagnostics,
  CurveInput,
  Estimate,
  ModelFit,
  ModelId,
  Phase,
  QuantityKey,
  ReasonCode,
  Readout,
  SeriesContext,
} from "./types";
export { MODEL_IDS, PHASES, REASON_CODES } from "./types";
export { analyzeCurve } from "./analysis/analyze-curve";
export { evaluateModel, MODEL_PARAMS } from "./models/evaluate";
export { prepareCurve, type Prepared } from "./analysis/preprocess";
export { makeCurveData, informationCriteria, type CurveData } from "./models/common";
export { fitFixedHopping, fitFreeHopping, type FixedHoppingModel, type FreeHoppingFit } from "./models/hopping";
export { fitFailedInsulator, fitFailedSuperconductor, type SaturationFit } from "./models/saturation";
export { fitWeakLocalization, WL_T0_K } from "./models/weak-localization";
export { fitLogisticTransition } from "./models/sc-transition";
export { logDerivative, type LogDerivative } from "./analysis/log-derivative";
export { levenbergMarquardt, covarianceFromJtJ, type LmOptions, type LmProblem, type LmResult } from "./solvers/levenberg-marquardt";
export { curveFit, type CurveFitResult, type CurveFitSpec, type RobustLoss } from "./solvers/curve-fit";

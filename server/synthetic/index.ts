/**
 * Synthetic R(T) curves for the superconductor–insulator transition:
 * physical laws, noise, sampling, one-curve generation, the labelled corpus
 * and the demo dataset. Pure and deterministic; no I/O.
 */
export * from "./types";
export * from "./laws";
export { createRng, mixSeeds } from "./rng";
export type { Rng } from "./rng";
export {
  evaluateLaw,
  evaluateAt,
  evaluateLawArray,
  logDerivative,
  lawName,
  logGrid,
  transitionTemperature,
  flattenLawParams,
  backgroundR,
  transitionFraction,
} from "./model";
export { makeTemperatureGrid, MAX_POINTS, MIN_POINTS } from "./sampling";
export { applyNoise, jitterTemperatures } from "./noise";
export { generateCurve, generateCurveOnGrid } from "./curve";
export {
  generateCorpus,
  corpusCurve,
  corpusAssignment,
  corpusCurveId,
  HARD_FAMILIES,
  GENERIC_HARD_FAMILIES,
  HARD_P_I1,
  HARD_P_I2,
  HOPPING_P_BOUNDARY,
} from "./corpus";
export type { CorpusOptions } from "./corpus";
export { buildDemoDataset, demoCurvePlans, DEMO_PASSWORD, DEMO_EMAIL_DOMAIN, DEMO_DATASET_VERSION } from "./demo";
export type {
  DemoDataset,
  DemoLab,
  DemoMember,
  DemoSetup,
  DemoFilterStage,
  DemoSample,
  DemoCurve,
  DemoCurveConditions,
  DemoCurvePlan,
} from "./demo";

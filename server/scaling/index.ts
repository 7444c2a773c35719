/**
 * Isotherm analysis of the field-tuned transition: crossing point, critical resistance and
 * scaling collapse (zν). Pure: no framework, database or I/O imports. See README.md.
 */
export { analyzeIsotherms, analyzeFieldSweeps, DEFAULTS } from "./analyze";
export { collapseCurve, collapsePoints } from "./plot";
export { transposeFieldSweeps } from "./prepare";
export { SCALING_VERSION } from "./version";
export type * from "./types";

/**
 * Version of the isotherm (crossing and scaling-collapse) analysis. Bump it whenever results can
 * change (methods, defaults, thresholds): every stored analysis records it, and old results stay.
 */
export const SCALING_VERSION = "1.0.0";

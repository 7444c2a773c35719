/** Written by `npm run -s calibrate` (seed 7, 4000 SIT curves, 300 per measurement family); do not edit by hand. */
export type CalibrationKind = "conclusive" | "inconclusive" | "none";

/** knots [raw, calibrated], ascending in raw: one map per kind, and per kind:label or kind:reasonCode where there were 200 answers or more */
export const CALIBRATION_TABLE: Record<string, readonly (readonly [number, number])[]> = {
  "conclusive": [[0.6739,0.7879],[0.8769,0.9216],[0.9408,0.9919],[0.9926,0.9988]],
  "inconclusive": [[0.4382,0],[0.4952,0.5446],[0.7535,0.8038]],
  "none": [[0.9566,0.9819]],
  "inconclusive:incomplete_transition": [[0.4455,0],[0.497,0.5389],[0.7779,0.8261]],
  "none:metallic_no_transition": [[0.9556,0.95],[0.9921,0.9704]],
  "none:no_signal": [[0.95,1]],
  "none:not_longitudinal": [[0.95,1]],
  "none:reentrant": [[0.9386,0.961]],
};

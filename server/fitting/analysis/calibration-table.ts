/** Written by `npm run -s calibrate` (seed 7, 4000 SIT curves, 300 per measurement family); do not edit by hand. */
export type CalibrationKind = "conclusive" | "inconclusive" | "none";

/** knots [raw, calibrated], ascending in raw: one map per kind, and per kind:label or kind:reasonCode where there were 200 answers or more */
export const CALIBRATION_TABLE: Record<string, readonly (readonly [number, number])[]> = {
  "conclusive": [[0.6766,0.7667],[0.8767,0.9223],[0.9408,0.9921],[0.9926,0.9988]],
  "inconclusive": [[0.4484,0.2778],[0.4969,0.5482],[0.7618,0.8107]],
  "none": [[0.9569,0.9708]],
  "inconclusive:incomplete_transition": [[0.4936,0.5049],[0.7779,0.8261]],
  "none:metallic_no_transition": [[0.9872,0.9464]],
  "none:no_signal": [[0.95,1]],
  "none:not_longitudinal": [[0.95,1]],
  "none:reentrant": [[0.9381,0.9673]],
};

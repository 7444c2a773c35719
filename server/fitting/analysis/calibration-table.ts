/** Written by `npm run -s calibrate` (seed 7, 4000 SIT curves, 1000 at 8–24 setpoints, 300 per measurement family); do not edit by hand. */
export type CalibrationKind = "conclusive" | "inconclusive" | "none";

/** knots [raw, calibrated], ascending in raw: one map per kind, and per kind:label or kind:reasonCode where there were 200 answers or more */
export const CALIBRATION_TABLE: Record<string, readonly (readonly [number, number])[]> = {
  "conclusive": [[0.6747,0.7568],[0.8648,0.9407],[0.9102,0.9535],[0.9415,0.993],[0.9926,0.9987]],
  "inconclusive": [[0.3986,0.08],[0.4948,0.5341],[0.5781,0.89],[0.9822,0.9142]],
  "none": [[0.9573,0.9739]],
  "inconclusive:incomplete_transition": [[0.4452,0],[0.5024,0.5311],[0.8032,0.9524]],
  "inconclusive:too_few_points": [[0.9555,0.9786]],
  "none:metallic_no_transition": [[0.9905,0.9615]],
  "none:no_signal": [[0.95,1]],
  "none:not_longitudinal": [[0.95,1]],
  "none:reentrant": [[0.9381,0.9673]],
};

/** Written by `npm run -s calibrate` (seed 7, 3000 SIT curves, 500 per measurement family); do not edit by hand. */
export type CalibrationKind = "conclusive" | "inconclusive" | "none";

/** knots [raw, calibrated], ascending in raw */
export const CALIBRATION_TABLE: Record<CalibrationKind, readonly (readonly [number, number])[]> = {
  conclusive: [[0.7114,0.8281],[0.8512,0.9375],[0.901,0.9588],[0.9734,0.9912],[0.994,0.9967],[0.9993,1]],
  inconclusive: [[0.4384,0],[0.483,0.2188],[0.4974,0.5818],[0.711,0.7895]],
  none: [[0.9563,0.9886]],
};

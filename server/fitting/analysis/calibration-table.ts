/** Written by `npm run -s calibrate` (seed 7, 3000 SIT curves, 500 per measurement family); do not edit by hand. */
export type CalibrationKind = "conclusive" | "inconclusive" | "none";

/** knots [raw, calibrated], ascending in raw */
export const CALIBRATION_TABLE: Record<CalibrationKind, readonly (readonly [number, number])[]> = {
  conclusive: [[0.7114,0.8281],[0.8513,0.9375],[0.9008,0.9677],[0.9733,0.9912],[0.994,0.9967],[0.9993,1]],
  inconclusive: [[0.4385,0],[0.4842,0.1892],[0.4974,0.6042],[0.7124,0.7905]],
  none: [[0.9561,0.9886]],
};

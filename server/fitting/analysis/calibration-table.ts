/** Written by `npm run -s calibrate` (seed 7, 3000 SIT curves, 500 per measurement family); do not edit by hand. */
export type CalibrationKind = "conclusive" | "inconclusive" | "none";

/** knots [raw, calibrated], ascending in raw */
export const CALIBRATION_TABLE: Record<CalibrationKind, readonly (readonly [number, number])[]> = {
  conclusive: [[0.7112,0.8281],[0.8516,0.9394],[0.9012,0.9588],[0.9736,0.9915],[0.9939,0.9967],[0.9993,1]],
  inconclusive: [[0.4385,0],[0.4842,0.1892],[0.4972,0.6042],[0.7109,0.7895]],
  none: [[0.9561,0.9886]],
};

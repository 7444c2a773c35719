/** Written by `npm run -s calibrate` (seed 7, 3000 SIT curves, 500 per measurement family); do not edit by hand. */
export type CalibrationKind = "conclusive" | "inconclusive" | "none";

/** knots [raw, calibrated], ascending in raw */
export const CALIBRATION_TABLE: Record<CalibrationKind, readonly (readonly [number, number])[]> = {
  conclusive: [[0.711,0.8281],[0.852,0.9412],[0.8778,0.9583],[0.9057,0.9655],[0.9641,0.9911],[0.9854,0.9919],[0.988,0.9938],[0.9939,0.9966],[0.9993,1]],
  inconclusive: [[0.4385,0.0367],[0.4705,0.3115],[0.4899,0.3636],[0.4943,0.4],[0.4961,0.4231],[0.4972,0.6507],[0.7109,0.7895]],
  none: [[0.7161,0.9853],[0.9632,0.9887]],
};

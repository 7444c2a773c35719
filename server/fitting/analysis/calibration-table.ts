/** Written by `npm run -s calibrate` (seed 7, 4000 SIT curves, 300 per measurement family); do not edit by hand. */
export type CalibrationKind = "conclusive" | "inconclusive" | "none";

/** knots [raw, calibrated], ascending in raw */
export const CALIBRATION_TABLE: Record<CalibrationKind, readonly (readonly [number, number])[]> = {
  conclusive: [[0.6951,0.8444],[0.8598,0.8919],[0.9096,0.9583],[0.9308,0.9655],[0.9436,0.9808],[0.9792,0.9916],[0.9942,0.9991],[0.9993,1]],
  inconclusive: [[0.5373,0.6338],[0.6189,0.9063],[0.6854,0.9242]],
  none: [[0.5367,0.6857],[0.7901,0.9419],[0.9564,0.9665],[0.995,1]],
};

/**
 * Calibrated confidence: the raw probability of the chosen leaf of the decision tree is mapped to
 * the frequency with which such answers are right, by a monotone piecewise-linear map fitted
 * (isotonic regression, pool-adjacent-violators) on the project's labelled calibration corpus
 * (`npm run -s calibrate`, which rewrites calibration-table.ts). Conclusive answers, inconclusive
 * best guesses and "no label" answers have maps of their own: they are right at different rates.
 * Checked on a different corpus, written from the physics without reading the engine
 * (bench/independent).
 */
import { CALIBRATION_TABLE, type CalibrationKind } from "./calibration-table";

export type { CalibrationKind };

/**
 * The table key of an answer's own map: kind:reasonCode for inconclusive and no-label answers;
 * null for conclusive answers, which share their kind's map.
 */
export function calibrationKey(kind: CalibrationKind, reasonCode: string | null): string | null {
  return kind === "conclusive" ? null : `${kind}:${reasonCode ?? "none"}`;
}

/** The calibrated probability that an answer of this kind (and reason code) with this raw score is right. */
export function calibrate(raw: number, kind: CalibrationKind, reasonCode: string | null = null): number {
  const key = calibrationKey(kind, reasonCode);
  const knots = (key !== null ? CALIBRATION_TABLE[key] : undefined) ?? CALIBRATION_TABLE[kind];
  if (!knots || knots.length === 0 || !Number.isFinite(raw)) return clamp(raw);
  if (raw <= knots[0]![0]) return knots[0]![1];
  for (let i = 1; i < knots.length; i++) {
    const [x1, y1] = knots[i]!;
    if (raw <= x1) {
      const [x0, y0] = knots[i - 1]!;
      const f = x1 > x0 ? (raw - x0) / (x1 - x0) : 1;
      return clamp(y0 + f * (y1 - y0));
    }
  }
  return knots[knots.length - 1]![1];
}

function clamp(p: number): number {
  return Number.isFinite(p) ? Math.min(0.995, Math.max(0.005, p)) : 0.5;
}

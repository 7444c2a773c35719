/**
 * Coarse sweeps: 8–20 setpoints across the window, as a dilution-refrigerator run or a table in a
 * paper gives them. The engine's profile of w = −d ln R/d ln T needs three independent local lines
 * of 8 readings to show a turnover; with fewer readings in the insulating window the label is
 * AICc's guess and is said to be one (`too_few_points`), never a conclusive insulator for a
 * failed insulator (engine 1.2.0 called most such M2 curves a conclusive I2 at 0.99).
 */
import { describe, expect, it } from "vitest";
import { analyzeCurve } from "../analysis/analyze-curve";
import { altGenerators } from "./helpers";

/** `k` readings of a curve, spread evenly over its index (the sweep's setpoints). */
function setpoints(c: { T: Float64Array; R: Float64Array }, k: number): { T: number[]; R: number[] } {
  const idx = Array.from({ length: k }, (_, i) => Math.round((i * (c.T.length - 1)) / (k - 1)));
  return { T: idx.map((i) => c.T[i]!), R: idx.map((i) => c.R[i]!) };
}

describe("coarse sweeps of insulating curves", () => {
  it("a failed insulator swept at 8–20 setpoints is never a conclusive I1 or I2", () => {
    const wrong: string[] = [];
    let guessed = 0;
    for (let k = 0; k < 40; k++) {
      const a = analyzeCurve(setpoints(altGenerators(9900 + k).M2(), 8 + (k % 13)));
      if (!a.inconclusive && (a.phase === "I1" || a.phase === "I2")) wrong.push(`${k}: ${a.phase} ${a.confidence}`);
      if (a.reasonCode === "too_few_points") guessed++;
    }
    expect(wrong).toEqual([]);
    expect(guessed).toBeGreaterThan(20);
  });

  it("an insulator swept at 8–20 setpoints is never a conclusive M2", () => {
    for (let k = 0; k < 40; k++) {
      for (const kind of ["I1", "I2"] as const) {
        const a = analyzeCurve(setpoints(altGenerators(9950 + k)[kind](), 8 + (k % 13)));
        expect({ k, kind, conclusiveM2: a.phase === "M2" && !a.inconclusive }).toEqual({ k, kind, conclusiveM2: false });
      }
    }
  });
});

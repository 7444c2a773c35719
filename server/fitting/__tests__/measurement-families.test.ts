/**
 * The engine on curves as instruments record them (server/synthetic/measurement.ts): no
 * conclusive wrong label, and the right answer most of the time, for every family.
 */
import { describe, expect, it } from "vitest";
import { MEASUREMENT_FAMILIES, measuredCurve } from "../../synthetic/measurement";
import { analyzeCurve } from "../analysis/analyze-curve";

const PER_FAMILY = 30;
const SEED = 424243;

describe("measurement families (project generator, fixed seed)", () => {
  for (const family of MEASUREMENT_FAMILIES) {
    it(`${family}: never a conclusive wrong label on ≥ 95 %, right on ≥ 80 %`, () => {
      let acceptable = 0;
      let right = 0;
      let honest = 0;
      for (let k = 0; k < PER_FAMILY; k++) {
        const c = measuredCurve(SEED, k * MEASUREMENT_FAMILIES.length + MEASUREMENT_FAMILIES.indexOf(family), family);
        const a = analyzeCurve({ T: c.T, R: c.R, ...(c.readout ? { readout: c.readout } : {}) });
        const answer = a.phase ?? "NONE";
        const isRight = c.expected.includes(answer);
        if (isRight) right++;
        if (isRight || a.inconclusive) acceptable++;
        if (a.inconclusive || answer === "NONE") honest++;
        if (a.phase === null || a.inconclusive) expect(a.reasonCode).not.toBeNull();
      }
      expect(acceptable / PER_FAMILY).toBeGreaterThanOrEqual(0.95);
      // where the honest answer is "inconclusive" (or no label), that is what counts as right
      if (family === "incomplete" || family === "reentrant") expect(honest / PER_FAMILY).toBeGreaterThanOrEqual(0.9);
      else expect(right / PER_FAMILY).toBeGreaterThanOrEqual(family === "m1-metallic" ? 0.5 : 0.8);
    });
  }
  it("dead and Hall channels are named as such", () => {
    const dead = analyzeCurve(measuredCurve(SEED, 5, "dead"));
    const hall = analyzeCurve(measuredCurve(SEED, 6, "hall"));
    expect(dead).toMatchObject({ phase: null, reasonCode: "no_signal" });
    expect(hall).toMatchObject({ phase: null, reasonCode: "not_longitudinal" });
  });
});

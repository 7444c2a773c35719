/**
 * Coarse sweeps: 8–20 setpoints across the window, as a dilution-refrigerator run or a table in a
 * paper gives them. The engine's profile of w = −d ln R/d ln T needs three independent local lines
 * of 8 readings to show a turnover; with fewer readings in the insulating window the label is
 * AICc's guess and is said to be one (`too_few_points`), never a conclusive insulator for a
 * failed insulator (engine 1.2.0 called most such M2 curves a conclusive I2 at 0.99).
 *
 * On the falling side, a coarse sweep resolves a drop with one or two readings, or none inside
 * it: before 1.2.2 a quarter of such failed superconductors and some superconductors were
 * called a conclusive "ordinary metal", because the noise estimated from the readings' residuals
 * was the curve's curvature (35 % "noise"), the last reading above the drop looked like a spike
 * to a running median straddling the step, a drop by 4× between readings a factor of 5 apart in
 * T has d ln R/d ln T below 1, and a majority of zero readings with a signed readout's
 * negatives read as a Hall channel.
 */
import { describe, expect, it } from "vitest";
import { analyzeCurve } from "../analysis/analyze-curve";
import { channelEvidence } from "../analysis/evidence/channel";
import { flagOutliers } from "../analysis/noise";
import { atSetpoints } from "../../synthetic/measurement";
import { altGenerators } from "./helpers";

const setpoints = (c: { T: Float64Array; R: Float64Array }, k: number) => atSetpoints(c.T, c.R, k);

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

describe("coarse sweeps of the falling side", () => {
  for (const kind of ["S", "M1"] as const) {
    it(`${kind === "S" ? "a superconductor" : "a failed superconductor"} at 8–24 setpoints: a conclusive wrong label on at most 5 % of 60`, () => {
      const wrong: string[] = [];
      for (let k = 0; k < 60; k++) {
        const a = analyzeCurve(setpoints(altGenerators(9800 + k)[kind](), 8 + (k % 17)));
        if (!a.inconclusive && (a.phase ?? "NONE") !== kind) wrong.push(`${k}: ${a.phase ?? "NONE"} ${a.reasonCode ?? ""} ${a.confidence}`);
      }
      // engine 1.2.1: 4 (S) and 18 (M1) of 60
      expect(wrong.length, wrong.join("; ")).toBeLessThanOrEqual(3);
    });
  }

  it("a film that rises slightly on cooling and then loses three quarters of its resistance between two setpoints is no metal", () => {
    // a metal loses below T at most its phonon term there, and gains it back at least (T3/T − 1)
    // times over up to a warmer T3: here R falls by 4× below 2.9 K and does not rise above it
    const T = [0.113, 0.553, 2.89, 13.6, 50, 91.5, 131, 173, 213];
    const R = [244, 243, 1030, 1010, 990, 984, 979, 976, 971];
    const a = analyzeCurve({ T, R });
    expect(a.reasonCode).not.toBe("metallic_no_transition");
    expect(["S", "M1"]).toContain(a.phase);
  });

  it("keeps the last reading above a drop that no reading resolves, and still flags a spike", () => {
    const lnT = Float64Array.from([0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100], Math.log);
    const step = Float64Array.from([243, 244, 243, 1030, 1020, 1010, 1000, 990, 985, 980]);
    const flags = flagOutliers(step, 2e-3, 0, 6, lnT, step.map(Math.log));
    expect(Array.from(flags)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const spiked = step.slice();
    spiked[6] = 1100;
    expect(flagOutliers(spiked, 2e-3, 0, 6, lnT, spiked.map(Math.log))[6]).toBe(1);
  });

  it("a superconductor read at eleven setpoints, most of them at zero with a signed readout, is no Hall channel", () => {
    const zeroMostly = Float64Array.from([-0.026, -0.11, -0.067, -0.3, 0.23, -0.05, -0.04, 5.6, 322, 459, 469]);
    expect(channelEvidence(zeroMostly).code).toBeNull();
    // an offset channel read negative throughout stays one
    expect(channelEvidence(Float64Array.from([-2.1, -2.05, -2, -1.98, -1.97, -1.95, -1.9, -1.88, -1.86, -1.85])).code).toBe("not_longitudinal");
  });
});

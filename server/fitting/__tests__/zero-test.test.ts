/**
 * The zero test on a few cold readings (a coarse sweep): each reading is compared with the
 * additive noise that remains at zero resistance, never with the multiplicative noise of the
 * normal state.
 */
import { describe, expect, it } from "vitest";
import { zeroTest } from "../analysis/evidence/zero-test";

const lnT = (ts: number[]) => ts.map(Math.log);

describe("zero test on a coarse cold end", () => {
  it("a reading at 1.5 % of R_n is no zero, however noisy the normal state (1 % multiplicative noise)", () => {
    // R_n = 6300 Ω with 0.77 % noise: σ ≈ 49 Ω at R_n, but the instrument resolves mΩ at zero
    const z = zeroTest(lnT([0.338]), [93.4], { readout: "signed", normalNoise: 49, rNormal: 6300 });
    expect(z.L).toBeGreaterThanOrEqual(0);
    expect(z.reason).toMatch(/too few to tell/);
  });
  it("readings of ±20 µΩ below a 0.23 Ω normal state are zero, with a reading still in the transition above them", () => {
    const z = zeroTest(lnT([5.0, 5.24, 6.0]), [-1.9e-5, 9.9e-6, 2.2e-3], { readout: "signed", normalNoise: 7e-4, rNormal: 0.23 });
    expect(z.L).toBeLessThan(0);
    expect(z.reason).toMatch(/zero resistance/);
  });
  it("readings well below zero are zero resistance read with an offset, and say so", () => {
    const R = [-2.31, -2.29, -2.3, -2.32, -2.28, -2.3, -2.31];
    const z = zeroTest(lnT([1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6]), R, { readout: "signed", normalNoise: 0.01, rNormal: 100 });
    expect(z.L).toBeLessThan(0);
    expect(z.reason).toMatch(/standard errors below zero: zero resistance read with an instrument offset of -2.3 % of R_n/);
  });
  it("a single negative cold reading sets the noise scale: readings of that size are zero", () => {
    const z = zeroTest(lnT([2.0, 2.2]), [-0.004, 0.006], { readout: "signed", normalNoise: 1e-4, rNormal: 50 });
    expect(z.L).toBeLessThan(0);
  });
});

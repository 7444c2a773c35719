/**
 * Readings pinned at an instrument limit (evidence/pinned.ts): an insulator that runs into the
 * instrument's range (clipped to its full scale, or reported with an over-range code such as
 * SCPI's 9.9E37), and a superconductor whose export clips the readings to a positive floor (as
 * for a log plot). Before, the flat run of one repeated value read as a saturation or a plateau:
 * a conclusive M2 or M1 at 0.999 on every such curve. The film's resistance is not measured
 * there, so the answer is a best guess from the rest (`instrument_limit`), and the readings are
 * named, not dropped silently.
 */
import { describe, expect, it } from "vitest";
import { analyzeCurve } from "../analysis/analyze-curve";
import { MIN_PINNED, pinnedColdEnd } from "../analysis/evidence/pinned";
import { addNoise, gaussian, logGrid, logUniform, rng } from "./helpers";

/** An activated or Mott insulator swept from 20 K down to 0.1–1 K, 300 readings, 0.3 % noise. */
function insulator(seed: number): { T: Float64Array; R: Float64Array } {
  const u = rng(seed);
  const g = gaussian(u);
  const T = logGrid(0.1 + 0.9 * u(), 20, 300);
  const T0 = logUniform(u, 5, 50);
  const mott = u() < 0.5;
  const R0 = logUniform(u, 1e3, 1e4);
  const R = addNoise(
    T.map((t) => R0 * Math.exp(mott ? Math.sqrt(T0 / t) : T0 / t)),
    3e-3,
    0,
    g,
  );
  return { T, R };
}

/** The value below which a fraction `q` of the readings lie. */
function quantile(R: Float64Array, q: number): number {
  return Float64Array.from(R).sort()[Math.floor(q * (R.length - 1))]!;
}

const CURVES = 20;

describe("readings pinned at an instrument limit", () => {
  it("an insulator clipped at the full scale of its range: never a conclusive M2", () => {
    for (let s = 0; s < CURVES; s++) {
      const { T, R } = insulator(700 + s);
      const ceiling = quantile(R, 0.6 + 0.25 * ((s % 5) / 4));
      const clipped = R.map((r) => Math.min(r, ceiling));
      // the same insulator in range is a conclusive I1 or I2
      expect(analyzeCurve({ T, R })).toMatchObject({ inconclusive: false });
      const a = analyzeCurve({ T, R: clipped });
      expect(a.inconclusive).toBe(true);
      expect(a.reasonCode).toBe("instrument_limit");
      expect(["I1", "I2"]).toContain(a.phase);
      expect(a.diagnostics.warnings.some((w) => w.includes("set aside: an instrument limit"))).toBe(true);
    }
  });

  it("an over-range code in place of the readings: the best guess comes from the readings in range", () => {
    for (let s = 0; s < CURVES; s++) {
      const { T, R } = insulator(720 + s);
      const ceiling = quantile(R, 0.7);
      const code = [9.9e37, 1e9, 2e8][s % 3]!;
      const a = analyzeCurve({ T, R: R.map((r) => (r > ceiling ? code : r)) });
      expect(a).toMatchObject({ inconclusive: true, reasonCode: "instrument_limit" });
      expect(["I1", "I2"]).toContain(a.phase);
      expect(a.reasons.some((r) => r.includes("repeat one value exactly"))).toBe(true);
    }
  });

  it("a superconductor clipped to a positive floor: S at best, never a conclusive M1", () => {
    for (let s = 0; s < CURVES; s++) {
      const u = rng(740 + s);
      const T = logGrid(0.5, 30, 300);
      const RN = logUniform(u, 300, 5000);
      const Tc = 2 + 6 * u();
      const floor = RN * logUniform(u, 1e-5, 1e-3);
      const R = addNoise(
        T.map((t) => RN / (1 + Math.exp(-(t - Tc) / (0.04 * Tc)))),
        2e-3,
        0,
        gaussian(u),
      ).map((r) => Math.max(r, floor));
      const a = analyzeCurve({ T, R });
      expect(a.phase === "M1" && !a.inconclusive).toBe(false);
      expect(a).toMatchObject({ phase: "S", inconclusive: true, reasonCode: "instrument_limit" });
    }
  });

  it("zero is a measurement, and noisy readings never repeat: both stay as they are", () => {
    const T = Array.from({ length: 40 }, (_, i) => 1 + i);
    const zeros = T.map((t) => (t < 10 ? 0 : 100));
    expect(pinnedColdEnd(T, zeros)).toBeNull();
    const noisy = T.map((t, i) => 100 + t + (i % 2) * 0.01);
    expect(pinnedColdEnd(T, noisy)).toBeNull();
    const pinned = T.map((t, i) => (i < MIN_PINNED ? 500 : 400 - t));
    expect(pinnedColdEnd(T, pinned)).toMatchObject({ value: 500, k: MIN_PINNED, limit: "ceiling" });
    // one fewer is chance, not a limit
    expect(pinnedColdEnd(T, T.map((t, i) => (i < MIN_PINNED - 1 ? 500 : 400 - t)))).toBeNull();
    // a ceiling reached in noise: a few readings just below it interleave with the pinned run
    const interleaved = T.map((t, i) => (i < 8 ? (i === 3 || i === 6 ? 499.5 : 500) : 400 - t));
    expect(pinnedColdEnd(T, interleaved)).toMatchObject({ value: 500, k: 6 });
  });
});

/** Input validation: bad data never throws and never yields a silent wrong label. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeCurve } from "../analysis/analyze-curve";
import { prepareCurve } from "../analysis/preprocess";
import { addNoise, gaussian, logGrid, mapT, rng } from "./helpers";

const es = (t: number) => 2000 * Math.exp(Math.sqrt(30 / t));
const sc = (t: number) => 3000 / (1 + Math.exp((0.5 - t) / 0.03));

describe("prepareCurve", () => {
  it("sorts unsorted input and says so", () => {
    const p = prepareCurve({ T: [3, 1, 2], R: [30, 10, 20] });
    expect(Array.from(p.T)).toEqual([1, 2, 3]);
    expect(Array.from(p.R)).toEqual([10, 20, 30]);
    expect(p.warnings.join(" ")).toMatch(/not sorted/);
  });
  it("reverses a cooling sweep and says so", () => {
    const p = prepareCurve({ T: [3, 2, 1], R: [30, 20, 10] });
    expect(Array.from(p.T)).toEqual([1, 2, 3]);
    expect(Array.from(p.index)).toEqual([2, 1, 0]);
    expect(p.warnings.join(" ")).toMatch(/decreasing order/);
  });
  it("merges duplicate temperatures by averaging R and says so", () => {
    const p = prepareCurve({ T: [1, 2, 2, 3], R: [10, 19, 21, 30] });
    expect(Array.from(p.T)).toEqual([1, 2, 3]);
    expect(Array.from(p.R)).toEqual([10, 20, 30]);
    expect(p.warnings.join(" ")).toMatch(/duplicate/);
  });
  it("drops NaN, ±Infinity and non-positive temperatures with a reason and the original index", () => {
    const p = prepareCurve({ T: [1, NaN, 2, -1, 0, 3, Infinity], R: [10, 5, 20, 5, 5, Number.NEGATIVE_INFINITY, 5] });
    expect(Array.from(p.T)).toEqual([1, 2]);
    expect(p.dropped.map((d) => d.index)).toEqual([1, 3, 4, 5, 6]);
    expect(p.dropped.find((d) => d.index === 3)!.reason).toMatch(/non-positive temperature/);
    expect(p.dropped.find((d) => d.index === 5)!.reason).toMatch(/resistance is not a finite number/);
  });
  it("never drops a reading for R ≤ 0: zero within noise is evidence, an isolated glitch is left to the outlier test", () => {
    const T = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8];
    const R = [0.3, -0.2, 0.1, -0.4, 0.2, 0.0, 0.1, 500, 900, 1000, 1000, 1000, -3, 1000, 1000, 1000, 1000, 1000];
    const p = prepareCurve({ T, R });
    expect(p.T.length).toBe(T.length);
    expect(p.dropped).toHaveLength(0);
    expect(p.warnings.join(" ")).toMatch(/4 reading\(s\) with R ≤ 0 kept/);
  });
  it("reports structural errors", () => {
    expect(prepareCurve({ T: [1, 2], R: [1] }).error).toMatch(/different lengths/);
    expect(prepareCurve({ R: [1] }).error).toMatch(/T is missing/);
    expect(prepareCurve(null).error).toMatch(/not an object/);
  });
});

describe("analyzeCurve on bad input", () => {
  it("too few points → inconclusive with a reason, not an exception", () => {
    const a = analyzeCurve({ T: [1, 2, 3], R: [3, 2, 1] });
    expect(a.inconclusive).toBe(true);
    expect(a.inconclusiveReason).toMatch(/too few valid points/);
    expect(a.confidence).toBeLessThanOrEqual(0.5);
  });
  it("fewer points than a 3-parameter model needs → inconclusive", () => {
    const a = analyzeCurve({ T: [1, 2, 3, 4, 5, 6], R: [6, 5, 4, 3, 2, 1] });
    expect(a.inconclusive).toBe(true);
  });
  it("a short temperature window is inconclusive even with many points", () => {
    const T = logGrid(1, 1.2, 200);
    const a = analyzeCurve({ T, R: mapT(T, es) });
    expect(a.inconclusive).toBe(true);
    expect(a.inconclusiveReason).toMatch(/window too short/);
  });
  it("structural errors give an inconclusive result", () => {
    for (const bad of [null, undefined, 42, "x", { T: [1, 2] }, { T: "abc", R: "def" }, { T: [1, 2, 3], R: [1, 2] }]) {
      const a = analyzeCurve(bad as never);
      expect(a.inconclusive).toBe(true);
      expect(a.reasons.length).toBeGreaterThan(0);
    }
  });
  it("unsorted, duplicated, NaN-laced data give the same label as the clean curve", () => {
    const u = rng(9);
    const g = gaussian(u);
    const T = logGrid(0.05, 10, 300);
    const R = addNoise(mapT(T, es), 0.01, 0, g);
    const clean = analyzeCurve({ T, R });
    const idx = Array.from({ length: T.length }, (_, i) => i).sort(() => u() - 0.5);
    const T2 = [...idx.map((i) => T[i]!), NaN, 1, -2];
    const R2 = [...idx.map((i) => R[i]!), 5, Number.NaN, 7];
    const messy = analyzeCurve({ T: T2, R: R2 });
    expect(messy.phase).toBe(clean.phase);
    expect(messy.diagnostics.dropped.length).toBe(3);
    expect(messy.diagnostics.warnings.join(" ")).toMatch(/not sorted/);
  });
  it("a superconductor with lock-in noise around zero (negative readings) is S, not rejected", () => {
    const u = rng(10);
    const g = gaussian(u);
    const T = logGrid(0.05, 5, 400);
    const R = addNoise(mapT(T, sc), 0.005, 0.5, g);
    expect(Array.from(R).some((r) => r < 0)).toBe(true);
    const a = analyzeCurve({ T, R });
    expect(a.phase).toBe("S");
    expect(a.inconclusive).toBe(false);
    expect(a.diagnostics.dropped).toHaveLength(0);
  });
  it("negative glitches in an insulating curve are kept as readings and excluded from the fits as outliers", () => {
    const u = rng(11);
    const g = gaussian(u);
    const T = logGrid(0.05, 10, 300);
    const R = addNoise(mapT(T, es), 0.01, 0, g);
    R[50] = -R[50]!;
    R[200] = 0;
    const a = analyzeCurve({ T, R });
    expect(a.diagnostics.dropped).toEqual([]);
    expect(a.diagnostics.warnings.join(" ")).toMatch(/outlier\(s\) excluded from the fits .*0\.121.*1\.73 K/);
    expect(a.phase).toBe("I2");
  });
  it("degenerate channels (all zero, constant) carry no label: no_signal, with a finite confidence", () => {
    const T = logGrid(0.05, 5, 100);
    for (const R of [mapT(T, () => 0), mapT(T, () => 1000)]) {
      const a = analyzeCurve({ T, R });
      expect(a.phase).toBeNull();
      expect(a.reasonCode).toBe("no_signal");
      expect(Number.isFinite(a.confidence)).toBe(true);
      expect(a.reasons[0]).toMatch(/reads (exactly 0|the same value)/);
    }
  });
  it("never throws on arbitrary arrays (property)", () => {
    const num = fc.oneof(
      fc.double({ noNaN: false }),
      fc.constantFrom(0, -0, 1e-300, 1e300, Number.NaN, Infinity, -Infinity),
      fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(num, { maxLength: 60 }), fc.array(num, { maxLength: 60 }), (T, R) => {
        const n = Math.min(T.length, R.length);
        const a = analyzeCurve({ T: T.slice(0, n), R: R.slice(0, n) });
        expect(["S", "M1", "M2", "I1", "I2", null]).toContain(a.phase);
        if (a.phase === null || a.inconclusive) expect(a.reasonCode).not.toBeNull();
        expect(a.confidence).toBeGreaterThanOrEqual(0);
        expect(a.confidence).toBeLessThanOrEqual(1);
        expect(JSON.stringify(a)).not.toMatch(/NaN|Infinity/);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});

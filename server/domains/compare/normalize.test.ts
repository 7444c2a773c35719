import { describe, expect, it } from "vitest";
import { normalizeCurve, normalStateResistance } from "./normalize";

describe("normalizing curves for comparison", () => {
  it("takes R_N at 10 K, interpolated in ln T, whatever the sweep direction", () => {
    const T = [300, 20, 5, 1];
    const R = [1000, 2000, 3000, 4000];
    // between 5 K (3000 Ω) and 20 K (2000 Ω): ln 10 is halfway between ln 5 and ln 20
    expect(normalStateResistance(T, R)).toBeCloseTo(2500, 9);
    expect(normalStateResistance([...T].reverse(), [...R].reverse())).toBeCloseTo(2500, 9);
  });

  it("uses the warmest point of a sweep that stops below 10 K, and the coldest of one that starts above", () => {
    expect(normalStateResistance([0.05, 0.5, 2.5], [10, 20, 30])).toBe(30);
    expect(normalStateResistance([50, 100], [7, 8])).toBe(7);
    expect(normalStateResistance([], [])).toBeNull();
  });

  it("scales R by R_N or by h/4e², and T by Tc; a curve without Tc cannot be drawn against T/Tc", () => {
    const T = [0.5, 1, 2, 10];
    const R = [0, 100, 400, 500];
    const rn = normalizeCurve(T, R, { normalization: "RN", temperature: "TTc", tc90K: 2 })!;
    expect(rn.x).toEqual([0.25, 0.5, 1, 5]);
    expect(rn.y.map((v) => +v.toFixed(12))).toEqual([0, 0.2, 0.8, 1]);
    const rq = normalizeCurve(T, R, { normalization: "RQ", temperature: "T", tc90K: null })!;
    expect(rq.y[3]).toBeCloseTo(500 / 6453.2, 12);
    expect(normalizeCurve(T, R, { normalization: "none", temperature: "TTc", tc90K: null })).toBeNull();
  });
});

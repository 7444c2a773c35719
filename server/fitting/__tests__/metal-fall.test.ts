/**
 * The "fall onto a metal" evidence (analysis/evidence/metal-fall.ts) on its own: a warm fall or
 * maximum followed by a metal's approach to its residual is named, and a superconductor's
 * plateau, a flat tail or a cold fall is left alone.
 */
import { describe, expect, it } from "vitest";
import { fallOntoMetal, metalBelowMaximum } from "../analysis/evidence/metal-fall";
import { makeCurveData } from "../models/common";

const SIGMA_REL = 1e-4;
const grid = (lo: number, hi: number, n: number) => Float64Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
const weightsOf = (R: Float64Array) => R.map((r) => 1 / (SIGMA_REL * r) ** 2);
const wobble = (R: Float64Array) => R.map((r, i) => r * (1 + SIGMA_REL * Math.sin(i * 7.3)));

describe("a fall onto a metal", () => {
  // a metal below a fall at 200 K: residual 2 Ω plus T² and T⁴·⁵ terms
  const T = grid(4, 300, 300);
  const metal = wobble(T.map((t) => 2 * (1 + 1.5 * (t / 200) ** 2 + 0.3 * (t / 200) ** 4.5)));

  it("names a plateau approached as a metal below a warm fall", () => {
    const d = makeCurveData(T, metal);
    expect(fallOntoMetal(d, metal, weightsOf(metal), 2, 200, 1e-6)).toMatch(/metal–insulator or magnetic transition onto a metal/);
  });

  it("leaves a cold fall, and a tail that no longer falls, to the SIT's reading", () => {
    const d = makeCurveData(T, metal);
    // the same curve read as a fall at 30 K: below the 40 K bound
    expect(fallOntoMetal(d, metal, weightsOf(metal), 2, 30, 1e-6)).toBeNull();
    // a plateau flat up to half the fall's temperature: nothing to compare
    const flat = wobble(T.map((t) => (t < 150 ? 2 : 2 + (t - 150))));
    expect(fallOntoMetal(makeCurveData(T, flat), flat, weightsOf(flat), 2, 200, 1e-6)).toBeNull();
  });

  it("leaves an activated approach to a plateau (Eq. 2) alone", () => {
    // ρ_QF = 2 Ω plus ρ0·exp(−E/T) with E = 600 K: the failed superconductor's tail, warm
    const eq2 = wobble(T.map((t) => 2 + 400 * Math.exp(-600 / t)));
    expect(fallOntoMetal(makeCurveData(T, eq2), eq2, weightsOf(eq2), 2, 200, 1e-6)).toBeNull();
  });
});

describe("a metal below a warm maximum", () => {
  const T = grid(4, 300, 300);

  it("names a maximum above 40 K followed by a metal's fall", () => {
    // a hump at 150 K above a metal whose resistance falls as T² towards 5 Ω
    const R = wobble(T.map((t) => (5 + 0.002 * t * t) * (1 + 0.5 / (1 + Math.exp((t - 150) / 5)))));
    expect(metalBelowMaximum(makeCurveData(T, R), 150, SIGMA_REL)).toMatch(/falls as a metal towards its residual/);
  });

  it("leaves a cold maximum (the failed insulator's) alone", () => {
    const R = wobble(T.map((t) => 5 + 0.002 * t * t));
    expect(metalBelowMaximum(makeCurveData(T, R), 20, SIGMA_REL)).toBeNull();
  });
});

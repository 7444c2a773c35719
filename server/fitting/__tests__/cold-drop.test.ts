/**
 * A cold reading far below the rest that the outlier screen sets aside (evidence/cold-drop.ts):
 * the curve above it says "metal", the reading may be the start of a transition (a zero read
 * with an instrument offset). The answer is then inconclusive, and says why; a low glitch with
 * kept readings colder than it changes nothing.
 */
import { describe, expect, it } from "vitest";
import { analyzeCurve } from "../analysis/analyze-curve";
import { coldDropEvidence } from "../analysis/evidence/cold-drop";
import { addNoise, gaussian, rng } from "./helpers";

/** A metal R0·(1 + 0.002·T) swept linearly from 300 K down to 3 K (200 readings, ascending T). */
function metalSweep(seed: number): { T: number[]; R: number[] } {
  const g = gaussian(rng(seed));
  const T = new Float64Array(200).map((_, i) => 3 + (297 * i) / 199);
  const R = addNoise(
    T.map((t) => 1000 * (1 + 0.002 * t)),
    2e-4,
    0.01,
    g,
  );
  return { T: Array.from(T), R: Array.from(R) };
}

describe("a drop at the cold edge set aside as an outlier", () => {
  it("makes a metal's answer inconclusive, with the reading named", () => {
    const { T, R } = metalSweep(61);
    expect(analyzeCurve({ T, R })).toMatchObject({ phase: null, inconclusive: false, reasonCode: "metallic_no_transition" });
    // the coldest reading is a zero read with an offset of −0.5 % of the normal state
    R[0] = -5;
    const a = analyzeCurve({ T, R });
    expect(a).toMatchObject({ phase: null, inconclusive: true, reasonCode: "incomplete_transition" });
    expect(a.reasons.some((r) => r.includes("the reading at 3 K (-5 Ω) lies far below"))).toBe(true);
  });

  it("leaves a low glitch inside the sweep alone, and says no Tc of a metal", () => {
    const { T, R } = metalSweep(62);
    R[5] = -5;
    const a = analyzeCurve({ T, R });
    expect(a).toMatchObject({ phase: null, inconclusive: false, reasonCode: "metallic_no_transition" });
    expect(a.reasons.filter((r) => r.startsWith("Tc"))).toEqual([]);
    expect(Object.keys(a.quantities).filter((k) => k.startsWith("Tc") || k === "rhoQF_ohm" || k === "EaS_K")).toEqual([]);
  });

  it("looks only at flagged readings colder than every kept one, below half the level above", () => {
    const T = [1, 2, 3, 4, 5, 6, 7, 8];
    const R = [0.4, 1, 1, 1, 1, 1, 1, 1];
    expect(coldDropEvidence(T, R, Uint8Array.from([1, 0, 0, 0, 0, 0, 0, 0]))).toMatch(/^the reading at 1 K/);
    expect(coldDropEvidence(T, R, Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0]))).toBeNull();
    expect(coldDropEvidence(T, [0.4, 1, 0.2, 1, 1, 1, 1, 1], Uint8Array.from([0, 0, 1, 0, 0, 0, 0, 0]))).toBeNull();
    expect(coldDropEvidence(T, [0.7, 1, 1, 1, 1, 1, 1, 1], Uint8Array.from([1, 0, 0, 0, 0, 0, 0, 0]))).toBeNull();
  });
});

/**
 * Tc90 against the normal state just above the transition, when that normal state is hidden
 * under a fluctuation tail or above a second step (models/fluctuation.ts, evidence/tc-points.ts).
 * The curves are written here from the physics: 2D Aslamazov–Larkin paraconductivity, the
 * Halperin–Nelson form near a BKT transition, a two-step (granular) transition, each on a
 * power-law normal state, with multiplicative Gaussian noise.
 */
import { describe, expect, it } from "vitest";
import { analyzeCurve } from "../analysis/analyze-curve";
import { createRng } from "../../synthetic/rng";
import { fitNormalStateUnderTransition } from "../models/fluctuation";

/** Readings on a log grid from tLo to tHi with relative noise `rel`; fraction(T) multiplies R_n(T). */
function curve(fraction: (T: number) => number, rn: (T: number) => number, tLo: number, tHi: number, n: number, rel: number, seed: number) {
  const rng = createRng(seed);
  const g = () => rng.normal();
  const T: number[] = [];
  const R: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = tLo * (tHi / tLo) ** (i / (n - 1));
    T.push(t);
    R.push(rn(t) * fraction(t) * (1 + rel * g()) + 1e-4 * g());
  }
  return { T, R };
}

/** T where fraction(T) = f, by bisection on [lo, hi] (fraction increasing in T). */
function levelT(fraction: (T: number) => number, f: number, lo: number, hi: number): number {
  for (let k = 0; k < 200; k++) {
    const mid = 0.5 * (lo + hi);
    if (fraction(mid) < f) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

const al = (Tc: number, alpha: number) => (T: number) => (T <= Tc ? 0 : 1 / (1 + (alpha * Tc) / (T - Tc)));
const hn = (Tb: number, A: number, b: number) => (T: number) => {
  if (T <= Tb) return 0;
  const xi = (2 / A) * Math.sinh(b / Math.sqrt(T / Tb - 1));
  return 1 / (1 + xi * xi);
};
const tanhStep = (Tmid: number, w: number) => (T: number) => 0.5 * (1 + Math.tanh(Math.log(T / Tmid) / w));

function tc90Of(c: { T: number[]; R: number[] }): number {
  const a = analyzeCurve(c);
  expect(a.phase).toBe("S");
  const v = a.quantities.Tc90_K?.value;
  expect(v).toBeTypeOf("number");
  return v!;
}

describe("normal state under a fluctuation tail", () => {
  const flat = () => 800;
  it("a broad Aslamazov–Larkin tail: Tc90 within 5 % of the truth, where the onset's level is far off", () => {
    const f = al(1.0, 0.15);
    const truth = levelT(f, 0.9, 1.0, 20);
    const c = curve(f, flat, 0.3, 12, 400, 0.002, 7);
    expect(Math.abs(tc90Of(c) / truth - 1)).toBeLessThan(0.05);
  });
  it("a Halperin–Nelson (BKT) tail on a weakly metallic (power-law) normal state: Tc90 within 5 %", () => {
    const f = hn(2.0, 4, 0.6);
    const rn = (T: number) => 300 * T ** 0.02;
    const truth = levelT(f, 0.9, 2.0, 40);
    const c = curve(f, rn, 0.8, 40, 500, 0.002, 11);
    expect(Math.abs(tc90Of(c) / truth - 1)).toBeLessThan(0.05);
  });
  it("the fit names the description that generated the tail, and recovers R_n", () => {
    const lnT: number[] = [];
    const R: number[] = [];
    const f = al(1.0, 0.1);
    for (let i = 0; i < 200; i++) {
      const t = 1.3 * (8 / 1.3) ** (i / 199);
      lnT.push(Math.log(t));
      R.push(500 * t ** -0.05 * f(t));
    }
    const w = new Float64Array(R.map((r) => 1 / (0.001 * r) ** 2));
    const fit = fitNormalStateUnderTransition(Float64Array.from(lnT), Float64Array.from(R), w, 0, 200);
    expect(fit?.model).toBe("al");
    expect(Math.abs(fit!.params.Tc_K! - 1.0)).toBeLessThan(0.01);
    // (to the averaging in 16 bins of ln T: below 1 %)
    expect(Math.abs(Math.exp(fit!.lnRn(Math.log(1.5))) / (500 * 1.5 ** -0.05) - 1)).toBeLessThan(0.01);
    // noiseless readings: what is left is the averaging in bins of ln T
    expect(fit!.chi2).toBeLessThan(0.05);
  });
  it("a sharp transition without a tail is a step, and its Tc90 is unchanged", () => {
    const f = tanhStep(3.0, 0.03);
    const truth = levelT(f, 0.9, 1, 10);
    const c = curve(f, (T) => 50 + 0.01 * T ** 3, 1, 30, 400, 0.002, 3);
    expect(Math.abs(tc90Of(c) / truth - 1)).toBeLessThan(0.02);
  });
});

describe("a short window above the transition", () => {
  it("the readings end at 1.45 × Tc50 over a weakly rising normal state: Tc90 against the level just above the drop, no tail extrapolated", () => {
    // a sharp drop at 0.88 K; the normal state rises 3 % from 0.95 to 1.28 K (its own slope)
    const rn = (T: number) => 2070 * (T / 0.95) ** 0.12;
    const f = tanhStep(0.88, 0.02);
    const c = curve(f, rn, 0.03, 1.28, 380, 0.002, 13);
    const a = analyzeCurve(c);
    expect(a.phase).toBe("S");
    const truth = levelT((T) => f(T), 0.9, 0.5, 1.2);
    expect(Math.abs(a.quantities.Tc90_K!.value / truth - 1)).toBeLessThan(0.03);
    expect(a.reasons.join(" ")).not.toMatch(/normal state under the transition/);
  });
});

describe("a transition in two steps", () => {
  it("Tc90 refers to the normal state above both steps, not to the plateau between them", () => {
    // grains at 2 K (the upper 40 % of R_n), links at 0.7 K
    const f = (T: number) => 0.4 * tanhStep(2.0, 0.06)(T) + 0.6 * tanhStep(0.7, 0.08)(T);
    const truth = levelT(f, 0.9, 0.3, 10);
    const c = curve(f, () => 1200, 0.2, 6, 600, 0.002, 5);
    const tc90 = tc90Of(c);
    expect(tc90).toBeGreaterThan(1.5);
    expect(Math.abs(tc90 / truth - 1)).toBeLessThan(0.05);
  });
});

/** Known-answer tests of every model: evaluation, exact recovery from noise-free data, derived quantities. */
import { describe, expect, it } from "vitest";
import { analyzeCurve } from "../analysis/analyze-curve";
import { logDerivative } from "../analysis/log-derivative";
import { makeCurveData } from "../models/common";
import { evaluateModel } from "../models/evaluate";
import { fitFixedHopping, fitFreeHopping } from "../models/hopping";
import { fitFailedInsulator, fitFailedSuperconductor } from "../models/saturation";
import { fitLogisticTransition } from "../models/sc-transition";
import { fitWeakLocalization } from "../models/weak-localization";
import { logGrid, mapT } from "./helpers";

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe("evaluateModel known values", () => {
  const at = (model: Parameters<typeof evaluateModel>[0], params: Record<string, number>, t: number) =>
    evaluateModel(model, params, [t])[0]!;
  it("arrhenius R0·exp(T0/T)", () => {
    expect(at("arrhenius", { R0_ohm: 1000, T0_K: 2 }, 1)).toBeCloseTo(1000 * Math.E ** 2, 9);
    expect(at("arrhenius", { R0_ohm: 1000, T0_K: 2 }, 0.5)).toBeCloseTo(54598.150033144236, 6);
  });
  it("Efros–Shklovskii R0·exp((T0/T)^1/2)", () => {
    expect(at("es_vrh", { R0_ohm: 100, T0_K: 16 }, 1)).toBeCloseTo(5459.815003314423, 8);
    expect(at("es_vrh", { R0_ohm: 100, T0_K: 16 }, 4)).toBeCloseTo(738.905609893065, 9);
  });
  it("2D Mott R0·exp((T0/T)^1/3)", () => {
    expect(at("mott_vrh", { R0_ohm: 100, T0_K: 27 }, 1)).toBeCloseTo(2008.5536923187668, 8);
  });
  it("free exponent", () => {
    expect(at("hopping_free_p", { R0_ohm: 1, T0_K: 16, p: 0.25 }, 1)).toBeCloseTo(Math.E ** 2, 12);
  });
  it("failed superconductor ρ_QF + ρ0·exp(−E_aS/T) (seed 001 Eq. 2)", () => {
    expect(at("failed_superconductor", { rhoQF_ohm: 100, rho0_ohm: 1e4, EaS_K: 1 }, 1)).toBeCloseTo(100 + 1e4 / Math.E, 8);
  });
  it("failed insulator 1/(σ_QF + σ0·exp(−E_aI/T)) (seed 001 Eq. 1)", () => {
    expect(at("failed_insulator", { sigmaQF_S: 1e-5, sigma0_S: 1e-3, EaI_K: 2 }, 1)).toBeCloseTo(1 / (1e-5 + 1e-3 * Math.exp(-2)), 6);
  });
  it("weak localization G = G0 + A·ln(T/1 K)", () => {
    expect(at("weak_localization", { G0_S: 1e-4, A_S: 1e-5 }, Math.E)).toBeCloseTo(1 / 1.1e-4, 6);
    expect(at("weak_localization", { G0_S: 1e-4, A_S: 1e-5 }, 1)).toBeCloseTo(1e4, 6);
  });
  it("logistic transition is R_n/2 at T_mid", () => {
    expect(at("sc_transition", { Rn_ohm: 1000, Tmid_K: 1, width_K: 0.1 }, 1)).toBeCloseTo(500, 10);
  });
  it("throws a RangeError for a missing parameter", () => {
    expect(() => evaluateModel("arrhenius", { R0_ohm: 1 }, [1])).toThrow(RangeError);
  });
});

describe("exact recovery from noise-free data", () => {
  const T = logGrid(0.05, 10, 200);
  it("Arrhenius, ES and Mott (closed-form linear least squares)", () => {
    const cases = [
      { model: "arrhenius" as const, R0: 500, T0: 1.5, p: 1 },
      { model: "es_vrh" as const, R0: 2000, T0: 30, p: 0.5 },
      { model: "mott_vrh" as const, R0: 1000, T0: 500, p: 1 / 3 },
    ];
    for (const c of cases) {
      const R = mapT(T, (t) => c.R0 * Math.exp((c.T0 / t) ** c.p));
      const f = fitFixedHopping(makeCurveData(T, R), c.model);
      expect(rel(f.params.R0_ohm!, c.R0)).toBeLessThan(1e-9);
      expect(rel(f.params.T0_K!, c.T0)).toBeLessThan(1e-9);
      expect(f.rss).toBeLessThan(1e-18 * T.length);
    }
  });
  it("free exponent (variable projection + LM)", () => {
    const R = mapT(T, (t) => 3000 * Math.exp((5 / t) ** 0.6));
    const f = fitFreeHopping(makeCurveData(T, R));
    expect(f.converged).toBe(true);
    expect(f.params.p!).toBeCloseTo(0.6, 7);
    expect(rel(f.params.T0_K!, 5)).toBeLessThan(1e-6);
    expect(rel(f.params.R0_ohm!, 3000)).toBeLessThan(1e-6);
  });
  it("failed superconductor, Eq. 2", () => {
    const Ts = logGrid(0.05, 2, 150);
    const R = mapT(Ts, (t) => 50 + 2e4 * Math.exp(-2 / t));
    const f = fitFailedSuperconductor(makeCurveData(Ts, R), new Float64Array(Ts.length).fill(1));
    expect(f.converged).toBe(true);
    // polish tolerance: relative cost change 1e-7 (see POLISH)
    expect(rel(f.params.rhoQF_ohm!, 50)).toBeLessThan(1e-5);
    expect(rel(f.params.rho0_ohm!, 2e4)).toBeLessThan(1e-6);
    expect(rel(f.params.EaS_K!, 2)).toBeLessThan(1e-6);
  });
  it("failed insulator, Eq. 1", () => {
    const Ts = logGrid(0.03, 5, 150);
    const R = mapT(Ts, (t) => 1 / (2e-6 + 1e-3 * Math.exp(-0.8 / t)));
    const f = fitFailedInsulator(makeCurveData(Ts, R));
    expect(f.converged).toBe(true);
    expect(rel(f.params.sigmaQF_S!, 2e-6)).toBeLessThan(1e-6);
    expect(rel(f.params.sigma0_S!, 1e-3)).toBeLessThan(1e-6);
    expect(rel(f.params.EaI_K!, 0.8)).toBeLessThan(1e-6);
  });
  it("weak localization (T0 = 1 K convention)", () => {
    const Ts = logGrid(1, 10, 50);
    const R = mapT(Ts, (t) => 1 / (1e-4 + 2e-5 * Math.log(t)));
    const f = fitWeakLocalization(makeCurveData(Ts, R));
    expect(rel(f.params.G0_S!, 1e-4)).toBeLessThan(1e-10);
    expect(rel(f.params.A_S!, 2e-5)).toBeLessThan(1e-10);
    expect(f.params.T0_K).toBe(1);
  });
  it("logistic transition", () => {
    const Ts = logGrid(0.05, 2, 300);
    const R = mapT(Ts, (t) => 2000 / (1 + Math.exp((0.5 - t) / 0.05)));
    const f = fitLogisticTransition(makeCurveData(Ts, R), new Float64Array(Ts.length).fill(1), { Rn: 1800, Tmid: 0.45, width: 0.08 });
    // fitted on ln T bins (a plotting model): bin averaging biases the width by ≲ 1 %
    expect(rel(f.params.Tmid_K!, 0.5)).toBeLessThan(2e-3);
    expect(rel(f.params.width_K!, 0.05)).toBeLessThan(0.02);
    expect(rel(f.params.Rn_ohm!, 2000)).toBeLessThan(2e-3);
  });
});

describe("logarithmic derivative and Zabrodskii analysis", () => {
  const T = logGrid(0.05, 5, 400);
  it("w = T0/T for Arrhenius", () => {
    const ld = logDerivative(T, mapT(T, (t) => 100 * Math.exp(2 / t)));
    for (let k = 2; k < ld.T.length - 2; k++) expect(rel(ld.w[k]!, 2 / ld.T[k]!)).toBeLessThan(0.02);
  });
  it.each([
    ["Arrhenius", 1],
    ["Efros–Shklovskii", 0.5],
    ["Mott", 1 / 3],
  ])("slope of ln w vs ln T is −p (%s)", (_name, p) => {
    const R = mapT(T, (t) => 1000 * Math.exp((20 / t) ** p));
    const ld = logDerivative(T, R, { relativeNoise: 1e-3 });
    expect(ld.zabrodskii).not.toBeNull();
    expect(ld.zabrodskii!.p).toBeCloseTo(p, 2);
  });
  it("w falls toward 0 at low T for a failed insulator", () => {
    const R = mapT(T, (t) => 1 / (1e-6 + 1e-4 * Math.exp(-1 / t)));
    const ld = logDerivative(T, R);
    const wMax = Math.max(...ld.w);
    expect(ld.w[0]!).toBeLessThan(0.05 * wMax);
  });
});

describe("analysis quantities", () => {
  it("Tc at 90/50/10 % of R_max by interpolation (logistic step)", () => {
    const T = logGrid(0.05, 5, 1500);
    const R = mapT(T, (t) => 3000 / (1 + Math.exp((1 - t) / 0.05)));
    const a = analyzeCurve({ T, R });
    expect(a.phase).toBe("S");
    const ln9 = Math.log(9);
    // R_max is the value at 5 K (≈ 3000 Ω); tolerance: grid spacing
    expect(a.quantities.Tc50_K!.value).toBeCloseTo(1, 2);
    expect(a.quantities.Tc90_K!.value).toBeCloseTo(1 + 0.05 * ln9, 2);
    expect(a.quantities.Tc10_K!.value).toBeCloseTo(1 - 0.05 * ln9, 2);
    expect(a.quantities.Rmax_ohm!.value).toBeCloseTo(3000, -1);
  });
  it("R(350 mK)/R(300 K) is interpolated when the window covers both, never extrapolated", () => {
    const f = (t: number) => 1000 * (1 + 0.1 * Math.log(300 / t));
    const wide = logGrid(0.05, 300, 400);
    const a = analyzeCurve({ T: wide, R: mapT(wide, f) });
    expect(a.quantities.ratio350mK300K!.value).toBeCloseTo(f(0.35) / f(300), 3);
    expect(a.quantities.R300K_ohm!.value).toBeCloseTo(1000, 0);
    const narrow = logGrid(0.05, 10, 400);
    const b = analyzeCurve({ T: narrow, R: mapT(narrow, f) });
    expect(b.quantities.ratio350mK300K).toBeUndefined();
    expect(b.quantities.R300K_ohm).toBeUndefined();
  });
  it("weak-localization fit above Tc in the 1–10 K window", () => {
    const T = logGrid(0.05, 10, 800);
    const R = mapT(T, (t) => (1 / (1e-4 + 1.5e-5 * Math.log(t))) / (1 + Math.exp((0.3 - t) / 0.02)));
    const a = analyzeCurve({ T, R });
    expect(a.quantities.wlA_S!.value).toBeCloseTo(1.5e-5, 8);
    expect(a.quantities.wlG0_S!.value).toBeCloseTo(1e-4, 8);
  });
});

import { describe, expect, it } from "vitest";
import { createRng } from "~/server/synthetic/rng";
import { generateScalingSet, type ScalingSetSpec } from "~/server/synthetic/isotherms";
import { analyzeFieldSweeps, analyzeIsotherms, collapseCurve, collapsePoints, SCALING_VERSION } from "../index";

const spec = (over: Partial<ScalingSetSpec> = {}): ScalingSetSpec => {
  const T = over.T_K ?? [0.1, 0.15, 0.22, 0.33, 0.5];
  return {
    Hc_Oe: 20000,
    Rc: 6000,
    znu: 1.3,
    T_K: T,
    T0: 0.5,
    A: 2,
    w: 0.4,
    shape: "tanh",
    drift: 0,
    noise: 0.005,
    grids: T.map((_, i) => ({ dLo: -0.4 - 0.02 * i, dHi: 0.45 - 0.03 * i, n: 80 + 7 * i })),
    ...over,
  };
};

describe("analyzeIsotherms", () => {
  it("finds the crossing and zν of a clean set, with the version and no failure", () => {
    const iso = generateScalingSet(spec(), createRng(1));
    const r = analyzeIsotherms(iso);
    expect(r.version).toBe(SCALING_VERSION);
    expect(r.reasonCode).toBeNull();
    expect(r.crossing).toBe(true);
    expect(r.Hc_Oe!.value).toBeGreaterThan(19800);
    expect(r.Hc_Oe!.value).toBeLessThan(20200);
    expect(r.Rc!.value / 6000).toBeCloseTo(1, 1);
    expect(r.znu!.value).toBeGreaterThan(1.17);
    expect(r.znu!.value).toBeLessThan(1.43);
    expect(r.znuSlope!.value).toBeGreaterThan(1.1);
    expect(r.znuSlope!.value).toBeLessThan(1.5);
    expect(r.pairs).toHaveLength(4);
    expect(r.collapse!.windows.map((w) => Number(w.deltaMax.toFixed(3)))).toEqual([0.05, 0.075, 0.15, 0.2]);
    expect(r.collapse!.sensitivity).toBeGreaterThanOrEqual(0);
    // collapse plot: points on both branches near R/R_c = 1 at small x
    const pts = collapsePoints(iso, r);
    expect(pts.some((p) => p.branch === "above") && pts.some((p) => p.branch === "below")).toBe(true);
    expect(pts.every((p) => (p.branch === "above" ? p.y > 0.8 : p.y < 1.25))).toBe(true);
    const curve = collapseCurve(r);
    expect(curve.filter((p) => p.branch === "above").every((p) => p.y >= 1)).toBe(true);
  });

  it("is deterministic", () => {
    const iso = generateScalingSet(spec(), createRng(2));
    expect(analyzeIsotherms(iso)).toEqual(analyzeIsotherms(iso));
  });

  it("answers too_few_isotherms below three temperatures, merging sweeps at one temperature", () => {
    const iso = generateScalingSet(spec({ T_K: [0.1, 0.1005, 0.3] }), createRng(3));
    const r = analyzeIsotherms(iso);
    expect(r.reasonCode).toBe("too_few_isotherms");
    expect(r.reasons.map((x) => x.code)).toContain("isotherms_merged");
    expect(r.Hc_Oe).toBeNull();
    expect(analyzeIsotherms([]).reasonCode).toBe("too_few_isotherms");
  });

  it("answers crossing_drifts when the crossing moves by far more than its uncertainty", () => {
    // a temperature-dependent prefactor exp(κ·(T − 0.3 K)/0.4 K) makes the pairwise crossings move up in field
    const rng = createRng(4);
    const iso = [0.1, 0.15, 0.22, 0.33, 0.5].map((t) => {
      const H = Array.from({ length: 120 }, (_, j) => 20000 * (0.6 + (0.8 * j) / 119));
      const R = H.map((h) => 6000 * Math.exp(2 * Math.tanh((((h - 20000) / 20000) * Math.pow(t / 0.5, -1 / 1.3)) / 0.4) + (0.4 * (t - 0.3)) / 0.4) * (1 + 0.002 * rng.normal()));
      return { T_K: t, H_Oe: H, R };
    });
    const r = analyzeIsotherms(iso);
    expect(r.reasonCode).toBe("crossing_drifts");
    expect(r.crossing).toBe(false);
    expect(r.Hc_Oe).toBeNull();
    expect(r.drift!.significance).toBeGreaterThan(3);
    expect(r.drift!.relativeAcrossRange).toBeGreaterThan(0.05);
    expect(r.pairs.filter((p) => p.H_Oe !== null).map((p) => p.H_Oe!)).toEqual([...r.pairs.filter((p) => p.H_Oe !== null).map((p) => p.H_Oe!)].sort((a, b) => a - b));
  });

  it("answers no_common_range when the field ranges do not overlap", () => {
    const iso = [0.1, 0.2, 0.3].map((T, i) => ({ T_K: T, H_Oe: Array.from({ length: 20 }, (_, j) => 1000 * i * 3 + 100 * j), R: Array.from({ length: 20 }, () => 100) }));
    expect(analyzeIsotherms(iso).reasonCode).toBe("no_common_range");
  });

  it("answers not_longitudinal for a sign-indefinite (Hall-like) signal", () => {
    const iso = [0.1, 0.2, 0.3].map((T) => ({ T_K: T, H_Oe: Array.from({ length: 41 }, (_, j) => -10000 + 500 * j), R: Array.from({ length: 41 }, (_, j) => (-10000 + 500 * j) * 0.01 * (1 + T)) }));
    expect(analyzeIsotherms(iso).reasonCode).toBe("not_longitudinal");
  });

  it("ignores non-finite readings and folds negative fields", () => {
    const iso = generateScalingSet(spec(), createRng(5)).map((i) => ({ ...i, H_Oe: [...i.H_Oe.map((h) => -h), Number.NaN], R: [...i.R, 5] }));
    const r = analyzeIsotherms(iso);
    expect(r.reasons.map((x) => x.code)).toContain("field_folded");
    expect(r.crossing).toBe(true);
    expect(Math.abs(r.Hc_Oe!.value / 20000 - 1)).toBeLessThan(0.01);
  });

  it("analyses R(T) sweeps at fixed fields by transposing them into isotherms", () => {
    // the same scaling form read as R(T) at 15 fields
    const s = spec();
    const fields = Array.from({ length: 15 }, (_, i) => s.Hc_Oe * (0.7 + 0.04 * i));
    const T = Array.from({ length: 60 }, (_, i) => 0.1 * Math.pow(5, i / 59));
    const sweeps = fields.map((H) => ({
      H_Oe: H,
      T_K: T,
      R: T.map((t) => s.Rc * Math.exp(s.A * Math.tanh((((H - s.Hc_Oe) / s.Hc_Oe) * Math.pow(t / s.T0, -1 / s.znu)) / s.w))),
    }));
    const r = analyzeFieldSweeps(sweeps);
    expect(r.crossing).toBe(true);
    expect(Math.abs(r.Hc_Oe!.value / s.Hc_Oe - 1)).toBeLessThan(0.02);
    expect(Math.abs(r.Rc!.value / s.Rc - 1)).toBeLessThan(0.05);
  });
});

import { describe, expect, it } from "vitest";
import { analyzeIsotherms } from "~/server/scaling";
import { buildDemoDataset } from "./demo";
import { DEMO_CROSSING_FILM as truth } from "./demo-isotherms";

const lab = buildDemoDataset().labs.find((l) => l.key === "lab-a")!;
const setOf = (key: string) => lab.isothermSets.find((s) => s.sample.key === key)!;
const analyse = (key: string) => analyzeIsotherms(setOf(key).curves.map((c) => ({ T_K: c.T_K, H_Oe: c.H_Oe, R: c.R })));

describe("demo isotherms", () => {
  it("only lab A has isotherm films, apart from its R(T) samples, each with six up-sweeps at distinct temperatures", () => {
    const demo = buildDemoDataset();
    expect(demo.labs.map((l) => l.isothermSets.length)).toEqual([2, 0, 0]);
    const keys = new Set(lab.samples.map((s) => s.key));
    for (const set of lab.isothermSets) {
      expect(keys.has(set.sample.key)).toBe(false);
      expect(lab.setups.map((s) => s.key)).toContain(set.setupKey);
      expect(new Set(set.curves.map((c) => c.T_K)).size).toBe(6);
      for (const c of set.curves) {
        expect(c.H_Oe.length).toBe(c.R.length);
        for (let i = 1; i < c.H_Oe.length; i++) expect(c.H_Oe[i]!).toBeGreaterThan(c.H_Oe[i - 1]!);
      }
    }
  });

  it("the a-InO film's isotherms cross at the generated H_c and R_c and collapse with its zν", () => {
    const r = analyse(truth.key);
    expect(r.reasonCode).toBeNull();
    expect(Math.abs(r.Hc_Oe!.value / truth.Hc_Oe - 1)).toBeLessThan(0.02);
    expect(Math.abs(r.Rc!.value / truth.Rc - 1)).toBeLessThan(0.05);
    expect(Math.abs(r.znu!.value / truth.znu - 1)).toBeLessThan(0.1);
  });

  it("the In/InOx composite's isotherms do not cross cleanly: no critical point", () => {
    const r = analyse("a-ininox-f9");
    expect(r.crossing).toBe(false);
    expect(r.Hc_Oe).toBeNull();
    expect(["no_common_crossing", "crossing_drifts", "no_crossing"]).toContain(r.reasonCode);
  });

  it("is deterministic", () => {
    expect(buildDemoDataset().labs[0]!.isothermSets[0]!.curves[0]!.R).toEqual(lab.isothermSets[0]!.curves[0]!.R);
  });
});

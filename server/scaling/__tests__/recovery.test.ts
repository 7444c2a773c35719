/**
 * Recovery, coverage and no-crossing rates on isotherm sets generated from the scaling form
 * (server/synthetic/isotherms.ts, written apart from the analysis): 3–12 isotherms, noise
 * 0.1–3 %, unequal field grids, two shapes of the scaling function.
 */
import { describe, expect, it } from "vitest";
import { createRng, mixSeeds } from "~/server/synthetic/rng";
import { randomNoCrossingSet, randomScalingSet } from "~/server/synthetic/isotherms";
import { analyzeIsotherms } from "../index";

const N = 150;
const rate = (hits: number, n: number) => hits / n;

describe("recovery on generated isotherm sets", { timeout: 120_000 }, () => {
  it("H_c within 2 %, R_c within 5 % and zν within 10 % on ≥ 95 % of sets with a weak drift (±0.3 % across the range)", () => {
    let h = 0;
    let r = 0;
    let z = 0;
    for (let s = 0; s < N; s++) {
      const { spec, isotherms } = randomScalingSet(createRng(mixSeeds(12, 1, s)), { maxDrift: 0.003 });
      const res = analyzeIsotherms(isotherms);
      if (res.Hc_Oe && Math.abs(res.Hc_Oe.value / spec.Hc_Oe - 1) <= 0.02) h++;
      if (res.Rc && Math.abs(res.Rc.value / spec.Rc - 1) <= 0.05) r++;
      if (res.znu && Math.abs(res.znu.value / spec.znu - 1) <= 0.1) z++;
    }
    expect(rate(h, N)).toBeGreaterThanOrEqual(0.95);
    expect(rate(r, N)).toBeGreaterThanOrEqual(0.95);
    expect(rate(z, N)).toBeGreaterThanOrEqual(0.95);
  });

  it("the reported uncertainties cover the truth at their nominal rate (1σ ≈ 68 %, 2σ ≈ 95 %) on sets without drift", () => {
    const within = { H: [0, 0], R: [0, 0], z: [0, 0] };
    let n = 0;
    for (let s = 0; s < N; s++) {
      const { spec, isotherms } = randomScalingSet(createRng(mixSeeds(12, 2, s)), { maxDrift: 0 });
      const res = analyzeIsotherms(isotherms);
      if (!res.Hc_Oe || !res.Rc || !res.znu) continue;
      n++;
      const tally = (k: keyof typeof within, est: { value: number; uncertainty: number }, truth: number) => {
        const d = Math.abs(est.value - truth) / est.uncertainty;
        if (d <= 1) within[k][0]!++;
        if (d <= 2) within[k][1]!++;
      };
      tally("H", res.Hc_Oe, spec.Hc_Oe);
      tally("R", res.Rc, spec.Rc);
      tally("z", res.znu, spec.znu);
    }
    expect(n).toBeGreaterThanOrEqual(0.95 * N);
    // binomial standard deviation of a 68 % rate over ~150 sets is ≈ 4 %: allow ±10 %
    for (const k of ["H", "R", "z"] as const) {
      expect(rate(within[k][0]!, n), `${k} 1σ`).toBeGreaterThan(0.58);
      expect(rate(within[k][0]!, n), `${k} 1σ`).toBeLessThan(0.8);
      expect(rate(within[k][1]!, n), `${k} 2σ`).toBeGreaterThan(0.88);
    }
  });

  it('sets without a crossing are answered "no crossing" on ≥ 95 %', () => {
    let no = 0;
    const byKind: Record<string, number> = {};
    for (let s = 0; s < N; s++) {
      const { kind, isotherms } = randomNoCrossingSet(createRng(mixSeeds(12, 3, s)));
      const res = analyzeIsotherms(isotherms);
      if (!res.crossing) no++;
      else byKind[kind] = (byKind[kind] ?? 0) + 1;
      expect(res.znu === null || res.crossing).toBe(true);
    }
    expect(rate(no, N), JSON.stringify(byKind)).toBeGreaterThanOrEqual(0.95);
  });
});

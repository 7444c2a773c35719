/** Classification on curves from laws that differ from the engine's models and from the shared corpus. */
import { describe, expect, it } from "vitest";
import { analyzeCurve } from "../analysis/analyze-curve";
import { ENGINE_VERSION } from "../version";
import { altGenerators } from "./helpers";

const PER_CLASS = 60;

describe("classification of independent curve families", () => {
  const gens = altGenerators(20251121);
  for (const phase of ["S", "M1", "M2", "I1", "I2"] as const) {
    it(`${phase}: ≥ 95 % correct, deciding reason first with numbers`, () => {
      let correct = 0;
      for (let i = 0; i < PER_CLASS; i++) {
        const a = analyzeCurve(gens[phase]());
        if (a.phase === phase) correct++;
        expect(a.engineVersion).toBe(ENGINE_VERSION);
        expect(a.reasons.length).toBeGreaterThan(1);
        expect(a.reasons[0]).toMatch(/\d/);
        expect(a.confidence).toBeGreaterThanOrEqual(0);
        expect(a.confidence).toBeLessThanOrEqual(1);
        expect(a.runnerUp).not.toBeNull();
        expect(a.runnerUp!.phase).not.toBe(a.phase);
        expect(a.candidates.length).toBeGreaterThan(0);
      }
      expect(correct / PER_CLASS).toBeGreaterThanOrEqual(0.95);
    });
  }

  it("reports ρ_QF against its uncertainty and the noise floor for a failed superconductor", () => {
    const a = analyzeCurve(altGenerators(5).M1());
    expect(a.phase).toBe("M1");
    expect(a.reasons[0]).toMatch(/levels off at ρ_QF = .*±.*× the noise floor/);
    expect(a.quantities.rhoQF_ohm).toBeDefined();
    expect(a.model).toBe("failed_superconductor");
  });

  it("reports the hopping exponent for insulators and picks ES or Mott for I2", () => {
    const a = analyzeCurve(altGenerators(6).I2());
    expect(a.phase).toBe("I2");
    expect(a.reasons[0]).toMatch(/hopping exponent p = /);
    expect(["es_vrh", "mott_vrh"]).toContain(a.model);
    expect(a.quantities.hoppingP).toBeDefined();
  });
});

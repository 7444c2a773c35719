/** The demo data read by the engine show the seed papers' sequences. */
import { describe, expect, it } from "vitest";
import { buildDemoDataset } from "../../synthetic/demo";
import { bmoTbkt, hnAlCoefficient } from "../../synthetic/laws";
import { transitionFraction } from "../../synthetic/model";
import { analyzeCurve } from "../analysis/analyze-curve";

const demo = buildDemoDataset();

/** Labels of one sample's R(T) curves in measurement order, consecutive repeats collapsed. */
function sequence(sampleKey: string, keep: (c: (typeof demo.labs)[number]["curves"][number]) => boolean = () => true): string[] {
  const curves = demo.labs
    .flatMap((l) => l.curves)
    .filter((c) => c.sampleKey === sampleKey && keep(c))
    .sort((a, b) => a.conditions.sequence - b.conditions.sequence);
  const labels = curves.map((c) => {
    const a = analyzeCurve({ T: c.T, R: c.R });
    expect(a.inconclusive).toBe(false);
    return a.phase ?? "NONE";
  });
  return labels.filter((p, i) => p !== labels[i - 1]);
}

describe("demo sequences (seeds 001 and 003)", () => {
  it("a-InO in the diamond anvil cell: I1 → S → M1 → M2 → I2 on pressurizing, back through M2 and M1 on releasing", () => {
    expect(sequence("b-ino-41", (c) => c.conditions.pressureDirection === "PRESSURIZING")).toEqual(["I1", "S", "M1", "M2", "I2"]);
    expect(sequence("b-ino-41", (c) => c.conditions.pressureDirection === "DEPRESSURIZING")).toEqual(["I2", "M2", "M1"]);
  });
  it("In/InOx in field: S0 M1 → M2 → I1, the annealed S1 S → M1 → M2 and S2 S → M1", () => {
    expect(sequence("a-film-1-s0")).toEqual(["M1", "M2", "I1"]);
    expect(sequence("a-film-1-s1")).toEqual(["S", "M1", "M2"]);
    expect(sequence("a-film-1-s2")).toEqual(["S", "M1"]);
  });
  it("a-MoGe at zero field, a BKT tail whose readings end near 2.3 × Tc50: Tc90 against the normal state under the tail (the law's own 90 % point)", () => {
    const c = demo.labs.flatMap((l) => l.curves).find((x) => x.key === "c-moge-4-f-h0")!;
    // the demo's law for this curve: a flat normal state of 2200 Ω/□ under a Halperin–Nelson transition
    const RN = 2200;
    const Tc0 = 0.95;
    const Tbkt = bmoTbkt(Tc0, RN) * 0.92;
    const tr = { kind: "hn" as const, Tc0, Tbkt, b: 0.8, c: hnAlCoefficient(RN, Tc0, Tbkt, 0.8) };
    let lo = Tbkt;
    let hi = 5;
    for (let k = 0; k < 100; k++) {
      const m = (lo + hi) / 2;
      if (transitionFraction(tr, m, RN) < 0.9) lo = m;
      else hi = m;
    }
    const a = analyzeCurve({ T: c.T, R: c.R });
    expect(a.phase).toBe("S");
    expect(Math.abs(a.quantities.Tc90_K!.value / lo - 1)).toBeLessThan(0.05);
  });
});

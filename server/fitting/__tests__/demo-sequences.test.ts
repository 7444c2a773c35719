/** The demo data read by the engine show the seed papers' sequences. */
import { describe, expect, it } from "vitest";
import { buildDemoDataset } from "../../synthetic/demo";
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
});

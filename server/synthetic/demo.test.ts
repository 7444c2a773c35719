import { describe, expect, it } from "vitest";
import { buildDemoDataset, DEMO_EMAIL_DOMAIN, DEMO_PASSWORD, demoCurvePlans } from "./demo";
import type { DemoCurve, DemoDataset } from "./demo";
import { evaluateAt, logDerivative } from "./model";

const demo: DemoDataset = buildDemoDataset();
const labByKey = new Map(demo.labs.map((l) => [l.key, l]));

function withoutArrays(d: DemoDataset): unknown {
  return JSON.parse(JSON.stringify(d, (k, v) => (k === "T" || k === "R" ? undefined : v)));
}

function coldest(c: DemoCurve, n: number): number[] {
  const idx = Array.from(c.T.keys()).sort((a, b) => c.T[a]! - c.T[b]!);
  return idx.slice(0, n).map((i) => c.R[i]!);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

describe("demo dataset shape", () => {
  it("is deterministic", () => {
    const again = buildDemoDataset();
    expect(JSON.stringify(withoutArrays(again))).toBe(JSON.stringify(withoutArrays(demo)));
    demo.labs.forEach((lab, i) =>
      lab.curves.forEach((c, j) => {
        const d = again.labs[i]!.curves[j]!;
        expect(Array.from(d.T)).toEqual(Array.from(c.T));
        expect(Array.from(d.R)).toEqual(Array.from(c.R));
      }),
    );
  });

  it("has three labs with members, setups, samples and fewer than 150 curves", () => {
    expect(demo.labs).toHaveLength(3);
    let total = 0;
    for (const lab of demo.labs) {
      expect(lab.members.length).toBeGreaterThanOrEqual(2);
      expect(lab.setups.length).toBeGreaterThanOrEqual(1);
      expect(lab.samples.length).toBeGreaterThanOrEqual(1);
      for (const m of lab.members) {
        expect(m.email.endsWith(`@${DEMO_EMAIL_DOMAIN}`)).toBe(true);
        expect(m.password).toBe(DEMO_PASSWORD);
      }
      expect(lab.members.filter((m) => m.role === "OWNER")).toHaveLength(1);
      total += lab.curves.length;
    }
    expect(total).toBeGreaterThan(60);
    expect(total).toBeLessThan(150);
    const emails = demo.labs.flatMap((l) => l.members.map((m) => m.email));
    expect(new Set(emails).size).toBe(emails.length);
  });

  it("every curve references its lab's sample and setup, has 150–600 points, monotonic T and finite R", () => {
    const keys = new Set<string>();
    for (const lab of demo.labs) {
      const samples = new Set(lab.samples.map((s) => s.key));
      const setups = new Set(lab.setups.map((s) => s.key));
      for (const c of lab.curves) {
        expect(keys.has(c.key)).toBe(false);
        keys.add(c.key);
        expect(samples.has(c.sampleKey)).toBe(true);
        expect(setups.has(c.setupKey)).toBe(true);
        expect(c.T.length).toBe(c.R.length);
        expect(c.T.length).toBeGreaterThanOrEqual(150);
        expect(c.T.length).toBeLessThanOrEqual(600);
        const sign = c.conditions.sweepDirection === "COOLING" ? -1 : 1;
        for (let i = 1; i < c.T.length; i++) if (!((c.T[i]! - c.T[i - 1]!) * sign > 0)) throw new Error(`${c.key}: T not monotonic`);
        for (const r of c.R) if (!Number.isFinite(r)) throw new Error(`${c.key}: non-finite R`);
        expect(c.conditions.fieldOrientation).toBe("PERPENDICULAR");
      }
    }
  });

  it("filter stages are ordered and Lab A's lines exceed 100 dB with a mixing-chamber stage", () => {
    for (const lab of demo.labs)
      for (const s of lab.setups) expect(s.filterStages.map((f) => f.position)).toEqual(s.filterStages.map((_, i) => i + 1));
    const a = labByKey.get("lab-a")!.setups[0]!;
    const total = a.filterStages.reduce((sum, f) => sum + (f.attenuationDb ?? 0), 0);
    expect(total).toBeGreaterThan(100);
    expect(a.filterStages.some((f) => f.stage === "MIXING_CHAMBER")).toBe(true);
  });

  it("carries no phase labels", () => {
    const text = JSON.stringify(withoutArrays(demo));
    expect(text).not.toMatch(/"(phase|label|labels|difficulty|truth|law)"\s*:/i);
    expect(text).not.toMatch(/\b(M1|M2|I1|I2)\b/);
    expect(text).not.toMatch(/failed|anomalous metal|bose insulator|fermi insulator/i);
  });
});

describe("Lab A: one film across anneal stages S0 → S1 → S2", () => {
  const lab = labByKey.get("lab-a")!;
  it("has three linked stages of one film", () => {
    const s = [...lab.samples].sort((x, y) => x.stageIndex - y.stageIndex);
    expect(s.map((x) => x.annealStage)).toEqual(["S0", "S1", "S2"]);
    expect(s.map((x) => x.stageIndex)).toEqual([0, 1, 2]);
    expect(new Set(s.map((x) => x.filmKey)).size).toBe(1);
    expect(s[0]!.parentKey).toBeNull();
    expect(s[1]!.parentKey).toBe(s[0]!.key);
    expect(s[2]!.parentKey).toBe(s[1]!.key);
    expect(s[1]!.annealTreatment).toBeTruthy();
  });
  it("has 8–10 perpendicular fields per stage between 0 and 600 Oe", () => {
    for (const stage of ["S0", "S1", "S2"]) {
      const fields = lab.curves.filter((c) => c.conditions.annealStage === stage).map((c) => c.conditions.H_Oe);
      expect(fields.length).toBeGreaterThanOrEqual(8);
      expect(fields.length).toBeLessThanOrEqual(10);
      expect(Math.min(...fields)).toBe(0);
      expect(Math.max(...fields)).toBeLessThanOrEqual(600);
    }
  });
  it("S0 at zero field levels off near 6.2 kΩ; S1 at zero field reaches zero", () => {
    const s0 = lab.curves.find((c) => c.conditions.annealStage === "S0" && c.conditions.H_Oe === 0)!;
    expect(Math.abs(median(coldest(s0, 10)) - 6200) / 6200).toBeLessThan(0.03);
    const s1 = lab.curves.find((c) => c.conditions.annealStage === "S1" && c.conditions.H_Oe === 0)!;
    expect(Math.abs(median(coldest(s1, 10)))).toBeLessThan(5);
  });
});

describe("Lab B: pressure series in a diamond anvil cell", () => {
  const lab = labByKey.get("lab-b")!;
  it("has three films with different O₂ partial pressures and T from ~0.3 K to ~300 K", () => {
    expect(lab.samples).toHaveLength(3);
    const o2 = lab.samples.map((s) => s.depositionO2PressureMbar!);
    expect(new Set(o2).size).toBe(3);
    for (const p of o2) {
      expect(p).toBeGreaterThanOrEqual(1e-5);
      expect(p).toBeLessThanOrEqual(5e-5);
    }
    for (const c of lab.curves) {
      expect(Math.min(...c.T)).toBeLessThan(0.35);
      expect(Math.max(...c.T)).toBeGreaterThan(280);
      // dense below 10 K
      expect(c.T.filter((t) => t < 10).length).toBeGreaterThan(c.T.length / 2);
    }
  });
  it("the first film is pressurised 0 → 17 GPa, then depressurised in a few steps", () => {
    const film = lab.samples[0]!.key;
    const curves = lab.curves.filter((c) => c.sampleKey === film).sort((a, b) => a.conditions.sequence - b.conditions.sequence);
    const up = curves.filter((c) => c.conditions.pressureDirection === "PRESSURIZING").map((c) => c.conditions.P_GPa!);
    const down = curves.filter((c) => c.conditions.pressureDirection === "DEPRESSURIZING").map((c) => c.conditions.P_GPa!);
    expect(up[0]).toBe(0);
    expect(up[up.length - 1]).toBe(17);
    for (let i = 1; i < up.length; i++) expect(up[i]!).toBeGreaterThan(up[i - 1]!);
    expect(up.some((p) => p >= 12.7 && p <= 13)).toBe(true);
    expect(down.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < down.length; i++) expect(down[i]!).toBeLessThan(down[i - 1]!);
    expect(down[0]!).toBeLessThan(17);
    // depressurizing steps come after all the pressurizing ones
    const lastUp = Math.max(...curves.filter((c) => c.conditions.pressureDirection === "PRESSURIZING").map((c) => c.conditions.sequence));
    const firstDown = Math.min(...curves.filter((c) => c.conditions.pressureDirection === "DEPRESSURIZING").map((c) => c.conditions.sequence));
    expect(firstDown).toBeGreaterThan(lastUp);
  });
  it("noiseless laws: the first film diverges at 0 GPa, reaches zero at ~5 GPa and levels off (w → 0) at ~11 GPa", () => {
    const plans = demoCurvePlans().filter((p) => p.curve.sampleKey === lab.samples[0]!.key);
    const at = (P: number) => plans.find((p) => p.curve.conditions.P_GPa === P && p.curve.conditions.pressureDirection === "PRESSURIZING")!.spec.law;
    expect(logDerivative(at(0), 0.3)).toBeGreaterThan(5);
    expect(evaluateAt(at(4.8), 0.3)).toBe(0);
    expect(Math.abs(logDerivative(at(11.3), 0.3))).toBeLessThan(0.2);
    expect(logDerivative(at(11.3), 2)).toBeGreaterThan(0.5);
  });
});

describe("Lab C: the same film in a well-filtered and a poorly filtered refrigerator", () => {
  const lab = labByKey.get("lab-c")!;
  it("has one film, two setups, 5–6 common fields", () => {
    expect(lab.samples).toHaveLength(1);
    expect(lab.setups).toHaveLength(2);
    const [good, poor] = lab.setups;
    const total = (s: typeof good) => s!.filterStages.reduce((sum, f) => sum + (f.attenuationDb ?? 0), 0);
    expect(total(good)).toBeGreaterThan(100);
    expect(total(poor)).toBeLessThan(40);
    expect(poor!.filterStages.every((f) => f.stage === "ROOM")).toBe(true);
    const fieldsOf = (k: string) => lab.curves.filter((c) => c.setupKey === k).map((c) => c.conditions.H_Oe);
    expect(fieldsOf(good!.key)).toEqual(fieldsOf(poor!.key));
    expect(fieldsOf(good!.key).length).toBeGreaterThanOrEqual(5);
    expect(fieldsOf(good!.key).length).toBeLessThanOrEqual(6);
  });
  it("low-field curves reach zero with good filtering but level off at a finite value with poor filtering", () => {
    const [good, poor] = lab.setups;
    for (const H of [500, 1000, 1500]) {
      const g = lab.curves.find((c) => c.setupKey === good!.key && c.conditions.H_Oe === H)!;
      const p = lab.curves.find((c) => c.setupKey === poor!.key && c.conditions.H_Oe === H)!;
      expect(Math.abs(median(coldest(g, 15)))).toBeLessThan(1);
      expect(median(coldest(p, 15))).toBeGreaterThan(20);
    }
  });
});

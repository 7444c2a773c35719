import { describe, expect, it } from "vitest";
import { readVerdict } from "./engine-verdict";
import {
  OUTCOMES,
  REALWORLD_FAMILY_LIST,
  generateRealWorldCurve,
  isAcceptable,
  iterateRealWorld,
  realWorldToJsonLine,
  type TRealWorldCurve,
} from "./realworld";
import {
  J5_INFINITY,
  blochGruneisenIntegral,
  blochGruneisenIntegralDirect,
  blochGruneisenShape,
  ferromagnetResistance,
  freezeOutLogSlope,
  freezeOutResistance,
  logSlope,
  logisticStep,
  metalResistance,
  reentrantResistance,
  solveMonotone,
} from "./realworld-laws";
import { ppmsGrid, reading, setpointGrid } from "./realworld-measure";
import { calibration, isAcceptableRecord, isCorrect, measurableTc90, tc90Exclusion, transitionFromTruth, type TEvalRecord } from "./realworld-report";
import { makeRng } from "./rng";

const SAMPLE: TRealWorldCurve[] = Array.from(iterateRealWorld({ seed: 20261201, perFamily: 40 }));
const of = (family: string): TRealWorldCurve[] => SAMPLE.filter((c) => c.family === family);
const num = (c: TRealWorldCurve, key: string): number => Number(c.truth[key]);
const meanSd = (xs: readonly number[]): { mean: number; sd: number } => {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
  return { mean, sd };
};
/** recorded R of the points whose true temperature satisfies `pred` */
const readingsWhere = (c: TRealWorldCurve, pred: (T: number, Rtrue: number) => boolean): number[] =>
  c.R.filter((_, i) => pred(c.Ttrue[i]!, c.Rtrue[i]!));

describe("real-world corpus: determinism and shape", () => {
  it("curve k of seed s is the same whatever else is generated, and seeds differ", () => {
    const a = generateRealWorldCurve(7, 29);
    const b = generateRealWorldCurve(7, 29);
    expect(realWorldToJsonLine(a)).toBe(realWorldToJsonLine(b));
    expect(a.id).toBe("rw-7-00029");
    expect(generateRealWorldCurve(8, 29).R).not.toEqual(a.R);
    const fromCorpus = Array.from(iterateRealWorld({ seed: 7, perFamily: 3 })).find((c) => c.id === a.id);
    expect(fromCorpus && realWorldToJsonLine(fromCorpus)).toBe(realWorldToJsonLine(a));
  });

  it("a family filter keeps the ids and curves of the full corpus", () => {
    const some = Array.from(iterateRealWorld({ seed: 20261201, perFamily: 3, families: ["hall-channel", "reentrant"] }));
    expect(some.map((c) => c.family)).toEqual(["hall-channel", "reentrant", "hall-channel", "reentrant", "hall-channel", "reentrant"]);
    for (const c of some) expect(realWorldToJsonLine(c)).toBe(realWorldToJsonLine(SAMPLE.find((x) => x.id === c.id)!));
  });

  it("rotates through every family with clear and hard variants, and forcing a family works", () => {
    for (const f of REALWORLD_FAMILY_LIST) {
      const list = of(f);
      expect(list.length).toBe(40);
      expect(list.some((c) => c.difficulty === "clear")).toBe(true);
      expect(list.some((c) => c.difficulty === "hard")).toBe(true);
    }
    const forced = generateRealWorldCurve(3, 0, { family: "reentrant", difficulty: "hard" });
    expect(forced.family).toBe("reentrant");
    expect(forced.difficulty).toBe("hard");
  });

  it("gives finite readings at positive temperatures, 20–2000 points (plus repeats), labels and acceptable rules", () => {
    for (const c of SAMPLE) {
      expect(c.T.length).toBe(c.R.length);
      expect(c.Rtrue.length).toBe(c.R.length);
      expect(c.T.length).toBeGreaterThanOrEqual(20);
      expect(c.T.length).toBeLessThanOrEqual(2400);
      expect(c.T.every((t) => t > 0 && Number.isFinite(t))).toBe(true);
      expect(Math.max(...c.Ttrue)).toBeLessThanOrEqual(320);
      expect(c.R.every((r) => Number.isFinite(r))).toBe(true);
      expect(OUTCOMES).toContain(c.expected);
      // the expected answer itself is always acceptable, except where only "no conclusive label" is
      if (c.family !== "incomplete-transition") expect(c.acceptable.conclusive).toContain(c.expected);
      expect(c.acceptable.inconclusive).toBe(true);
      const line = JSON.parse(realWorldToJsonLine(c)) as Record<string, unknown>;
      expect(line.Rtrue).toBeUndefined();
      expect(line.expected).toBe(c.expected);
    }
  });
});

describe("laws at known points", () => {
  it("Bloch–Grüneisen: J5 ≈ z⁴/4 for small z, 5!ζ(5) for large z, the table matches direct integration", () => {
    expect(blochGruneisenIntegral(0.01) / (0.01 ** 4 / 4)).toBeCloseTo(1, 4);
    expect(blochGruneisenIntegral(200)).toBeCloseTo(J5_INFINITY, 5);
    expect(J5_INFINITY).toBeCloseTo(124.4313, 3);
    for (const z of [0.05, 0.7, 3, 12, 40]) expect(blochGruneisenIntegral(z) / blochGruneisenIntegralDirect(z, 4096)).toBeCloseTo(1, 5);
    // linear far above Θ: (T/Θ)⁵·J5(Θ/T) → T/(4Θ); ∝ T⁵ far below
    expect(blochGruneisenShape(3000, 300) / (3000 / 1200)).toBeCloseTo(1, 2);
    expect(blochGruneisenShape(2, 300) / blochGruneisenShape(1, 300)).toBeCloseTo(32, 3);
  });

  it("metal law: R(Tref) = RRR·Rres and R → Rres as T → 0", () => {
    for (const m of [
      { kind: "bloch-gruneisen", Rres: 3, RRR: 7, thetaD: 250, Tref: 300 },
      { kind: "power", Rres: 3, RRR: 7, n: 2, Tref: 300 },
    ] as const) {
      expect(metalResistance(300, m)).toBeCloseTo(21, 9);
      expect(metalResistance(0.5, m) / 3).toBeCloseTo(1, 4);
    }
  });

  it("freeze-out: w is the conductance-weighted activation energy over T, large at both ends", () => {
    const f = { sigma1: Math.exp(300 / 60), E1: 300, sigma3: 1, E3: 100 };
    for (const T of [20, 60, 250]) expect(freezeOutLogSlope(T, f)).toBeCloseTo(-logSlope((t) => freezeOutResistance(t, f), T, 1e-4), 4);
    expect(freezeOutLogSlope(5, f)).toBeCloseTo(20, 1); // E3/T once the impurity band carries the current
    expect(freezeOutLogSlope(40, f)).toBeCloseTo(200 / 40, 6); // equal channels at 40 K: the mean activation over T
  });

  it("ferromagnet: R(0) = Rres, R(300 K) = Rres + A + Rsd, continuous at TC with a steeper slope just below it", () => {
    const f = { Rres: 10, A: 30, n: 1, Rsd: 20, TC: 150 };
    expect(ferromagnetResistance(1e-6, f)).toBeCloseTo(10, 6);
    expect(ferromagnetResistance(300, f)).toBeCloseTo(60, 9);
    expect(ferromagnetResistance(150 * (1 - 1e-9), f)).toBeCloseTo(ferromagnetResistance(150, f), 3);
    const below = (ferromagnetResistance(149, f) - ferromagnetResistance(145, f)) / 4;
    const above = (ferromagnetResistance(155, f) - ferromagnetResistance(151, f)) / 4;
    expect(below).toBeGreaterThan(3 * above);
  });

  it("re-entrance, logistic step and the bisection", () => {
    expect(logisticStep(2, 2, 0.1)).toBe(0.5);
    const r = { RN: 1000, drop: 0.6, Tc: 2, width: 0.05, Rj: 1, Ej: 1 };
    expect(reentrantResistance(50, r)).toBeCloseTo(1000 + Math.exp(1 / 50), 0);
    expect(reentrantResistance(0.1, r)).toBeCloseTo(400 + Math.exp(10), 6);
    expect(solveMonotone((T) => T * T, 9, 1, 10)).toBeCloseTo(3, 9);
    expect(solveMonotone((T) => T, 20, 1, 10)).toBeNull();
  });
});

describe("instrument", () => {
  it("magnitude readings are never negative and their floor has the |Gaussian| and Rayleigh mean/SD", () => {
    const rng = makeRng(4);
    for (const [kind, want] of [
      ["magnitude-one", Math.sqrt(2 / Math.PI) / Math.sqrt(1 - 2 / Math.PI)],
      ["magnitude-both", Math.sqrt(Math.PI / 2) / Math.sqrt((4 - Math.PI) / 2)],
    ] as const) {
      const xs = Array.from({ length: 40_000 }, () => reading(rng, 0, { rel: 0.01, sigma: 2, kind }));
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
      const { mean, sd } = meanSd(xs);
      expect(mean / sd).toBeCloseTo(want, 1);
    }
  });

  it("PPMS two-rate sweeps are ascending between Tmin and Tmax; setpoints repeat and pause", () => {
    const g = ppmsGrid(2, 300, 200, "two-rate", 5);
    expect(g[0]).toBeCloseTo(2, 9);
    expect(g[g.length - 1]).toBeCloseTo(300, 9);
    for (let i = 1; i < g.length; i++) expect(g[i]!).toBeGreaterThan(g[i - 1]!);
    expect(ppmsGrid(85, 120, 50, "two-rate").length).toBe(50); // no cold part: linear
    const s = setpointGrid(makeRng(2), 0.1, 5, { setpoints: 20, repeatsLo: 2, repeatsHi: 4, pauses: 2, pauseLo: 10, pauseHi: 20, jitter: 0 });
    const counts = new Map<number, number>();
    for (const t of s.T) counts.set(t, (counts.get(t) ?? 0) + 1);
    expect(counts.size).toBe(20);
    expect(Math.min(...counts.values())).toBeGreaterThanOrEqual(2);
    expect([...counts.values()].filter((k) => k >= 10).length).toBe(2);
  });
});

describe("families", () => {
  it("S-magnitude: readings never negative; the floor's mean/SD lies within 1.2–2.0 (Rayleigh or |Gaussian|)", () => {
    const curves = of("S-magnitude");
    expect(curves.filter((c) => c.readout === "magnitude").length).toBeGreaterThan(10);
    expect(curves.filter((c) => c.readout !== "magnitude").length).toBeGreaterThan(10);
    const pooled: Record<string, number[]> = { "magnitude-both": [], "magnitude-one": [] };
    for (const c of curves) {
      expect(Math.min(...c.R)).toBeGreaterThanOrEqual(0);
      const floor = readingsWhere(c, (_, r) => r === 0);
      expect(floor.length).toBe(num(c, "nBelowZero"));
      expect(floor.length).toBeGreaterThanOrEqual(5);
      const one = meanSd(floor);
      expect(one.mean / one.sd).toBeLessThanOrEqual(3);
      expect(num(c, "floorMeanOverSd")).toBeCloseTo(one.mean / one.sd, 9);
      pooled[String(c.truth.noiseKind)]!.push(...floor.map((r) => r / num(c, "sigma_ohm")));
    }
    for (const xs of Object.values(pooled)) {
      expect(xs.length).toBeGreaterThan(100);
      const { mean, sd } = meanSd(xs);
      expect(mean / sd).toBeGreaterThanOrEqual(1.2);
      expect(mean / sd).toBeLessThanOrEqual(2.0);
    }
  });

  it("S-coarse-ppms: 300 K down to 1.8–5 K, Tc 2–15 K, 2–5 signed readings within noise of zero, some negative", () => {
    let negative = 0;
    for (const c of of("S-coarse-ppms")) {
      expect(num(c, "Tmax_K")).toBeGreaterThan(289);
      expect(num(c, "Tmin_K")).toBeGreaterThanOrEqual(1.8);
      expect(num(c, "Tmin_K")).toBeLessThanOrEqual(5);
      expect(num(c, "Tzero_K")).toBeGreaterThanOrEqual(2);
      expect(num(c, "Tzero_K")).toBeLessThanOrEqual(15);
      expect(num(c, "RRR")).toBeGreaterThanOrEqual(1.5);
      const zero = readingsWhere(c, (_, r) => r === 0);
      expect(zero.length).toBeGreaterThanOrEqual(c.difficulty === "clear" ? 4 : 2);
      expect(zero.length).toBeLessThanOrEqual(c.difficulty === "clear" ? 5 : 3);
      for (const r of zero) expect(Math.abs(r)).toBeLessThan(6 * num(c, "sigma_ohm"));
      negative += zero.filter((r) => r < 0).length;
      // Tc90 against the normal state just above the drop, not against R(300 K)
      expect(num(c, "Tc90_K")).toBeLessThan(20);
    }
    expect(negative).toBeGreaterThan(10);
  });

  it("M1-metallic-normal: ρ_QF 1–30 % of the residual, the plateau's mean/SD ≫ 3", () => {
    for (const c of of("M1-metallic-normal")) {
      const f = num(c, "rhoQF_over_RN");
      expect(f).toBeGreaterThanOrEqual(0.01);
      expect(f).toBeLessThanOrEqual(0.3);
      const rho = num(c, "rhoQF_ohm");
      const plateau = readingsWhere(c, (_, r) => r < rho * 1.01);
      expect(plateau.length).toBeGreaterThanOrEqual(8);
      const { mean, sd } = meanSd(plateau);
      expect(mean / sd).toBeGreaterThan(10);
      expect(num(c, "Tc90_K")).toBeLessThan(30);
    }
  });

  it("metallic normal states: R(300 K)/R(residual) is the RRR and the transition sits far below 300 K", () => {
    for (const c of of("S-metallic-normal")) {
      expect(num(c, "R300_ohm") / num(c, "Rres_ohm")).toBeCloseTo(num(c, "RRR"), 6);
      expect(num(c, "Tc90_K")).toBeLessThan(30);
      expect(readingsWhere(c, (_, r) => r === 0).length).toBeGreaterThanOrEqual(5);
    }
  });

  it("metal-ordinary: R falls monotonically on cooling towards the residual (no upturn curves aside)", () => {
    for (const c of of("metal-ordinary")) {
      const idx = c.Ttrue.map((_, i) => i).sort((a, b) => c.Ttrue[a]! - c.Ttrue[b]!);
      if (num(c, "upturn") === 0) expect(idx.every((i, k) => k === 0 || c.Rtrue[i]! >= c.Rtrue[idx[k - 1]!]!)).toBe(true);
      expect(Math.min(...c.Rtrue)).toBeGreaterThanOrEqual(num(c, "Rres_ohm") * 0.999);
      expect(c.expectedReason).toBe("metallic_no_transition");
    }
    expect(new Set(of("metal-ordinary").map((c) => c.truth.variant))).toEqual(new Set(["phonon", "linear", "ferromagnet"]));
  });

  it("dead and Hall channels: zero or µΩ noise; negative or sign-changing", () => {
    for (const c of of("dead-channel")) {
      if (c.truth.variant === "zero") expect(c.R.every((r) => r === 0)).toBe(true);
      expect(c.R.every((r) => Math.abs(r) < 1e-3)).toBe(true);
      if (c.truth.variant === "magnitude") expect(Math.min(...c.R)).toBeGreaterThanOrEqual(0);
    }
    for (const c of of("hall-channel")) {
      // negative, or crossing zero (a crossing may leave only a few readings below zero)
      expect(c.R.filter((r) => r < 0).length).toBeGreaterThanOrEqual(3);
      expect(c.expectedReason).toBe("not_longitudinal");
    }
  });

  it("semiconductor-freezeout: w falls across the crossover but stays ≫ 0 at the cold end", () => {
    for (const c of of("semiconductor-freezeout")) {
      expect(num(c, "wAtTmin")).toBeGreaterThanOrEqual(1.5);
      expect(num(c, "wMin")).toBeLessThanOrEqual(0.75 * num(c, "wMax"));
      expect(num(c, "wMin")).toBeGreaterThan(1);
      // the cold end from the noiseless readings: R keeps rising steeply
      const idx = c.Ttrue.map((_, i) => i).sort((a, b) => c.Ttrue[a]! - c.Ttrue[b]!);
      const [i0, i1] = [idx[0]!, idx[1]!];
      const w = -Math.log(c.Rtrue[i1]! / c.Rtrue[i0]!) / Math.log(c.Ttrue[i1]! / c.Ttrue[i0]!);
      expect(w).toBeGreaterThan(1.2);
      expect(c.acceptable.conclusive).not.toContain("M2");
    }
  });

  it("incomplete transitions end at 3–30 % of R_n while still falling steeply", () => {
    for (const c of of("incomplete-transition")) {
      const f = num(c, "RTmin_over_RN");
      expect(f).toBeGreaterThanOrEqual(0.03);
      expect(f).toBeLessThanOrEqual(0.3);
      expect(num(c, "slopeAtTmin")).toBeGreaterThanOrEqual(1);
      expect(c.acceptable.conclusive).toEqual(["NONE"]);
    }
  });

  it("re-entrant curves drop, then rise again without recovering the normal state", () => {
    for (const c of of("reentrant")) {
      const idx = c.Ttrue.map((_, i) => i).sort((a, b) => c.Ttrue[a]! - c.Ttrue[b]!);
      const R = idx.map((i) => c.Rtrue[i]!);
      const iMin = R.indexOf(Math.min(...R));
      expect(iMin).toBeGreaterThan(4);
      expect(R[0]! / R[iMin]!).toBeGreaterThanOrEqual(1.1);
      expect(R[0]!).toBeLessThan(R[R.length - 1]!);
    }
  });

  it("series resistance: below the transition the noiseless R is exactly the series resistance", () => {
    for (const c of of("series-resistance")) {
      const flat = c.Rtrue.filter((_, i) => c.Ttrue[i]! <= num(c, "Tzero_K"));
      expect(flat.length).toBeGreaterThanOrEqual(8);
      expect(flat.every((r) => r === num(c, "Rseries_ohm"))).toBe(true);
      expect(c.acceptable.noted).toEqual(["M1"]);
    }
  });

  it("repeated readings: several readings per setpoint, pauses, every phase", () => {
    const curves = of("repeated-readings");
    expect(new Set(curves.map((c) => c.expected))).toEqual(new Set(["S", "M1", "M2", "I1", "I2"]));
    for (const c of curves) {
      const counts = new Map<string, number>();
      for (const t of c.Ttrue) counts.set(t.toPrecision(2), (counts.get(t.toPrecision(2)) ?? 0) + 1);
      expect(c.Ttrue.length / counts.size).toBeGreaterThanOrEqual(2);
      expect(Math.max(...counts.values())).toBeGreaterThanOrEqual(10);
      expect(c.acceptable.conclusive).toEqual([c.expected]);
    }
  });
});

describe("scoring", () => {
  it("acceptable answers: inconclusive by the flag alone, conclusive by the label", () => {
    const acc = { conclusive: ["NONE", "M1"] as const, inconclusive: true, equivalent: [], noted: ["M1"] as const };
    expect(isAcceptable(acc, { label: "S", inconclusive: true })).toBe(true);
    expect(isAcceptable(acc, { label: "S", inconclusive: false })).toBe(false);
    expect(isAcceptable(acc, { label: null, inconclusive: false })).toBe(true);
    expect(isAcceptable(acc, { label: "M1", inconclusive: false })).toBe(true);
  });

  it("reads null and NONE as no label, tolerates a missing reasonCode and takes Tc90", () => {
    expect(readVerdict({ phase: null, inconclusive: false, reasonCode: "no_signal", confidence: 0.9 }).label).toBe("NONE");
    expect(readVerdict({ phase: "NONE", inconclusive: false, confidence: 0.9 }).label).toBe("NONE");
    const v = readVerdict({ phase: "S", inconclusive: false, confidence: 1.2, quantities: { Tc90_K: { value: 3.1, uncertainty: null } } });
    expect(v).toMatchObject({ label: "S", reasonCode: null, confidence: 1, Tc90_K: 3.1 });
    expect(readVerdict({ phase: null, inconclusive: true, bestGuess: { phase: "M1" } }).label).toBe("M1");
  });

  it("Tc90 is scored only where the window reaches 1.2 × above it and readings bracket it within 15 %", () => {
    expect(measurableTc90(5, 6)).toBe(5);
    expect(measurableTc90(5, 5.9)).toBeNull();
    expect(measurableTc90(NaN, 100)).toBeNull();
    expect(tc90Exclusion(5, 10, [1, 4.7, 5.4, 9])).toBeNull();
    expect(tc90Exclusion(5, 10, [1, 4.5, 5.4, 9])).toBe("sparse");
    expect(tc90Exclusion(5, 5.5, [1, 4.7, 5.4])).toBe("window");
    // an Aslamazov–Larkin tail still at 90 % of the normal state at the top of the window
    const al = { kind: "al", Tc: 1, alpha: 1 } as const;
    expect(tc90Exclusion(10, 19, [9.5, 10.5], al)).toBe("window");
    expect(tc90Exclusion(10, 100, [9.5, 10.5], al)).toBeNull();
    const c = generateRealWorldCurve(3, 0, { family: "S-magnitude" });
    expect(transitionFromTruth(c.truth)?.kind).toBe(c.truth.shape);
  });

  it("calibration: right answers at their stated confidence give ECE 0, a wrong bin shows its gap", () => {
    const rec = (conf: number, label: "S" | "M1"): TEvalRecord => ({
      source: "realworld",
      id: "x",
      family: "f",
      difficulty: "clear",
      expected: "S",
      acceptable: { conclusive: ["S"], inconclusive: true, equivalent: [], noted: [] },
      Tc90truth: null,
      verdict: { label, inconclusive: false, reasonCode: null, inconclusiveReason: null, confidence: conf, model: null, reasons: [], Tc90_K: null },
      truth: {},
    });
    const good = [...Array.from({ length: 100 }, () => rec(1, "S")), ...Array.from({ length: 100 }, (_, i) => rec(0.55, i < 55 ? "S" : "M1"))];
    expect(calibration(good).ece).toBeCloseTo(0, 9);
    const bad = Array.from({ length: 100 }, (_, i) => rec(0.95, i < 50 ? "S" : "M1"));
    const cal = calibration(bad);
    expect(cal.ece).toBeCloseTo(0.45, 9);
    expect(cal.binsOff).toBe(1);
    expect(calibration([...good, ...bad.map((r) => ({ ...r, family: "series-resistance" }))]).ece).toBeCloseTo(0, 9);
    expect(isCorrect(bad[0]!)).toBe(true);
    expect(isAcceptableRecord(bad[99]!)).toBe(false);
  });
});

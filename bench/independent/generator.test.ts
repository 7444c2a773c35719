import { describe, expect, it } from "vitest";
import {
  FAMILIES,
  PHASE_LIST,
  curveToJsonLine,
  fisherFirstSigma,
  generateCorpus,
  generateCurve,
  hoppingExponentSigma,
  phaseOfHoppingExponent,
  type TIndependentCurve,
} from "./generator";
import {
  G_AL_S,
  failedInsulatorLaw,
  failedSuperconductorLaw,
  hoppingLaw,
  levelCrossing,
  logTanhStep,
  smoothMin,
  transitionFraction,
  transitionZeroTemperature,
  type TTransition,
} from "./laws";
import { makeRng } from "./rng";

const REL = 1e-12;
const argMin = (xs: readonly number[]): number => xs.reduce((best, x, i) => (x < xs[best]! ? i : best), 0);
const argMax = (xs: readonly number[]): number => xs.reduce((best, x, i) => (x > xs[best]! ? i : best), 0);
const closeRel = (a: number, b: number, tol = REL): void => {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(Math.abs(a), Math.abs(b)));
};

// one shared sample, mixed phases and difficulties
const SAMPLE: TIndependentCurve[] = generateCorpus({ seed: 20240611, count: 600, hardFraction: 0.5 });

describe("rng", () => {
  it("is deterministic per (seed, stream) and differs across streams", () => {
    const a = makeRng(5, 3);
    const b = makeRng(5, 3);
    const c = makeRng(5, 4);
    const xa = Array.from({ length: 50 }, () => a.next());
    const xb = Array.from({ length: 50 }, () => b.next());
    const xc = Array.from({ length: 50 }, () => c.next());
    expect(xa).toEqual(xb);
    expect(xa).not.toEqual(xc);
    for (const x of xa) expect(x >= 0 && x < 1).toBe(true);
  });

  it("draws standard normals with mean 0 and variance 1 (tolerance 0.03 and 0.05 over 40 000 draws)", () => {
    const r = makeRng(1);
    let s = 0;
    let s2 = 0;
    const n = 40_000;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.03);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.05);
  });

  it("keeps log-uniform draws inside their bounds", () => {
    const r = makeRng(2);
    for (let i = 0; i < 1000; i++) {
      const x = r.logUniform(1e-9, 1);
      expect(x).toBeGreaterThanOrEqual(1e-9);
      expect(x).toBeLessThanOrEqual(1);
    }
  });
});

describe("laws at known points", () => {
  it("hopping: R(T0) = R0·e for any p", () => {
    for (const p of [1 / 3, 0.5, 0.6, 1]) closeRel(hoppingLaw(2.5, 1000, 2.5, p), 1000 * Math.E);
    // Arrhenius: ln R is linear in 1/T with slope T0
    const T0 = 7;
    const slope = (Math.log(hoppingLaw(0.5, 3, T0, 1)) - Math.log(hoppingLaw(1, 3, T0, 1))) / (1 / 0.5 - 1 / 1);
    closeRel(slope, T0, 1e-10);
  });

  it("Eq. 2 (failed superconductor): ρ(Ea) = ρ_QF + ρ0/e, ρ → ρ_QF as T → 0", () => {
    closeRel(failedSuperconductorLaw(0.4, 12, 5000, 0.4), 12 + 5000 / Math.E);
    closeRel(failedSuperconductorLaw(1e-3, 12, 5000, 0.4), 12);
  });

  it("Eq. 1 (failed insulator): ρ(Ea) = 1/(σ_QF + σ0/e), ρ → 1/σ_QF as T → 0", () => {
    closeRel(failedInsulatorLaw(0.3, 1e-6, 1e-3, 0.3), 1 / (1e-6 + 1e-3 / Math.E));
    closeRel(failedInsulatorLaw(1e-3, 1e-6, 1e-3, 0.3), 1e6);
  });

  it("tanh step: exactly 0 at and below its cut, the renormalised half-point at Tmid, 1 far above", () => {
    const Tmid = 1.3;
    const w = 0.1;
    const cut = Tmid * Math.exp(-3 * w);
    expect(logTanhStep(cut, Tmid, w)).toBe(0);
    expect(logTanhStep(cut * 0.9, Tmid, w)).toBe(0);
    expect(logTanhStep(cut * 1.01, Tmid, w)).toBeGreaterThan(0);
    const g0 = 0.5 * (1 + Math.tanh(-3));
    closeRel(logTanhStep(Tmid, Tmid, w), (0.5 - g0) / (1 - g0), 1e-12);
    expect(Math.abs(logTanhStep(100 * Tmid, Tmid, w) - 1)).toBeLessThan(1e-12);
  });

  it("Aslamazov–Larkin tail: g(2Tc) = 1/(1 + α)", () => {
    const tr: TTransition = { kind: "al", Tc: 0.8, alpha: 0.05 };
    closeRel(transitionFraction(1.6, tr), 1 / 1.05);
    expect(transitionFraction(0.8, tr)).toBe(0);
    expect(G_AL_S).toBeCloseTo(1.519e-5, 8);
  });

  it("every transition shape is exactly zero at its zero temperature, positive just above and monotone", () => {
    const shapes: TTransition[] = [
      { kind: "tanh", Tmid: 1, width: 0.1 },
      { kind: "bkt", Tbkt: 0.5, b: 0.5, A: 4 },
      { kind: "al", Tc: 2, alpha: 0.1 },
      { kind: "twostep", Tmid1: 3, width1: 0.1, Tmid2: 1, width2: 0.05, fHigh: 0.6 },
      { kind: "foot", Tmid: 1, width: 0.05, fFoot: 0.03, Tz: 0.5, m: 2 },
    ];
    for (const tr of shapes) {
      const Tz = transitionZeroTemperature(tr);
      expect(transitionFraction(Tz, tr)).toBe(0);
      expect(transitionFraction(0.97 * Tz, tr)).toBe(0);
      expect(transitionFraction(1.05 * Tz, tr)).toBeGreaterThan(0);
      let prev = 0;
      for (let k = 0; k <= 200; k++) {
        const g = transitionFraction(Tz * Math.pow(50, k / 200), tr);
        expect(g).toBeGreaterThanOrEqual(prev - 1e-15);
        expect(g).toBeLessThanOrEqual(1 + 1e-12);
        prev = g;
      }
    }
  });

  it("Halperin–Nelson: at the mean-field-like point sinh(b/√t) = A/2 the resistance is half", () => {
    const tr = { kind: "bkt" as const, Tbkt: 1, b: 0.4, A: 3 };
    const t = (tr.b / Math.asinh(tr.A / 2)) ** 2;
    closeRel(transitionFraction(tr.Tbkt * (1 + t), tr), 0.5, 1e-12);
  });

  it("smooth minimum is below both arguments and tends to the smaller one", () => {
    expect(smoothMin(3, 5, 2)).toBeLessThan(3);
    closeRel(smoothMin(1, 1e-6, 2), 1e-6, 1e-11);
    closeRel(smoothMin(2, 2, 1), 1, 1e-12);
    expect(smoothMin(0, 5, 2)).toBe(0);
  });

  it("level crossing finds the 90 % point of a tanh step", () => {
    const tr: TTransition = { kind: "tanh", Tmid: 1, width: 0.1 };
    const T90 = levelCrossing((T) => transitionFraction(T, tr), 0.3, 10, 0.9, 20000);
    expect(T90).not.toBeNull();
    expect(transitionFraction(T90!, tr)).toBeCloseTo(0.9, 3);
  });
});

describe("decidability helpers", () => {
  it("Fisher σ of the first parameter matches a closed form (quadratic through three points)", () => {
    // y = a·x² + b·x + c at x = −1, 0, 1 with unit σ: a = (y(−1) + y(1))/2 − y(0), var(a) = 1/4 + 1/4 + 1
    const rows = [
      [1, -1, 1],
      [0, 0, 1],
      [1, 1, 1],
    ];
    expect(fisherFirstSigma(rows, [1, 1, 1])).toBeCloseTo(Math.sqrt(1.5), 12);
    // scaling every σ by 3 scales the uncertainty by 3
    expect(fisherFirstSigma(rows, [3, 3, 3])).toBeCloseTo(3 * Math.sqrt(1.5), 12);
  });

  it("hopping-exponent σ scales linearly with the relative noise and shrinks with more points", () => {
    const T = Array.from({ length: 60 }, (_, i) => 0.1 * Math.pow(20, i / 59));
    const s1 = hoppingExponentSigma(T, 20, 0.5, 0.01, 0);
    const s2 = hoppingExponentSigma(T, 20, 0.5, 0.02, 0);
    closeRel(s2, 2 * s1, 1e-9);
    const T4 = Array.from({ length: 240 }, (_, i) => 0.1 * Math.pow(20, i / 239));
    expect(hoppingExponentSigma(T4, 20, 0.5, 0.01, 0)).toBeLessThan(s1);
  });
});

describe("generated curves", () => {
  it("are deterministic and independent of the corpus size", () => {
    const a = generateCurve(7, 42);
    const b = generateCurve(7, 42);
    expect(a).toEqual(b);
    const corpus = generateCorpus({ seed: 7, count: 45 });
    expect(corpus[42]).toEqual(a);
    const other = generateCurve(8, 42);
    expect(other.R).not.toEqual(a.R);
  });

  it("have finite values, positive temperatures and the stated sizes and windows", () => {
    const problems: string[] = [];
    for (const c of SAMPLE) {
      const n = c.T.length;
      if (c.R.length !== n || c.Rtrue.length !== n) problems.push(`${c.id}: array lengths`);
      // 2000 points at most, plus up to 10 % recorded twice
      if (n < 30 || n > 2200) problems.push(`${c.id}: ${n} points`);
      for (let i = 0; i < n; i++) {
        if (!(Number.isFinite(c.T[i]!) && c.T[i]! > 0)) problems.push(`${c.id}: T[${i}] = ${c.T[i]}`);
        if (!Number.isFinite(c.R[i]!)) problems.push(`${c.id}: R[${i}] = ${c.R[i]}`);
        if (!(Number.isFinite(c.Rtrue[i]!) && c.Rtrue[i]! >= 0)) problems.push(`${c.id}: Rtrue[${i}] = ${c.Rtrue[i]}`);
      }
      const Tmin = Number(c.truth.Tmin_K);
      const Tmax = Number(c.truth.Tmax_K);
      if (!(Tmin >= 0.02 && Tmin <= 2.5 && Tmax <= 300 && Tmax > Tmin)) problems.push(`${c.id}: window ${Tmin}–${Tmax}`);
      for (const t of c.Ttrue) if (t < Tmin * (1 - 1e-12) || t > Tmax * (1 + 1e-12)) problems.push(`${c.id}: T ${t} outside the window`);
      if (!FAMILIES[c.phase][c.difficulty].includes(c.family)) problems.push(`${c.id}: family ${c.family}`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it("rotates the phases and honours the hard fraction (0.5 ± 0.06 over 600 curves)", () => {
    for (let i = 0; i < SAMPLE.length; i++) expect(SAMPLE[i]!.phase).toBe(PHASE_LIST[i % 5]);
    const hard = SAMPLE.filter((c) => c.difficulty === "hard").length / SAMPLE.length;
    expect(Math.abs(hard - 0.5)).toBeLessThan(0.06);
  });

  it("can produce every family, with the family's phase and difficulty", () => {
    for (const ph of PHASE_LIST) {
      for (const d of ["clear", "hard"] as const) {
        for (const fam of FAMILIES[ph][d]) {
          for (let k = 0; k < 3; k++) {
            const c = generateCurve(99, k, { family: fam });
            expect(c.phase).toBe(ph);
            expect(c.difficulty).toBe(d);
            expect(c.family).toBe(fam);
          }
        }
      }
    }
  });

  it("labels hopping insulators by the corpus convention p < 0.75 → I2", () => {
    expect(phaseOfHoppingExponent(0.5)).toBe("I2");
    expect(phaseOfHoppingExponent(0.7499)).toBe("I2");
    expect(phaseOfHoppingExponent(0.75)).toBe("I1");
    const hopping = SAMPLE.filter((c) => c.phase === "I1" || c.phase === "I2");
    expect(hopping.length).toBeGreaterThan(100);
    for (const c of hopping) {
      const p = Number(c.truth.p);
      expect(phaseOfHoppingExponent(p)).toBe(c.phase);
      if (c.phase === "I1") expect(p).toBeGreaterThanOrEqual(0.82);
      else expect(p).toBeLessThanOrEqual(0.68);
    }
  });

  it("keeps S curves at exactly zero below the transition, with noise that goes negative", () => {
    const s = SAMPLE.filter((c) => c.phase === "S");
    let withNegatives = 0;
    for (const c of s) {
      const zeros = c.Rtrue.filter((r) => r === 0).length;
      expect(zeros).toBeGreaterThanOrEqual(c.difficulty === "clear" ? 8 : 3);
      if (c.R.some((r, i) => c.Rtrue[i] === 0 && r < 0)) withNegatives++;
    }
    expect(withNegatives / s.length).toBeGreaterThan(0.9);
  });

  it("keeps M1 plateaus finite and far below the normal state", () => {
    const problems: string[] = [];
    for (const c of SAMPLE.filter((x) => x.phase === "M1")) {
      const rhoQF = Number(c.truth.rhoQF_ohm);
      const ratio = Number(c.truth.rhoQF_over_RN);
      if (!(ratio > 0 && ratio <= 0.3)) problems.push(`${c.id}: ρ_QF/R_N = ${ratio}`);
      if (c.Rtrue.some((r) => r < rhoQF * (1 - 1e-12))) problems.push(`${c.id}: below the plateau`);
      // the resistance at the coldest point is within a factor 2 of the plateau
      const iMin = argMin(c.Ttrue);
      if (c.Rtrue[iMin]! > 2 * rhoQF * (1 + 1e-12)) problems.push(`${c.id}: R(Tmin)/ρ_QF = ${c.Rtrue[iMin]! / rhoQF}`);
    }
    expect(problems).toEqual([]);
  });

  it("keeps M2 curves insulating (rise ≥ 1.5× on cooling) with a finite saturation above the high-T value", () => {
    const problems: string[] = [];
    for (const c of SAMPLE.filter((x) => x.phase === "M2")) {
      const iMin = argMin(c.Ttrue);
      const iMax = argMax(c.Ttrue);
      if (c.Rtrue[iMin]! / c.Rtrue[iMax]! < 1.5) problems.push(`${c.id}: rise ${c.Rtrue[iMin]! / c.Rtrue[iMax]!}`);
      if (!(Number(c.truth.Rsat_ohm) > c.Rtrue[iMax]!)) problems.push(`${c.id}: saturation below the high-T value`);
      // no point exceeds the T → 0 value of Eq. 1 (plus the metallic term where there is one)
      const phonon = c.truth.phononBeta === undefined ? 0 : Number(c.truth.phononBeta) * Number(c.truth.RN_ohm);
      const cap = (1 / Number(c.truth.sigmaQF_S) + phonon) * (1 + 1e-9);
      if (c.Rtrue.some((r) => r > cap)) problems.push(`${c.id}: above 1/σ_QF`);
    }
    expect(problems).toEqual([]);
  });

  it("keeps insulators below the resistance ceiling and diverging on cooling", () => {
    const problems: string[] = [];
    for (const c of SAMPLE.filter((x) => x.phase === "I1" || x.phase === "I2")) {
      const iMin = argMin(c.Ttrue);
      const iMax = argMax(c.Ttrue);
      if (c.Rtrue[iMin]! > 1e10 * (1 + 1e-9)) problems.push(`${c.id}: R(Tmin) = ${c.Rtrue[iMin]}`);
      if (!(Math.log(c.Rtrue[iMin]! / c.Rtrue[iMax]!) > 1.5)) problems.push(`${c.id}: ln R span ${Math.log(c.Rtrue[iMin]! / c.Rtrue[iMax]!)}`);
    }
    expect(problems).toEqual([]);
  });

  it("writes JSON lines that parse back to the recorded data without the noiseless arrays", () => {
    const c = SAMPLE[3]!;
    const obj = JSON.parse(curveToJsonLine(c)) as Record<string, unknown>;
    expect(obj.id).toBe(c.id);
    expect(obj.T).toEqual(c.T);
    expect(obj.R).toEqual(c.R);
    expect(obj.phase).toBe(c.phase);
    expect(obj.difficulty).toBe(c.difficulty);
    expect(obj.Rtrue).toBeUndefined();
  });
});

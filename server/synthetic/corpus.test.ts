import { describe, expect, it } from "vitest";
import { corpusCurve, generateCorpus, HARD_P_I1, HARD_P_I2, HOPPING_P_BOUNDARY } from "./corpus";
import type { CorpusOptions } from "./corpus";
import { evaluateLaw, logDerivative } from "./model";
import { PHASES } from "./types";
import type { LabelledCurve, TPhase } from "./types";

const OPTS: CorpusOptions = { seed: 1234, count: 600, hardFraction: 0.3 };
const corpus: LabelledCurve[] = [...generateCorpus(OPTS)];

function bytes(c: LabelledCurve): string {
  return JSON.stringify({ ...c, T: Array.from(c.T), R: Array.from(c.R) });
}

function tMin(c: LabelledCurve): number {
  return Math.min(c.T[0]!, c.T[c.T.length - 1]!);
}
function tMax(c: LabelledCurve): number {
  return Math.max(c.T[0]!, c.T[c.T.length - 1]!);
}

describe("determinism", () => {
  it("same seed → same bytes; another seed → different curves", () => {
    const again = [...generateCorpus({ ...OPTS, count: 40 })];
    expect(again.map(bytes)).toEqual(corpus.slice(0, 40).map(bytes));
    const other = [...generateCorpus({ ...OPTS, seed: 1235, count: 40 })];
    expect(other.map(bytes)).not.toEqual(again.map(bytes));
  });
  it("a curve can be regenerated alone from its index", () => {
    for (const i of [0, 57, 301, 599]) expect(bytes(corpusCurve(OPTS, i))).toBe(bytes(corpus[i]!));
  });
});

describe("shape of every curve", () => {
  it("T strictly monotonic (decreasing when cooling, increasing when warming), no exact duplicates, finite values", () => {
    for (const c of corpus) {
      const n = c.T.length;
      expect(n).toBe(c.R.length);
      expect(n).toBeGreaterThanOrEqual(25);
      expect(n).toBeLessThanOrEqual(2000);
      const sign = c.truth.window.order === "cooling" ? -1 : 1;
      for (let i = 1; i < n; i++) {
        const d = (c.T[i]! - c.T[i - 1]!) * sign;
        if (!(d > 0)) throw new Error(`${c.id}: T not strictly monotonic at ${i}`);
      }
      for (let i = 0; i < n; i++) {
        if (!Number.isFinite(c.T[i]!) || !Number.isFinite(c.R[i]!) || !(c.T[i]! > 0)) throw new Error(`${c.id}: non-finite value at ${i}`);
      }
    }
  });
  it("windows: lowest T in [20 mK, 2 K], highest T ≤ 300 K, mostly ≤ 10 K", () => {
    let above10 = 0;
    for (const c of corpus) {
      expect(tMin(c)).toBeGreaterThanOrEqual(0.02 * 0.999);
      expect(tMin(c)).toBeLessThanOrEqual(2.0001);
      expect(tMax(c)).toBeLessThanOrEqual(300.0001);
      if (tMax(c) > 10.5) above10++;
    }
    expect(above10 / corpus.length).toBeGreaterThan(0.05);
    expect(above10 / corpus.length).toBeLessThan(0.35);
  });
  it("ids are unique and carry no label", () => {
    const ids = new Set(corpus.map((c) => c.id));
    expect(ids.size).toBe(corpus.length);
    for (const c of corpus) for (const p of PHASES) expect(c.id.includes(`-${p}`)).toBe(false);
  });
});

describe("distribution", () => {
  it("phases are equally represented and each phase has the requested hard fraction", () => {
    const byPhase = new Map<TPhase, { n: number; hard: number }>();
    for (const c of corpus) {
      const e = byPhase.get(c.phase) ?? { n: 0, hard: 0 };
      e.n++;
      if (c.difficulty === "hard") e.hard++;
      byPhase.set(c.phase, e);
    }
    for (const p of PHASES) {
      expect(byPhase.get(p)!.n).toBe(120);
      expect(byPhase.get(p)!.hard).toBe(36);
    }
  });
  it("honours custom phase weights", () => {
    const opts: CorpusOptions = { seed: 9, count: 200, hardFraction: 0, phaseWeights: { S: 3, I2: 1 } };
    const counts: Record<string, number> = {};
    for (const c of generateCorpus(opts)) counts[c.phase] = (counts[c.phase] ?? 0) + 1;
    expect(counts).toEqual({ S: 150, I2: 50 });
  });
  it("meanPoints sets the average number of points (±15 %)", () => {
    let total = 0;
    let n = 0;
    for (const c of generateCorpus({ seed: 5, count: 300, hardFraction: 0.3, meanPoints: 550 })) {
      total += c.T.length;
      n++;
    }
    expect(Math.abs(total / n - 550) / 550).toBeLessThan(0.15);
  });
});

describe("physics of the labels (noiseless law)", () => {
  it("S curves reach the noise floor: R_true(Tmin) below the floor, and the coldest readings scatter around zero", () => {
    let negatives = 0;
    for (const c of corpus.filter((x) => x.phase === "S")) {
      const floor = c.truth.noise.floor;
      expect(evaluateLaw(c.truth.spec, tMin(c))).toBeLessThan(0.2 * floor);
      if (Array.from(c.R).some((r) => r < 0)) negatives++;
      // the coldest four readings stay within the floor scatter (robust to one spike)
      const idx = Array.from(c.T.keys()).sort((a, b) => c.T[a]! - c.T[b]!).slice(0, 4);
      const vals = idx.map((i) => Math.abs(c.R[i]!)).sort((a, b) => a - b);
      expect(vals[1]!).toBeLessThan(6 * floor);
    }
    expect(negatives).toBeGreaterThan(50);
  });
  it("M1 and M2 saturate: w(T) = −d ln R/d ln T → 0 as T → 0", () => {
    for (const c of corpus.filter((x) => x.phase === "M1" || x.phase === "M2")) {
      expect(Math.abs(logDerivative(c.truth.spec, tMin(c) / 1000))).toBeLessThan(1e-3);
      if (c.phase === "M1") {
        expect(evaluateLaw(c.truth.spec, tMin(c))).toBeGreaterThan(0);
        if (c.difficulty === "clear") expect(Math.abs(logDerivative(c.truth.spec, tMin(c)))).toBeLessThan(0.05);
      } else {
        const ratio = c.truth.params.wAtTmin! / c.truth.params.wPeak!;
        expect(ratio).toBeLessThanOrEqual(c.difficulty === "clear" ? 0.25 : 0.85);
      }
    }
  });
  it("M1 falls then levels off at a finite value; M2 rises then levels off", () => {
    for (const c of corpus.filter((x) => x.phase === "M1")) {
      const top = Math.max(...Array.from({ length: 50 }, (_, k) => evaluateLaw(c.truth.spec, tMin(c) * (tMax(c) / tMin(c)) ** (k / 49))));
      expect(evaluateLaw(c.truth.spec, tMin(c))).toBeLessThan(0.85 * top);
    }
    for (const c of corpus.filter((x) => x.phase === "M2")) {
      expect(evaluateLaw(c.truth.spec, tMin(c))).toBeGreaterThan(1.3 * evaluateLaw(c.truth.spec, tMax(c)));
    }
  });
  it("I1/I2 diverge: w grows on cooling, and hard exponents respect the I1/I2 convention", () => {
    for (const c of corpus.filter((x) => x.phase === "I1" || x.phase === "I2")) {
      const spec = c.truth.spec;
      if (spec.law !== "hopping") throw new Error(`${c.id}: insulator with law ${spec.law}`);
      const lo = tMin(c);
      expect(logDerivative(spec, lo / 10)).toBeGreaterThan(logDerivative(spec, lo));
      expect(logDerivative(spec, lo)).toBeGreaterThan(logDerivative(spec, tMax(c)));
      if (c.phase === "I1") expect(spec.p).toBeGreaterThanOrEqual(HARD_P_I1[0]);
      else expect(spec.p).toBeLessThanOrEqual(HARD_P_I2[1]);
      expect(Math.abs(spec.p - HOPPING_P_BOUNDARY)).toBeGreaterThanOrEqual(0.07 - 1e-12);
      if (c.difficulty === "clear") expect([1, 0.5, 1 / 3]).toContain(spec.p);
    }
  });
});

/**
 * Independent check that the hard hopping exponent is in the data: for fixed
 * p, ln R = a + b·T^(−p) is linear in (a, b); scanning p and keeping the
 * smallest residual recovers the side of p = 0.75 for nearly all hard
 * free-exponent curves.
 */
function scanExponent(T: Float64Array, R: Float64Array): number {
  let best = { p: Number.NaN, rss: Infinity };
  for (let p = 0.3; p <= 1.2001; p += 0.01) {
    let n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (let i = 0; i < T.length; i++) {
      if (!(R[i]! > 0)) continue;
      const x = T[i]! ** -p;
      const y = Math.log(R[i]!);
      n++; sx += x; sy += y; sxx += x * x; sxy += x * y;
    }
    const b = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    const a = (sy - b * sx) / n;
    let rss = 0;
    for (let i = 0; i < T.length; i++) {
      if (!(R[i]! > 0)) continue;
      const e = Math.log(R[i]!) - a - b * T[i]! ** -p;
      rss += e * e;
    }
    if (rss < best.rss) best = { p, rss };
  }
  return best.p;
}

describe("decidability of the hard hopping family", () => {
  it("a profile scan of p puts ≥ 90 % of hard free-exponent curves on the right side of 0.75", () => {
    const hard = [...generateCorpus({ seed: 77, count: 1000, hardFraction: 1, phaseWeights: { I1: 1, I2: 1 } })].filter(
      (c) => c.truth.family === "hard:free-p",
    );
    expect(hard.length).toBeGreaterThan(100);
    let right = 0;
    for (const c of hard) {
      const p = scanExponent(c.T, c.R);
      if ((p < HOPPING_P_BOUNDARY) === (c.phase === "I2")) right++;
    }
    expect(right / hard.length).toBeGreaterThanOrEqual(0.9);
  });
});

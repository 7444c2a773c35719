import { describe, expect, it } from "vitest";
import { DEFAULT_SEGMENTATION } from "../options";
import { parseBytes } from "../parser";
import { longestMonotonic, segmentSeries, type SeriesInput } from "../segment";
import { bytes, curveViolations, seeded } from "./helpers";

const S = { ...DEFAULT_SEGMENTATION };

interface Row {
  T: number;
  H: number;
  P?: number;
}

function series(rows: Row[], withP = false): SeriesInput {
  return {
    T: Float64Array.from(rows, (r) => r.T),
    H: Float64Array.from(rows, (r) => r.H),
    P: withP ? Float64Array.from(rows, (r) => r.P ?? NaN) : null,
    line: Float64Array.from(rows, (_, i) => i + 1),
    constH: null,
    constP: null,
  };
}

/** A dilution-refrigerator log: sweeps separated by waits, with thermometer and magnet noise. */
function fridgeLog(seed: number): Row[] {
  const g = seeded(seed);
  const rows: Row[] = [];
  const t = (T: number) => T * (1 + 2e-4 * g.normal()); // 0.02 % thermometer noise
  const h = (H: number) => H + 0.05 * g.normal();
  for (let k = 0; k <= 490; k++) rows.push({ T: t(0.02 + 0.002 * k), H: h(0) }); // warm 20 mK → 1 K
  for (let k = 0; k < 100; k++) rows.push({ T: t(1.0), H: h(0) }); // wait
  for (let k = 1; k <= 50; k++) rows.push({ T: t(1.0), H: h(200 * k) }); // isotherm up to 1 T
  for (let k = 1; k <= 490; k++) rows.push({ T: t(1.0 - 0.002 * k), H: h(10000) }); // cool at 1 T
  for (let k = 0; k < 200; k++) rows.push({ T: t(0.02), H: h(10000) }); // wait at base
  for (let k = 1; k <= 100; k++) rows.push({ T: t(0.02), H: h(10000 - 200 * k) }); // 1 T → −1 T
  for (let k = 1; k <= 100; k++) rows.push({ T: t(0.02), H: h(-10000 + 200 * k) }); // −1 T → 1 T
  return rows;
}

describe("segmentSeries", () => {
  it("splits a dilution-refrigerator log into its sweeps and reports how", () => {
    const rows = fridgeLog(7);
    const r = segmentSeries(series(rows), S);
    const summary = r.segments.map((s) => `${s.kind} ${s.direction}`);
    expect(summary).toEqual(["RT warming", "RH up", "RT cooling", "RH down", "RH up"]);
    const [w, iso, c, down, up] = r.segments;
    expect(w!.fixed.H_Oe).toBeCloseTo(0, 0);
    expect(w!.idx.length).toBeGreaterThan(440);
    expect(iso!.fixed.T_K).toBeCloseTo(1.0, 2);
    expect(c!.fixed.H_Oe).toBeCloseTo(10000, 0);
    expect(down!.fixed.T_K).toBeCloseTo(0.02, 4);
    expect(up!.fixed.T_K).toBeCloseTo(0.02, 4);
    expect(c!.reason).toMatch(/^field constant at 10000 Oe within ±0\.\d+ Oe \(tolerance ±1 Oe\); temperature monotonic decreasing \(cooling\) 0\.9\d+→0\.0[12]\d* K; lines \d+–\d+, \d+ points/);
    expect(iso!.reason).toMatch(/^temperature constant at (?:0\.99\d+|1) K within ±0\.00\d+ K \(tolerance ±0\.00[45]\d* K\); field monotonic increasing \(up\) -?0\.\d+→10000 Oe/);
    expect(r.dropped.some((d) => d.reason === "stationary" && d.points >= 100)).toBe(true);
  });

  it("is not fragmented by thermometer jitter smaller than the tolerance", () => {
    const g = seeded(11);
    const rows: Row[] = [];
    for (let k = 0; k < 5000; k++) {
      const T = 2 + (298 * k) / 4999;
      rows.push({ T: T + 0.3 * (298 / 4999) * g.normal() + 0.002 * T * (g.next() - 0.5), H: 50000 + 0.3 * g.normal() });
    }
    const r = segmentSeries(series(rows), S);
    expect(r.segments).toHaveLength(1);
    expect(r.segments[0]!.kind).toBe("RT");
    expect(r.segments[0]!.idx.length).toBeGreaterThan(0.6 * rows.length);
  });

  it("does not invent sweeps from jitter larger than the configured tolerance", () => {
    const g = seeded(17);
    const rows: Row[] = [];
    // 100 000 readings at 10 K with ±1 % Gaussian jitter (twice the 0.5 % tolerance), then a sweep.
    for (let k = 0; k < 100_000; k++) rows.push({ T: 10 * (1 + 0.01 * g.normal()), H: 0 });
    for (let k = 0; k < 200; k++) rows.push({ T: 11 + 0.5 * k * (1 + 0.002 * g.normal()), H: 0 });
    const r = segmentSeries(series(rows), S);
    expect(r.segments).toHaveLength(1);
    expect(r.segments[0]!.fixed.H_Oe).toBe(0);
    const seg = r.segments[0]!;
    expect(seg.reason).toMatch(/warming\) (?:9|1[01])\.\d+→110\.\d+ K; lines \d+–100200, \d+ points; .*tolerances widened to 3× the measured noise$/);
    expect(seg.idx.length).toBeGreaterThanOrEqual(200);
    expect(seg.idx.length).toBeLessThan(300); // at most a few plateau readings join the sweep
    expect(r.dropped.reduce((a, d) => a + d.points, 0)).toBeGreaterThan(90_000);
  });

  it("keeps a sweep whole when its jitter exceeds the configured tolerance", () => {
    const g = seeded(23);
    const rows: Row[] = [];
    for (let k = 0; k < 3000; k++) rows.push({ T: (2 + 0.1 * k) * (1 + 0.01 * g.normal()), H: 0 });
    const r = segmentSeries(series(rows), S);
    expect(r.segments).toHaveLength(1);
    const kept = r.segments[0]!.idx;
    expect(kept.length).toBeGreaterThan(800); // jitter ≫ step at high T: many readings step back
    expect(rows[kept[kept.length - 1]!]!.T - rows[kept[0]!]!.T).toBeGreaterThan(280);
  });

  it("keeps the longest monotonic run instead of stopping at every back-step", () => {
    const x = Float64Array.from([1, 3, 2, 2.5, 4, 3.9, 5]);
    expect(Array.from(longestMonotonic(x, 0, 6, 1))).toEqual([0, 2, 3, 5, 6]);
    const down = Array.from(longestMonotonic(Float64Array.from([5, 4, 4.5, 3, 3.5]), 0, 4, -1));
    expect(down).toHaveLength(3);
    expect(down[0]).toBe(0);
    const xs = [5, 4, 4.5, 3, 3.5];
    expect(xs[down[0]!]! >= xs[down[1]!]! && xs[down[1]!]! >= xs[down[2]!]!).toBe(true);
  });

  it("removes a single-point thermometer glitch instead of splitting the sweep", () => {
    const rows: Row[] = [];
    for (let k = 0; k < 200; k++) rows.push({ T: 2 + 0.1 * k, H: 0 });
    rows[100] = { T: 150, H: 0 };
    const r = segmentSeries(series(rows), S);
    expect(r.segments).toHaveLength(1);
    expect(r.segments[0]!.idx.length).toBe(199);
    expect(r.dropped).toEqual([{ reason: "glitch", points: 1, firstLine: 101, lastLine: 101 }]);
  });

  it("does not mistake a field set-point step followed by a wait for a field sweep", () => {
    const g = seeded(3);
    const rows: Row[] = [];
    for (let k = 0; k < 100; k++) rows.push({ T: 2 + 0.1 * k + 0.001 * g.normal(), H: 0.1 * g.normal() });
    for (let k = 0; k < 60; k++) rows.push({ T: 11.9 + 0.002 * g.normal(), H: 5000 + 0.1 * g.normal() }); // magnet step, wait
    for (let k = 0; k < 100; k++) rows.push({ T: 11.9 - 0.1 * k + 0.001 * g.normal(), H: 5000 + 0.1 * g.normal() });
    const r = segmentSeries(series(rows), S);
    expect(r.segments.map((s) => `${s.kind} ${s.direction} ${Math.round(s.fixed.H_Oe ?? -1)}`)).toEqual([
      "RT warming 0",
      "RT cooling 5000",
    ]);
  });

  it("starts a new curve when the pressure changes and records it", () => {
    const rows: Row[] = [];
    for (const P of [1.0, 2.5, 4.0]) for (let k = 0; k < 50; k++) rows.push({ T: 300 - 5.9 * k, H: 0, P });
    const r = segmentSeries(series(rows, true), S);
    expect(r.segments.map((s) => s.fixed.P_GPa)).toEqual([1.0, 2.5, 4.0]);
    expect(r.segments[1]!.reason).toContain("pressure constant at 2.5 GPa");
  });

  it("drops sweeps shorter than minPoints (a setting) and reports them", () => {
    const rows: Row[] = [];
    for (let k = 0; k < 30; k++) rows.push({ T: 2 + k, H: 0 });
    expect(segmentSeries(series(rows), S).segments).toHaveLength(1);
    const r = segmentSeries(series(rows), { ...S, minPoints: 50 });
    expect(r.segments).toHaveLength(0);
    expect(r.dropped[0]).toMatchObject({ reason: "short" });
  });

  it("honours a wider temperature tolerance: a slow drift then counts as an isotherm", () => {
    const rows: Row[] = [];
    for (let k = 0; k < 100; k++) rows.push({ T: 2 + 0.0005 * k, H: 100 * k }); // T drifts by 50 mK during the field sweep
    const strict = segmentSeries(series(rows), { ...S, temperatureRel: 0.001, temperatureAbsK: 0.001 });
    expect(strict.segments.length).toBeGreaterThan(1);
    const loose = segmentSeries(series(rows), { ...S, temperatureRel: 0.02 });
    expect(loose.segments).toHaveLength(1);
    expect(loose.segments[0]!.kind).toBe("RH");
  });

  it("drops a file-long wait as stationary and finds nothing", () => {
    const rows: Row[] = Array.from({ length: 100 }, (_, k) => ({ T: 4.2 + 0.001 * Math.sin(k), H: 0 }));
    const r = segmentSeries(series(rows), S);
    expect(r.segments).toHaveLength(0);
    expect(r.dropped).toEqual([{ reason: "stationary", points: 100, firstLine: 1, lastLine: 100 }]);
  });
});

describe("segmentation through a parsed multi-sweep file", () => {
  it("gives monotonic curves with reasons for every sweep of a generated CSV", () => {
    const rows = fridgeLog(21);
    const g = seeded(5);
    const text =
      "Time (s),T_MC (mK),T_sample (mK),B (T),R_xx (Ohm)\n" +
      rows
        .map((r, i) => `${i},${(r.T * 1000 * 0.98).toFixed(4)},${(r.T * 1000).toFixed(4)},${(r.H / 1e4).toFixed(6)},${(6450 * Math.exp(-r.T) + g.normal()).toFixed(3)}`)
        .join("\n");
    const f = parseBytes(bytes(text), { fileName: "fridge.csv" });
    expect(f.errors).toEqual([]);
    expect(f.columns.find((c) => c.role === "temperature")?.name).toBe("T_sample (mK)");
    expect(f.warnings.find((w) => w.code === "ambiguous_column")?.message).toMatch(/T_MC \(mK\).*T_sample \(mK\).*using "T_sample \(mK\)"/);
    expect(f.curves.map((c) => `${c.kind} ${c.direction}`)).toEqual(["RT warming", "RH up", "RT cooling", "RH down", "RH up"]);
    for (const c of f.curves) expect(curveViolations(c)).toEqual([]);
    expect(f.curves[2]!.fixed.H_Oe).toBeCloseTo(10000, 0);
    expect(f.curves.map((c) => c.order)).toEqual([0, 1, 2, 3, 4]);
    expect(f.warnings.some((w) => w.code === "stationary_dropped")).toBe(true);
  });
});

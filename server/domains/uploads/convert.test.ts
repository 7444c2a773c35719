import { describe, expect, it } from "vitest";
import type { ParsedCurve } from "~/server/ingest";
import { describeProblems, previewCurve, rowProblems, storedQuantity, toNewCurve } from "./convert";

function curve(over: Partial<ParsedCurve> = {}): ParsedCurve {
  const n = 1000;
  return {
    kind: "RT",
    channel: "R",
    quantity: "resistance",
    unit: "Ω",
    T_K: Float64Array.from({ length: n }, (_, i) => 2 + i * 0.1),
    R: Float64Array.from({ length: n }, (_, i) => 1000 + i),
    H_Oe: null,
    readings: n,
    counts: null,
    R_spread: null,
    readout: "unknown",
    fixed: { H_Oe: 5000, T_K: null, P_GPa: null },
    direction: "warming",
    segmentReason: "field constant",
    sourceRows: { first: 3, last: 1002 },
    order: 0,
    ...over,
  };
}

const ctx = { squares: null, pressureGPa: null, pressureDirection: "UNKNOWN", fieldOrientation: "PERPENDICULAR" } as const;

describe("stored quantity", () => {
  it("divides a resistance by the sample's squares to give Ω/□, and keeps Ω without them", () => {
    expect(storedQuantity("resistance", 4)).toMatchObject({ quantity: "SHEET_RESISTANCE", unit: "Ω/□", factor: 0.25 });
    for (const squares of [null, undefined, 0, -1, Number.NaN]) {
      expect(storedQuantity("resistance", squares)).toMatchObject({ quantity: "RESISTANCE", unit: "Ω", factor: 1 });
    }
  });

  it("keeps resistivity as resistivity (Ω·cm → Ω·m) whatever the squares, and sheet resistance as it is", () => {
    expect(storedQuantity("resistivity", 4)).toMatchObject({ quantity: "RESISTIVITY", unit: "Ω·m", factor: 0.01 });
    expect(storedQuantity("sheet_resistance", 4)).toMatchObject({ quantity: "SHEET_RESISTANCE", factor: 1 });
  });
});

describe("toNewCurve", () => {
  it("scales R, keeps T, and says how R was converted", () => {
    const c = toNewCurve(curve(), { ...ctx, squares: 10 });
    expect(c.quantity).toBe("SHEET_RESISTANCE");
    expect(c.R[0]).toBeCloseTo(100, 12);
    expect(c.T[999]).toBeCloseTo(101.9, 12);
    expect(c.segmentReason).toBe("field constant; resistance divided by the sample's 10 squares");
    expect(c).toMatchObject({ kind: "RT", fieldOe: 5000, temperatureK: null, sweepDirection: "WARMING", H: null, sourceRows: { first: 3, last: 1002 } });
  });

  it("uses the file's pressure before the one given for the upload, and the JSON pressure direction first", () => {
    const withFile = toNewCurve(curve({ fixed: { H_Oe: 0, T_K: null, P_GPa: 2.5 }, pressureDirection: "depressurizing" }), { ...ctx, pressureGPa: 1, pressureDirection: "PRESSURIZING" });
    expect([withFile.pressureGPa, withFile.pressureDirection]).toEqual([2.5, "DEPRESSURIZING"]);
    const given = toNewCurve(curve(), { ...ctx, pressureGPa: 1, pressureDirection: "PRESSURIZING" });
    expect([given.pressureGPa, given.pressureDirection]).toEqual([1, "PRESSURIZING"]);
  });

  it("stores an isotherm with its temperature and per-point field", () => {
    const H = Float64Array.from({ length: 1000 }, (_, i) => i * 10);
    const c = toNewCurve(curve({ kind: "RH", H_Oe: H, fixed: { H_Oe: null, T_K: 2, P_GPa: null }, direction: "up" }), ctx);
    expect(c).toMatchObject({ kind: "RH", fieldOe: null, temperatureK: 2, sweepDirection: "UP" });
    expect(c.H).toBe(H);
  });
});

describe("preview and messages", () => {
  it("downsamples a curve for drawing and reports its ranges", () => {
    const p = previewCurve(curve(), 3, 100);
    expect(p.index).toBe(3);
    expect(p.points.x.length).toBeLessThanOrEqual(100);
    expect(p.points.x.length).toBe(p.points.y.length);
    expect(p.tRangeK![0]).toBeCloseTo(2, 12);
    expect(p.tRangeK![1]).toBeCloseTo(101.9, 9);
    expect(p.rRange).toEqual([1000, 1999]);
  });

  it("picks out the row problems, including the summary of suppressed ones", () => {
    const warnings = [
      { code: "non_numeric", message: "a" },
      { code: "dead_channel", message: "b" },
      { code: "suppressed", message: 'f: 3 more "nonpositive_temperature" warnings not listed (23 in total).' },
      { code: "suppressed", message: 'f: 3 more "dead_channel" warnings not listed.' },
    ];
    expect(rowProblems({ warnings }).map((w) => w.message)).toEqual(["a", 'f: 3 more "nonpositive_temperature" warnings not listed (23 in total).']);
  });

  it("names the first problems with what was expected and counts the rest", () => {
    const problems = [1, 2, 3, 4, 5].map((line) => ({ code: "non_numeric", message: `f.csv, line ${line}, column 2: found "x"`, expected: "a number" }));
    expect(describeProblems("f.csv", problems, 2)).toBe('f.csv, line 1, column 2: found "x" (expected a number); f.csv, line 2, column 2: found "x" (expected a number); and 3 more problems');
  });
});

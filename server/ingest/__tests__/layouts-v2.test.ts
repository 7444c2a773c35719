/**
 * Layouts real labs write that the first importer refused or thinned (own fixtures in
 * __fixtures__, synthetic values): every reading kept or merged and counted, every refusal
 * located.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseBytes } from "../parser";
import { poolMonotonic } from "../segment";
import { parseUnit } from "../units";
import type { ParsedFile, TParseOptions } from "../index";
import { bytes, fileViolations } from "./helpers";

const FIX = new URL("../__fixtures__/", import.meta.url);
function fixture(name: string, options: TParseOptions = {}): ParsedFile {
  const f = parseBytes(readFileSync(new URL(name, FIX)), { fileName: name, ...options });
  expect(fileViolations(f)).toEqual([]);
  return f;
}
const readings = (f: ParsedFile) => f.curves.reduce((a, c) => a + c.readings, 0);
const dropped = (f: ParsedFile) => f.warnings.filter((w) => /_dropped$|glitch_removed/.test(w.code));

describe("column recognition", () => {
  it("reads resistance before temperature with a bare R header", () => {
    const f = fixture("rt-resistance-first-bare-r.txt");
    expect(f.columns.map((c) => [c.name, c.role])).toEqual([
      ["R", "resistance"],
      ["T(K)", "temperature"],
    ]);
    expect(f.curves).toHaveLength(1);
    expect(f.curves[0]).toMatchObject({ kind: "RT", channel: "R", direction: "cooling", readings: 40, readout: "unknown" });
  });

  it("reads current-reversal columns with instrument and channel suffixes as signed channels", () => {
    const f = fixture("labview-current-reversal-ch.txt");
    expect(f.curves.map((c) => `${c.channel} ${c.readout}`)).toEqual([
      "R(+-)-2700-CH1 signed",
      "R(+-)-2182-CH4 signed",
      "R(+-)-2182-CH5 signed",
    ]);
    const single = f.columns.filter((c) => /^R\([+-]\)/.test(c.name));
    expect(single.map((c) => [c.role, c.note])).toEqual([
      ["other", "one current polarity: the current-reversal average is the resistance"],
      ["other", "one current polarity: the current-reversal average is the resistance"],
    ]);
  });

  it("reads lock-in X as signed and R as magnitude, leaves Y out, and infers tesla for a unitless B", () => {
    const f = fixture("lockin-xyr-no-units-rh.dat");
    expect(f.curves.map((c) => `${c.kind} ${c.channel} ${c.readout}`)).toEqual(["RH lockin_1_ResX signed", "RH lockin_2_ResR magnitude"]);
    expect(f.columns[2]).toMatchObject({ name: "lockin_1_ResY", role: "other", note: expect.stringMatching(/quadrature/) });
    expect(f.columns[0]).toMatchObject({ role: "field", unit: "T", unitSource: "inferred", factor: 1e4 });
    expect(f.curves[0]!.H_Oe![0]).toBeCloseTo(-2000, 6);
    expect(f.curves[0]!.fixed.T_K).toBeNull();
  });

  it("infers oersted for a unitless H column with large values, and mK for a unitless T above 400", () => {
    const rows = Array.from({ length: 20 }, (_, k) => `${900 - k * 40},${-5000 + k * 500},${100 + k}`);
    const f = parseBytes(bytes(["T,H,R (Ohm)", ...rows].join("\n") + "\n"), { fileName: "mk.csv" });
    expect(f.columns.map((c) => `${c.unit}:${c.unitSource ?? ""}`)).toEqual(["mK:inferred", "Oe:inferred", "Ohm:header"]);
    const warn = f.warnings.filter((w) => w.code === "unit_inferred").map((w) => w.message);
    expect(warn[0]).toMatch(/mk\.csv, column 1 \("T"\): no unit in the header; read as mK: values 140…900 reach above 400/);
    expect(warn[1]).toMatch(/column 2 \("H"\).*read as Oe/);
  });

  it("refuses a unit typo or a suspicious resistivity unit with line and column, never guessing a factor", () => {
    const f = parseBytes(readFileSync(new URL("unit-typo-kohmm.csv", FIX)), { fileName: "unit-typo-kohmm.csv" });
    expect(f.curves).toEqual([]);
    expect(f.errors).toMatchObject([{ code: "unit_not_recognised", line: 1, column: 2 }]);
    expect(f.errors[0]!.message).toMatch(/^unit-typo-kohmm\.csv, line 1, column 2 \("R \(kOhmm\)"\): unit "kOhmm"/);
    const mm = parseBytes(bytes("T (K),rho (Ohm-mm)\n2,1\n3,1\n4,1\n5,1\n6,1\n"), { fileName: "mm.csv" });
    expect(mm.errors).toMatchObject([{ code: "unit_not_recognised", line: 1, column: 2 }]);
    // The user can still say what the unit is.
    const fixed = parseBytes(readFileSync(new URL("unit-typo-kohmm.csv", FIX)), {
      fileName: "unit-typo-kohmm.csv",
      mapping: { units: { resistance: "kOhm" } },
    });
    expect(fixed.errors).toEqual([]);
    expect(fixed.curves[0]!.R[0]).toBeCloseTo(1500, 6);
  });
});

describe("resistivity units", () => {
  it("needs a separator before m, refuses mm, and still reads the common spellings", () => {
    for (const bad of ["kOhmm", "Ohmm", "Ohm-mm", "ohm mm", "kOhmmm"]) expect(parseUnit(bad), bad).toBeNull();
    expect(parseUnit("Ohm-m")).toMatchObject({ dimension: "resistivity", factor: 100 });
    expect(parseUnit("Ohm m")).toMatchObject({ dimension: "resistivity", factor: 100 });
    expect(parseUnit("Ω·m")).toMatchObject({ dimension: "resistivity", factor: 100 });
    expect(parseUnit("ohm-cm")).toMatchObject({ dimension: "resistivity", factor: 1 });
    expect(parseUnit("uOhm cm")).toMatchObject({ dimension: "resistivity", factor: 1e-6 });
    expect(parseUnit("mOhm")).toMatchObject({ dimension: "resistance", factor: 1e-3 });
  });
});

describe("no reading is discarded silently", () => {
  it("merges three readings per set point into points that keep their count and spread", () => {
    const f = fixture("qd-eto-three-readings-per-setpoint.dat");
    expect(f.metadata.option).toBe("PPMS ETO");
    expect(f.curves).toHaveLength(1);
    const c = f.curves[0]!;
    expect(c.readings).toBe(120);
    expect(c.R.length).toBeLessThan(120);
    expect(c.R.length).toBeGreaterThanOrEqual(40);
    expect(Array.from(c.counts!).reduce((a, b) => a + b, 0)).toBe(120);
    expect(Math.max(...c.counts!)).toBeLessThanOrEqual(3);
    expect(c.R_spread!.some((s) => s > 0)).toBe(true);
    expect(c.segmentReason).toMatch(/points from 120 readings/);
    expect(dropped(f)).toEqual([]);
  });

  it("keeps every reading of a 1 K fine scan across a narrow transition", () => {
    const f = fixture("fine-scan-narrow-transition.csv");
    expect(f.curves).toHaveLength(1);
    const c = f.curves[0]!;
    // 120 rows: one reading before the sweep starts is reported; every other one is in the curve.
    const reported = dropped(f).reduce((a, w) => a + Number(/: (\d+) point/.exec(w.message)?.[1] ?? 0), 0);
    expect(c.readings + reported).toBe(120);
    const inTransition = Array.from(c.T_K).filter((t) => t > 0.99 && t < 1.01).length;
    expect(inTransition).toBeGreaterThan(5);
  });

  it("a pause with a regulation overshoot inside a cooling run does not split it", () => {
    const f = fixture("cooling-pause-inside-transition.csv");
    expect(f.curves).toHaveLength(1);
    const c = f.curves[0]!;
    expect(c.direction).toBe("cooling");
    expect(c.T_K[0]).toBeCloseTo(300, 6);
    expect(c.T_K[c.T_K.length - 1]).toBeCloseTo(2.6, 6);
    expect(c.readings).toBe(53);
    expect(dropped(f)).toEqual([]);
  });

  it("reports NaN and Infinity readings with their line and column", () => {
    const f = fixture("labview-current-reversal-ch.txt");
    const nf = f.warnings.filter((w) => w.code === "non_finite_value");
    expect(nf.map((w) => [w.line, w.column])).toEqual([
      [22, 6],
      [35, 7],
    ]);
    expect(nf[0]!.message).toMatch(/labview-current-reversal-ch\.txt, line 22, column 6 \("R\(\+-\)-2182-CH4"\): the instrument wrote "NaN"/);
    expect(readings(f)).toBe(3 * 60 - 2);
  });

  it("leaves out a last row cut short when the file has no final line break, and says so", () => {
    const f = fixture("cut-last-row.dat");
    expect(f.curves[0]!.readings).toBe(30);
    expect(Math.min(...f.curves[0]!.R)).toBeGreaterThan(899);
    expect(f.warnings.find((w) => w.code === "truncated_last_line")).toMatchObject({ line: 32 });
  });

  it("keeps a complete last row without a line break, with a warning naming it", () => {
    const rows = Array.from({ length: 10 }, (_, k) => `${2 + k}.000,${100 + k}.000`);
    const f = parseBytes(bytes(["T (K),R (Ohm)", ...rows].join("\n")), { fileName: "end.csv" });
    expect(f.curves[0]!.readings).toBe(10);
    expect(f.warnings.map((w) => [w.code, w.line])).toEqual([["unterminated_last_line", 11]]);
  });
});

describe("pool-adjacent-violators", () => {
  it("merges only readings that step back, into blocks with monotonic means", () => {
    const x = Float64Array.from([1, 2, 1.9, 3, 4, 3.95, 3.9, 5]);
    const p = poolMonotonic(x, 0, x.length - 1, 1);
    expect(p.points).toBe(5);
    expect(Array.from(p.starts!)).toEqual([0, 1, 3, 4, 7, 8]);
    expect(poolMonotonic(Float64Array.from([3, 2, 1]), 0, 2, -1)).toEqual({ points: 3, starts: null });
  });
});

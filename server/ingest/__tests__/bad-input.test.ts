/**
 * Every kind of bad input gets a specific diagnostic naming the file, the line and the column
 * and what was expected; fatal problems leave no curves, row problems leave the other rows.
 */
import { describe, expect, it } from "vitest";
import { createParser, parseBytes } from "../parser";
import type { ParsedFile, TParseOptions } from "../index";
import { bytes, codes, fileViolations } from "./helpers";

function parse(t: string | Uint8Array, options: TParseOptions = {}): ParsedFile {
  const f = parseBytes(typeof t === "string" ? bytes(t) : t, { fileName: "run7.csv", ...options });
  expect(fileViolations(f)).toEqual([]);
  return f;
}
const good = (n = 10) => Array.from({ length: n }, (_, k) => `${2 + k * 0.5},${100 + k}`);

describe("row-level problems are warnings; the row (or value) is skipped", () => {
  it("non-numeric value: names file, line, column and the text found", () => {
    const lines = ["T (K),R (Ohm)", ...good()];
    lines[4] = "3.5,overload";
    const f = parse(lines.join("\n"));
    expect(f.errors).toEqual([]);
    const w = f.warnings.find((d) => d.code === "non_numeric")!;
    expect(w).toMatchObject({ file: "run7.csv", line: 5, column: 2, expected: "a number (resistance)" });
    expect(w.message).toBe('run7.csv, line 5, column 2 ("R (Ohm)"): expected a number, found "overload"; value skipped');
    expect(f.curves[0]!.R.length).toBe(9);
  });

  it("text in the temperature column skips the row", () => {
    const lines = ["T (K),R (Ohm)", ...good()];
    lines[3] = "warm-up,101";
    const f = parse(lines.join("\n"));
    expect(f.warnings.find((d) => d.code === "non_numeric")).toMatchObject({ line: 4, column: 1 });
    expect(f.warnings[0]!.message).toMatch(/run7\.csv, line 4, column 1 \("T \(K\)"\): expected a number, found "warm-up"/);
  });

  it("negative or zero temperature", () => {
    const lines = ["T (K),R (Ohm)", "-1.5,100", "0,100", ...good()];
    const f = parse(lines.join("\n"));
    const ws = f.warnings.filter((d) => d.code === "nonpositive_temperature");
    expect(ws.map((d) => [d.line, d.column])).toEqual([
      [2, 1],
      [3, 1],
    ]);
    expect(ws[0]!.message).toBe('run7.csv, line 2, column 1 ("T (K)"): temperature -1.5 K is not positive; row skipped');
    expect(ws[0]!.expected).toBe("a temperature above 0 K");
    expect(f.curves[0]!.T_K[0]).toBe(2);
  });

  it("an instrument overflow marker is not a resistance", () => {
    const lines = ["T (K),R (Ohm)", ...good()];
    lines[6] = "4.5,9.9E37";
    const f = parse(lines.join("\n"));
    expect(f.warnings.find((d) => d.code === "overflow_sentinel")).toMatchObject({ line: 7, column: 2 });
  });

  it("caps repeated warnings and counts the rest", () => {
    const lines = ["T (K),R (Ohm)", ...good(200).map((l, k) => (k % 2 ? l.replace(/,.*/, ",bad") : l))];
    const f = parse(lines.join("\n") + "\n", { limits: { maxWarningsPerCode: 5 } });
    expect(f.warnings.filter((d) => d.code === "non_numeric")).toHaveLength(5);
    expect(f.warnings.find((d) => d.code === "suppressed")?.message).toMatch(/95 more "non_numeric" warnings not listed \(100 in total\)/);
  });
});

describe("file-level problems are errors: no curves", () => {
  it("empty file", () => {
    for (const t of ["", "   \n\r\n  ", "\xef\xbb\xbf"]) {
      const f = parse(Uint8Array.from(t, (c) => c.charCodeAt(0)));
      expect(f.errors).toMatchObject([{ code: "empty_file", file: "run7.csv" }]);
      expect(f.errors[0]!.message).toMatch(/^run7\.csv: the file is empty/);
    }
  });

  it("binary garbage", () => {
    const g = new Uint8Array(4096);
    for (let i = 0; i < g.length; i++) g[i] = (i * 2654435761) >>> 24;
    const f = parse(g);
    expect(f.errors).toMatchObject([{ code: "binary_file" }]);
    expect(f.errors[0]!.message).toMatch(/run7\.csv: the file is not text/);
    const xlsx = parse(Uint8Array.of(0x50, 0x4b, 3, 4, 20, 0, 6, 0));
    expect(xlsx.errors[0]!.message).toMatch(/ZIP archive \(an \.xlsx workbook/);
  });

  it("file over the size limit, even when streamed", () => {
    const p = createParser({ fileName: "run7.csv", limits: { maxBytes: 1000 } });
    const chunk = bytes(["T (K),R (Ohm)", ...good(200)].join("\n"));
    expect(chunk.length).toBeGreaterThan(1000);
    p.push(chunk.subarray(0, 600));
    p.push(chunk.subarray(600));
    const f = p.finish();
    expect(f.curves).toEqual([]);
    expect(f.errors).toMatchObject([{ code: "file_too_large", expected: "at most 1000 bytes (options.limits.maxBytes)" }]);
  });

  it("point count over the limit names the line where it was exceeded", () => {
    const f = parse(["T (K),R (Ohm)", ...good(50)].join("\n"), { limits: { maxPoints: 20 } });
    expect(f.curves).toEqual([]);
    expect(f.errors).toMatchObject([{ code: "too_many_points", line: 22 }]);
    expect(f.errors[0]!.message).toMatch(/^run7\.csv, line 22: more than 20 resistance values/);
  });

  it("missing temperature column", () => {
    const f = parse(["Gate (V),R (Ohm)", ...good()].join("\n"));
    expect(f.errors).toMatchObject([{ code: "missing_temperature_column", line: 1 }]);
    expect(f.errors[0]!.message).toMatch(/run7\.csv, line 1: no temperature column among 2 columns \("Gate \(V\)", "R \(Ohm\)"\)/);
    expect(f.errors[0]!.expected).toMatch(/T, Temp or Temperature/);
  });

  it("a field column that never sweeps and no temperature column: refused as missing the temperature", () => {
    const rows = good().map((l) => `${l.split(",")[1]},0`);
    const f = parse(["R (Ohm),B (Oe)", ...rows].join("\n") + "\n");
    expect(f.errors).toMatchObject([{ code: "missing_temperature_column", line: 1 }]);
    expect(f.errors[0]!.message).toMatch(/run7\.csv, line 1: no temperature column among 2 columns .*and the field never sweeps/);
  });

  it("a field column but no temperature column: field sweeps at an unknown temperature, said so", () => {
    const f = parse(["Field (Oe),R (Ohm)", ...good()].join("\n") + "\n");
    expect(f.errors).toEqual([]);
    expect(f.curves.map((c) => [c.kind, c.fixed.T_K])).toEqual([["RH", null]]);
    expect(f.curves[0]!.segmentReason).toMatch(/^temperature not recorded \(unknown\); field monotonic/);
    expect(f.warnings.find((w) => w.code === "temperature_unknown")?.message).toMatch(/run7\.csv, line 1: no temperature column.*options\.constants\.T_K/);
    const given = parse(["Field (Oe),R (Ohm)", ...good()].join("\n") + "\n", { constants: { T_K: 0.3 } });
    expect(given.curves[0]!.fixed.T_K).toBe(0.3);
    expect(Array.from(given.curves[0]!.T_K).every((t) => t === 0.3)).toBe(true);
  });

  it("no resistance column", () => {
    const f = parse(["T (K),H (Oe),Moment (emu)", ...good().map((l) => `${l},1e-4`)].join("\n"));
    expect(f.errors).toMatchObject([{ code: "no_resistance_column", line: 1 }]);
    expect(f.errors[0]!.message).toMatch(/temperature and field columns but no resistance column; it holds "Moment \(emu\)"/);
  });

  it("unit not recognised", () => {
    const f = parse(["T (K),R (furlongs)", ...good()].join("\n"));
    expect(f.errors).toMatchObject([{ code: "unit_not_recognised", line: 1, column: 2 }]);
    expect(f.errors[0]!.message).toBe('run7.csv, line 1, column 2 ("R (furlongs)"): unit "furlongs" of this resistance column is not recognised');
    expect(f.errors[0]!.expected).toMatch(/Ohm, kOhm/);
    // An override fixes it.
    expect(parse(["T (K),R (furlongs)", ...good()].join("\n"), { mapping: { units: { resistance: "kOhm" } } }).curves).toHaveLength(1);
  });

  it("a unit override that is not a unit", () => {
    const f = parse(["T (K),R (Ohm)", ...good()].join("\n"), { mapping: { units: { temperature: "Celsius" } } });
    expect(f.errors).toMatchObject([{ code: "unit_not_recognised", column: "options.mapping.units.temperature" }]);
  });

  it("a line too long to be text", () => {
    const f = parse(`T (K),R (Ohm)\n${good(3).join("\n")}\n${"1".repeat(5000)}\n`, { limits: { maxLineBytes: 1000 } });
    expect(f.errors).toMatchObject([{ code: "line_too_long", line: 5 }]);
  });

  it("no table at all", () => {
    const f = parse("Dear colleague,\nplease find the data attached.\nBest\n");
    expect(codes(f.errors)).toEqual(["no_table"]);
  });

  it("a channel that reads exactly 0 during one sweep only: that sweep is not imported", () => {
    const up = Array.from({ length: 10 }, (_, k) => `${2 + k},${k * 0}`);
    const down = Array.from({ length: 10 }, (_, k) => `${10.5 - k},${50 - k}`);
    const f = parse(["T (K),R (Ohm)", ...up, ...down].join("\n"));
    expect(f.curves.map((c) => c.direction)).toEqual(["cooling"]);
    expect(f.warnings.find((d) => d.code === "dead_channel")).toMatchObject({ line: 2, column: 2 });
  });

  it("a file whose every channel is dead", () => {
    const f = parse(["T (K),R (Ohm)", ...good().map((l) => l.replace(/,.*/, ",0"))].join("\n"));
    expect(codes(f.warnings)).toContain("dead_channel");
    expect(codes(f.errors)).toEqual(["no_curves"]);
    expect(f.warnings.find((d) => d.code === "dead_channel")!.message).toMatch(/column 2 \("R \(Ohm\)"\): channel R reads exactly 0 in all 10 rows/);
  });
});

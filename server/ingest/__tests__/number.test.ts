import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellState, NUM_INVALID, NUM_MISSING, NUM_NONFINITE, NUM_OK, numState, parseNumberText, scanCell } from "../number";
import { bytes } from "./helpers";

function parse(text: string, decimalComma = false): { value: number; status: number } {
  const value = parseNumberText(text, decimalComma);
  return { value, status: numState.status };
}

describe("parseNumber", () => {
  it.each([
    ["0", 0],
    ["-0.5", -0.5],
    ["+12", 12],
    ["1.", 1],
    [".25", 0.25],
    ["2.00049996376038", 2.00049996376038],
    ["-10000.7678125", -10000.7678125],
    ["7.63636169722304e-006", 7.63636169722304e-6],
    ["1.07923080942839E-6", 1.07923080942839e-6],
    ["1.0000E+101", 1e101],
    ["3.793667895D+02", 379.3667895],
    ["  42.5  ", 42.5],
    ['"3.25"', 3.25],
    ["30423338.25", 30423338.25],
    ["0.000000000000000000000001", 1e-24],
    ["123456789012345678901234567890", 1.2345678901234568e29],
  ])("reads %s exactly like Number()", (text, expected) => {
    const r = parse(text);
    expect(r.status).toBe(NUM_OK);
    expect(Object.is(r.value, expected) || r.value === expected).toBe(true);
  });

  it("reads decimal commas only when asked", () => {
    expect(parse("1,234", true)).toEqual({ value: 1.234, status: NUM_OK });
    expect(parse("-0,5e3", true)).toEqual({ value: -500, status: NUM_OK });
    expect(parse("1,234").status).toBe(NUM_INVALID);
  });

  it.each(["", "   ", "N/A", "NA", "null", "--", "-"])(
    "treats %j as a missing value",
    (text) => {
      expect(parse(text).status).toBe(NUM_MISSING);
    },
  );

  it.each(["NaN", "nan", "inf", "-Infinity", "+INF"])("reports %j as a non-finite value (not a missing one)", (text) => {
    expect(parse(text).status).toBe(NUM_NONFINITE);
  });

  it.each(["abc", "1.2.3", "1e", "e5", "12abc", "0x1A", "1,5", ".", "+", "1 2", "--5", "1e999", "-1e400"])(
    "rejects %j as not a number",
    (text) => {
      const r = parse(text);
      expect(r.status).toBe(NUM_INVALID);
      expect(Number.isNaN(r.value)).toBe(true);
    },
  );

  it("agrees with Number() on any double printed in any of JavaScript's formats", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 1, max: 17 }), (x, p) => {
        for (const text of [String(x), x.toExponential(), x.toPrecision(p), x.toExponential(p - 1)]) {
          const r = parse(text);
          if (Number.isFinite(Number(text))) {
            expect(r.status).toBe(NUM_OK);
            expect(r.value).toBe(Number(text));
          } else {
            expect(r.status).toBe(NUM_INVALID); // rounding up past the largest double
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("reads cells in one pass (scanCell) exactly as the cell-by-cell parser does", () => {
    const cell = fc.stringMatching(/^[0-9.,eEdD+\- ab]{0,14}$/);
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 6 }), fc.boolean(), (cells, dc) => {
        const line = cells.join(";");
        const b = bytes(line);
        let i = 0;
        for (const c of cells) {
          const got = scanCell(b, i, b.length, 59, dc);
          const gotStatus = numState.status;
          const want = parseNumberText(c, dc);
          expect(gotStatus).toBe(numState.status);
          if (gotStatus === NUM_OK) expect(got).toBe(want);
          i = cellState.end + 1;
        }
      }),
      { numRuns: 3000 },
    );
    // Quoted cells: the text between the quotes, delimiters inside included.
    const q = bytes('"1,5";"2.5e3";"";x');
    expect(scanCell(q, 0, q.length, 59, true)).toBe(1.5);
    expect(scanCell(q, cellState.end + 1, q.length, 59, false)).toBe(2500);
    scanCell(q, cellState.end + 1, q.length, 59, false);
    expect(numState.status).toBe(NUM_MISSING);
  });
});

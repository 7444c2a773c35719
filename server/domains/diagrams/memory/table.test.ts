import { describe, expect, it } from "vitest";
import { DiagramTable, NUMBER_COLUMNS, type TableRow } from "./table";

function row(id: string, patch: Partial<TableRow> = {}): TableRow {
  const numbers = Object.fromEntries(NUMBER_COLUMNS.map((c) => [c, null])) as Record<(typeof NUMBER_COLUMNS)[number], null>;
  return {
    ...numbers,
    fitResultId: id,
    curveId: `c-${id}`,
    sampleId: "s1",
    labId: "l1",
    setupId: null,
    uploadId: null,
    material: "a-InO",
    engineVersion: "1.1.0",
    reasonCode: null,
    isCurrent: true,
    inconclusive: false,
    phase: "S",
    overridePhase: null,
    visibility: "PUBLIC",
    pressureDirection: "UNKNOWN",
    filteringGrade: null,
    quantity: "SHEET_RESISTANCE",
    labelKey: 0,
    gradeKey: 3,
    uploadedMs: 0,
    confidence: 0.9,
    ...patch,
  };
}

describe("the in-memory diagram table", () => {
  it("replaces a row by its fit id, and a removed row's slot takes the last row with all its columns", () => {
    const t = new DiagramTable();
    t.upsert(row("a", { fieldOe: 1 }));
    t.upsert(row("b", { fieldOe: 2, labId: "l2", visibility: "PRIVATE" }));
    t.upsert(row("c", { fieldOe: 3, sampleId: "s3" }));
    t.upsert(row("a", { fieldOe: 10 }));
    expect(t.size).toBe(3);
    expect(t.numbers.fieldOe.slice(0, 3)).toEqual([10, 2, 3]);
    t.remove("a");
    expect(t.size).toBe(2);
    expect(t.fitId).toEqual(["c", "b"]);
    expect(t.numbers.fieldOe).toEqual([3, 2]);
    expect([t.sampleIdAt(0), t.sampleIdAt(1)]).toEqual(["s3", "s1"]);
    expect(t.visibilityCode).toEqual([0, 2]);
    expect(t.labIdAt(1)).toBe("l2");
    expect(t.sampleCode).toHaveLength(2);
    // the moved row can be found, replaced and removed again
    t.upsert(row("c", { fieldOe: 30 }));
    expect(t.numbers.fieldOe).toEqual([30, 2]);
    t.remove("c");
    t.remove("missing");
    expect(t.fitId).toEqual(["b"]);
    expect(t.has("c")).toBe(false);
  });

  it("holds NULL as NaN and reads JSON's NaN and Infinity strings back as numbers", () => {
    const t = new DiagramTable();
    t.upsert(row("a", { tc90K: null, rhoQfOhm: "NaN", sigmaQfS: "Infinity", eaSK: "-Infinity", hoppingP: 0.5 }));
    expect(t.numbers.tc90K[0]).toBeNaN();
    expect(t.numbers.rhoQfOhm[0]).toBeNaN();
    expect(t.numbers.sigmaQfS[0]).toBe(Number.POSITIVE_INFINITY);
    expect(t.numbers.eaSK[0]).toBe(Number.NEGATIVE_INFINITY);
    expect(t.numbers.hoppingP[0]).toBe(0.5);
  });

  it("forgets a row's series codes when it is written again, and empties on clear", () => {
    const t = new DiagramTable();
    t.upsert(row("a"));
    t.seriesCode.H[0] = 7;
    t.upsert(row("a", { pressureGPa: 2 }));
    expect(t.seriesCode.H[0]).toBe(-1);
    t.clear();
    expect(t.size).toBe(0);
    expect(t.fitId).toEqual([]);
    expect(t.has("a")).toBe(false);
    t.upsert(row("b"));
    expect(t.fitId).toEqual(["b"]);
  });
});

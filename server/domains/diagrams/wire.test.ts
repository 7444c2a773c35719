import { describe, expect, it } from "vitest";
import { diagramFromPoints, type TBasePoint } from "./geometry";
import { DEFAULT_DIAGRAM_QUERY, ZDiagramDto, ZDiagramPoint, type TDiagramDto, type TProvenance } from "./schemas";
import { COLUMN_CHECKS, decodeDiagram, decodePoints, encodeDiagram, encodePoints, POINT_KEYS, ZPointColumns } from "./wire";

const provenance: TProvenance = {
  labs: { labA: { name: "Lab A", slug: "a" }, labB: { name: "Lab B", slug: "b" } },
  samples: {
    s1: { name: "Film 1", material: "a-InO", labId: "labA", annealStage: "S0", stageIndex: 0, lineageRootId: "s1", visibility: "PUBLIC", thicknessNm: 30 },
    s2: { name: "MoGe", material: "MoGe", labId: "labB", annealStage: "S1", stageIndex: 1, lineageRootId: "s2", visibility: "SHARED", thicknessNm: null },
  },
  setups: { dr: { name: "DR", grade: "GOOD" } },
};

const PHASES = ["S", "M1", "M2", "I1", "I2", "NONE"] as const;

/** Points with every kind of value: nulls, overrides, both samples, optional fields present or not. */
function points(count: number, optional: boolean): TBasePoint[] {
  return Array.from({ length: count }, (_, i) => {
    const phase = PHASES[i % PHASES.length]!;
    const base: TBasePoint = {
      fitId: `fit-${i}`,
      curveId: `curve-${i}`,
      sampleId: i % 3 === 0 ? "s2" : "s1",
      labId: i % 3 === 0 ? "labB" : "labA",
      setupId: i % 4 === 0 ? null : "dr",
      uploadId: i % 5 === 0 ? null : `upload-${i % 2}`,
      x: 0.1 + i * 0.37,
      y: i % 2 === 0 ? 1e-7 * (i + 1) : 12345.678 + i,
      xErr: i % 2 === 0 ? null : 0.01 * i,
      yErr: i % 3 === 0 ? 0.5 : null,
      phase,
      autoPhase: i % 7 === 0 ? "S" : phase,
      isOverride: i % 7 === 0,
      inconclusive: i % 6 === 5,
      confidence: (i % 10) / 10,
      engineVersion: i % 2 === 0 ? "1.1.0" : "1.0.0",
      fieldOe: i % 4 === 1 ? null : i * 100,
      pressureGPa: i % 2 === 0 ? null : i / 10,
      pressureDirection: i % 2 === 0 ? "PRESSURIZING" : "UNKNOWN",
      gateVoltageV: null,
      grade: i % 4 === 0 ? "UNKNOWN" : "GOOD",
      isArtifact: (phase === "M1" || phase === "M2") && i % 4 === 0,
      uploadedAt: `2026-0${1 + (i % 3)}-01T00:00:00.000Z`,
    };
    return optional ? { ...base, reasonCode: phase === "NONE" ? "metallic_no_transition" : null, quantity: i % 2 === 0 ? "SHEET_RESISTANCE" : "RESISTANCE" } : base;
  });
}

const diagram = (count: number, optional = true): TDiagramDto =>
  ZDiagramDto.parse(diagramFromPoints({ ...DEFAULT_DIAGRAM_QUERY, x: "P", y: "sample" }, points(count, optional), provenance, { missing: 2, removedBySwitch: 0 }));

describe("the diagram's points as columns", () => {
  it("has a column for every field of a point, and nothing else", () => {
    expect(Object.keys(ZPointColumns.shape).filter((k) => k !== "count").sort()).toEqual([...POINT_KEYS].sort());
    expect([...POINT_KEYS].sort()).toEqual(Object.keys(ZDiagramPoint.shape).sort());
  });

  it("checks each value of a plain column exactly as its field's schema does", () => {
    const samples = [0, 1.5, -2e-9, Number.NaN, Number.POSITIVE_INFINITY, null, undefined, "", "a", true, false, {}, [], 3n];
    for (const [key, check] of Object.entries(COLUMN_CHECKS)) {
      for (const v of samples) expect([key, v, check(v)]).toEqual([key, v, ZDiagramPoint.shape[key as keyof typeof COLUMN_CHECKS].safeParse(v).success]);
    }
  });

  it("gives back the same diagram, field by field, through JSON", () => {
    for (const optional of [true, false]) {
      const dto = diagram(60, optional);
      const back = decodeDiagram(JSON.parse(JSON.stringify(encodeDiagram(dto))));
      expect(back).toEqual(dto);
      expect(back.points.map((p) => Object.keys(p).sort())).toEqual(dto.points.map((p) => Object.keys(p).sort()));
      // optional fields the points lack stay absent instead of becoming null
      expect("reasonCode" in back.points[0]!).toBe(optional);
    }
  });

  it("keeps an empty view", () => {
    const dto = diagram(0);
    const wire = encodeDiagram(dto);
    expect(wire.points.count).toBe(0);
    expect(decodeDiagram(wire)).toEqual(dto);
  });

  it("holds each repeated text once", () => {
    const columns = encodePoints(diagram(60).points);
    expect([...columns.sampleId.values].sort()).toEqual(["s1", "s2"]);
    expect(columns.sampleId.codes).toHaveLength(60);
    expect(columns.engineVersion.values).toHaveLength(2);
    expect(columns.fitId).toHaveLength(60);
    expect(decodePoints(columns).map((p) => p.sampleId)).toEqual(diagram(60).points.map((p) => p.sampleId));
  });

  it("is much smaller than one object per point", () => {
    const dto = diagram(2000);
    const objects = JSON.stringify(dto).length;
    const columns = JSON.stringify(encodeDiagram(dto)).length;
    expect(columns).toBeLessThan(objects / 2);
  });

  it("sends no field that is not listed, and refuses a value its field's schema refuses", () => {
    const dto = diagram(5);
    const leaky = { ...dto, secret: "x", points: dto.points.map((p) => ({ ...p, labName: "B secret lab" })) };
    const wire = JSON.stringify(encodeDiagram(leaky as TDiagramDto));
    expect(wire).not.toContain("secret");
    const bad = { ...dto, points: dto.points.map((p, i) => (i === 3 ? { ...p, phase: "X" } : p)) };
    expect(() => encodeDiagram(bad as unknown as TDiagramDto)).toThrow(/phase/);
    const columns = encodePoints(dto.points);
    expect(ZPointColumns.safeParse({ ...columns, x: columns.x.slice(1) }).success).toBe(false);
    expect(ZPointColumns.safeParse({ ...columns, grade: { values: ["GOOD"], codes: columns.grade.codes.map(() => 1) } }).success).toBe(false);
    const notFinite = { ...dto, points: dto.points.map((p, i) => (i === 2 ? { ...p, x: Number.NaN } : p)) };
    expect(() => encodeDiagram(notFinite)).toThrow();
  });
});

import { describe, expect, it } from "vitest";
import { valueUnit } from "~/components/diagram/describe";
import { axisUnit, isMixedUnit, pointUnit } from "./axes";
import { exportRows } from "./export";
import { assembleDiagram, type TBasePoint } from "./geometry";
import { DEFAULT_DIAGRAM_QUERY, type TProvenance } from "./schemas";

const provenance: TProvenance = {
  labs: { labA: { name: "Lab A", slug: "a" } },
  samples: { s: { name: "Film", material: "a-InO", labId: "labA", annealStage: "S0", stageIndex: 0, lineageRootId: "s", visibility: "PUBLIC", thicknessNm: 30 } },
  setups: {},
};

let n = 0;
const point = (quantity: TBasePoint["quantity"], x: number): TBasePoint => ({
  fitId: `f${++n}`,
  curveId: `c${n}`,
  sampleId: "s",
  labId: "labA",
  setupId: null,
  uploadId: null,
  x,
  y: 1000 * x,
  xErr: null,
  yErr: null,
  phase: "M1",
  autoPhase: "M1",
  isOverride: false,
  inconclusive: false,
  confidence: 0.9,
  engineVersion: "1.0.0",
  fieldOe: x,
  pressureGPa: null,
  pressureDirection: "UNKNOWN",
  gateVoltageV: null,
  grade: "GOOD",
  isArtifact: false,
  uploadedAt: "2026-01-01T00:00:00.000Z",
  ...(quantity ? { quantity } : {}),
});

describe("units of resistance axes", () => {
  it("say Ω/□ only for sheet resistances, Ω for resistances without squares, and name a mix", () => {
    expect(axisUnit("rhoQF", ["SHEET_RESISTANCE"])).toBe("Ω/□");
    expect(axisUnit("rhoQF", ["RESISTANCE"])).toBe("Ω");
    expect(axisUnit("R300", ["RESISTIVITY"])).toBe("Ω·m");
    expect(axisUnit("Rsat", ["RESISTANCE", "SHEET_RESISTANCE"])).toBe("Ω/□ or Ω, mixed");
    expect(isMixedUnit(axisUnit("Rsat", ["RESISTANCE", "SHEET_RESISTANCE"]))).toBe(true);
    // no points, or points frozen before curves carried their quantity: the axis' own unit
    expect(axisUnit("rhoQF", [])).toBe("Ω/□");
    // other axes keep their unit whatever the curves store
    expect(axisUnit("Tc90", ["RESISTANCE"])).toBe("K");
    expect(pointUnit("H", "RESISTANCE")).toBe("Oe");
    expect(pointUnit("rhoQF", "RESISTANCE")).toBe("Ω");
  });

  it("follow the points a diagram draws, on its axes, its tooltips and its exports", () => {
    const query = { ...DEFAULT_DIAGRAM_QUERY, x: "H" as const, y: "rhoQF" as const, yScale: "log" as const };
    const ohm = assembleDiagram([point("RESISTANCE", 1), point("RESISTANCE", 2)], { query, provenance });
    expect([ohm.yAxis.unit, ohm.yAxis.title, ohm.xAxis.unit]).toEqual(["Ω", "ρ_QF (Ω)", "Oe"]);
    const mixed = assembleDiagram([point("RESISTANCE", 1), point("SHEET_RESISTANCE", 2)], { query, provenance });
    expect(mixed.yAxis.title).toBe("ρ_QF (Ω/□ or Ω, mixed)");
    // each point says its own unit
    expect(mixed.points.map((p) => valueUnit(mixed.yAxis, p))).toEqual(["Ω", "Ω/□"]);
    expect(valueUnit(mixed.yAxis, { quantity: undefined })).toBe("");
    expect(exportRows(mixed.points, provenance, { x: "H", y: "rhoQF" }, "https://atlas.test").map((r) => r.y_axis)).toEqual(["ρ_QF (Ω)", "ρ_QF (Ω/□)"]);
    const old = assembleDiagram([point(undefined, 1)], { query, provenance });
    expect(old.yAxis.unit).toBe("Ω/□");
  });
});

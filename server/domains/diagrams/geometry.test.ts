import { describe, expect, it } from "vitest";
import { assembleDiagram, axisDomain, binIndex, binPoints, boundariesAlong, diagramFromPoints, middle, type TBasePoint } from "./geometry";
import { DEFAULT_DIAGRAM_QUERY, type TDiagramQuery, type TProvenance } from "./schemas";

const provenance: TProvenance = {
  labs: { labA: { name: "Lab A", slug: "a" }, labB: { name: "Lab B", slug: "b" } },
  samples: {
    s10: { name: "Film 10", material: "a-InO", labId: "labA", annealStage: "S0", stageIndex: 0, lineageRootId: "s10", visibility: "PUBLIC", thicknessNm: 30 },
    s9: { name: "Film 9", material: "a-InO", labId: "labA", annealStage: "S0", stageIndex: 0, lineageRootId: "s9", visibility: "PUBLIC", thicknessNm: 30 },
    m: { name: "MoGe", material: "MoGe", labId: "labB", annealStage: "S0", stageIndex: 0, lineageRootId: "m", visibility: "PUBLIC", thicknessNm: 4 },
  },
  setups: { good: { name: "DR", grade: "GOOD" } },
};

let n = 0;
function point(p: Partial<TBasePoint> & Pick<TBasePoint, "x" | "phase">): TBasePoint {
  n++;
  return {
    fitId: `f${n}`,
    curveId: `c${n}`,
    sampleId: "s10",
    labId: "labA",
    setupId: "good",
    uploadId: null,
    y: 0,
    xErr: null,
    yErr: null,
    autoPhase: p.phase,
    isOverride: false,
    inconclusive: false,
    confidence: 0.9,
    engineVersion: "0.1.0",
    fieldOe: 0,
    pressureGPa: p.x,
    pressureDirection: "PRESSURIZING",
    gateVoltageV: null,
    grade: "GOOD",
    isArtifact: false,
    uploadedAt: "2026-01-01T00:00:00.000Z",
    ...p,
  };
}

const q = (patch: Partial<TDiagramQuery> = {}): TDiagramQuery => ({ ...DEFAULT_DIAGRAM_QUERY, x: "P", y: "sample", ...patch });

describe("boundaries along a series", () => {
  it("lie between consecutive decided curves with different labels, estimated at the middle", () => {
    const pts = [
      { x: 0, y: 0, phase: "I1" as const, inconclusive: false },
      { x: 2, y: 0, phase: "S" as const, inconclusive: false },
      { x: 4, y: 0, phase: "S" as const, inconclusive: false },
      { x: 6, y: 0, phase: "M2" as const, inconclusive: true },
      { x: 8, y: 0, phase: "M1" as const, inconclusive: false },
    ];
    expect(boundariesAlong(pts, "linear").map((b) => [b.from, b.to, b.x, b.xLow, b.xHigh, b.undecidedBetween])).toEqual([
      ["I1", "S", 1, 0, 2, 0],
      ["S", "M1", 6, 4, 8, 1],
    ]);
  });

  it("use the geometric middle on a log axis", () => {
    expect(middle(100, 400, "log")).toBeCloseTo(200, 12);
    expect(middle(0, 400, "log")).toBe(200);
    const [b] = boundariesAlong(
      [
        { x: 10, y: 1, phase: "S", inconclusive: false },
        { x: 1000, y: 3, phase: "M1", inconclusive: false },
      ],
      "log",
    );
    expect(b!.x).toBeCloseTo(100, 10);
    expect([b!.yLow, b!.yHigh]).toEqual([1, 3]);
  });

  it("are none when the label never changes or nothing is decided", () => {
    expect(boundariesAlong([{ x: 1, y: 0, phase: "S", inconclusive: false }, { x: 2, y: 0, phase: "S", inconclusive: false }], "linear")).toEqual([]);
    expect(boundariesAlong([{ x: 1, y: 0, phase: "S", inconclusive: true }, { x: 2, y: 0, phase: "M1", inconclusive: true }], "linear")).toEqual([]);
  });
});

describe("assembling a diagram", () => {
  const base = [point({ x: 5, phase: "M1" }), point({ x: 0, phase: "I1" }), point({ x: 2, phase: "S" }), point({ x: 9, phase: "M2" }), point({ x: 3, phase: "S", sampleId: "s9" }), point({ x: 8, phase: "M1", pressureDirection: "DEPRESSURIZING" })];

  it("numbers sample rows in reading order (Film 9 before Film 10) and sorts each series by x", () => {
    const d = assembleDiagram(base, { query: q(), provenance });
    expect(d.yAxis.ticks).toEqual([
      { value: 0, label: "Film 9" },
      { value: 0.8, label: "Film 10 · pressurizing" },
      { value: 1.2, label: "Film 10 · depressurizing" },
    ]);
    const up = d.series.find((s) => s.label.includes("pressurizing") && !s.label.includes("depressurizing") && s.sampleId === "s10")!;
    expect(up.points.map((i) => d.points[i]!.x)).toEqual([0, 2, 5, 9]);
    expect(d.boundaries.filter((b) => b.seriesKey === up.key).map((b) => `${b.from}>${b.to}`)).toEqual(["I1>S", "S>M1", "M1>M2"]);
  });

  it("gives the pressurizing and depressurizing runs of one film their own tracks within its row", () => {
    const d = assembleDiagram(base, { query: q(), provenance });
    const ys = new Set(d.points.filter((p) => p.sampleId === "s10").map((p) => p.y));
    expect(ys.size).toBe(2);
    for (const y of ys) expect(Math.abs(y - 1)).toBeLessThan(0.5);
    const up = d.points.find((p) => p.x === 0)!;
    const down = d.points.find((p) => p.pressureDirection === "DEPRESSURIZING")!;
    expect(up.y).toBeLessThan(down.y);
  });

  it("names every track of a row: the second run of a sample carries a label too", () => {
    const d = assembleDiagram(base, { query: q(), provenance });
    const labels = d.yAxis.ticks!.map((t) => t.label);
    expect(labels.filter((l) => l.startsWith("Film 10"))).toHaveLength(2);
    for (const p of d.points) expect(d.yAxis.ticks!.some((t) => Math.abs(t.value - p.y) < 1e-9)).toBe(true);
  });

  it("leaves the zero-field curves of a pressure study off a field axis instead of piling them up at H = 0", () => {
    const study = [0, 2, 5, 9].map((P) => point({ x: P, phase: "S", fieldOe: 0, pressureGPa: P }));
    const sweep = [0, 200, 400].map((H) => point({ x: H, phase: H < 300 ? "S" : "M1", fieldOe: H, pressureGPa: 5, sampleId: "s10" }));
    const alone = point({ x: 0, phase: "S", fieldOe: 0, pressureGPa: null, sampleId: "s9" });
    const d = assembleDiagram([...study, ...sweep, alone], { query: q({ x: "H" }), provenance });
    // the P = 5 GPa field sweep stays whole (its H = 0 point included); the other pressures' H = 0 curves go
    expect(d.points.filter((p) => p.sampleId === "s10").map((p) => p.fieldOe).sort((a, b) => a! - b!)).toEqual([0, 0, 200, 400]);
    expect(d.points.filter((p) => p.sampleId === "s10" && p.fieldOe === 0).map((p) => p.pressureGPa)).toEqual([5, 5]);
    expect(d.points.some((p) => p.sampleId === "s9")).toBe(true);
    expect(d.notes.join(" ")).toMatch(/3 curves of pressure studies measured only at H = 0 are left out/);
    expect(assembleDiagram([...study, ...sweep], { query: q({ x: "P" }), provenance }).points).toHaveLength(7);
  });

  it("locates a boundary along every curve of the series, so that changing only the y axis does not move it", () => {
    // a field series: S at 0, 100, 150 Oe, M1 at 200, 250 Oe; only some curves have a value on y
    const series = [0, 100, 150, 200, 250].map((H) => point({ x: H, phase: H < 175 ? "S" : "M1", fieldOe: H, pressureGPa: null, y: H }));
    const drawnOnY = series.filter((p) => p.fieldOe !== 150); // the 150 Oe curve has no value on this y axis
    const withoutAll = assembleDiagram(drawnOnY, { query: q({ x: "H", y: "rhoQF" }), provenance });
    const withAll = assembleDiagram(drawnOnY, { query: q({ x: "H", y: "rhoQF" }), provenance, alongX: series });
    const onRows = assembleDiagram(series, { query: q({ x: "H", y: "sample" }), provenance });
    expect(withoutAll.boundaries.map((b) => b.x)).toEqual([(100 + 200) / 2]);
    expect(withAll.boundaries.map((b) => b.x)).toEqual([175]);
    expect(onRows.boundaries.map((b) => b.x)).toEqual([175]);
    expect([withAll.boundaries[0]!.yLow, withAll.boundaries[0]!.yHigh]).toEqual([200, 200]);
  });

  it("never draws a boundary between different films", () => {
    const a = [0, 100].map((H) => point({ x: H, phase: "S", fieldOe: H, pressureGPa: null, sampleId: "s9" }));
    const b = [50, 150].map((H) => point({ x: H, phase: "M1", fieldOe: H, pressureGPa: null, sampleId: "s10" }));
    const d = assembleDiagram([...a, ...b], { query: q({ x: "H", y: "Tc90" }), provenance, alongX: [...a, ...b] });
    expect(d.boundaries).toEqual([]);
  });

  it("finds no boundaries when x is not a tuning parameter, and says so", () => {
    const d = assembleDiagram(base, { query: q({ x: "Tc90", y: "ratio350" }), provenance });
    expect(d.boundaries).toEqual([]);
    expect(d.notes.join(" ")).toMatch(/tuning parameter/);
  });

  it("groups by facet and colour, and gives each panel its own x range", () => {
    const pts = [...base, point({ x: 100, phase: "S", sampleId: "m", labId: "labB" })];
    const d = assembleDiagram(pts, { query: q({ facetBy: "material", colorBy: "lab" }), provenance });
    expect(d.facets.map((f) => [f.key, f.count])).toEqual([
      ["a-InO", 6],
      ["MoGe", 1],
    ]);
    expect(d.colorGroups.map((g) => [g.label, g.count])).toEqual([
      ["Lab A", 6],
      ["Lab B", 1],
    ]);
    expect(d.xDomainByFacet["a-InO"]![1]).toBeLessThan(20);
    expect(d.xDomainByFacet.MoGe![0]).toBeGreaterThan(50);
    expect(d.yAxis.facetTicks?.MoGe).toEqual([{ value: 0, label: "MoGe" }]);
  });
});

describe("aggregation", () => {
  it("puts every point in exactly one cell, edges included", () => {
    expect(binIndex(0, 0, 10, 5, "linear")).toBe(0);
    expect(binIndex(10, 0, 10, 5, "linear")).toBe(4);
    expect(binIndex(1, 1, 1000, 3, "log")).toBe(0);
    expect(binIndex(999, 1, 1000, 3, "log")).toBe(2);
    const pts = Array.from({ length: 500 }, (_, i) => point({ x: i / 10, y: 1 + i, phase: i % 3 === 0 ? "S" : "I2" }));
    const d = assembleDiagram(pts, { query: q({ y: "ratio350", yScale: "log" }), provenance });
    const bins = binPoints(d.points, { x: "linear", y: "log" }, { nx: 20, ny: 10 });
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(500);
    for (const b of bins) {
      const counted = Object.values(b.counts).reduce((s, c) => s + c, 0);
      expect(counted).toBe(b.count);
      expect(b.counts[b.dominant]).toBe(Math.max(...Object.values(b.counts)));
    }
  });

  it("a snapshot with more points than its limit is drawn as cells", () => {
    const pts = Array.from({ length: 150 }, (_, i) => point({ x: i, y: 1 + i, phase: "S" }));
    const d = diagramFromPoints(q({ y: "ratio350", maxPoints: 100 }), pts, provenance, { missing: 3, removedBySwitch: 0 });
    expect(d.mode).toBe("aggregated");
    expect(d.points).toEqual([]);
    expect(d.total).toBe(150);
    expect(d.missing).toBe(3);
    expect(d.bins.reduce((s, b) => s + b.count, 0)).toBe(150);
  });

  it("keeps on each point why no label applies (the tooltip says it), and leaves it absent where a snapshot never had it", () => {
    const d = diagramFromPoints(q(), [point({ x: 1, phase: "NONE", reasonCode: "metallic_no_transition" }), point({ x: 2, phase: "S", reasonCode: null })], provenance, { missing: 0, removedBySwitch: 0 });
    expect(d.points.map((p) => p.reasonCode)).toEqual(["metallic_no_transition", null]);
    expect("reasonCode" in diagramFromPoints(q(), [point({ x: 1, phase: "S" })], provenance, { missing: 0, removedBySwitch: 0 }).points[0]!).toBe(false);
  });

  it("pads domains: by a factor on log axes, by half a step on ordinal ones", () => {
    expect(axisDomain([0, 1, 2], "linear", true)).toEqual([-0.5, 2.5]);
    const [lo, hi] = axisDomain([10, 1000, -5], "log", false)!;
    expect(lo).toBeLessThan(10);
    expect(lo).toBeGreaterThan(5);
    expect(hi).toBeGreaterThan(1000);
    expect(axisDomain([], "linear", false)).toBeNull();
    expect(axisDomain([0.5, 10, 17], "linear", false)![0]).toBe(0);
    expect(axisDomain([0, 2000], "linear", false)![0]).toBe(0);
    expect(axisDomain([-1, 3], "linear", false)![0]).toBeLessThan(-1);
  });
});

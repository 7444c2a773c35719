import { describe, expect, it } from "vitest";
import type { TBasePoint } from "~/server/domains/diagrams/geometry";
import { DEFAULT_DIAGRAM_QUERY } from "~/server/domains/diagrams/schemas";
import { bibtexEscape } from "./citation";
import { packPoints, POINT_COLUMNS, snapshotHash, unpackPoints, ZSnapshotPayload } from "./payload";

const p = (i: number, patch: Partial<TBasePoint> = {}): TBasePoint => ({
  fitId: `fit-${i}`,
  curveId: `curve-${i}`,
  sampleId: "s",
  labId: "l",
  setupId: i % 2 ? "setup" : null,
  uploadId: null,
  x: i,
  y: i * 1.5,
  xErr: null,
  yErr: 0.1,
  phase: "M1",
  autoPhase: "M1",
  isOverride: false,
  inconclusive: i === 2,
  confidence: 0.75,
  engineVersion: "0.1.0",
  fieldOe: 100 * i,
  pressureGPa: null,
  pressureDirection: "UNKNOWN",
  gateVoltageV: null,
  grade: "POOR",
  isArtifact: true,
  uploadedAt: "2026-11-21T10:00:00.000Z",
  ...patch,
});

const provenance = { labs: { l: { name: "Lab", slug: "lab" } }, samples: {}, setups: {} };

describe("snapshot payload", () => {
  it("stores points column by column and gives them back unchanged, through JSON", () => {
    const points = [p(1), p(2), p(3)];
    const packed = packPoints(points, provenance, { missing: 4, removedBySwitch: 1 });
    expect(Object.keys(packed.columns).sort()).toEqual([...POINT_COLUMNS].sort());
    const stored = ZSnapshotPayload.parse(JSON.parse(JSON.stringify(packed)));
    expect(unpackPoints(stored)).toEqual(points);
    expect([stored.missing, stored.removedBySwitch]).toEqual([4, 1]);
  });

  it("refuses a payload whose columns do not match its count", () => {
    const packed = packPoints([p(1), p(2)], provenance, { missing: 0, removedBySwitch: 0 });
    packed.columns.phase = ["M1"];
    expect(() => unpackPoints(packed)).toThrow(/phase/);
  });

  it("hashes what is shown, whatever the order, and not the names around it", () => {
    const q = DEFAULT_DIAGRAM_QUERY;
    const h = snapshotHash("diagram", q, [p(1), p(2)]);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(snapshotHash("diagram", q, [p(2), p(1)])).toBe(h);
    expect(snapshotHash("diagram", q, [p(1), p(2, { phase: "M2" })])).not.toBe(h);
    expect(snapshotHash("diagram", q, [p(1), p(2, { y: 3.0000001 })])).not.toBe(h);
    expect(snapshotHash("diagram", { ...q, x: "H" }, [p(1), p(2)])).not.toBe(h);
    expect(snapshotHash("diagram", q, [p(1), p(2, { uploadedAt: "2020-01-01T00:00:00.000Z" })])).toBe(h);
  });

  it("escapes BibTeX's special characters", () => {
    expect(bibtexEscape("R_QF & {T_c} 50% #1 ~ ^")).toBe("R\\_QF \\& \\{T\\_c\\} 50\\% \\#1 \\textasciitilde{} \\textasciicircum{}");
  });
});

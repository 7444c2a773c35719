"use client";

import type { CSSProperties } from "react";
import type { TDiagramDto, TDiagramPoint } from "~/server/domains/diagrams/schemas";
import { describeConditions, describeValue, GRADE_LABEL, phaseText } from "./describe";
import { ARTIFACT_COLOR, phaseKeyColor } from "./glyphs";

/** Axes whose value the tooltip already states (conditions, sample, stage). */
const SHOWN_ABOVE = new Set(["H", "P", "gate", "sample", "stage"]);

export const TOOLTIP_STYLE: CSSProperties = {
  position: "absolute",
  zIndex: 5,
  pointerEvents: "none",
  background: "rgba(255,255,255,0.97)",
  border: "1px solid #d1d5db",
  borderRadius: 8,
  boxShadow: "0 4px 14px rgba(16,24,40,0.14)",
  padding: "8px 10px",
  fontSize: 12.5,
  lineHeight: 1.45,
  maxWidth: 340,
};

/** Where a point comes from: lab, sample, stage, conditions, label, setup and filtering. */
export function PointTooltip({ point, diagram, x, y, width }: { point: TDiagramPoint; diagram: TDiagramDto; x: number; y: number; width: number }) {
  const { provenance } = diagram;
  const sample = provenance.samples[point.sampleId];
  const lab = provenance.labs[point.labId];
  const setup = point.setupId ? provenance.setups[point.setupId] : undefined;
  const left = x + 14 + 340 > width ? Math.max(0, x - 354) : x + 14;
  return (
    <div style={{ ...TOOLTIP_STYLE, left, top: Math.max(0, y - 20) }} role="tooltip" data-testid="point-tooltip">
      <div style={{ fontWeight: 600 }}>{sample?.name ?? point.sampleId}</div>
      <div style={{ color: "#4b5563" }}>
        {lab?.name ?? "?"} · {sample?.material ?? "?"} · stage {sample?.annealStage ?? "?"}
      </div>
      <div>{describeConditions(point)}</div>
      <div>
        <span style={{ color: phaseKeyColor(point.inconclusive ? "inconclusive" : point.phase), fontWeight: 600 }}>{phaseText(point)}</span>
      </div>
      {[diagram.xAxis, diagram.yAxis]
        .filter((axis) => !SHOWN_ABOVE.has(axis.key))
        .map((axis) => (
          <div key={axis.key}>
            {axis.label}: {describeValue(axis, axis === diagram.xAxis ? point.x : point.y, axis === diagram.xAxis ? point.xErr : point.yErr, provenance, point)}
          </div>
        ))}
      <div style={{ color: "#4b5563" }}>
        Setup: {setup?.name ?? "not recorded"} · {GRADE_LABEL[point.grade]}
      </div>
      {point.isArtifact ? <div style={{ color: ARTIFACT_COLOR, fontWeight: 600 }}>Possible radiation artifact: saturation measured with {GRADE_LABEL[point.grade]} lines</div> : null}
      <div style={{ color: "#6b7280", fontSize: 11.5 }}>
        engine {point.engineVersion} · uploaded {point.uploadedAt.slice(0, 10)} · click for details, double-click for the curve
      </div>
    </div>
  );
}

"use client";

import Link from "next/link";
import { GradeBadge } from "~/components/ui/grade-badge";
import { PhaseBadge } from "~/components/ui/phase-badge";
import type { TDiagramDto, TDiagramPoint } from "~/server/domains/diagrams/schemas";
import { describeConditions, describeValue, phaseText } from "./describe";
import { ARTIFACT_COLOR } from "./glyphs";

/** The page of a curve: data, fit line, residuals, parameters with uncertainties, reasons. */
export const curveHref = (curveId: string) => `/curves/${curveId}`;
/** The raw file a curve was imported from, byte for byte. */
export const rawUploadHref = (uploadId: string) => `/api/uploads/${uploadId}/raw`;

/** Everything about one selected point, with links to its curve (fit overlaid), sample and raw file. */
export function PointDetails({ point, diagram, onClose }: { point: TDiagramPoint | null; diagram: TDiagramDto; onClose?: () => void }) {
  if (!point) return <div className="subtle small">Hover a point to see where it comes from; click it to keep it here with links to its curve and raw file; double-click it to open the curve with its fit.</div>;
  const { provenance } = diagram;
  const sample = provenance.samples[point.sampleId];
  const lab = provenance.labs[point.labId];
  const setup = point.setupId ? provenance.setups[point.setupId] : undefined;
  return (
    <div data-testid="point-details">
      <div className="spread">
        <strong>{sample?.name ?? point.sampleId}</strong>
        {onClose ? (
          <button type="button" className="btn btn-small" onClick={onClose} aria-label="Close the details">
            ×
          </button>
        ) : null}
      </div>
      <dl className="kv small" style={{ marginTop: 8 }}>
        <dt>Lab</dt>
        <dd>{lab?.name ?? point.labId}</dd>
        <dt>Material</dt>
        <dd>{sample?.material ?? "—"}</dd>
        <dt>Anneal stage</dt>
        <dd>{sample?.annealStage ?? "—"}</dd>
        <dt>Conditions</dt>
        <dd>{describeConditions(point)}</dd>
        <dt>Label</dt>
        <dd>
          <PhaseBadge phase={point.phase} inconclusive={point.inconclusive && !point.isOverride} /> {phaseText(point)}
        </dd>
        <dt>{diagram.xAxis.label}</dt>
        <dd>{describeValue(diagram.xAxis, point.x, point.xErr, provenance, point)}</dd>
        <dt>{diagram.yAxis.label}</dt>
        <dd>{describeValue(diagram.yAxis, point.y, point.yErr, provenance, point)}</dd>
        <dt>Setup</dt>
        <dd>
          {setup?.name ?? "not recorded"} <GradeBadge grade={point.grade} />
        </dd>
        <dt>Fit</dt>
        <dd className="mono">
          engine {point.engineVersion} · {point.fitId.slice(0, 10)}…
        </dd>
        <dt>Uploaded</dt>
        <dd>{point.uploadedAt.slice(0, 10)}</dd>
      </dl>
      {point.isArtifact ? (
        <p className="small" style={{ color: ARTIFACT_COLOR, marginTop: 8 }}>
          Possible radiation artifact: this {point.phase} saturation was measured with {point.grade === "POOR" ? "poorly filtered lines" : "lines of unknown filtering"}; unfiltered radiation can make a resistance level off.
        </p>
      ) : null}
      <div className="row" style={{ marginTop: 10 }}>
        <Link className="btn btn-small btn-primary" href={curveHref(point.curveId)} data-testid="open-curve">
          Open the curve with its fit
        </Link>
        <Link className="btn btn-small" href={`/samples/${point.sampleId}`}>
          Sample
        </Link>
        {point.uploadId ? (
          <a className="btn btn-small" href={rawUploadHref(point.uploadId)}>
            Raw upload
          </a>
        ) : (
          <span className="subtle small">no raw file (stored without an upload)</span>
        )}
      </div>
    </div>
  );
}

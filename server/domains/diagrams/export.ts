/**
 * The data behind a diagram as a table: one row per point with its provenance, for CSV and JSON
 * downloads and for the API. Pure: no database.
 */
import { AXES, pointUnit, type TAxisKey } from "./axes";
import type { TBasePoint } from "./geometry";
import type { TProvenance } from "./schemas";

export const EXPORT_COLUMNS = [
  "fit_id",
  "curve_id",
  "sample_id",
  "sample",
  "material",
  "anneal_stage",
  "lab_id",
  "lab",
  "setup",
  "filtering_grade",
  "possible_radiation_artifact",
  "field_Oe",
  "pressure_GPa",
  "pressure_direction",
  "gate_V",
  "phase",
  "automatic_phase",
  "is_override",
  "inconclusive",
  "confidence",
  "engine_version",
  "x_axis",
  "x",
  "x_uncertainty",
  "y_axis",
  "y",
  "y_uncertainty",
  "uploaded_at",
  "curve_url",
  "raw_upload_url",
] as const;

export type TExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | number | boolean | null>;

/** The axis with the unit of this row's value (a resistance in Ω when its curve is not a sheet resistance). */
function axisName(key: TAxisKey, p: Pick<TBasePoint, "quantity">): string {
  const unit = pointUnit(key, p.quantity);
  return unit ? `${AXES[key].label} (${unit})` : AXES[key].label;
}

/** Rows with provenance; on the sample and stage axes the value is the sample's name or stage. */
export function exportRows(points: readonly TBasePoint[], provenance: TProvenance, axes: { x: TAxisKey; y: TAxisKey }, baseUrl: string): TExportRow[] {
  const value = (key: TAxisKey, v: number, p: TBasePoint): string | number => {
    const sample = provenance.samples[p.sampleId];
    if (key === "sample") return sample?.name ?? p.sampleId;
    if (key === "stage") return sample?.annealStage ?? v;
    return v;
  };
  return points.map((p) => {
    const sample = provenance.samples[p.sampleId];
    return {
      fit_id: p.fitId,
      curve_id: p.curveId,
      sample_id: p.sampleId,
      sample: sample?.name ?? null,
      material: sample?.material ?? null,
      anneal_stage: sample?.annealStage ?? null,
      lab_id: p.labId,
      lab: provenance.labs[p.labId]?.name ?? null,
      setup: p.setupId ? (provenance.setups[p.setupId]?.name ?? null) : null,
      filtering_grade: p.grade,
      possible_radiation_artifact: p.isArtifact,
      field_Oe: p.fieldOe,
      pressure_GPa: p.pressureGPa,
      pressure_direction: p.pressureDirection,
      gate_V: p.gateVoltageV,
      phase: p.phase,
      automatic_phase: p.autoPhase,
      is_override: p.isOverride,
      inconclusive: p.inconclusive,
      confidence: p.confidence,
      engine_version: p.engineVersion,
      x_axis: axisName(axes.x, p),
      x: value(axes.x, p.x, p),
      x_uncertainty: p.xErr,
      y_axis: axisName(axes.y, p),
      y: value(axes.y, p.y, p),
      y_uncertainty: p.yErr,
      uploaded_at: p.uploadedAt,
      curve_url: `${baseUrl}/curves/${p.curveId}`,
      raw_upload_url: p.uploadId ? `${baseUrl}/api/uploads/${p.uploadId}/raw` : null,
    };
  });
}

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets a
 * leading apostrophe; numbers stay numbers (a negative field is not a formula).
 */
export function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(value: string | number | boolean | null): string {
  if (value === null) return "";
  const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : typeof value === "string" ? spreadsheetSafe(value) : String(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV with a header line, CRLF line ends. */
export function toCsv(rows: readonly TExportRow[]): string {
  const lines = [EXPORT_COLUMNS.join(",")];
  for (const row of rows) lines.push(EXPORT_COLUMNS.map((c) => csvCell(row[c])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

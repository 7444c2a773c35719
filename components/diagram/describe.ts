import { formatNumber } from "~/components/charts/log-ticks";
import { isMixedUnit, pointUnit } from "~/server/domains/diagrams/axes";
import type { TAxisInfo, TDiagramPoint, TProvenance } from "~/server/domains/diagrams/schemas";

export { GRADE_LABEL } from "~/components/ui/grade-badge";

/** "H = 300 Oe · P = 9.4 GPa (pressurizing)" */
export function describeConditions(p: Pick<TDiagramPoint, "fieldOe" | "pressureGPa" | "pressureDirection" | "gateVoltageV">): string {
  const parts: string[] = [];
  if (p.fieldOe !== null) parts.push(`H = ${formatNumber(p.fieldOe, 4)} Oe`);
  if (p.pressureGPa !== null) parts.push(`P = ${formatNumber(p.pressureGPa, 3)} GPa${p.pressureDirection !== "UNKNOWN" ? ` (${p.pressureDirection.toLowerCase()})` : ""}`);
  if (p.gateVoltageV !== null) parts.push(`V_g = ${formatNumber(p.gateVoltageV, 3)} V`);
  return parts.length > 0 ? parts.join(" · ") : "no field, pressure or gate recorded";
}

/**
 * The unit of one point's value: what its curve stores on a resistance axis (Ω/□ for a sheet
 * resistance, Ω without a number of squares), else the axis' unit.
 */
export function valueUnit(axis: Pick<TAxisInfo, "key" | "unit">, point: Pick<TDiagramPoint, "quantity">): string {
  if (point.quantity) return pointUnit(axis.key, point.quantity);
  return isMixedUnit(axis.unit) ? "" : axis.unit;
}

/** "1.23 ± 0.04 K" */
export function describeValue(axis: TAxisInfo, value: number, err: number | null, provenance: TProvenance, point: TDiagramPoint): string {
  if (axis.key === "sample") return provenance.samples[point.sampleId]?.name ?? point.sampleId;
  if (axis.key === "stage") return provenance.samples[point.sampleId]?.annealStage ?? String(value);
  const u = valueUnit(axis, point);
  const unit = u ? ` ${u}` : "";
  return err !== null ? `${formatNumber(value, 4)} ± ${formatNumber(err, 2)}${unit}` : `${formatNumber(value, 4)}${unit}`;
}

export function phaseText(p: Pick<TDiagramPoint, "phase" | "autoPhase" | "isOverride" | "inconclusive" | "confidence" | "reasonCode">): string {
  const conf = `${Math.round(p.confidence * 100)} % confidence`;
  const reason = p.reasonCode ? ` (${p.reasonCode.replaceAll("_", " ")})` : "";
  const name = (phase: string) => (phase === "NONE" ? "no SIT label" : phase);
  if (p.isOverride) return `${name(p.phase)} (member's override; the fit said ${name(p.autoPhase)}, ${conf})`;
  if (p.phase === "NONE") return `no SIT label${reason}, ${conf}`;
  if (p.inconclusive) return `inconclusive${reason} — best guess ${p.phase}, ${conf}`;
  return `${p.phase}, ${conf}`;
}

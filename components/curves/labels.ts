import { formatNumber } from "~/components/charts/log-ticks";

interface Conditions {
  kind: "RT" | "RH";
  fieldOe: number | null;
  pressureGPa: number | null;
  pressureDirection: "PRESSURIZING" | "DEPRESSURIZING" | "UNKNOWN";
  temperatureK: number | null;
  annealStage: string | null;
}

/** A short human label of a curve's fixed conditions, e.g. "S1 · H = 300 Oe" or "P = 12.7 GPa ↓". */
export function conditionLabel(c: Conditions, options: { withStage?: boolean } = {}): string {
  const parts: string[] = [];
  if (options.withStage && c.annealStage) parts.push(c.annealStage);
  if (c.kind === "RH") {
    if (c.temperatureK != null) parts.push(`T = ${formatNumber(c.temperatureK)} K`);
  } else if (c.fieldOe != null) {
    parts.push(`H = ${formatNumber(c.fieldOe)} Oe`);
  }
  if (c.pressureGPa != null) {
    const arrow = c.pressureDirection === "DEPRESSURIZING" ? " ↓" : c.pressureDirection === "PRESSURIZING" ? " ↑" : "";
    parts.push(`P = ${formatNumber(c.pressureGPa)} GPa${arrow}`);
  }
  return parts.length > 0 ? parts.join(" · ") : c.kind === "RH" ? "isotherm" : "R(T)";
}

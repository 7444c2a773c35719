import { PHASE_COLORS } from "~/components/ui/phase-badge";
import type { TPhase } from "~/server/domains/curves/schemas";
import type { TPhaseKey } from "~/server/domains/diagrams/schemas";

/** SVG path of a phase's marker centred on the origin; r is about the radius. */
export function glyphPath(phase: TPhase, r: number): string {
  switch (phase) {
    case "S":
      return `M${-r},0a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case "M1": {
      const h = r * 0.88;
      return `M${-h},${-h}H${h}V${h}H${-h}Z`;
    }
    case "M2": {
      const d = r * 1.25;
      return `M0,${-d}L${d},0L0,${d}L${-d},0Z`;
    }
    case "I1": {
      const a = r * 1.2;
      return `M0,${-a}L${a * 0.95},${a * 0.7}L${-a * 0.95},${a * 0.7}Z`;
    }
    case "I2": {
      const a = r * 1.2;
      return `M0,${a}L${a * 0.95},${-a * 0.7}L${-a * 0.95},${-a * 0.7}Z`;
    }
    case "NONE": {
      // a cross: no SIT label applies
      const a = r * 0.95;
      return `M${-a},${-a}L${a},${a}M${a},${-a}L${-a},${a}`;
    }
  }
}

export const PHASE_KEY_LABEL: Record<TPhaseKey, string> = {
  S: "S superconductor",
  M1: "M1 failed superconductor",
  M2: "M2 failed insulator",
  I1: "I1 Bose insulator",
  I2: "I2 Fermi insulator",
  inconclusive: "inconclusive",
  NONE: "not labelled (no SIT label applies)",
};

export function phaseKeyColor(key: TPhaseKey): string {
  return key === "inconclusive" ? PHASE_COLORS.X : PHASE_COLORS[key];
}

/** Colour-blind-safe qualitative colours (Okabe–Ito, then Tableau) for labs, materials and samples. */
const QUALITATIVE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#4E79A7", "#F28E2B", "#59A14F", "#B07AA1", "#9C755F", "#EDC948", "#76B7B2"];

export function categoricalColor(index: number): string {
  return QUALITATIVE[index % QUALITATIVE.length]!;
}

export const ARTIFACT_COLOR = "#b42318";

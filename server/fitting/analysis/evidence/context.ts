/**
 * Context beyond the curve itself (docs/physics.md, "Quantities" and "Series or contact resistance"):
 * - the sheet resistance of the normal state against the quantum of resistance for pairs,
 *   h/4e² ≈ 6.45 kΩ (the SIT of many films sits near it);
 * - the weak-localization slope A above Tc (seed 003: the M2→I2 boundary near A ≈ 1×10⁻⁵ S);
 * - the sample's other curves: a plateau that does not change with field across a field series of
 *   one film at one stage is a series or contact resistance, not M1; one that does is not.
 */
import type { SeriesContext } from "../../types";
import { fmt } from "../format";

/** h/4e² in ohm */
export const R_Q_PAIRS = 6453.2;
/** seed 003: the M2 → I2 boundary sits near this weak-localization slope */
export const WL_A_BOUNDARY_S = 1e-5;

export function quantumResistanceNote(rNormal: number): string {
  return `R_n = ${fmt(rNormal / R_Q_PAIRS, 3)} × h/4e² (${fmt(rNormal)} Ω per square)`;
}

export function weakLocalizationNote(A: number): string {
  return `weak-localization slope A = ${fmt(A, 3)} S (${A < WL_A_BOUNDARY_S ? "below" : "above"} seed 003's M2→I2 boundary near 1×10⁻⁵ S)`;
}

export interface SeriesVerdict {
  /** "series": the plateau is the same at every field; "field_dependent": it changes with field */
  verdict: "series" | "field_dependent" | "unknown";
  reason: string;
}

/**
 * Compares this curve's plateau with the low-temperature resistance of the other curves of its
 * series at other fields. Needs at least two other fields.
 */
export function seriesResistanceEvidence(level: number, uncertainty: number, H: number | undefined, context: SeriesContext | undefined): SeriesVerdict {
  const others = (context?.siblings ?? []).filter((s) => Number.isFinite(s.Rlow_ohm) && s.H_Oe !== H);
  const fields = new Set(others.map((s) => s.H_Oe));
  if (fields.size < 2) return { verdict: "unknown", reason: "" };
  const tolerance = Math.max(3 * uncertainty, 0.02 * Math.abs(level));
  const same = others.filter((s) => Math.abs(s.Rlow_ohm - level) <= tolerance).length;
  if (same === others.length) {
    return {
      verdict: "series",
      reason: `the plateau (${fmt(level)} Ω) is the same within ${fmt(tolerance, 2)} Ω at ${fields.size + 1} fields of this film: a series or contact resistance, not a failed superconductor`,
    };
  }
  return { verdict: "field_dependent", reason: `the low-temperature resistance changes with field across the series (${fields.size + 1} fields): not a series resistance` };
}

/**
 * Normalizations of R(T) curves for comparing materials. Pure: no database.
 *   R/R_N       R_N is the resistance at 10 K (interpolated in ln T), or at the warmest point
 *               when the sweep stops below 10 K: the normal state above the fluctuation regime.
 *   R/(h/4e²)   the resistance in units of the pair quantum, 6.4532 kΩ.
 *   T/Tc        Tc at 90 % of the normal state just above the drop (seed 003 definition with a metallic normal state allowed for), from the curve's fit.
 */
import { R_Q_PAIR_OHM } from "~/server/domains/diagrams/axes";

export const NORMAL_STATE_T_K = 10;

/** R_N of a curve (T and R in any order of T), or null when it cannot be read. */
export function normalStateResistance(T: ArrayLike<number>, R: ArrayLike<number>, atK = NORMAL_STATE_T_K): number | null {
  const idx = Array.from({ length: T.length }, (_, i) => i).filter((i) => Number.isFinite(T[i]!) && T[i]! > 0 && Number.isFinite(R[i]!));
  if (idx.length === 0) return null;
  idx.sort((a, b) => T[a]! - T[b]!);
  const last = idx[idx.length - 1]!;
  if (T[last]! <= atK) return R[last]!;
  for (let k = 1; k < idx.length; k++) {
    const i0 = idx[k - 1]!;
    const i1 = idx[k]!;
    if (T[i0]! <= atK && T[i1]! >= atK) {
      const f = (Math.log(atK) - Math.log(T[i0]!)) / (Math.log(T[i1]!) - Math.log(T[i0]!) || 1);
      return R[i0]! + f * (R[i1]! - R[i0]!);
    }
  }
  return R[idx[0]!]!; // every point is warmer than 10 K
}

export function normalizeCurve(
  T: ArrayLike<number>,
  R: ArrayLike<number>,
  options: { normalization: "RN" | "RQ" | "none"; temperature: "T" | "TTc"; tc90K: number | null },
): { x: number[]; y: number[]; rNormal: number | null } | null {
  const rNormal = normalStateResistance(T, R);
  let scale = 1;
  if (options.normalization === "RN") {
    if (rNormal === null || !(Math.abs(rNormal) > 0)) return null;
    scale = 1 / rNormal;
  } else if (options.normalization === "RQ") scale = 1 / R_Q_PAIR_OHM;
  let tScale = 1;
  if (options.temperature === "TTc") {
    if (options.tc90K === null || !(options.tc90K > 0)) return null;
    tScale = 1 / options.tc90K;
  }
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < T.length; i++) {
    x.push(T[i]! * tScale);
    y.push(R[i]! * scale);
  }
  return { x, y, rNormal };
}

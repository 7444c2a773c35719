/**
 * Direction (docs/physics.md, "Direction"): does R fall on cooling (the superconducting side, S/M1, or
 * an ordinary metal) or rise (the insulating side, M2/I1/I2)? From smoothed levels: R_lo (lowest
 * T), R_hi (highest T), R_peak (maximum); fall = 1 − R_lo/R_peak; net = ln(R_lo/R_hi);
 * δ = max(0.03, 6σ_rel/√n_edge).
 * - fall ≥ 0.85 → falling side: an M2 never loses most of its resistance.
 * - fall > δ and net < −δ with no strongly insulating rise before the maximum (w < 1) → falling.
 * - a maximum followed by a partial drop that ends above R_hi ("hump"): a superconducting drop
 *   below a weakly insulating normal state, or a small superconducting peak on a failed
 *   insulator; M1 needs ρ_QF ≪ the normal state (a large drop) and a rise that is only a power
 *   law (w < 1).
 * - net > δ → rising side; otherwise flat.
 */
import type { CurveData } from "../../models/common";
import { fmt } from "../format";
import type { Profile } from "./profile";
import { clip, logistic } from "../math";

export type Side = "sc" | "ins" | "flat";

export interface Direction {
  side: Side;
  /** probability of the falling (superconducting or metallic) side */
  pSc: number;
  hump: boolean;
  fall: number;
  net: number;
  rPeak: number;
  rLo: number;
  reason: string;
}

export function directionEvidence(d: CurveData, p: Profile, floor: number): Direction {
  const { G, levR, prof, kPeak, sigmaRel } = p;
  const n = d.n;
  const rPeak = levR.level[kPeak]!;
  const rLo = levR.level[0]!;
  const rHi = levR.level[G - 1]!;
  const edgeCount = Math.max(1, Math.min(levR.count[0]!, levR.count[G - 1]!));
  const delta = Math.max(0.03, (6 * sigmaRel) / Math.sqrt(edgeCount));
  const fall = rPeak > 0 ? 1 - rLo / rPeak : 0;
  const tiny = Math.max(1e-9 * Math.abs(rPeak), floor > 0 ? floor : 0);
  const net = rHi > 0 ? Math.log(Math.max(rLo, tiny) / rHi) : 0;
  // how insulating is the rise above the maximum? (max of w on the high-T side)
  let wRise = 0;
  for (let k = kPeak + 1; k < G; k++) {
    const sl = prof.slope[k]!;
    if (Number.isFinite(sl) && -sl > wRise) wRise = -sl;
  }
  const rose = rPeak > rHi * (1 + delta);
  let side: Side;
  let pSc: number;
  let hump = false;
  if (fall >= 0.85) {
    side = "sc";
    pSc = 0.995;
  } else if (fall > delta && net < -delta && (!rose || wRise < 1)) {
    side = "sc";
    pSc = fall >= 0.5 || net < -3 * delta ? 0.995 : 0.5 + 0.49 * Math.min(1, Math.max(-net, fall) / (3 * delta));
  } else if (fall > delta) {
    hump = true;
    pSc = logistic(clip(12 * (fall - 0.4) + clip((1 - wRise) / 0.25, -3, 3), -8, 8));
    side = pSc >= 0.5 ? "sc" : "ins";
  } else if (net > delta) {
    side = "ins";
    pSc = net > 3 * delta ? 0.005 : 0.5 - 0.49 * Math.min(1, net / (3 * delta));
  } else {
    side = "flat";
    pSc = net < 0 ? 0.55 : 0.45;
  }
  const reason =
    side === "sc"
      ? `R falls on cooling: R(${fmt(d.T[0]!)} K) = ${fmt(Math.max(rLo, 0))} Ω is ${fmt(100 * (1 - fall))} % of R_max = ${fmt(rPeak)} Ω`
      : side === "ins"
        ? `R rises on cooling: R(${fmt(d.T[0]!)} K)/R(${fmt(d.T[n - 1]!)} K) = ${fmt(Math.exp(net))}`
        : `R changes little across the window: R(${fmt(d.T[0]!)} K)/R(${fmt(d.T[n - 1]!)} K) = ${fmt(Math.exp(net))}`;
  return { side, pSc, hump, fall, net, rPeak, rLo, reason };
}

/**
 * The decision, as the physics reads (server/fitting/README.md, "Classification"):
 *
 *   falling side (p_sc) ── ordinary metal (1 − p_drop): no SIT label, metallic_no_transition
 *                      └─ superconducting drop (p_drop) ── zero resistance (1 − p_M1): S
 *                                                       └─ finite plateau (p_M1): M1
 *   rising side (1 − p_sc) ── saturation, w → 0 (p_M2): M2
 *                          └─ divergence ── p ≥ ½…1 boundary (p_I1): I1, else I2
 *
 * Each branch is a probability from its evidence's log-odds; the label is the most probable leaf.
 * Then the honest exits: readings pinned at an instrument limit leave only a best guess; a
 * re-entrant curve has no label, nor a metal falling below a maximum
 * warmer than 40 K; a transition the window does not
 * finish, a plateau a series resistance explains as well, an anomalous metal read from a window
 * that ends above 40 K, a short window on the insulating side,
 * a flat curve, an insulating rise too weak for any hopping law, a fit that failed or weak
 * evidence make the answer inconclusive, with the best guess and a reason code.
 */
import type { Phase, ReasonCode } from "../types";
import { fmt } from "./format";
import type { Direction } from "./evidence/direction";
import { SIT_TEMPERATURE_K } from "./evidence/metal-fall";
import type { InsResult } from "./evidence/insulating-side";
import type { Reentrance } from "./evidence/reentrance";
import type { ScSide } from "./evidence/sc-side";
import { clip, logistic } from "./math";

export type Leaf = Phase | "NONE";

export interface DecisionInput {
  dir: Direction;
  sc: ScSide | null;
  ins: InsResult | null;
  reentrance: Reentrance;
  shortWindow: boolean;
  windowRatio: number;
  minWindowRatio: number;
  inconclusiveBelow: number;
  /** the side's decisive fits converged */
  converged: boolean;
  /** the coldest temperature of the window (K) */
  tMinK: number;
  /** a cold reading far below the rest, set aside as an outlier (evidence/cold-drop.ts), else null */
  coldDrop: string | null;
  /** the coldest readings repeat one exact value, set aside as an instrument limit (evidence/pinned.ts), else null */
  pinned: string | null;
}

export interface Decision {
  leaf: Leaf;
  runner: Leaf;
  probs: Record<Leaf, number>;
  /** probability of the leaf before calibration */
  raw: number;
  inconclusive: boolean;
  reasonCode: ReasonCode | null;
  inconclusiveReason: string | null;
  /** the deciding evidence first */
  reasons: string[];
}

export function decide(input: DecisionInput): Decision {
  const { dir, sc, ins, reentrance } = input;
  const pSc = dir.pSc;
  const pDrop = sc ? logistic(clip(sc.Ldrop, -12, 12)) : 0.5;
  const pM1 = sc ? logistic(clip(sc.Lm1, -12, 12)) : 0.5;
  const pM2 = ins ? ins.pM2 : 0.5;
  const pI1 = ins ? ins.pI1 : 0.5;
  const probs: Record<Leaf, number> = {
    NONE: pSc * (1 - pDrop),
    S: pSc * pDrop * (1 - pM1),
    M1: pSc * pDrop * pM1,
    M2: (1 - pSc) * pM2,
    I1: (1 - pSc) * (1 - pM2) * pI1,
    I2: (1 - pSc) * (1 - pM2) * (1 - pI1),
  };
  for (const k of Object.keys(probs) as Leaf[]) if (!Number.isFinite(probs[k])) probs[k] = 1 / 6;
  const order = (Object.keys(probs) as Leaf[]).sort((a, b) => probs[b] - probs[a]);
  let leaf = order[0]!;
  const runner = order[1]!;
  const raw = probs[leaf];

  const reasons: string[] = [];
  if (dir.side === "flat") reasons.push(dir.reason);
  if (leaf === "NONE" && sc) reasons.push(sc.dropReason, dir.reason);
  else if (leaf === "S" || leaf === "M1") reasons.push(sc?.reason ?? dir.reason, sc?.dropReason ?? "", dir.reason);
  else if (leaf === "M2") reasons.push(ins?.reason ?? dir.reason, dir.reason);
  else reasons.push(ins?.i1Reason ?? dir.reason, ins?.reason ?? "", dir.reason);

  let reasonCode: ReasonCode | null = null;
  let why: string | null = null;
  const insulating = leaf === "M2" || leaf === "I1" || leaf === "I2";
  if (input.pinned) {
    // whatever the rest says, the coldest readings are the instrument's: a best guess at most
    reasonCode = "instrument_limit";
    why = input.pinned;
  } else if (reentrance.isReentrant) {
    leaf = "NONE";
    reasonCode = "reentrant";
    why = `${reentrance.reason}: neither a failed superconductor nor a failed insulator`;
    reasons.unshift(reentrance.reason);
  } else if (input.coldDrop && leaf !== "S" && leaf !== "M1") {
    // the rest of the curve says metal or insulator, its coldest reading may say otherwise
    reasonCode = "incomplete_transition";
    why = input.coldDrop;
  } else if (insulating && ins?.metalBelowMaximum) {
    leaf = "NONE";
    reasonCode = "metallic_no_transition";
    reasons.unshift(ins.metalBelowMaximum);
  } else if (dir.side === "flat") {
    reasonCode = "flat";
    why = `the curve is nearly flat (R(Tmin)/R(Tmax) = ${fmt(Math.exp(dir.net))}); direction undecided`;
  } else if (leaf === "NONE") {
    reasonCode = "metallic_no_transition";
    why = input.shortWindow ? `a short metallic segment (Tmax/Tmin = ${fmt(input.windowRatio)}): no transition inside it` : null;
  } else if ((leaf === "S" || leaf === "M1") && sc?.flag) {
    reasonCode = sc.flag.code;
    why = sc.flag.text;
  } else if ((leaf === "M1" || leaf === "M2") && input.tMinK > SIT_TEMPERATURE_K) {
    // the plateaus of both anomalous metals are T → 0 saturations, below a few kelvin
    reasonCode = "short_window";
    why = `the window ends at ${fmt(input.tMinK, 3)} K: a levelling this warm is not the T → 0 ${leaf === "M1" ? "plateau of a failed superconductor" : "saturation of a failed insulator"}, which the readings never reach`;
  } else if (insulating && input.shortWindow) {
    reasonCode = "short_window";
    why = `temperature window too short to separate the laws (Tmax/Tmin = ${fmt(input.windowRatio)} < ${input.minWindowRatio})`;
  } else if (insulating && ins?.sparseWindow) {
    reasonCode = "too_few_points";
    why = ins.sparseWindow;
  } else if (insulating && ins?.unfinishedTurnover) {
    reasonCode = "weak_evidence";
    why = `w = −d ln R/d ln T falls toward the cold end but ends at ${fmt(ins.wLo, 2)}: the window stops before saturation (M2) or divergence can be told apart`;
  } else if (leaf === "M2" && ins?.unresolvedSaturation) {
    reasonCode = "weak_evidence";
    why = ins.unresolvedSaturation;
  } else if ((leaf === "I1" || leaf === "I2") && ins?.belowHopping) {
    reasonCode = "weak_evidence";
    why = ins.belowHopping;
  } else if (insulating && ins?.noDivergence) {
    reasonCode = "weak_evidence";
    why = ins.noDivergence;
  } else if (!input.converged) {
    reasonCode = "fit_failed";
    why = "the fits the decision rests on did not converge";
  } else if (raw < input.inconclusiveBelow) {
    reasonCode = "weak_evidence";
    why = `weak or contradictory evidence: ${leaf} (${fmt(raw, 2)}) vs ${runner} (${fmt(probs[runner], 2)})`;
  }
  const inconclusive = why !== null;
  if (why) reasons.push(`inconclusive: ${why}`);
  return {
    leaf,
    runner,
    probs,
    raw,
    inconclusive,
    reasonCode: inconclusive || leaf === "NONE" ? reasonCode : null,
    inconclusiveReason: why,
    reasons: reasons.filter((r, i) => r && reasons.indexOf(r) === i),
  };
}

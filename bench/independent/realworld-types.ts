/** Types shared by the real-world families (see realworld.ts). */
import type { TDifficulty, TPhase, TTruthValue } from "./generator";
import type { TReadout } from "./realworld-measure";
import type { TRng } from "./rng";

/** A label, or "NONE" when no SIT label applies. */
export type TOutcome = TPhase | "NONE";
export const OUTCOMES: readonly TOutcome[] = ["S", "M1", "M2", "I1", "I2", "NONE"];

/**
 * Which answers are acceptable for a curve. An inconclusive answer is judged
 * by `inconclusive` alone, whatever its best guess; a conclusive one by
 * whether its label ("NONE" for no SIT label) is in `conclusive`.
 */
export interface TAcceptable {
  conclusive: readonly TOutcome[];
  inconclusive: boolean;
  /** labels counted as right besides `expected` (calibration, accuracy) */
  equivalent: readonly TOutcome[];
  /** acceptable conclusive labels that the report counts separately */
  noted: readonly TOutcome[];
}

export interface TRealWorldCurve {
  id: string;
  /** recorded temperatures (K), in acquisition order */
  T: number[];
  /** recorded resistance (Ω), same order */
  R: number[];
  readout?: TReadout;
  H_Oe?: number;
  expected: TOutcome;
  /** the reason code a careful answer gives when `expected` is NONE */
  expectedReason?: string;
  acceptable: TAcceptable;
  family: string;
  difficulty: TDifficulty;
  truth: Record<string, TTruthValue>;
  /** noiseless resistance and true temperature of every recorded point (not written to the JSON lines) */
  Rtrue: number[];
  Ttrue: number[];
}

/** What a family builder returns; `string` is a rejection reason (the draw is repeated). */
export interface TBuilt {
  T: number[];
  R: number[];
  Rtrue: number[];
  Ttrue: number[];
  readout?: TReadout;
  H_Oe?: number;
  expected: TOutcome;
  expectedReason?: string;
  truth: Record<string, TTruthValue>;
}

export type TFamilyBuilder = (rng: TRng, difficulty: TDifficulty) => TBuilt | string;

export function count(xs: readonly number[], pred: (x: number) => boolean): number {
  let c = 0;
  for (const x of xs) if (pred(x)) c++;
  return c;
}

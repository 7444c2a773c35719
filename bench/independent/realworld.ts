/**
 * Labelled "real-world" R(T) curves: the measurement effects and the non-SIT
 * classes of shared/docs/PHYSICS.md ("What real measurements look like"),
 * written from the physics and the measurement practice, one family each,
 * with clear and hard variants. See bench/independent/README.md.
 *
 * Deterministic: curve k of seed s depends only on (s, k) and the options.
 * Families rotate with the index; every family builder draws by rejection
 * until its own decidability conditions hold.
 */
import type { TDifficulty } from "./generator";
import { deadChannel, hallChannel, metalOrdinary, semiconductorFreezeout } from "./realworld-other";
import { incompleteTransition, reentrant, seriesResistance } from "./realworld-partial";
import { repeatedReadings } from "./realworld-repeated";
import { m1MetallicNormal, sCoarsePpms, sMagnitude, sMetallicNormal } from "./realworld-sc";
import type { TAcceptable, TFamilyBuilder, TOutcome, TRealWorldCurve } from "./realworld-types";
import { makeRng } from "./rng";

export type { TAcceptable, TOutcome, TRealWorldCurve } from "./realworld-types";
export { OUTCOMES } from "./realworld-types";

const accept = (conclusive: readonly TOutcome[], extra: Partial<TAcceptable> = {}): TAcceptable => ({
  conclusive,
  inconclusive: true,
  equivalent: [],
  noted: [],
  ...extra,
});

interface TFamilySpec {
  build: TFamilyBuilder;
  /** acceptable answers; for repeated-readings they depend on the curve's phase */
  acceptable: (expected: TOutcome) => TAcceptable;
}

/** The families, in the order the index rotates through them. */
export const REALWORLD_FAMILIES = {
  "S-magnitude": { build: sMagnitude, acceptable: () => accept(["S"]) },
  "S-coarse-ppms": { build: sCoarsePpms, acceptable: () => accept(["S"]) },
  "S-metallic-normal": { build: sMetallicNormal, acceptable: () => accept(["S"]) },
  "M1-metallic-normal": { build: m1MetallicNormal, acceptable: () => accept(["M1"]) },
  "metal-ordinary": { build: metalOrdinary, acceptable: () => accept(["NONE"]) },
  "dead-channel": { build: deadChannel, acceptable: () => accept(["NONE"]) },
  "hall-channel": { build: hallChannel, acceptable: () => accept(["NONE"]) },
  "semiconductor-freezeout": { build: semiconductorFreezeout, acceptable: () => accept(["I1", "I2", "NONE"], { equivalent: ["I2"] }) },
  // no conclusive SIT label; "no label" with the reason incomplete_transition is honest too
  "incomplete-transition": { build: incompleteTransition, acceptable: () => accept(["NONE"]) },
  reentrant: { build: reentrant, acceptable: () => accept(["NONE"]) },
  "series-resistance": { build: seriesResistance, acceptable: () => accept(["NONE", "M1"], { noted: ["M1"] }) },
  "repeated-readings": { build: repeatedReadings, acceptable: (expected) => accept([expected]) },
} satisfies Record<string, TFamilySpec>;

/**
 * Families left out of the calibration tables: their label is fixed while the data cannot tell
 * it from another (a flat series resistance looks like an M1 plateau on one curve), so no
 * confidence can be calibrated on them. Incomplete transitions stay in: their underlying
 * phase is S or M1 at random, and a calibrated best guess says about 50 %.
 */
export const UNCALIBRATED_FAMILIES: ReadonlySet<string> = new Set(["series-resistance"]);

export type TRealWorldFamily = keyof typeof REALWORLD_FAMILIES;
export const REALWORLD_FAMILY_LIST = Object.keys(REALWORLD_FAMILIES) as TRealWorldFamily[];

export interface TRealWorldOptions {
  /** fraction of hard curves when the difficulty is not forced; default 0.4 */
  hardFraction?: number;
  family?: TRealWorldFamily;
  difficulty?: TDifficulty;
}

const MAX_ATTEMPTS = 2000;
/** keeps the random streams of this corpus apart from those of generator.ts for the same seed */
const STREAM_OFFSET = 0x20000000;

export function isRealWorldFamily(name: string): name is TRealWorldFamily {
  return Object.hasOwn(REALWORLD_FAMILIES, name);
}

/** Curve number `index` of seed `seed`: the family rotates with the index unless forced. */
export function generateRealWorldCurve(seed: number, index: number, opts: TRealWorldOptions = {}): TRealWorldCurve {
  const rng = makeRng(seed, STREAM_OFFSET + index);
  const family = opts.family ?? REALWORLD_FAMILY_LIST[index % REALWORLD_FAMILY_LIST.length]!;
  const difficulty: TDifficulty = opts.difficulty ?? (rng.next() < (opts.hardFraction ?? 0.4) ? "hard" : "clear");
  const spec: TFamilySpec = REALWORLD_FAMILIES[family];
  const rejections: Record<string, number> = {};
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const built = spec.build(rng, difficulty);
    if (typeof built === "string") {
      rejections[built] = (rejections[built] ?? 0) + 1;
      continue;
    }
    const { truth, ...rest } = built;
    return {
      id: `rw-${seed}-${String(index).padStart(5, "0")}`,
      ...rest,
      acceptable: spec.acceptable(built.expected),
      family,
      difficulty,
      truth: { ...truth, attempts: attempt + 1 },
    };
  }
  throw new Error(`no ${family} curve for seed ${seed}, index ${index}: ${JSON.stringify(rejections)}`);
}

export interface TRealWorldCorpusOptions extends Omit<TRealWorldOptions, "family"> {
  seed: number;
  /** curves per family */
  perFamily: number;
  families?: readonly TRealWorldFamily[];
}

/** `perFamily` curves of every family (indices k·F + f, so a curve keeps its id whatever the family list). */
export function* iterateRealWorld(opts: TRealWorldCorpusOptions): Generator<TRealWorldCurve> {
  const F = REALWORLD_FAMILY_LIST.length;
  const wanted = new Set(opts.families ?? REALWORLD_FAMILY_LIST);
  for (let k = 0; k < opts.perFamily; k++) {
    for (let f = 0; f < F; f++) {
      const family = REALWORLD_FAMILY_LIST[f]!;
      if (!wanted.has(family)) continue;
      yield generateRealWorldCurve(opts.seed, k * F + f, {
        ...(opts.hardFraction !== undefined ? { hardFraction: opts.hardFraction } : {}),
        ...(opts.difficulty !== undefined ? { difficulty: opts.difficulty } : {}),
      });
    }
  }
}

/** Whether an answer is acceptable for a curve (see TAcceptable). */
export function isAcceptable(acc: TAcceptable, answer: { label: TOutcome | null; inconclusive: boolean }): boolean {
  if (answer.inconclusive) return acc.inconclusive;
  return acc.conclusive.includes(answer.label ?? "NONE");
}

/** One JSON line: the curve as an upload would carry it, with its labels and truth (no noiseless arrays). */
export function realWorldToJsonLine(c: TRealWorldCurve): string {
  const obj: Record<string, unknown> = { id: c.id, T: c.T, R: c.R };
  if (c.readout !== undefined) obj.readout = c.readout;
  if (c.H_Oe !== undefined) obj.H_Oe = c.H_Oe;
  obj.expected = c.expected;
  if (c.expectedReason !== undefined) obj.expectedReason = c.expectedReason;
  obj.acceptable = c.acceptable;
  obj.family = c.family;
  obj.difficulty = c.difficulty;
  obj.truth = c.truth;
  return JSON.stringify(obj);
}

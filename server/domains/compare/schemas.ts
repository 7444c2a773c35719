import { z } from "zod";
import { ZPhase } from "~/server/domains/curves/schemas";

/** How curves are scaled for the overlay. */
export const ZNormalization = z.enum(["RN", "RQ", "none"]);
export type TNormalization = z.infer<typeof ZNormalization>;

export const MAX_COMPARED_SAMPLES = 12;

export const ZCompareCurvesInput = z.object({
  sampleIds: z.array(z.string().min(1).max(64)).min(1).max(MAX_COMPARED_SAMPLES),
  /** R/R_N (R_N: the resistance at 10 K, or at the warmest point below), R/(h/4e²), or R itself */
  normalization: ZNormalization.default("RN"),
  /** the temperature axis: T, or T/Tc with Tc at 90 % of the normal state just above the drop, from the fit */
  temperature: z.enum(["T", "TTc"]).default("T"),
  maxPointsPerCurve: z.number().int().min(20).max(2000).default(240),
});
export type TCompareCurvesInput = z.infer<typeof ZCompareCurvesInput>;

export const ZComparedCurve = z.object({
  curveId: z.string(),
  sampleId: z.string(),
  label: z.string(),
  phase: ZPhase.nullable(),
  inconclusive: z.boolean(),
  /** the normal-state resistance used for R/R_N, in Ω/□ */
  rNormal: z.number().nullable(),
  tc90K: z.number().nullable(),
  points: z.object({ x: z.array(z.number()), y: z.array(z.number()) }),
});
export type TComparedCurve = z.infer<typeof ZComparedCurve>;

export const ZCompareCurvesDto = z.object({
  samples: z.array(z.object({ id: z.string(), name: z.string(), material: z.string(), lab: z.string(), annealStage: z.string() })),
  curves: z.array(ZComparedCurve),
  /** asked-for samples the viewer may not read (or that do not exist) */
  unavailable: z.array(z.string()),
  /** curves left out of a T/Tc overlay because their fit has no Tc */
  withoutTc: z.number().int(),
  xLabel: z.string(),
  yLabel: z.string(),
});
export type TCompareCurvesDto = z.infer<typeof ZCompareCurvesDto>;

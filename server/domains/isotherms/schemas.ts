import { z } from "zod";

export const ZSampleIsothermsInput = z.object({ sampleId: z.string().min(1) });

const ZEstimate = z.object({ value: z.number(), uncertainty: z.number() }).nullable();
const ZXY = z.object({ x: z.number(), y: z.number() });

export const ZIsothermAnalysisDto = z.object({
  id: z.string(),
  annealStage: z.string(),
  setupId: z.string().nullable(),
  setupName: z.string().nullable(),
  channel: z.string(),
  source: z.enum(["RH", "RT"]),
  version: z.string(),
  createdAt: z.date(),
  crossing: z.boolean(),
  reasonCode: z.string().nullable(),
  reasons: z.array(z.object({ code: z.string(), message: z.string() })),
  Hc_Oe: ZEstimate,
  Rc: ZEstimate,
  znu: ZEstimate,
  znuSlope: ZEstimate,
  drift: z.object({ slope_Oe_per_K: z.object({ value: z.number(), uncertainty: z.number() }), relativeAcrossRange: z.number(), significance: z.number() }).nullable(),
  collapse: z
    .object({
      deltaMax: z.number(),
      band: z.number(),
      points: z.number(),
      sensitivity: z.number(),
      windows: z.array(z.object({ deltaMax: z.number(), znu: ZEstimate, points: z.number() })),
    })
    .nullable(),
  pairs: z.array(z.object({ T_lo: z.number(), T_hi: z.number(), kind: z.string(), H_Oe: z.number().nullable(), R: z.number().nullable() })),
  /** Isotherms as drawn (downsampled), R against H. */
  isotherms: z.array(z.object({ T_K: z.number(), points: z.array(ZXY) })),
  /** Collapse plot: R/R_c against |δ|·T^(−1/zν), per isotherm and branch, and the master curve. */
  collapsePoints: z.array(z.object({ T_K: z.number(), branch: z.enum(["above", "below"]), points: z.array(ZXY) })),
  masterCurve: z.array(z.object({ branch: z.enum(["above", "below"]), points: z.array(ZXY) })),
});
export type TIsothermAnalysisDto = z.infer<typeof ZIsothermAnalysisDto>;

export const ZSampleIsothermsDto = z.object({
  sampleId: z.string(),
  /** Number of R(H) sweeps of the sample (analysed or not). */
  sweeps: z.number(),
  analyses: z.array(ZIsothermAnalysisDto),
});
export type TSampleIsothermsDto = z.infer<typeof ZSampleIsothermsDto>;

/** One sample's critical point, for the figures across samples, with its provenance. */
export const ZCriticalPointDto = z.object({
  analysisId: z.string(),
  sampleId: z.string(),
  sampleName: z.string(),
  material: z.string(),
  labName: z.string(),
  annealStage: z.string(),
  channel: z.string(),
  version: z.string(),
  createdAt: z.date(),
  Hc_Oe: z.object({ value: z.number(), uncertainty: z.number() }),
  Rc: z.object({ value: z.number(), uncertainty: z.number() }),
  znu: z.object({ value: z.number(), uncertainty: z.number() }).nullable(),
});
export type TCriticalPointDto = z.infer<typeof ZCriticalPointDto>;

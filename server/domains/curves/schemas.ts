import { z } from "zod";

/** The five SIT phases (PHYSICS.md). */
export const ZSitPhase = z.enum(["S", "M1", "M2", "I1", "I2"]);
/** A curve's label: one of the five phases, or NONE when no SIT label applies (the reason code says why). */
export const ZPhase = z.enum(["S", "M1", "M2", "I1", "I2", "NONE"]);
export type TPhase = z.infer<typeof ZPhase>;
/** Why no SIT label applies, or why the label is inconclusive (server/fitting/README.md lists them). */
export const ZReasonCode = z.string().regex(/^[a-z_]+$/).max(40);
export const ZCurveKind = z.enum(["RT", "RH"]);
export const ZQuantity = z.enum(["RESISTANCE", "SHEET_RESISTANCE", "RESISTIVITY"]);
export const ZFieldOrientation = z.enum(["PERPENDICULAR", "PARALLEL", "UNKNOWN"]);
export const ZPressureDirection = z.enum(["PRESSURIZING", "DEPRESSURIZING", "UNKNOWN"]);
export const ZSweepDirection = z.enum(["WARMING", "COOLING", "UP", "DOWN", "MIXED", "UNKNOWN"]);

/** The label shown for a curve: the member's override when there is one, else the fit's. */
export const ZCurveLabelDto = z.object({
  fitId: z.string(),
  engineVersion: z.string(),
  phase: ZPhase,
  confidence: z.number(),
  inconclusive: z.boolean(),
  reasonCode: ZReasonCode.nullable(),
  model: z.string(),
  override: z
    .object({ phase: ZPhase, reasonCode: ZReasonCode.nullable(), justification: z.string(), by: z.string().nullable(), at: z.date() })
    .nullable(),
});
export type TCurveLabelDto = z.infer<typeof ZCurveLabelDto>;

export const ZCurveSummaryDto = z.object({
  id: z.string(),
  kind: ZCurveKind,
  quantity: ZQuantity,
  channel: z.string().nullable(),
  label: z.string().nullable(),
  fieldOe: z.number().nullable(),
  fieldOrientation: ZFieldOrientation,
  pressureGPa: z.number().nullable(),
  pressureDirection: ZPressureDirection,
  annealStage: z.string().nullable(),
  temperatureK: z.number().nullable(),
  sweepDirection: ZSweepDirection,
  pointCount: z.number().int(),
  tMinK: z.number(),
  tMaxK: z.number(),
  rMin: z.number(),
  rMax: z.number(),
  setupId: z.string().nullable(),
  uploadId: z.string().nullable(),
  /** when the file says the curve was measured (e.g. Quantum Design FILEOPENTIME) */
  measuredAt: z.date().nullable(),
  createdAt: z.date(),
  fit: ZCurveLabelDto.nullable(),
});
export type TCurveSummaryDto = z.infer<typeof ZCurveSummaryDto>;

export const ZSeriesDto = z.object({ x: z.array(z.number()), y: z.array(z.number()) });

export const ZCurvePlotDto = z.object({
  id: z.string(),
  kind: ZCurveKind,
  /** instrument channel, e.g. "Bridge 2" (several films of one file are several channels) */
  channel: z.string().nullable(),
  fieldOe: z.number().nullable(),
  pressureGPa: z.number().nullable(),
  pressureDirection: ZPressureDirection,
  annealStage: z.string().nullable(),
  temperatureK: z.number().nullable(),
  phase: ZPhase.nullable(),
  /** x is T in K for RT curves and H in Oe for isotherms; y is R in the curve's unit */
  points: ZSeriesDto,
  pointCount: z.number().int(),
});
export type TCurvePlotDto = z.infer<typeof ZCurvePlotDto>;

export const ZSampleCurvesInput = z.object({ sampleId: z.string().min(1), maxPointsPerCurve: z.number().int().min(20).max(5000).default(400) });
export const ZCurveIdInput = z.object({ curveId: z.string().min(1) });

import { z } from "zod";
import { ZOverrideLabelInput, ZRefitLabInput } from "~/server/domains/fits/schemas";
import { getCurveDetail, overrideLabel, refitLab, revertOverride, type TCurveDetail } from "~/server/domains/fits/service";
import { ZSetupDto } from "~/server/domains/setups/schemas";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../init";

type Detail = TCurveDetail;
type Override = Detail["overrides"][number];
/** A field passed on as the service typed it (the fit engine's own shapes). */
const as = <T>() => z.custom<T>(() => true);

/**
 * fit.getCurve's output: every field listed (anything else is dropped); the people and files
 * around a curve in explicit shapes, so that no e-mail address or storage detail goes out.
 */
const ZCurveDetailOutput = z.object({
  id: z.string(),
  labId: z.string(),
  kind: as<Detail["kind"]>(),
  quantity: as<Detail["quantity"]>(),
  channel: as<Detail["channel"]>(),
  label: as<Detail["label"]>(),
  fieldOe: z.number().nullable(),
  fieldOrientation: as<Detail["fieldOrientation"]>(),
  pressureGPa: z.number().nullable(),
  pressureDirection: as<Detail["pressureDirection"]>(),
  pressureMedium: as<Detail["pressureMedium"]>(),
  annealStage: z.string().nullable(),
  temperatureK: z.number().nullable(),
  gateVoltageV: z.number().nullable(),
  sweepDirection: as<Detail["sweepDirection"]>(),
  pointCount: z.number().int(),
  segmentReason: as<Detail["segmentReason"]>(),
  measuredAt: z.date().nullable(),
  createdAt: z.date(),
  sample: z.object({ id: z.string(), name: z.string(), material: z.string(), visibility: as<Detail["sample"]["visibility"]>(), lab: z.object({ id: z.string(), name: z.string() }) }),
  upload: z
    .object({
      id: z.string(),
      originalName: z.string(),
      format: as<NonNullable<Detail["upload"]>["format"]>(),
      parserName: as<NonNullable<Detail["upload"]>["parserName"]>(),
      parserVersion: as<NonNullable<Detail["upload"]>["parserVersion"]>(),
      sha256: z.string(),
      sizeBytes: as<NonNullable<Detail["upload"]>["sizeBytes"]>(),
      createdAt: z.date(),
    })
    .nullable(),
  points: z.object({ x: z.array(z.number()), y: z.array(z.number()) }),
  setup: ZSetupDto.nullable(),
  fits: as<Detail["fits"]>(),
  currentFitId: z.string().nullable(),
  fitWindow: as<Detail["fitWindow"]>(),
  overlay: as<Detail["overlay"]>(),
  overrides: z.array(
    z.object({
      id: z.string(),
      phase: as<Override["phase"]>(),
      reasonCode: as<Override["reasonCode"]>(),
      justification: as<Override["justification"]>(),
      createdAt: z.date(),
      supersededAt: z.date().nullable(),
      fitResultId: as<Override["fitResultId"]>(),
      by: z.string(),
    }),
  ),
  engineVersion: z.string(),
  canOverride: z.boolean(),
});

export const fitRouter = createTRPCRouter({
  getCurve: publicProcedure.input(z.object({ curveId: z.string().min(1) })).output(ZCurveDetailOutput).query(({ ctx, input }) => getCurveDetail(ctx.db, ctx.actor, input.curveId)),
  override: protectedProcedure.input(ZOverrideLabelInput).output(z.object({ id: z.string() })).mutation(({ ctx, input }) => overrideLabel(ctx.db, ctx.actor, input)),
  revertOverride: protectedProcedure.input(z.object({ curveId: z.string().min(1) })).output(z.void()).mutation(({ ctx, input }) => revertOverride(ctx.db, ctx.actor, input.curveId)),
  refitLab: protectedProcedure
    .input(ZRefitLabInput)
    .output(z.object({ queued: z.number().int(), engineVersion: z.string() }))
    .mutation(({ ctx, input }) => refitLab(ctx.db, ctx.actor, input.labId)),
});

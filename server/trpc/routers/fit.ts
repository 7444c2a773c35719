import { z } from "zod";
import { ZOverrideLabelInput, ZRefitLabInput } from "~/server/domains/fits/schemas";
import { getCurveDetail, overrideLabel, refitLab, revertOverride } from "~/server/domains/fits/service";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../init";

export const fitRouter = createTRPCRouter({
  getCurve: publicProcedure.input(z.object({ curveId: z.string().min(1) })).query(({ ctx, input }) => getCurveDetail(ctx.db, ctx.actor, input.curveId)),
  override: protectedProcedure.input(ZOverrideLabelInput).output(z.object({ id: z.string() })).mutation(({ ctx, input }) => overrideLabel(ctx.db, ctx.actor, input)),
  revertOverride: protectedProcedure.input(z.object({ curveId: z.string().min(1) })).mutation(({ ctx, input }) => revertOverride(ctx.db, ctx.actor, input.curveId)),
  refitLab: protectedProcedure
    .input(ZRefitLabInput)
    .output(z.object({ queued: z.number().int(), engineVersion: z.string() }))
    .mutation(({ ctx, input }) => refitLab(ctx.db, ctx.actor, input.labId)),
});

import { z } from "zod";
import { ZCurvePlotDto, ZSampleCurvesInput } from "~/server/domains/curves/schemas";
import { listSampleCurvePlots } from "~/server/domains/curves/service";
import { createTRPCRouter, publicProcedure } from "../init";

export const curveRouter = createTRPCRouter({
  listPlots: publicProcedure.input(ZSampleCurvesInput).output(z.array(ZCurvePlotDto)).query(({ ctx, input }) => listSampleCurvePlots(ctx.db, ctx.actor, input)),
});

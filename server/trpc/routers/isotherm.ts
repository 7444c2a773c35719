import { z } from "zod";
import { ZCriticalPointDto, ZSampleIsothermsDto, ZSampleIsothermsInput } from "~/server/domains/isotherms/schemas";
import { getSampleIsotherms, listCriticalPoints } from "~/server/domains/isotherms/service";
import { createTRPCRouter, publicProcedure } from "../init";

export const isothermRouter = createTRPCRouter({
  getForSample: publicProcedure.input(ZSampleIsothermsInput).output(ZSampleIsothermsDto).query(({ ctx, input }) => getSampleIsotherms(ctx.db, ctx.actor, input.sampleId)),
  listCritical: publicProcedure.output(z.array(ZCriticalPointDto)).query(({ ctx }) => listCriticalPoints(ctx.db, ctx.actor)),
});

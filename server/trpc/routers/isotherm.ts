import { ZSampleIsothermsDto, ZSampleIsothermsInput } from "~/server/domains/isotherms/schemas";
import { getSampleIsotherms } from "~/server/domains/isotherms/service";
import { createTRPCRouter, publicProcedure } from "../init";

export const isothermRouter = createTRPCRouter({
  getForSample: publicProcedure.input(ZSampleIsothermsInput).output(ZSampleIsothermsDto).query(({ ctx, input }) => getSampleIsotherms(ctx.db, ctx.actor, input.sampleId)),
});

import { z } from "zod";
import { ZCreateSampleInput, ZListSamplesInput, ZSampleDetailDto, ZSampleListDto, ZUpdateSampleInput } from "~/server/domains/samples/schemas";
import { createSample, getSample, listSamples, updateSample } from "~/server/domains/samples/service";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../init";

export const sampleRouter = createTRPCRouter({
  list: publicProcedure.input(ZListSamplesInput).output(ZSampleListDto).query(({ ctx, input }) => listSamples(ctx.db, ctx.actor, input)),
  get: publicProcedure.input(z.object({ sampleId: z.string().min(1) })).output(ZSampleDetailDto).query(({ ctx, input }) => getSample(ctx.db, ctx.actor, input.sampleId)),
  create: protectedProcedure.input(ZCreateSampleInput).output(z.object({ id: z.string() })).mutation(({ ctx, input }) => createSample(ctx.db, ctx.actor, input)),
  update: protectedProcedure.input(ZUpdateSampleInput).output(z.object({ id: z.string() })).mutation(({ ctx, input }) => updateSample(ctx.db, ctx.actor, input)),
});

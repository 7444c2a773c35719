import { z } from "zod";
import { ZCreateSetupInput, ZSetupDto, ZUpdateSetupInput } from "~/server/domains/setups/schemas";
import { createSetup, listSetups, updateSetup } from "~/server/domains/setups/service";
import { createTRPCRouter, protectedProcedure } from "../init";

export const setupRouter = createTRPCRouter({
  list: protectedProcedure.input(z.object({ labId: z.string().min(1) })).output(z.array(ZSetupDto)).query(({ ctx, input }) => listSetups(ctx.db, ctx.actor, input.labId)),
  create: protectedProcedure.input(ZCreateSetupInput).output(ZSetupDto).mutation(({ ctx, input }) => createSetup(ctx.db, ctx.actor, input)),
  update: protectedProcedure.input(ZUpdateSetupInput).output(ZSetupDto).mutation(({ ctx, input }) => updateSetup(ctx.db, ctx.actor, input)),
});

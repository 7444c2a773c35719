import { ZCreatePermalinkInput, ZPermalinkCreated, ZPermalinkDto, ZPermalinkIdInput } from "~/server/domains/permalinks/schemas";
import { createPermalink, getPermalink } from "~/server/domains/permalinks/service";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../init";

export const permalinkRouter = createTRPCRouter({
  create: protectedProcedure.input(ZCreatePermalinkInput).output(ZPermalinkCreated).mutation(({ ctx, input }) => createPermalink(ctx.db, ctx.actor, input)),
  get: publicProcedure.input(ZPermalinkIdInput).output(ZPermalinkDto).query(({ ctx, input }) => getPermalink(ctx.db, ctx.actor, input.id)),
});

import { z } from "zod";
import { ZCreatePermalinkInput, ZPermalinkCreated, ZPermalinkIdInput, encodePermalink, type TPermalinkDto } from "~/server/domains/permalinks/schemas";
import { createPermalink, getPermalink } from "~/server/domains/permalinks/service";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../init";
import { plainJson } from "../transformer";

export const permalinkRouter = createTRPCRouter({
  create: protectedProcedure.input(ZCreatePermalinkInput).output(ZPermalinkCreated).mutation(({ ctx, input }) => createPermalink(ctx.db, ctx.actor, input)),
  // its diagram's points as columns, like diagram.get (the client decodes them), and sent as plain JSON
  get: publicProcedure
    .input(ZPermalinkIdInput)
    .output(z.custom<TPermalinkDto>().transform((dto) => plainJson(encodePermalink(dto))))
    .query(({ ctx, input }) => getPermalink(ctx.db, ctx.actor, input.id)),
});

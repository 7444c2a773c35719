import { z } from "zod";
import { ZCreatedTokenDto, ZCreateTokenInput, ZTokenDto } from "~/server/domains/tokens/schemas";
import { createApiToken, listApiTokens, revokeApiToken } from "~/server/domains/tokens/service";
import { createTRPCRouter, protectedProcedure } from "../init";

export const tokenRouter = createTRPCRouter({
  list: protectedProcedure.input(z.object({ labId: z.string().min(1) })).output(z.array(ZTokenDto)).query(({ ctx, input }) => listApiTokens(ctx.db, ctx.actor, input.labId)),
  create: protectedProcedure.input(ZCreateTokenInput).output(ZCreatedTokenDto).mutation(({ ctx, input }) => createApiToken(ctx.db, ctx.actor, input)),
  revoke: protectedProcedure.input(z.object({ tokenId: z.string().min(1) })).output(z.void()).mutation(({ ctx, input }) => revokeApiToken(ctx.db, ctx.actor, input.tokenId)),
});

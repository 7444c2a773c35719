import { ZSignUpInput, ZUserDto } from "~/server/domains/users/schemas";
import { getMe, signUp } from "~/server/domains/users/service";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../init";

export const userRouter = createTRPCRouter({
  signUp: publicProcedure.input(ZSignUpInput).output(ZUserDto).mutation(({ ctx, input }) => signUp(ctx.db, input)),
  me: protectedProcedure.output(ZUserDto).query(({ ctx }) => getMe(ctx.db, ctx.actor)),
});

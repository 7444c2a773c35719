import { ZSignUpInput, ZSignUpResultDto, ZUserDto } from "~/server/domains/users/schemas";
import { z } from "zod";
import { getMe, resendVerification, signUp } from "~/server/domains/users/service";
import { createTRPCRouter, protectedProcedure, publicProcedure, throttle } from "../init";

export const userRouter = createTRPCRouter({
  signUp: publicProcedure.use(throttle("signUpPerIp")).input(ZSignUpInput).output(ZSignUpResultDto).mutation(({ ctx, input }) => signUp(ctx.db, input)),
  me: protectedProcedure.output(ZUserDto).query(({ ctx }) => getMe(ctx.db, ctx.actor)),
  resendVerification: protectedProcedure
    .use(throttle("verificationMails", "actor"))
    .output(z.object({ sent: z.boolean() }))
    .mutation(({ ctx }) => resendVerification(ctx.db, ctx.actor)),
});

import { ZSignUpInput, ZSignUpResultDto, ZUserDto } from "~/server/domains/users/schemas";
import { getMe, signUp } from "~/server/domains/users/service";
import { createTRPCRouter, protectedProcedure, publicProcedure, throttle } from "../init";

export const userRouter = createTRPCRouter({
  signUp: publicProcedure.use(throttle("signUpPerIp")).input(ZSignUpInput).output(ZSignUpResultDto).mutation(({ ctx, input }) => signUp(ctx.db, input)),
  me: protectedProcedure.output(ZUserDto).query(({ ctx }) => getMe(ctx.db, ctx.actor)),
});

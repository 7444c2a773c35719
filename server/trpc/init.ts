import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import type { Db } from "~/server/db";
import { AppError, type AppErrorCode } from "~/server/errors";
import { ANONYMOUS, userActor, type Actor } from "~/server/domains/access/actor";
import { clientIp, consume, type RatePolicy } from "~/server/security/rate-limit";
import { transformer } from "./transformer";

export interface TRPCContext {
  db: Db;
  actor: Actor;
  headers: Headers;
}

/** The context without next-auth: integration tests build it directly. */
export function createInnerContext(ctx: TRPCContext): TRPCContext {
  return ctx;
}

export async function createTRPCContext(opts: { headers: Headers }): Promise<TRPCContext> {
  const [{ db }, { auth }] = await Promise.all([import("~/server/db"), import("~/server/auth")]);
  const session = await auth();
  return createInnerContext({ db, actor: session ? userActor(session.user.id) : ANONYMOUS, headers: opts.headers });
}

const TRPC_CODE: Record<AppErrorCode, TRPCError["code"]> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNPROCESSABLE: "UNPROCESSABLE_CONTENT",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  INTERNAL: "INTERNAL_SERVER_ERROR",
};

const t = initTRPC.context<TRPCContext>().create({
  transformer,
  errorFormatter({ shape, error }) {
    const isInternal = error.code === "INTERNAL_SERVER_ERROR";
    const cause = error.cause;
    return {
      ...shape,
      // Unknown errors never leak their details.
      message: isInternal && !(cause instanceof AppError) ? "Internal server error" : shape.message,
      data: {
        ...shape.data,
        stack: undefined,
        zodError: cause instanceof ZodError ? z.flattenError(cause) : null,
        details: cause instanceof AppError ? (cause.details ?? null) : null,
      },
    };
  },
});

/** Turns domain errors into tRPC errors with the right status. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
  }
  return result;
});

/**
 * Counts each call (each call of a batch too) against a throttling policy, keyed by the caller's
 * address, or by its user or token when `by` says so; 429 with Retry-After past the limit.
 */
export function throttle(policy: RatePolicy, by: "ip" | "actor" = "ip") {
  return t.middleware(async ({ ctx, next }) => {
    const key = by === "actor" && ctx.actor.kind !== "anonymous" ? (ctx.actor.kind === "token" ? `token:${ctx.actor.tokenId}` : `user:${ctx.actor.userId}`) : clientIp(ctx.headers);
    await consume(policy, key);
    return next();
  });
}

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(appErrors);
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.actor.kind === "anonymous") throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to do this." });
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

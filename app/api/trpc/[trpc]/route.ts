import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { NextRequest } from "next/server";
import { AppError, RateLimitedError } from "~/server/errors";
import { BODY_LIMITS, boundedRequest, earlyErrorResponse } from "~/server/security/body-limit";
import { createTRPCContext } from "~/server/trpc/init";
import { appRouter } from "~/server/trpc/root";

async function handler(incoming: NextRequest) {
  // The body is read under the limit before tRPC parses it (413 past it, nothing buffered
  // beyond); a NUL anywhere answers 400.
  let req: Request;
  try {
    req = await boundedRequest(incoming, BODY_LIMITS.trpc, "json");
  } catch (error) {
    if (error instanceof AppError) return earlyErrorResponse(error);
    throw error;
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createTRPCContext({ headers: req.headers }),
    // A throttled call answers 429 with Retry-After (the longest wait of the batch).
    responseMeta: ({ errors }) => {
      const waits = errors.map((e) => e.cause).filter((c) => c instanceof RateLimitedError).map((c) => c.retryAfterSeconds);
      return waits.length > 0 ? { headers: new Headers({ "retry-after": String(Math.max(...waits)) }) } : {};
    },
    onError: ({ path, error }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };

import { ZodError, z } from "zod";
import type { Db } from "~/server/db";
import { AppError, HTTP_STATUS } from "~/server/errors";
import { ANONYMOUS, userActor, type Actor } from "~/server/domains/access/actor";
import { authenticateToken } from "~/server/domains/tokens/service";
import { INVALID_INPUT_MESSAGE, urlHasNul } from "~/server/security/input";
import { assertNotLimited, clientIp, consume, countFailure, retryAfterHeaders } from "~/server/security/rate-limit";

export interface V1Context {
  req: Request;
  db: Db;
  actor: Actor;
  params: Record<string, string>;
}

function errorResponse(status: number, code: string, message: string, details?: unknown, headers?: Record<string, string>): Response {
  return Response.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, { status, headers });
}

/** The caller: a bearer token, else the browser session, else anonymous. A bad token is an error, not anonymity. */
async function resolveActor(db: Db, req: Request): Promise<Actor | Response> {
  const header = req.headers.get("authorization");
  if (header) {
    // Guessing tokens is throttled per address; each token's requests are throttled too.
    const ip = clientIp(req.headers);
    await assertNotLimited("tokenFailuresPerIp", ip);
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const actor = match ? await authenticateToken(db, match[1]!) : null;
    if (!actor) {
      await countFailure("tokenFailuresPerIp", ip);
      return errorResponse(401, "UNAUTHORIZED", "The API token is missing, unknown, revoked or expired.");
    }
    if (actor.kind === "token") await consume("requestsPerToken", actor.tokenId);
    return actor;
  }
  const { auth } = await import("~/server/auth");
  const session = await auth();
  return session ? userActor(session.user.id) : ANONYMOUS;
}

/** Files staged or imported: counted per user or token and per address (RATE_POLICY). */
async function throttleUpload(req: Request, actor: Actor): Promise<void> {
  if (actor.kind !== "anonymous") await consume("uploadsPerActor", actor.kind === "token" ? `token:${actor.tokenId}` : `user:${actor.userId}`);
  await consume("uploadsPerIp", clientIp(req.headers));
}

/**
 * Wraps a /api/v1 route handler: resolves the caller, runs the handler, and turns domain and
 * validation errors into JSON errors `{ error: { code, message, details } }` with their status.
 */
export function v1Route(
  handler: (ctx: V1Context) => Promise<Response | unknown>,
  options: { requireToken?: boolean; requireScope?: "read" | "write"; upload?: boolean } = {},
) {
  return async (req: Request, route: { params: Promise<Record<string, string>> }): Promise<Response> => {
    const { db } = await import("~/server/db");
    try {
      if (urlHasNul(req.url)) return errorResponse(400, "BAD_REQUEST", INVALID_INPUT_MESSAGE);
      const actor = await resolveActor(db, req);
      if (actor instanceof Response) return actor;
      if (options.requireToken && actor.kind === "anonymous") return errorResponse(401, "UNAUTHORIZED", "Send a lab API token: Authorization: Bearer sit_…");
      // A token reads only with the read scope, and writes only with the write scope.
      const scope = options.requireScope ?? (req.method === "GET" || req.method === "HEAD" ? "read" : undefined);
      if (scope && actor.kind === "token" && !actor.scopes.includes(scope)) {
        return errorResponse(403, "FORBIDDEN", `This token lacks the "${scope}" scope.`);
      }
      if (options.upload) await throttleUpload(req, actor);
      const result = await handler({ req, db, actor, params: await route.params });
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      if (error instanceof AppError) return errorResponse(HTTP_STATUS[error.code], error.code, error.message, error.details, retryAfterHeaders(error));
      if (error instanceof ZodError) return errorResponse(400, "BAD_REQUEST", "The request is not valid.", z.flattenError(error));
      console.error("api/v1 failed:", error);
      return errorResponse(500, "INTERNAL", "Internal server error");
    }
  };
}

/** Parses the query string with a zod object schema. */
export function parseQuery<T extends z.ZodObject>(req: Request, schema: T): z.infer<T> {
  const url = new URL(req.url);
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    raw[key] = all.length > 1 ? all : all[0]!;
  }
  return schema.parse(raw);
}

import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "~/server/auth/config";
import { assertSignInAllowed } from "~/server/auth/sign-in";
import { AppError, RateLimitedError } from "~/server/errors";
import { BODY_LIMITS, boundedRequest, tooLargeResponse } from "~/server/security/body-limit";
import { clientIp } from "~/server/security/rate-limit";

const nextAuth = NextAuth(authOptions);

/** A locked-out password sign-in: 429 with Retry-After, in the JSON shape next-auth's client reads. */
async function lockedOut(req: Request): Promise<Response | null> {
  if (req.method !== "POST" || !new URL(req.url).pathname.endsWith("/callback/credentials")) return null;
  const form = new URLSearchParams(await req.clone().text());
  try {
    await assertSignInAllowed({ email: form.get("email") ?? "", ip: clientIp(req.headers) });
    return null;
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error;
    const url = new URL("/sign-in?error=TooManyAttempts", req.url).toString();
    return Response.json({ url, error: { code: error.code, message: error.message } }, { status: 429, headers: { "retry-after": String(error.retryAfterSeconds) } });
  }
}

/** next-auth reads the whole form; it gets the body read under the limit (413 past it). */
async function handler(req: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  let bounded: Request;
  try {
    bounded = await boundedRequest(req, BODY_LIMITS.auth);
  } catch (error) {
    if (error instanceof AppError && error.code === "PAYLOAD_TOO_LARGE") return tooLargeResponse(error);
    throw error;
  }
  const refused = await lockedOut(bounded);
  if (refused) return refused;
  return nextAuth(bounded === req ? req : new NextRequest(bounded), context);
}

export { handler as GET, handler as POST };

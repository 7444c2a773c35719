import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "~/server/auth/config";
import { assertSignInAllowed } from "~/server/auth/sign-in";
import { AppError, RateLimitedError } from "~/server/errors";
import { BODY_LIMITS, boundedRequest, earlyErrorResponse } from "~/server/security/body-limit";
import { isHttps } from "~/server/security/headers";
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
    bounded = await boundedRequest(req, BODY_LIMITS.auth, "form");
  } catch (error) {
    if (error instanceof AppError) return earlyErrorResponse(error);
    throw error;
  }
  const refused = await lockedOut(bounded);
  if (refused) return refused;
  const response = (await nextAuth(bounded === req ? req : new NextRequest(bounded), context)) as Response;
  return isHttps(req.headers, req.url) ? withSecureCookies(response) : response;
}

/** Over https (a proxy's X-Forwarded-Proto included), every cookie is sent Secure. */
function withSecureCookies(response: Response): Response {
  const cookies = response.headers.getSetCookie();
  if (cookies.every((c) => /;\s*secure\b/i.test(c))) return response;
  const headers = new Headers(response.headers);
  headers.delete("set-cookie");
  for (const cookie of cookies) headers.append("set-cookie", /;\s*secure\b/i.test(cookie) ? cookie : `${cookie}; Secure`);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export { handler as GET, handler as POST };

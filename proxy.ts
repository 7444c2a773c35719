import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, HSTS, isHttps } from "~/server/security/headers";
import { INVALID_INPUT_MESSAGE, urlHasNul } from "~/server/security/input";

/**
 * Pages get a Content-Security-Policy with a fresh nonce per request: Next.js reads it from the
 * request's policy header and puts it on its own scripts. The other security headers of every
 * route are in next.config.ts.
 */
export function proxy(request: NextRequest) {
  if (urlHasNul(request.url)) return new NextResponse(INVALID_INPUT_MESSAGE, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (isHttps(request.headers, request.url)) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  // Pages only: API routes stream their bodies untouched (the proxy would copy them), and
  // static files need no nonce.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};

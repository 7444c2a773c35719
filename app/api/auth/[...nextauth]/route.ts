import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "~/server/auth/config";
import { AppError } from "~/server/errors";
import { BODY_LIMITS, boundedRequest, tooLargeResponse } from "~/server/security/body-limit";

const nextAuth = NextAuth(authOptions);

/** next-auth reads the whole form; it gets the body read under the limit (413 past it). */
async function handler(req: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  let bounded: Request;
  try {
    bounded = await boundedRequest(req, BODY_LIMITS.auth);
  } catch (error) {
    if (error instanceof AppError && error.code === "PAYLOAD_TOO_LARGE") return tooLargeResponse(error);
    throw error;
  }
  return nextAuth(bounded === req ? req : new NextRequest(bounded), context);
}

export { handler as GET, handler as POST };

/**
 * Request body limits, enforced while the body streams in: a declared Content-Length over the
 * limit is refused before a byte is read, and a body that grows past the limit is cancelled at
 * the first chunk beyond it. Nothing is buffered beyond the limit.
 */
import { AppError, HTTP_STATUS } from "~/server/errors";
import { bodyHasNul, INVALID_INPUT_MESSAGE, urlHasNul } from "./input";

/** The limits of bodies that are not instrument files (those use UPLOAD_MAX_BYTES). */
export const BODY_LIMITS = {
  /** tRPC calls (a batch included): forms, filters, column mappings, diagram views */
  trpc: 1024 * 1024,
  /** sign-in and other next-auth forms */
  auth: 64 * 1024,
} as const;

export function tooLargeError(maxBytes: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than the limit of ${maxBytes} bytes.`, [
    { code: "body_too_large", message: `The request body is larger than the limit of ${maxBytes} bytes.`, expected: `at most ${maxBytes} bytes` },
  ]);
}

/** The declared length, or null when the body is chunked or absent. */
export function declaredLength(headers: Headers): number | null {
  const text = headers.get("content-length");
  if (text === null || !/^\d+$/.test(text.trim())) return null;
  return Number(text);
}

/** A stream that passes the bytes through and errors (cancelling the source) past `maxBytes`. */
export function limitStream(source: ReadableStream<Uint8Array>, maxBytes: number): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let seen = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) return controller.close();
      seen += value.byteLength;
      if (seen > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return controller.error(tooLargeError(maxBytes));
      }
      controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

/** Reads the whole body, at most `maxBytes`; throws PAYLOAD_TOO_LARGE (413) beyond it. */
export async function readBodyLimited(req: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = declaredLength(req.headers);
  if (declared !== null && declared > maxBytes) {
    await req.body?.cancel().catch(() => undefined);
    throw tooLargeError(maxBytes);
  }
  if (!req.body) return new Uint8Array(0);
  const reader = limitStream(req.body, maxBytes).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/**
 * The same request with its body read under the limit (GET and HEAD pass through). Handlers
 * that parse the whole body (tRPC, next-auth) receive this copy. A NUL in the address or in the
 * body is refused (400): PostgreSQL cannot store it.
 */
export async function boundedRequest(req: Request, maxBytes: number, kind: "json" | "form"): Promise<Request> {
  if (urlHasNul(req.url)) throw new AppError("BAD_REQUEST", INVALID_INPUT_MESSAGE);
  if (req.method === "GET" || req.method === "HEAD") return req;
  const body = await readBodyLimited(req, maxBytes);
  if (bodyHasNul(body, kind)) throw new AppError("BAD_REQUEST", INVALID_INPUT_MESSAGE);
  return new Request(req.url, { method: req.method, headers: req.headers, body: body as BodyInit, signal: req.signal });
}

/** A JSON error (413, 400) in the shape of the API's other errors, for failures before a handler runs. */
export function earlyErrorResponse(error: AppError): Response {
  return Response.json({ error: { code: error.code, message: error.message, details: error.details ?? null } }, { status: HTTP_STATUS[error.code] });
}

/**
 * Text PostgreSQL cannot store: a NUL character (in the address, in a form or JSON body). Such
 * requests are refused as a whole with 400 before they reach a service.
 */
export const INVALID_INPUT_MESSAGE = "The request contains a NUL character, which no field may hold.";

/** True when the address (path or query, encoded or not) holds a NUL. */
export function urlHasNul(url: string): boolean {
  if (/%00/i.test(url) || url.includes("\u0000")) return true;
  return false;
}

/** True when a body holds a NUL: raw, escaped in JSON (\u0000), or percent-encoded in a form. */
export function bodyHasNul(body: Uint8Array, kind: "json" | "form"): boolean {
  if (body.includes(0)) return true;
  const text = new TextDecoder().decode(body);
  return kind === "json" ? /(^|[^\\])(\\\\)*\\u0000/i.test(text) : /%00/i.test(text);
}

export function invalidInputResponse(): Response {
  return Response.json({ error: { code: "BAD_REQUEST", message: INVALID_INPUT_MESSAGE } }, { status: 400 });
}

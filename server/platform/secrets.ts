import { createHash, randomBytes } from "node:crypto";

/** A random URL-safe secret with a readable prefix, e.g. `sit_…` for API tokens. */
export function newSecret(prefix: string, bytes = 24): string {
  return `${prefix}${randomBytes(bytes).toString("base64url")}`;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

import { z } from "zod";

export const ZTokenScope = z.enum(["read", "write"]);

export const ZCreateTokenInput = z.object({
  labId: z.string().min(1),
  name: z.string().trim().min(1, "Name the token, e.g. after the script that uses it").max(80),
  scopes: z.array(ZTokenScope).min(1).default(["read", "write"]),
  expiresInDays: z.number().int().min(1).max(3650).nullish(),
});
export type TCreateTokenInput = z.infer<typeof ZCreateTokenInput>;

export const ZTokenDto = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(ZTokenScope),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  createdBy: z.string(),
});
export type TTokenDto = z.infer<typeof ZTokenDto>;

export const ZCreatedTokenDto = z.object({ id: z.string(), token: z.string(), prefix: z.string() });

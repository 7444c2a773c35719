import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import { newSecret, sha256Hex } from "~/server/platform/secrets";
import type { Actor, TokenScope } from "~/server/domains/access/actor";
import { requireLabPermission, requireUser, resolveScope } from "~/server/domains/access/service";
import { recordAudit } from "~/server/domains/audit/service";
import type { TCreateTokenInput, TTokenDto } from "./schemas";

/** Tokens look like `sit_<32 random characters>`; the first 12 characters are kept to recognise them. */
const TOKEN_PREFIX = "sit_";
const SHOWN_PREFIX_LENGTH = 12;

export async function createApiToken(db: Db, actor: Actor, input: TCreateTokenInput): Promise<{ id: string; token: string; prefix: string }> {
  if (actor.kind === "token") throw new AppError("FORBIDDEN", "An API token cannot create other tokens.");
  const scope = await resolveScope(db, actor);
  const role = requireLabPermission(scope, input.labId, "read");
  if (input.scopes.includes("write") && role === "VIEWER") throw new AppError("FORBIDDEN", "A viewer can only create read-only tokens.");
  const token = newSecret(TOKEN_PREFIX);
  const prefix = token.slice(0, SHOWN_PREFIX_LENGTH);
  return db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        labId: input.labId,
        createdById: requireUser(actor),
        name: input.name,
        prefix,
        tokenHash: sha256Hex(token),
        scopes: input.scopes,
        expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
      },
      select: { id: true },
    });
    await recordAudit(tx, { actor, labId: input.labId, action: "token.create", entityType: "ApiToken", entityId: created.id, details: { name: input.name, scopes: input.scopes } });
    return { id: created.id, token, prefix };
  });
}

/** The lab's tokens: admins see all, others only their own. */
export async function listApiTokens(db: Db, actor: Actor, labId: string): Promise<TTokenDto[]> {
  const scope = await resolveScope(db, actor);
  const role = requireLabPermission(scope, labId, "read");
  const isAdmin = role === "ADMIN" || role === "OWNER";
  const rows = await db.apiToken.findMany({
    where: { labId, ...(isAdmin ? {} : { createdById: requireUser(actor) }) },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true, createdBy: { select: { name: true, email: true } } },
  });
  return rows.map(({ createdBy, scopes, ...row }) => ({ ...row, scopes: scopes as TokenScope[], createdBy: createdBy.name ?? createdBy.email }));
}

export async function revokeApiToken(db: Db, actor: Actor, tokenId: string): Promise<void> {
  const token = await db.apiToken.findUnique({ where: { id: tokenId }, select: { id: true, labId: true, createdById: true, revokedAt: true } });
  const scope = await resolveScope(db, actor);
  if (!token || !scope.roles.has(token.labId)) throw new AppError("NOT_FOUND", `Token ${tokenId} not found`);
  if (token.createdById !== requireUser(actor)) requireLabPermission(scope, token.labId, "manageTokens");
  if (token.revokedAt) return;
  await db.$transaction(async (tx) => {
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { actor, labId: token.labId, action: "token.revoke", entityType: "ApiToken", entityId: token.id });
  });
}

/**
 * The actor behind a bearer token, or null when the token is unknown, revoked, expired, or its
 * creator has left the lab.
 */
export async function authenticateToken(db: Db, bearer: string): Promise<Actor | null> {
  if (!bearer.startsWith(TOKEN_PREFIX)) return null;
  const token = await db.apiToken.findUnique({
    where: { tokenHash: sha256Hex(bearer) },
    select: { id: true, labId: true, createdById: true, scopes: true, revokedAt: true, expiresAt: true, lastUsedAt: true },
  });
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= new Date())) return null;
  const member = await db.membership.findUnique({ where: { labId_userId: { labId: token.labId, userId: token.createdById } }, select: { id: true } });
  if (!member) return null;
  // Record use at most once a minute, so busy scripts do not write on every request.
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
    await recordAudit(db, { actor: { kind: "token", tokenId: token.id, labId: token.labId, userId: token.createdById, scopes: token.scopes as TokenScope[] }, labId: token.labId, action: "token.use", entityType: "ApiToken", entityId: token.id });
  }
  return { kind: "token", tokenId: token.id, labId: token.labId, userId: token.createdById, scopes: token.scopes as TokenScope[] };
}

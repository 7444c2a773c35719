import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/server/db";
import type { Actor } from "~/server/domains/access/actor";

type Tx = Pick<Db, "auditEvent">;

export interface AuditInput {
  actor: Actor;
  labId?: string | null;
  action: string;
  entityType: string;
  entityId: string;
  details?: Prisma.InputJsonValue;
}

/** Writes one audit event; call it inside the transaction that makes the change. */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorUserId: input.actor.kind === "anonymous" ? null : input.actor.userId,
      actorToken: input.actor.kind === "token" ? input.actor.tokenId : null,
      labId: input.labId ?? null,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      details: input.details ?? {},
    },
  });
}

/** What the lab's audit page can filter on. */
export const AUDIT_KINDS = {
  signIn: ["auth.signIn"],
  export: ["export.diagram", "export.permalink"],
  download: ["upload.download"],
  visibility: ["sample.visibility"],
  role: ["membership.role", "membership.remove", "invitation.accept", "invitation.create", "invitation.revoke", "invitation.claim", "invitation.confirm"],
  token: ["token.use", "token.create", "token.revoke"],
} as const;
export type AuditKind = keyof typeof AUDIT_KINDS;

/**
 * The lab's audit trail for its admins: events of the lab (downloads of its files, visibility and
 * role changes, token use) and the sign-ins and exports of its members. Newest first.
 */
export async function listLabAudit(
  db: Db,
  labId: string,
  filter: { kind?: AuditKind; userId?: string; before?: Date; limit: number },
): Promise<{ id: string; at: Date; action: string; entityType: string; entityId: string; actor: { userId: string | null; name: string | null; email: string | null; tokenId: string | null }; details: unknown }[]> {
  const members = (await db.membership.findMany({ where: { labId }, select: { userId: true } })).map((m) => m.userId);
  const personal = [...AUDIT_KINDS.signIn, ...AUDIT_KINDS.export];
  const where: Prisma.AuditEventWhereInput = {
    AND: [
      { OR: [{ labId }, { labId: null, actorUserId: { in: members }, action: { in: personal } }] },
      filter.kind ? { action: { in: [...AUDIT_KINDS[filter.kind]] } } : {},
      filter.userId ? { actorUserId: filter.userId } : {},
      filter.before ? { at: { lt: filter.before } } : {},
    ],
  };
  const rows = await db.auditEvent.findMany({
    where,
    orderBy: { at: "desc" },
    take: filter.limit,
    select: { id: true, at: true, action: true, entityType: true, entityId: true, actorUserId: true, actorToken: true, details: true, actor: { select: { name: true, email: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    // Addresses only of the lab's own members (a download by another lab's member shows a name).
    actor: { userId: r.actorUserId, name: r.actor?.name ?? null, email: r.actorUserId && members.includes(r.actorUserId) ? (r.actor?.email ?? null) : null, tokenId: r.actorToken },
    details: r.details,
  }));
}

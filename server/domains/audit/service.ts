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

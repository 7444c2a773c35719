import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import { newSecret, sha256Hex } from "~/server/platform/secrets";
import type { Actor } from "~/server/domains/access/actor";
import { requireLabPermission, requireUser, resolveScope } from "~/server/domains/access/service";
import { canGrantRole, LAB_PERMISSIONS, roleAtLeast } from "~/server/domains/access/roles";
import type { Prisma } from "~/generated/prisma/client";
import type { LabRole } from "~/generated/prisma/enums";
import { listLabAudit, recordAudit } from "~/server/domains/audit/service";
import { labStorage } from "~/server/security/quota";
import { invitationListSelect, toInvitationListItem } from "./account-invitations";
import type { TLabAuditInput, TCreateLabInput, TInviteInput, TLabDto, TLabSummaryDto, TUpdateLabCitationInput, TUpdateMemberRoleInput } from "./schemas";

export const INVITATION_DAYS = 14;

export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48);
  return base || "lab";
}

async function uniqueSlug(db: Db, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (await db.lab.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((lab) => lab.slug),
  );
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

export async function createLab(db: Db, actor: Actor, input: TCreateLabInput): Promise<{ id: string; slug: string }> {
  const userId = requireUser(actor);
  const slug = await uniqueSlug(db, input.name);
  return db.$transaction(async (tx) => {
    const lab = await tx.lab.create({
      data: {
        slug,
        name: input.name,
        institution: input.institution ?? null,
        description: input.description ?? null,
        memberships: { create: { userId, role: "OWNER" } },
      },
      select: { id: true, slug: true },
    });
    await recordAudit(tx, { actor, labId: lab.id, action: "lab.create", entityType: "Lab", entityId: lab.id, details: { name: input.name } });
    return lab;
  });
}

export async function listMyLabs(db: Db, actor: Actor): Promise<TLabSummaryDto[]> {
  const userId = requireUser(actor);
  const memberships = await db.membership.findMany({
    where: { userId, ...(actor.kind === "token" ? { labId: actor.labId } : {}) },
    orderBy: { lab: { name: "asc" } },
    select: {
      role: true,
      lab: { select: { id: true, slug: true, name: true, institution: true, _count: { select: { memberships: true, samples: true } } } },
    },
  });
  return memberships.map(({ role, lab }) => ({
    id: lab.id,
    slug: lab.slug,
    name: lab.name,
    institution: lab.institution,
    role,
    memberCount: lab._count.memberships,
    sampleCount: lab._count.samples,
  }));
}

export async function getLab(db: Db, actor: Actor, labId: string): Promise<TLabDto> {
  const scope = await resolveScope(db, actor);
  const myRole = requireLabPermission(scope, labId, "read");
  const lab = await db.lab.findUniqueOrThrow({
    where: { id: labId },
    select: {
      id: true,
      slug: true,
      name: true,
      institution: true,
      description: true,
      citation: true,
      memberships: { orderBy: { createdAt: "asc" }, select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } } },
      invitations: {
        // Who is invited (and who claimed a link) is for the people who manage the members.
        where: roleAtLeast(myRole, LAB_PERMISSIONS.manageMembers) ? { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } } : { id: { in: [] } },
        orderBy: { createdAt: "desc" },
        select: invitationListSelect,
      },
      _count: { select: { samples: true, setups: true } },
    },
  });
  return {
    id: lab.id,
    slug: lab.slug,
    name: lab.name,
    institution: lab.institution,
    description: lab.description,
    citation: lab.citation,
    myRole,
    members: lab.memberships.map((m) => ({ userId: m.user.id, name: m.user.name, email: m.user.email, role: m.role, since: m.createdAt })),
    invitations: lab.invitations.map(toInvitationListItem),
    sampleCount: lab._count.samples,
    setupCount: lab._count.setups,
    storage: await labStorage(db, labId),
  };
}

/** Creates an invitation; the token is returned once and only its hash is stored. */
export async function inviteMember(db: Db, actor: Actor, input: TInviteInput): Promise<{ invitationId: string; token: string; expiresAt: Date }> {
  const scope = await resolveScope(db, actor);
  const myRole = requireLabPermission(scope, input.labId, "manageMembers");
  if (!canGrantRole(myRole, input.role)) throw new AppError("FORBIDDEN", `Only an owner can invite another owner.`);
  const already = await db.membership.findFirst({ where: { labId: input.labId, user: { email: input.email } }, select: { id: true } });
  if (already) throw new AppError("CONFLICT", `${input.email} is already a member of this lab.`);
  const token = newSecret("inv_");
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000);
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.create({
      data: { labId: input.labId, kind: "EMAIL", email: input.email, role: input.role, tokenHash: sha256Hex(token), invitedById: requireUser(actor), expiresAt },
      select: { id: true },
    });
    await recordAudit(tx, { actor, labId: input.labId, action: "invitation.create", entityType: "Invitation", entityId: invitation.id, details: { kind: "email", email: input.email, role: input.role } });
    return { invitationId: invitation.id, token, expiresAt };
  });
}

/** The signed-in user joins the lab. The invitation is bound to the address it was sent to. */
export async function acceptInvitation(db: Db, actor: Actor, token: string): Promise<{ labId: string }> {
  const userId = requireUser(actor);
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: { id: true, labId: true, kind: true, email: true, role: true, acceptedAt: true, revokedAt: true, expiresAt: true },
  });
  if (!invitation) throw new AppError("NOT_FOUND", "This invitation does not exist.");
  if (invitation.kind !== "EMAIL" || !invitation.email) {
    throw new AppError("FORBIDDEN", "This link is bound to an account by an admin of the lab: claim it, then wait for their confirmation.");
  }
  if (invitation.acceptedAt) throw new AppError("CONFLICT", "This invitation was already used.");
  if (invitation.revokedAt) throw new AppError("FORBIDDEN", "This invitation was revoked.");
  if (invitation.expiresAt <= new Date()) throw new AppError("FORBIDDEN", "This invitation has expired. Ask for a new one.");
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, emailVerified: true } });
  if (user.email.toLowerCase() !== invitation.email.toLowerCase()) {
    throw new AppError("FORBIDDEN", `This invitation was sent to ${invitation.email}; you are signed in as ${user.email}.`);
  }
  // Whoever holds the link must also read the mail of the invited address.
  if (!user.emailVerified) throw new AppError("FORBIDDEN", `Confirm your e-mail address first: open the link we sent to ${user.email} (or ask for a new one on the invitation page).`);
  return db.$transaction(async (tx) => {
    // Only one accept wins: the others wait on the row, then find it used (409, not a 500).
    const claimed = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null, revokedAt: null }, data: { acceptedAt: new Date(), acceptedById: userId } });
    if (claimed.count === 0) throw new AppError("CONFLICT", "This invitation was already used.");
    await tx.membership.upsert({
      where: { labId_userId: { labId: invitation.labId, userId } },
      create: { labId: invitation.labId, userId, role: invitation.role },
      update: {},
    });
    await recordAudit(tx, { actor, labId: invitation.labId, action: "invitation.accept", entityType: "Invitation", entityId: invitation.id });
    return { labId: invitation.labId };
  });
}

/**
 * Revokes an invitation that was not used yet (also how an admin declines a claim of an
 * account-bound link). Revoking twice changes nothing; a used invitation cannot be revoked
 * (remove the member instead).
 */
export async function revokeInvitation(db: Db, actor: Actor, invitationId: string): Promise<void> {
  const invitation = await db.invitation.findUnique({ where: { id: invitationId }, select: { id: true, labId: true } });
  if (!invitation) throw new AppError("NOT_FOUND", `Invitation ${invitationId} not found`);
  const scope = await resolveScope(db, actor);
  requireLabPermission(scope, invitation.labId, "manageMembers", `Invitation ${invitationId}`);
  await db.$transaction(async (tx) => {
    // Decided on the row itself: a concurrent accept or confirmation either wins or loses to this.
    const revoked = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    if (revoked.count === 0) {
      const now = await tx.invitation.findUniqueOrThrow({ where: { id: invitation.id }, select: { acceptedAt: true } });
      if (now.acceptedAt) throw new AppError("CONFLICT", "This invitation was already used; remove the member instead.");
      return; // already revoked
    }
    await recordAudit(tx, { actor, labId: invitation.labId, action: "invitation.revoke", entityType: "Invitation", entityId: invitation.id });
  });
}

type Tx = Prisma.TransactionClient;

/**
 * Locks every membership of the lab until the transaction ends (SELECT … FOR UPDATE) and
 * returns them by user: role changes of one lab run one after the other, each seeing the
 * roles the previous one left, so that a lab always keeps an owner.
 */
export async function lockMemberships(tx: Tx, labId: string): Promise<Map<string, { id: string; role: LabRole }>> {
  const rows = await tx.$queryRaw<{ id: string; userId: string; role: LabRole }[]>`SELECT "id", "userId", "role"::text AS "role" FROM "Membership" WHERE "labId" = ${labId} ORDER BY "id" FOR UPDATE`;
  return new Map(rows.map((r) => [r.userId, { id: r.id, role: r.role }]));
}

const ownersIn = (members: Map<string, { role: LabRole }>) => [...members.values()].filter((m) => m.role === "OWNER").length;

export async function updateMemberRole(db: Db, actor: Actor, input: TUpdateMemberRoleInput): Promise<void> {
  const scope = await resolveScope(db, actor);
  requireLabPermission(scope, input.labId, "manageMembers");
  const actorId = requireUser(actor);
  await db.$transaction(async (tx) => {
    // Decided on the locked rows: a concurrent change may have altered either role meanwhile.
    const members = await lockMemberships(tx, input.labId);
    const myRole = members.get(actorId)?.role;
    if (!myRole || !roleAtLeast(myRole, LAB_PERMISSIONS.manageMembers)) throw new AppError("FORBIDDEN", "You may no longer manage the members of this lab.");
    const member = members.get(input.userId);
    if (!member) throw new AppError("NOT_FOUND", "This person is not a member of the lab.");
    if (!canGrantRole(myRole, input.role) || (member.role === "OWNER" && myRole !== "OWNER")) {
      throw new AppError("FORBIDDEN", "Only an owner can change an owner's role or make someone an owner.");
    }
    if (member.role === "OWNER" && input.role !== "OWNER" && ownersIn(members) <= 1) {
      throw new AppError("CONFLICT", "A lab needs at least one owner. Make someone else an owner first.");
    }
    await tx.membership.update({ where: { id: member.id }, data: { role: input.role } });
    await recordAudit(tx, { actor, labId: input.labId, action: "membership.role", entityType: "Membership", entityId: member.id, details: { from: member.role, to: input.role } });
  });
}

export async function removeMember(db: Db, actor: Actor, input: { labId: string; userId: string }): Promise<void> {
  const scope = await resolveScope(db, actor);
  const actorId = requireUser(actor);
  const isSelf = actorId === input.userId;
  if (isSelf) requireLabPermission(scope, input.labId, "read");
  else requireLabPermission(scope, input.labId, "manageMembers");
  await db.$transaction(async (tx) => {
    const members = await lockMemberships(tx, input.labId);
    const myRole = members.get(actorId)?.role;
    if (!myRole || (!isSelf && !roleAtLeast(myRole, LAB_PERMISSIONS.manageMembers))) throw new AppError("FORBIDDEN", "You may no longer manage the members of this lab.");
    const member = members.get(input.userId);
    if (!member) throw new AppError("NOT_FOUND", "This person is not a member of the lab.");
    if (member.role === "OWNER" && myRole !== "OWNER") throw new AppError("FORBIDDEN", "Only an owner can remove an owner.");
    if (member.role === "OWNER" && ownersIn(members) <= 1) {
      throw new AppError("CONFLICT", "A lab needs at least one owner. Make someone else an owner first.");
    }
    await tx.membership.delete({ where: { id: member.id } });
    await recordAudit(tx, { actor, labId: input.labId, action: "membership.remove", entityType: "Membership", entityId: member.id, details: { userId: input.userId } });
  });
}

/** Every lab's id and name: names are public so that samples can be shared with any lab. */
/** Records how the lab asks to be cited (admins and owners); an empty text clears it. */
export async function updateLabCitation(db: Db, actor: Actor, input: TUpdateLabCitationInput): Promise<{ citation: string | null }> {
  const scope = await resolveScope(db, actor);
  requireLabPermission(scope, input.labId, "manageMembers");
  const citation = input.citation.trim() || null;
  await db.$transaction(async (tx) => {
    await tx.lab.update({ where: { id: input.labId }, data: { citation } });
    await recordAudit(tx, { actor, labId: input.labId, action: "lab.citation.update", entityType: "Lab", entityId: input.labId, details: { citation } });
  });
  return { citation };
}

export async function listLabDirectory(db: Db): Promise<{ id: string; name: string; institution: string | null }[]> {
  return db.lab.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, institution: true } });
}

/** The lab's audit trail (sign-ins and exports of members, downloads, visibility and role changes, token use): admins only. */
export async function getLabAudit(db: Db, actor: Actor, input: TLabAuditInput) {
  const scope = await resolveScope(db, actor);
  requireLabPermission(scope, input.labId, "manageMembers");
  return listLabAudit(db, input.labId, { kind: input.kind, userId: input.userId, before: input.before, limit: input.limit });
}

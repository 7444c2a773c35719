/**
 * Account-bound invitations, for people who sign in through ORCID or another identity provider
 * (which gives no confirmed e-mail address). The link is not a bearer link:
 *
 *   1. an admin creates the link (no address) with a role;
 *   2. the invitee, signed in through an identity provider, opens it and claims it: the link is
 *      now held for that one account, and no other account can claim it;
 *   3. an admin of the lab sees the claimant (name, provider and account id, e.g. the ORCID iD)
 *      on the lab page and confirms that this is the person meant — only then does membership
 *      start — or revokes the link.
 *
 * Each step is one transaction, decided on the invitation row (a conditional UPDATE), so that
 * concurrent claims or confirmations give one success and 409s, and one audit event. Repeating a
 * claim from the same account changes nothing. Until membership starts the invitee learns the
 * lab's (public) name and the role, nothing of its data.
 */
import type { Db } from "~/server/db";
import { env } from "~/server/env";
import { AppError } from "~/server/errors";
import { newSecret, sha256Hex } from "~/server/platform/secrets";
import { actorUserId, type Actor } from "~/server/domains/access/actor";
import { requireLabPermission, requireUser, resolveScope } from "~/server/domains/access/service";
import { canGrantRole, LAB_PERMISSIONS, roleAtLeast } from "~/server/domains/access/roles";
import { recordAudit } from "~/server/domains/audit/service";
import type { Prisma } from "~/generated/prisma/client";
import type { TAccountInviteInput, TConfirmClaimInput, TIdentityDto, TInvitationListItemDto, TInvitationViewDto } from "./schemas";
import { INVITATION_DAYS, lockMemberships } from "./service";

/** How an identity provider is named to people (the provider ids of server/auth/config.ts). */
export function providerLabel(provider: string): string {
  if (provider === "orcid") return "ORCID";
  if (provider === "github") return "GitHub";
  if (provider === "oidc") return env.OIDC_NAME;
  return provider;
}

const identitySelect = { accounts: { orderBy: { provider: "asc" }, select: { provider: true, providerAccountId: true } } } as const;

function identities(user: { accounts: { provider: string; providerAccountId: string }[] }): TIdentityDto[] {
  return user.accounts.map((a) => ({ provider: a.provider, label: providerLabel(a.provider), accountId: a.providerAccountId }));
}

export const invitationListSelect = {
  id: true,
  kind: true,
  email: true,
  role: true,
  createdAt: true,
  expiresAt: true,
  claimedAt: true,
  claimedBy: { select: { id: true, name: true, ...identitySelect } },
} as const satisfies Prisma.InvitationSelect;

type InvitationListRow = Prisma.InvitationGetPayload<{ select: typeof invitationListSelect }>;

export function toInvitationListItem(row: InvitationListRow): TInvitationListItemDto {
  return {
    id: row.id,
    kind: row.kind,
    email: row.email,
    role: row.role,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    claim:
      row.claimedBy && row.claimedAt
        ? { userId: row.claimedBy.id, name: row.claimedBy.name, claimedAt: row.claimedAt, identities: identities(row.claimedBy) }
        : null,
  };
}

/** Creates an account-bound link; the token is returned once and only its hash is stored. */
export async function inviteAccount(db: Db, actor: Actor, input: TAccountInviteInput): Promise<{ invitationId: string; token: string; expiresAt: Date }> {
  const scope = await resolveScope(db, actor);
  const myRole = requireLabPermission(scope, input.labId, "manageMembers");
  if (!canGrantRole(myRole, input.role)) throw new AppError("FORBIDDEN", `Only an owner can invite another owner.`);
  const token = newSecret("inv_");
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000);
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.create({
      data: { labId: input.labId, kind: "ACCOUNT", email: null, role: input.role, tokenHash: sha256Hex(token), invitedById: requireUser(actor), expiresAt },
      select: { id: true },
    });
    await recordAudit(tx, { actor, labId: input.labId, action: "invitation.create", entityType: "Invitation", entityId: invitation.id, details: { kind: "account", role: input.role } });
    return { invitationId: invitation.id, token, expiresAt };
  });
}

const viewSelect = {
  kind: true,
  email: true,
  role: true,
  acceptedAt: true,
  acceptedById: true,
  revokedAt: true,
  expiresAt: true,
  claimedById: true,
  claimedAt: true,
  lab: { select: { name: true } },
} as const satisfies Prisma.InvitationSelect;

/**
 * What the holder of a link sees: the lab's name (public anyway), the role and whether the link
 * can still be used; for an account-bound link also whether it is held for the viewer, and the
 * identity the viewer would claim it with. Who else claimed a link is never said.
 */
export async function getInvitation(db: Db, actor: Actor, token: string): Promise<TInvitationViewDto> {
  const invitation = await db.invitation.findUnique({ where: { tokenHash: sha256Hex(token) }, select: { ...viewSelect, labId: true } });
  if (!invitation) throw new AppError("NOT_FOUND", "This invitation does not exist.");
  const viewerId = actorUserId(actor);
  const isOpen = !invitation.acceptedAt && !invitation.revokedAt && invitation.expiresAt > new Date();
  if (invitation.kind === "EMAIL") {
    return { kind: "EMAIL", labName: invitation.lab.name, email: invitation.email, role: invitation.role, isUsable: isOpen, claim: null, me: null };
  }
  const claim = invitation.acceptedAt
    ? invitation.acceptedById === viewerId && viewerId
      ? "confirmed"
      : "closed"
    : !isOpen
      ? "closed"
      : !invitation.claimedById
        ? "open"
        : invitation.claimedById === viewerId
          ? "mine"
          : "other";
  const me = viewerId ? await db.user.findUnique({ where: { id: viewerId }, select: { name: true, ...identitySelect } }) : null;
  return {
    kind: "ACCOUNT",
    labName: invitation.lab.name,
    email: null,
    role: invitation.role,
    isUsable: claim === "open" || claim === "mine",
    claim,
    claimedAt: claim === "mine" ? invitation.claimedAt : null,
    labId: claim === "confirmed" ? invitation.labId : null,
    me: me ? { name: me.name, identities: identities(me) } : null,
  };
}

/**
 * The signed-in account claims an account-bound link. Only an account that signs in through an
 * identity provider can; the first claim wins and holds the link; claiming again from the same
 * account is a no-op. Membership starts when an admin confirms.
 */
export async function claimInvitation(db: Db, actor: Actor, token: string): Promise<{ status: "pending" | "confirmed"; labId: string | null }> {
  const userId = requireUser(actor);
  const invitation = await db.invitation.findUnique({ where: { tokenHash: sha256Hex(token) }, select: { id: true, labId: true, kind: true } });
  if (!invitation) throw new AppError("NOT_FOUND", "This invitation does not exist.");
  if (invitation.kind !== "ACCOUNT") throw new AppError("FORBIDDEN", "This invitation is for an e-mail address: accept it with the account of that address.");
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { ...identitySelect, memberships: { where: { labId: invitation.labId }, select: { id: true } } } });
  if (user.accounts.length === 0) {
    throw new AppError("FORBIDDEN", "This link is for an account that signs in through ORCID or another identity provider. Sign in that way, or ask the lab for an invitation to your confirmed e-mail address.");
  }
  return db.$transaction(async (tx) => {
    // The first claim wins; concurrent ones wait on the row, then see it claimed.
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, claimedById: null, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { claimedById: userId, claimedAt: new Date() },
    });
    if (claimed.count === 1) {
      if (user.memberships.length > 0) throw new AppError("CONFLICT", "You are already a member of this lab."); // rolls the claim back
      await recordAudit(tx, { actor, labId: invitation.labId, action: "invitation.claim", entityType: "Invitation", entityId: invitation.id, details: { identities: identities(user) } });
      return { status: "pending" as const, labId: null };
    }
    const now = await tx.invitation.findUniqueOrThrow({ where: { id: invitation.id }, select: { claimedById: true, acceptedAt: true, acceptedById: true, revokedAt: true, expiresAt: true } });
    if (now.acceptedAt) {
      if (now.acceptedById === userId) return { status: "confirmed" as const, labId: invitation.labId };
      throw new AppError("CONFLICT", "This invitation was already used.");
    }
    if (now.revokedAt) throw new AppError("FORBIDDEN", "This invitation was revoked.");
    if (now.expiresAt <= new Date()) throw new AppError("FORBIDDEN", "This invitation has expired. Ask for a new one.");
    if (now.claimedById === userId) return { status: "pending" as const, labId: null };
    throw new AppError("CONFLICT", "This link was already claimed by another account. Ask the lab for a new one.");
  });
}

/**
 * An admin binds a claimed link to its claimant (named by the admin, as seen on the lab page):
 * the claimant becomes a member with the invitation's role.
 */
export async function confirmInvitationClaim(db: Db, actor: Actor, input: TConfirmClaimInput): Promise<{ labId: string }> {
  const invitation = await db.invitation.findUnique({ where: { id: input.invitationId }, select: { id: true, labId: true, kind: true, role: true } });
  if (!invitation) throw new AppError("NOT_FOUND", `Invitation ${input.invitationId} not found`);
  const scope = await resolveScope(db, actor);
  requireLabPermission(scope, invitation.labId, "manageMembers", `Invitation ${input.invitationId}`);
  if (invitation.kind !== "ACCOUNT") throw new AppError("BAD_REQUEST", "Only account-bound invitations are confirmed; the invited address accepts the others.");
  const actorId = requireUser(actor);
  return db.$transaction(async (tx) => {
    // Decided on the locked memberships: the admin may have lost the role meanwhile.
    const members = await lockMemberships(tx, invitation.labId);
    const myRole = members.get(actorId)?.role;
    if (!myRole || !roleAtLeast(myRole, LAB_PERMISSIONS.manageMembers)) throw new AppError("FORBIDDEN", "You may no longer manage the members of this lab.");
    if (!canGrantRole(myRole, invitation.role)) throw new AppError("FORBIDDEN", "Only an owner can confirm an invitation as owner.");
    const confirmed = await tx.invitation.updateMany({
      where: { id: invitation.id, claimedById: input.claimantId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date(), acceptedById: input.claimantId, confirmedById: actorId },
    });
    if (confirmed.count === 0) {
      const now = await tx.invitation.findUniqueOrThrow({ where: { id: invitation.id }, select: { claimedById: true, acceptedAt: true, revokedAt: true, expiresAt: true } });
      if (now.acceptedAt) throw new AppError("CONFLICT", "This invitation was already confirmed.");
      if (now.revokedAt) throw new AppError("FORBIDDEN", "This invitation was revoked.");
      if (now.expiresAt <= new Date()) throw new AppError("FORBIDDEN", "This invitation has expired. Create a new link.");
      if (!now.claimedById) throw new AppError("CONFLICT", "Nobody has claimed this link yet.");
      throw new AppError("CONFLICT", "This link is held by another account than the one you confirmed.");
    }
    const membership = await tx.membership.upsert({
      where: { labId_userId: { labId: invitation.labId, userId: input.claimantId } },
      create: { labId: invitation.labId, userId: input.claimantId, role: invitation.role },
      update: {},
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      labId: invitation.labId,
      action: "invitation.confirm",
      entityType: "Invitation",
      entityId: invitation.id,
      details: { userId: input.claimantId, role: invitation.role, membershipId: membership.id },
    });
    return { labId: invitation.labId };
  });
}

import { z } from "zod";

export const ZLabRole = z.enum(["OWNER", "ADMIN", "MEMBER", "VIEWER"]);

export const ZCreateLabInput = z.object({
  name: z.string().trim().min(2, "Name the lab (2 characters or more)").max(120),
  institution: z.string().trim().max(200).optional(),
  description: z.string().trim().max(2000).optional(),
});
export type TCreateLabInput = z.infer<typeof ZCreateLabInput>;

export const ZLabIdInput = z.object({ labId: z.string().min(1) });

export const ZInviteInput = z.object({
  labId: z.string().min(1),
  email: z.string().trim().toLowerCase().email("Enter a valid e-mail address"),
  role: ZLabRole.default("MEMBER"),
});
export type TInviteInput = z.infer<typeof ZInviteInput>;

/** An account-bound link (no address): claimed by an ORCID/OIDC account, confirmed by an admin. */
export const ZAccountInviteInput = z.object({ labId: z.string().min(1), role: ZLabRole.default("MEMBER") });
export type TAccountInviteInput = z.infer<typeof ZAccountInviteInput>;

export const ZAcceptInvitationInput = z.object({ token: z.string().min(20) });
export const ZConfirmClaimInput = z.object({ invitationId: z.string().min(1), claimantId: z.string().min(1) });
export type TConfirmClaimInput = z.infer<typeof ZConfirmClaimInput>;

export const ZInvitationKind = z.enum(["EMAIL", "ACCOUNT"]);

/** An identity-provider account of a person: the provider and its id there (for ORCID, the ORCID iD). */
export const ZIdentityDto = z.object({ provider: z.string(), label: z.string(), accountId: z.string() });
export type TIdentityDto = z.infer<typeof ZIdentityDto>;

export const ZInvitationListItemDto = z.object({
  id: z.string(),
  kind: ZInvitationKind,
  email: z.string().nullable(),
  role: ZLabRole,
  createdAt: z.date(),
  expiresAt: z.date(),
  /** account-bound links: who claimed it, waiting for an admin's confirmation */
  claim: z.object({ userId: z.string(), name: z.string().nullable(), claimedAt: z.date(), identities: z.array(ZIdentityDto) }).nullable(),
});
export type TInvitationListItemDto = z.infer<typeof ZInvitationListItemDto>;

export const ZInvitationViewDto = z.object({
  kind: ZInvitationKind,
  labName: z.string(),
  email: z.string().nullable(),
  role: ZLabRole,
  isUsable: z.boolean(),
  /** account-bound links, for the viewer: open to claim, held for them, confirmed, held for someone else, or no longer usable */
  claim: z.enum(["open", "mine", "confirmed", "other", "closed"]).nullable(),
  claimedAt: z.date().nullable().optional(),
  /** the lab, once the viewer is its member through this link */
  labId: z.string().nullable().optional(),
  /** account-bound links: the identity the signed-in viewer claims with */
  me: z.object({ name: z.string().nullable(), identities: z.array(ZIdentityDto) }).nullable(),
});
export type TInvitationViewDto = z.infer<typeof ZInvitationViewDto>;
export const ZRevokeInvitationInput = z.object({ invitationId: z.string().min(1) });

export const ZUpdateMemberRoleInput = z.object({ labId: z.string().min(1), userId: z.string().min(1), role: ZLabRole });
export type TUpdateMemberRoleInput = z.infer<typeof ZUpdateMemberRoleInput>;

export const ZRemoveMemberInput = z.object({ labId: z.string().min(1), userId: z.string().min(1) });

export const ZLabSummaryDto = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  institution: z.string().nullable(),
  role: ZLabRole,
  memberCount: z.number().int(),
  sampleCount: z.number().int(),
});
export type TLabSummaryDto = z.infer<typeof ZLabSummaryDto>;

export const ZLabDto = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  institution: z.string().nullable(),
  description: z.string().nullable(),
  /** how the lab asks to be cited when its data is reused */
  citation: z.string().nullable(),
  myRole: ZLabRole,
  members: z.array(z.object({ userId: z.string(), name: z.string().nullable(), email: z.string(), role: ZLabRole, since: z.date() })),
  /** pending invitations, for owners and admins only (empty for the others) */
  invitations: z.array(ZInvitationListItemDto),
  sampleCount: z.number().int(),
  setupCount: z.number().int(),
  /** raw bytes of the lab's uploads against its quota (LAB_STORAGE_QUOTA_BYTES) */
  storage: z.object({ usedBytes: z.number().int(), quotaBytes: z.number().int() }),
});
export type TLabDto = z.infer<typeof ZLabDto>;

export const ZUpdateLabCitationInput = z.object({
  labId: z.string().min(1),
  /** a reference or DOI, as the lab wants it printed; empty to clear */
  citation: z.string().trim().max(1000),
});
export type TUpdateLabCitationInput = z.infer<typeof ZUpdateLabCitationInput>;

export const ZInvitationCreatedDto = z.object({ invitationId: z.string(), token: z.string(), expiresAt: z.date() });

export const ZAuditKind = z.enum(["signIn", "export", "download", "visibility", "role", "token"]);

export const ZLabAuditInput = z.object({
  labId: z.string().min(1),
  kind: ZAuditKind.optional(),
  userId: z.string().min(1).optional(),
  /** events before this time (the next page) */
  before: z.date().optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type TLabAuditInput = z.infer<typeof ZLabAuditInput>;

export const ZAuditEventDto = z.object({
  id: z.string(),
  at: z.date(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  actor: z.object({ userId: z.string().nullable(), name: z.string().nullable(), email: z.string().nullable(), tokenId: z.string().nullable() }),
  details: z.unknown(),
});

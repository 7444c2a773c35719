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

export const ZAcceptInvitationInput = z.object({ token: z.string().min(20) });
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
  invitations: z.array(z.object({ id: z.string(), email: z.string(), role: ZLabRole, createdAt: z.date(), expiresAt: z.date() })),
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

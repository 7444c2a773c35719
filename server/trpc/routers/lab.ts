import { z } from "zod";
import {
  ZAcceptInvitationInput,
  ZAccountInviteInput,
  ZConfirmClaimInput,
  ZInvitationViewDto,
  ZAuditEventDto,
  ZCreateLabInput,
  ZInvitationCreatedDto,
  ZInviteInput,
  ZLabDto,
  ZLabAuditInput,
  ZLabIdInput,
  ZLabSummaryDto,
  ZRemoveMemberInput,
  ZRevokeInvitationInput,
  ZUpdateLabCitationInput,
  ZUpdateMemberRoleInput,
} from "~/server/domains/labs/schemas";
import {
  acceptInvitation,
  createLab,
  getLab,
  getLabAudit,
  inviteMember,
  listLabDirectory,
  listMyLabs,
  removeMember,
  revokeInvitation,
  updateLabCitation,
  updateMemberRole,
} from "~/server/domains/labs/service";
import { claimInvitation, confirmInvitationClaim, getInvitation, inviteAccount } from "~/server/domains/labs/account-invitations";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../init";

export const labRouter = createTRPCRouter({
  create: protectedProcedure.input(ZCreateLabInput).output(z.object({ id: z.string(), slug: z.string() })).mutation(({ ctx, input }) => createLab(ctx.db, ctx.actor, input)),
  directory: publicProcedure
    .output(z.array(z.object({ id: z.string(), name: z.string(), institution: z.string().nullable() })))
    .query(({ ctx }) => listLabDirectory(ctx.db)),
  listMine: protectedProcedure.output(z.array(ZLabSummaryDto)).query(({ ctx }) => listMyLabs(ctx.db, ctx.actor)),
  get: protectedProcedure.input(ZLabIdInput).output(ZLabDto).query(({ ctx, input }) => getLab(ctx.db, ctx.actor, input.labId)),
  invite: protectedProcedure.input(ZInviteInput).output(ZInvitationCreatedDto).mutation(({ ctx, input }) => inviteMember(ctx.db, ctx.actor, input)),
  inviteAccount: protectedProcedure.input(ZAccountInviteInput).output(ZInvitationCreatedDto).mutation(({ ctx, input }) => inviteAccount(ctx.db, ctx.actor, input)),
  getInvitation: publicProcedure.input(ZAcceptInvitationInput).output(ZInvitationViewDto).query(({ ctx, input }) => getInvitation(ctx.db, ctx.actor, input.token)),
  claimInvitation: protectedProcedure
    .input(ZAcceptInvitationInput)
    .output(z.object({ status: z.enum(["pending", "confirmed"]), labId: z.string().nullable() }))
    .mutation(({ ctx, input }) => claimInvitation(ctx.db, ctx.actor, input.token)),
  confirmInvitationClaim: protectedProcedure.input(ZConfirmClaimInput).output(z.object({ labId: z.string() })).mutation(({ ctx, input }) => confirmInvitationClaim(ctx.db, ctx.actor, input)),
  acceptInvitation: protectedProcedure.input(ZAcceptInvitationInput).output(z.object({ labId: z.string() })).mutation(({ ctx, input }) => acceptInvitation(ctx.db, ctx.actor, input.token)),
  revokeInvitation: protectedProcedure.input(ZRevokeInvitationInput).output(z.void()).mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.actor, input.invitationId)),
  updateMemberRole: protectedProcedure.input(ZUpdateMemberRoleInput).output(z.void()).mutation(({ ctx, input }) => updateMemberRole(ctx.db, ctx.actor, input)),
  updateCitation: protectedProcedure
    .input(ZUpdateLabCitationInput)
    .output(z.object({ citation: z.string().nullable() }))
    .mutation(({ ctx, input }) => updateLabCitation(ctx.db, ctx.actor, input)),
  removeMember: protectedProcedure.input(ZRemoveMemberInput).output(z.void()).mutation(({ ctx, input }) => removeMember(ctx.db, ctx.actor, input)),
  audit: protectedProcedure.input(ZLabAuditInput).output(z.array(ZAuditEventDto)).query(({ ctx, input }) => getLabAudit(ctx.db, ctx.actor, input)),
});

import { ZCommitUploadInput, ZPreviewStagedInput, ZUploadPreviewDto, ZUploadResultDto } from "~/server/domains/uploads/schemas";
import { commitUpload, previewStagedUpload } from "~/server/domains/uploads/service";
import { ZDeleteTemplateInput, ZListTemplatesInput, ZMappingTemplateDto, ZSaveTemplateInput } from "~/server/domains/uploads/template-schemas";
import { deleteTemplate, listTemplates, saveTemplate } from "~/server/domains/uploads/templates";
import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "../init";

/** Files reach the server through /api/uploads/preview (bytes); these two only name them by SHA-256. */
export const uploadRouter = createTRPCRouter({
  /** Re-reads a file the caller staged, with other options (e.g. a corrected column mapping). */
  preview: protectedProcedure.input(ZPreviewStagedInput).output(ZUploadPreviewDto).mutation(({ ctx, input }) => previewStagedUpload(ctx.db, ctx.actor, input)),
  /** Stores the staged file's curves on a sample, in one transaction. */
  commit: protectedProcedure.input(ZCommitUploadInput).output(ZUploadResultDto).mutation(({ ctx, input }) => commitUpload(ctx.db, ctx.actor, input)),
  /** The lab's saved column mappings. */
  listTemplates: protectedProcedure.input(ZListTemplatesInput).output(z.array(ZMappingTemplateDto)).query(({ ctx, input }) => listTemplates(ctx.db, ctx.actor, input)),
  /** Saves a column mapping under a name (replacing the lab's template of that name). */
  saveTemplate: protectedProcedure.input(ZSaveTemplateInput).output(ZMappingTemplateDto).mutation(({ ctx, input }) => saveTemplate(ctx.db, ctx.actor, input)),
  deleteTemplate: protectedProcedure.input(ZDeleteTemplateInput).output(z.object({ id: z.string() })).mutation(({ ctx, input }) => deleteTemplate(ctx.db, ctx.actor, input)),
});

import { ZCommitUploadInput, ZPreviewStagedInput, ZUploadPreviewDto, ZUploadResultDto } from "~/server/domains/uploads/schemas";
import { commitUpload, previewStagedUpload } from "~/server/domains/uploads/service";
import { createTRPCRouter, protectedProcedure } from "../init";

/** Files reach the server through /api/uploads/preview (bytes); these two only name them by SHA-256. */
export const uploadRouter = createTRPCRouter({
  /** Re-reads a file the caller staged, with other options (e.g. a corrected column mapping). */
  preview: protectedProcedure.input(ZPreviewStagedInput).output(ZUploadPreviewDto).mutation(({ ctx, input }) => previewStagedUpload(ctx.db, ctx.actor, input)),
  /** Stores the staged file's curves on a sample, in one transaction. */
  commit: protectedProcedure.input(ZCommitUploadInput).output(ZUploadResultDto).mutation(({ ctx, input }) => commitUpload(ctx.db, ctx.actor, input)),
});

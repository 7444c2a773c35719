import { recordAudit } from "~/server/domains/audit/service";
import { authorizeRawFile } from "~/server/domains/uploads/raw";
import { getRawFileStore } from "~/server/storage";
import { v1Route } from "~/server/http/v1";

export const dynamic = "force-dynamic";

/** The uploaded file, byte for byte, with its SHA-256 in a header so the copy can be checked. */
export const GET = v1Route(async ({ db, actor, params }) => {
  const file = await authorizeRawFile(db, actor, params.uploadId!);
  await recordAudit(db, { actor, labId: file.labId, action: "upload.download", entityType: "Upload", entityId: params.uploadId! });
  const chunks = getRawFileStore().stream(file.sha256)[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return?.();
    },
  });
  return new Response(body, {
    headers: {
      "content-type": file.contentType ?? "application/octet-stream",
      "content-length": String(file.sizeBytes),
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
      "x-content-sha256": file.sha256,
      "cache-control": "private, max-age=0",
    },
  });
});

import { AppError } from "~/server/errors";
import { ZFileName } from "~/server/domains/uploads/schemas";
import { importUpload, uploadLimits } from "~/server/domains/uploads/service";
import { v1Route } from "~/server/http/v1";
import { readMultipartFile } from "~/server/http/multipart";
import { assignmentFromQuery, checkDeclaredLength, fileNameFromHeaders, mergeFields, optionsFromQuery, ZV1UploadQuery } from "~/server/http/v1/uploads";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/v1/uploads: an instrument file as the raw body (streamed) or a multipart `file` part. */
export const POST = v1Route(
  async ({ req, db, actor }) => {
    if (actor.kind !== "token") throw new AppError("UNAUTHORIZED", "Send a lab API token: Authorization: Bearer sit_…");
    const url = new URL(req.url);
    const declaredName = url.searchParams.get("fileName") ?? fileNameFromHeaders(req.headers) ?? "upload";
    checkDeclaredLength(req.headers, uploadLimits().maxBytes, declaredName);
    const type = (req.headers.get("content-type") ?? "").toLowerCase();
    let form: FormData | null = null;
    let source: ReadableStream<Uint8Array> | Uint8Array = req.body ?? new Uint8Array(0);
    let fileName = declaredName;
    let disposeTemp: (() => Promise<void>) | null = null;
    let contentType: string | null = req.headers.get("content-type");
    if (type.startsWith("multipart/form-data")) {
      // Streamed to a temporary file (never held in memory), removed when the import ends.
      const part = await readMultipartFile(req, "file", uploadLimits().maxBytes);
      disposeTemp = part.dispose;
      form = part.fields;
      source = part.open();
      fileName = url.searchParams.get("fileName") ?? (form.get("fileName") as string | null) ?? (part.fileName || "upload");
      contentType = part.contentType;
    }
    try {
      const query = ZV1UploadQuery.parse(mergeFields(url, form));
      const result = await importUpload(db, actor, source, {
        ...assignmentFromQuery(query),
        fileName: ZFileName.parse(query.fileName ?? fileName),
        contentType,
        options: optionsFromQuery(query),
      });
      return Response.json(result, { status: result.isDuplicate ? 200 : 201 });
    } finally {
      await disposeTemp?.();
    }
  },
  { requireToken: true, requireScope: "write", upload: true },
);

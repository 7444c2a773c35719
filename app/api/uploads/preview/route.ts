import { AppError } from "~/server/errors";
import { ZFileName, ZUploadOptions } from "~/server/domains/uploads/schemas";
import { previewUpload, uploadLimits } from "~/server/domains/uploads/service";
import { v1Route } from "~/server/http/v1";
import { checkDeclaredLength } from "~/server/http/v1/uploads";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The upload page sends each file here as the raw request body (streamed, with progress on the
 * client): the bytes are staged in raw-file storage and the parser's findings come back as JSON.
 * Nothing is written to the database; committing is `upload.commit` (tRPC) with the SHA-256.
 */
export const POST = v1Route(async ({ req, db, actor }) => {
  // A header a cross-site form cannot send: the session cookie alone never stages a file.
  if (req.headers.get("x-sit-upload") !== "1") throw new AppError("FORBIDDEN", "Send files from the upload page (x-sit-upload header missing).");
  if (actor.kind === "anonymous") throw new AppError("UNAUTHORIZED", "Sign in to upload files.");
  const url = new URL(req.url);
  const fileName = ZFileName.parse(url.searchParams.get("fileName") ?? "upload");
  const optionsText = url.searchParams.get("options");
  let options = {};
  if (optionsText) {
    let raw: unknown;
    try {
      raw = JSON.parse(optionsText);
    } catch {
      throw new AppError("BAD_REQUEST", "options must be JSON");
    }
    options = ZUploadOptions.parse(raw);
  }
  checkDeclaredLength(req.headers, uploadLimits().maxBytes, fileName);
  return previewUpload(db, actor, req.body ?? new Uint8Array(0), { fileName, options });
}, { upload: true });

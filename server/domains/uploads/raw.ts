import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import type { Actor } from "~/server/domains/access/actor";
import { readableSampleWhere, resolveScope } from "~/server/domains/access/service";

export interface RawFileAccess {
  labId: string;
  sha256: string;
  originalName: string;
  contentType: string | null;
  sizeBytes: number;
}

/**
 * Who may download an uploaded file as it was received: members of the uploading lab, and
 * others only when every curve taken from the file belongs to a sample they may read (a raw
 * file can hold channels that were not imported, so partial access is not enough).
 */
export async function authorizeRawFile(db: Db, actor: Actor, uploadId: string): Promise<RawFileAccess> {
  const scope = await resolveScope(db, actor);
  const upload = await db.upload.findUnique({
    where: { id: uploadId },
    select: { labId: true, sha256: true, originalName: true, contentType: true, sizeBytes: true, _count: { select: { curves: true } } },
  });
  const notFound = new AppError("NOT_FOUND", `Upload ${uploadId} not found`);
  if (!upload) throw notFound;
  if (!scope.roles.has(upload.labId)) {
    const readable = await db.curve.count({ where: { uploadId, sample: readableSampleWhere(scope) } });
    if (upload._count.curves === 0 || readable !== upload._count.curves) throw notFound;
  }
  return { labId: upload.labId, sha256: upload.sha256, originalName: upload.originalName, contentType: upload.contentType, sizeBytes: upload.sizeBytes };
}

import { AppError } from "~/server/errors";
import { ZPermalinkId } from "~/server/domains/permalinks/schemas";
import { requireReadablePermalink, snapshotRows } from "~/server/domains/permalinks/service";
import { publicBaseUrl } from "~/server/http/v1/diagrams";
import { v1Route } from "~/server/http/v1";

export const GET = v1Route(async ({ req, db, actor, params }) => {
  const id = ZPermalinkId.safeParse(params.id);
  if (!id.success) throw new AppError("NOT_FOUND", `Permalink ${params.id} not found`);
  const resolved = await requireReadablePermalink(db, actor, id.data);
  return { ...resolved.dto, points: snapshotRows(resolved, publicBaseUrl(req)) };
});

import { AppError } from "~/server/errors";
import { ZFileName } from "~/server/domains/uploads/schemas";
import { importUpload, uploadLimits } from "~/server/domains/uploads/service";
import { parseQuery, v1Route } from "~/server/http/v1";
import { assignmentFromQuery, checkDeclaredLength, ZV1CurvesQuery } from "~/server/http/v1/uploads";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST /api/v1/curves: curves as a sit-curves/v1 JSON document, stored like any uploaded file. */
export const POST = v1Route(
  async ({ req, db, actor }) => {
    if (actor.kind !== "token") throw new AppError("UNAUTHORIZED", "Send a lab API token: Authorization: Bearer sit_…");
    const query = parseQuery(req, ZV1CurvesQuery);
    const fileName = ZFileName.parse(query.fileName ?? "curves.json");
    checkDeclaredLength(req.headers, uploadLimits().maxBytes, fileName);
    const result = await importUpload(db, actor, req.body ?? new Uint8Array(0), {
      ...assignmentFromQuery(query),
      fileName,
      contentType: "application/json",
      options: { format: "json" },
    });
    return Response.json(result, { status: result.isDuplicate ? 200 : 201 });
  },
  { requireToken: true, requireScope: "write", upload: true },
);

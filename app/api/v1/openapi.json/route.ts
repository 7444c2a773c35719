import { buildOpenApiDocument } from "~/server/http/openapi";
import "~/server/http/catalog";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return Response.json(buildOpenApiDocument(new URL(req.url).origin));
}

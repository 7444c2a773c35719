import { parseQuery, v1Route } from "~/server/http/v1";
import { listApiFits, ZPageQuery } from "~/server/http/v1/resources";

export const GET = v1Route(({ req, db, actor, params }) => listApiFits(db, actor, params.curveId!, parseQuery(req, ZPageQuery)));

import { parseQuery, v1Route } from "~/server/http/v1";
import { listApiSampleCurves, ZPageQuery } from "~/server/http/v1/resources";

export const GET = v1Route(({ req, db, actor, params }) => listApiSampleCurves(db, actor, params.sampleId!, parseQuery(req, ZPageQuery)));

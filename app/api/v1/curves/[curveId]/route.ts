import { parseQuery, v1Route } from "~/server/http/v1";
import { getApiCurve, ZCurveQuery } from "~/server/http/v1/resources";

export const GET = v1Route(({ req, db, actor, params }) => getApiCurve(db, actor, params.curveId!, parseQuery(req, ZCurveQuery).maxPoints));

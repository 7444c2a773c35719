import { listSamples } from "~/server/domains/samples/service";
import { parseQuery, v1Route } from "~/server/http/v1";
import { ZSamplesQuery } from "~/server/http/v1/core";

export const GET = v1Route(({ req, db, actor }) => listSamples(db, actor, parseQuery(req, ZSamplesQuery)));

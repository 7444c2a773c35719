import { listSamples } from "~/server/domains/samples/service";
import { parseQuery, v1Route } from "~/server/http/v1";
import { ZSamplesQuery } from "~/server/http/v1/core";
import { createApiSample, readJson } from "~/server/http/v1/resources";

export const GET = v1Route(({ req, db, actor }) => listSamples(db, actor, parseQuery(req, ZSamplesQuery)));

export const POST = v1Route(async ({ req, db, actor }) => Response.json(await createApiSample(db, actor, await readJson(req)), { status: 201 }), { requireToken: true, requireScope: "write" });

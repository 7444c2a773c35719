import { v1Route } from "~/server/http/v1";
import { getApiSample, patchApiSample, readJson } from "~/server/http/v1/resources";

export const GET = v1Route(({ db, actor, params }) => getApiSample(db, actor, params.sampleId!));

export const PATCH = v1Route(async ({ req, db, actor, params }) => patchApiSample(db, actor, params.sampleId!, await readJson(req)), { requireToken: true, requireScope: "write" });

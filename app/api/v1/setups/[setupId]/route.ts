import { v1Route } from "~/server/http/v1";
import { getApiSetup, patchApiSetup, readJson } from "~/server/http/v1/resources";

export const GET = v1Route(({ db, actor, params }) => getApiSetup(db, actor, params.setupId!), { requireToken: true });

export const PATCH = v1Route(async ({ req, db, actor, params }) => patchApiSetup(db, actor, params.setupId!, await readJson(req)), { requireToken: true, requireScope: "write" });

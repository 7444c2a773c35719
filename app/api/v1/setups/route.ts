import { parseQuery, v1Route } from "~/server/http/v1";
import { createApiSetup, listApiSetups, ZSetupsQuery, readJson } from "~/server/http/v1/resources";

export const GET = v1Route(({ req, db, actor }) => listApiSetups(db, actor, parseQuery(req, ZSetupsQuery)), { requireToken: true });

export const POST = v1Route(async ({ req, db, actor }) => Response.json(await createApiSetup(db, actor, await readJson(req)), { status: 201 }), { requireToken: true, requireScope: "write" });

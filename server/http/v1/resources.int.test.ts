import SwaggerParser from "@apidevtools/swagger-parser";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { addFit, addFittedCurve } from "~/server/domains/diagrams/test-fixtures";
import { createApiToken } from "~/server/domains/tokens/service";
import { makeLab, makeUser, testDb } from "~/server/testing/db";

/**
 * The read/write API for scripts, called as Next.js calls it (a Request in, a Response out) with
 * real lab API tokens, including a second lab's token trying to read and change the first's data.
 */

vi.mock("~/server/auth", () => ({ auth: async () => null }));

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const routes: Record<string, Record<string, Handler>> = {};
let openapi: (req: Request) => Response;

beforeAll(async () => {
  routes.samples = await import("~/app/api/v1/samples/route");
  routes.sample = await import("~/app/api/v1/samples/[sampleId]/route");
  routes.sampleCurves = await import("~/app/api/v1/samples/[sampleId]/curves/route");
  routes.setups = await import("~/app/api/v1/setups/route");
  routes.setup = await import("~/app/api/v1/setups/[setupId]/route");
  routes.curve = await import("~/app/api/v1/curves/[curveId]/route");
  routes.fits = await import("~/app/api/v1/curves/[curveId]/fits/route");
  openapi = (await import("~/app/api/v1/openapi.json/route")).GET;
});

async function call(route: string, method: string, url: string, token: string | null, params: Record<string, string> = {}, body?: unknown) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const req = new Request(`http://localhost${url}`, { method, headers, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) });
  const res = await routes[route]![method]!(req, { params: Promise.resolve(params) });
  return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function world() {
  const db = testDb();
  const alice = await makeUser(db, "Alice Measurer");
  const bob = await makeUser(db, "Bob Elsewhere");
  const labA = (await makeLab(db, alice.id)).id;
  const labB = (await makeLab(db, bob.id)).id;
  const token = async (actor: typeof alice.actor, labId: string, scopes: ("read" | "write")[]) => (await createApiToken(db, actor, { labId, name: scopes.join("+"), scopes })).token;
  return {
    db,
    labA,
    labB,
    write: await token(alice.actor, labA, ["read", "write"]),
    read: await token(alice.actor, labA, ["read"]),
    writeOnly: await token(alice.actor, labA, ["write"]),
    other: await token(bob.actor, labB, ["read", "write"]),
  };
}

describe("/api/v1 samples", () => {
  it("creates (201) in the token's lab, reads, patches only the fields sent, and refuses other labs with the 404 of a missing sample", async () => {
    const w = await world();
    const created = await call("samples", "POST", "/api/v1/samples", w.write, {}, { name: "InO film 7", material: "a-InO", thicknessNm: 30, squares: 4, morphology: "AMORPHOUS", sharedWithLabIds: [w.labB], visibility: "SHARED" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ labId: w.labA, name: "InO film 7", material: "a-InO", thicknessNm: 30, visibility: "SHARED", curveCount: 0 });
    const id = created.body.id as string;

    expect((await call("sample", "GET", `/api/v1/samples/${id}`, w.read, { sampleId: id })).body.name).toBe("InO film 7");
    const patched = await call("sample", "PATCH", `/api/v1/samples/${id}`, w.write, { sampleId: id }, { thicknessNm: 25 });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ thicknessNm: 25, material: "a-InO", squares: 4, morphology: "AMORPHOUS", visibility: "SHARED" });
    expect(patched.body.sharedWith.map((l: { id: string }) => l.id)).toEqual([w.labB]);
    // the lab it is shared with reads it; a lab it is not shared with gets the 404 of a missing sample
    expect((await call("sample", "GET", `/api/v1/samples/${id}`, w.other, { sampleId: id })).status).toBe(200);
    await call("sample", "PATCH", `/api/v1/samples/${id}`, w.write, { sampleId: id }, { visibility: "PRIVATE", sharedWithLabIds: [] });

    const foreign = await call("sample", "GET", `/api/v1/samples/${id}`, w.other, { sampleId: id });
    const missing = await call("sample", "GET", "/api/v1/samples/no-such-sample", w.other, { sampleId: "no-such-sample" });
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(foreign.body.error.message.replace(id, "ID")).toBe(missing.body.error.message.replace("no-such-sample", "ID"));
    expect((await call("sample", "PATCH", `/api/v1/samples/${id}`, w.other, { sampleId: id }, { name: "taken over" })).status).toBe(404);
    expect((await call("sample", "GET", `/api/v1/samples/${id}`, w.read, { sampleId: id })).body.name).toBe("InO film 7");

    // writing into another lab, or without the scope or a token, changes nothing
    expect((await call("samples", "POST", "/api/v1/samples", w.other, {}, { labId: w.labA, name: "intruder", material: "x" })).status).toBe(404);
    expect((await call("samples", "POST", "/api/v1/samples", w.read, {}, { name: "no scope", material: "x" })).status).toBe(403);
    expect((await call("samples", "POST", "/api/v1/samples", null, {}, { name: "anon", material: "x" })).status).toBe(401);
    const bad = await call("samples", "POST", "/api/v1/samples", w.write, {}, { name: "", material: "x", thicknessNm: -1 });
    expect(bad.status).toBe(400);
    expect((await call("samples", "POST", "/api/v1/samples", w.write, {}, "{not json")).status).toBe(400);
    expect(await w.db.sample.count({ where: { labId: w.labA } })).toBe(1);
  });
});

describe("/api/v1 setups", () => {
  it("creates with filter stages, lists a page, patches, and hides one lab's setups from another", async () => {
    const w = await world();
    const body = { name: "Dilution fridge", cryostat: "DILUTION", filterStages: [{ type: "PI", stage: "ROOM", attenuationDb: 80 }, { type: "COPPER_POWDER", stage: "MIXING_CHAMBER", attenuationDb: 60 }] };
    const created = await call("setups", "POST", "/api/v1/setups", w.write, {}, body);
    expect(created.status).toBe(201);
    expect(created.body.labId).toBe(w.labA);
    expect(created.body.filterStages).toHaveLength(2);
    const id = created.body.id as string;
    await call("setups", "POST", "/api/v1/setups", w.write, {}, { name: "PPMS", cryostat: "PPMS" });
    expect((await call("setups", "POST", "/api/v1/setups", w.write, {}, { name: "PPMS" })).status).toBe(409);

    const page = await call("setups", "GET", "/api/v1/setups?pageSize=1&page=2", w.read);
    expect(page.body).toMatchObject({ page: 2, pageSize: 1, total: 2 });
    expect(page.body.items).toHaveLength(1);

    const patched = await call("setup", "PATCH", `/api/v1/setups/${id}`, w.write, { setupId: id }, { baseTemperatureK: 0.01 });
    expect(patched.body).toMatchObject({ name: "Dilution fridge", baseTemperatureK: 0.01, filteringGrade: created.body.filteringGrade });
    expect(patched.body.filterStages).toHaveLength(2);

    expect((await call("setup", "GET", `/api/v1/setups/${id}`, w.other, { setupId: id })).status).toBe(404);
    expect((await call("setup", "PATCH", `/api/v1/setups/${id}`, w.other, { setupId: id }, { name: "mine" })).status).toBe(404);
    expect((await call("setups", "GET", `/api/v1/setups?labId=${w.labA}`, w.other)).status).not.toBe(200);
    expect((await call("setups", "GET", "/api/v1/setups", w.writeOnly)).status).toBe(403);
  });
});

describe("/api/v1 curves and fits", () => {
  it("gives points, conditions, readout and the current fit (null phase with a reason code for NONE), every fit, and 404 to other labs", async () => {
    const w = await world();
    const sample = await call("samples", "POST", "/api/v1/samples", w.write, {}, { name: "metal film", material: "a-InO" });
    const sampleId = sample.body.id as string;
    const { curveId } = await addFittedCurve(w.db, { labId: w.labA, sampleId, fieldOe: 500, pressureGPa: 2.5, phase: "M1", engineVersion: "1.0.0" });
    const latest = await addFit(w.db, curveId, { phase: "NONE", engineVersion: "2.0.0", confidence: 0.8 });
    await w.db.fitResult.update({ where: { id: latest }, data: { reasonCode: "ordinary_metal", params: { rho0: 12.5 }, uncertainties: { rho0: 0.3 } } });

    const curve = await call("curve", "GET", `/api/v1/curves/${curveId}`, w.read, { curveId });
    expect(curve.status).toBe(200);
    expect(curve.body).toMatchObject({ id: curveId, sampleId, kind: "RT", quantity: "SHEET_RESISTANCE", unit: "Ω/□", pointCount: 4, conditions: { fieldOe: 500, pressureGPa: 2.5 } });
    expect(curve.body.points.x).toEqual([0.1, 0.2, 0.3, 1]);
    expect(curve.body.points.xUnit).toBe("K");
    expect(typeof curve.body.readout).toBe("string");
    expect(curve.body.fit).toMatchObject({ id: latest, engineVersion: "2.0.0", phase: null, reasonCode: "ordinary_metal", params: { rho0: 12.5 }, uncertainties: { rho0: 0.3 }, reasons: ["made by a test"] });

    const fits = await call("fits", "GET", `/api/v1/curves/${curveId}/fits`, w.read, { curveId });
    expect(fits.body.total).toBe(2);
    expect(fits.body.items.map((f: { engineVersion: string }) => f.engineVersion).sort()).toEqual(["1.0.0", "2.0.0"]);
    expect(fits.body.items.find((f: { engineVersion: string }) => f.engineVersion === "1.0.0").phase).toBe("M1");

    const list = await call("sampleCurves", "GET", `/api/v1/samples/${sampleId}/curves?pageSize=10`, w.read, { sampleId });
    expect(list.body).toMatchObject({ total: 1, page: 1 });
    expect(list.body.items[0]).toMatchObject({ id: curveId, phase: null, reasonCode: "ordinary_metal", engineVersion: "2.0.0" });

    for (const [route, url, params] of [
      ["curve", `/api/v1/curves/${curveId}`, { curveId }],
      ["fits", `/api/v1/curves/${curveId}/fits`, { curveId }],
      ["sampleCurves", `/api/v1/samples/${sampleId}/curves`, { sampleId }],
    ] as const) {
      expect((await call(route, "GET", url, w.other, params)).status).toBe(404);
      expect((await call(route, "GET", url, w.writeOnly, params)).status).toBe(403);
    }
    expect((await call("curve", "GET", "/api/v1/curves/nope", w.read, { curveId: "nope" })).status).toBe(404);
    expect((await call("curve", "GET", `/api/v1/curves/${curveId}`, "sit_not_a_real_token", { curveId })).status).toBe(401);
  });
});

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1 and describes every route with the status codes it returns", async () => {
    const doc = openapi(new Request("http://localhost/api/v1/openapi.json"));
    const json = (await doc.json()) as { paths: Record<string, Record<string, { responses: Record<string, unknown>; operationId: string }>> };
    await expect(SwaggerParser.validate(structuredClone(json) as never)).resolves.toBeTruthy();
    const expected: [string, string, string][] = [
      ["/api/v1/samples", "get", "200"],
      ["/api/v1/samples", "post", "201"],
      ["/api/v1/samples/{sampleId}", "get", "200"],
      ["/api/v1/samples/{sampleId}", "patch", "200"],
      ["/api/v1/samples/{sampleId}/curves", "get", "200"],
      ["/api/v1/setups", "get", "200"],
      ["/api/v1/setups", "post", "201"],
      ["/api/v1/setups/{setupId}", "get", "200"],
      ["/api/v1/setups/{setupId}", "patch", "200"],
      ["/api/v1/curves/{curveId}", "get", "200"],
      ["/api/v1/curves/{curveId}/fits", "get", "200"],
      ["/api/v1/uploads", "post", "201"],
      ["/api/v1/curves", "post", "201"],
    ];
    for (const [path, method, status] of expected) {
      const op = json.paths[path]?.[method];
      expect(op, `${method} ${path}`).toBeTruthy();
      expect(Object.keys(op!.responses)).toContain(status);
      expect(Object.keys(op!.responses)).toContain("403");
    }
    expect(json.paths["/api/v1/uploads"]!.post!.responses).not.toHaveProperty("200.description", "OK");
    expect(json.paths["/api/v1/curves/{curveId}"]!.get!.responses).toHaveProperty("404");
    const ids = Object.values(json.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("matches the committed types of the typed client (npm run -s api:client regenerates them)", async () => {
    const { clientTypes, SCHEMA_FILE } = await import("~/scripts/api-client");
    const { readFileSync } = await import("node:fs");
    expect(await clientTypes()).toBe(readFileSync(SCHEMA_FILE, "utf8"));
  });
});

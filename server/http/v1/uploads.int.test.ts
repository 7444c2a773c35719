import { rmSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiToken } from "~/server/domains/tokens/service";
import { makeLab, makeUser, testDb, uid } from "~/server/testing/db";

/**
 * The scripted-upload endpoints, called as Next.js calls them: a Request in, a Response out,
 * authenticated by a bearer token. Raw files go to a temporary DATA_DIR.
 */

// Before any import reads the environment (vi.hoisted runs ahead of the imports).
const dataDir = await vi.hoisted(async () => {
  const [fs, os, path] = await Promise.all([import("node:fs"), import("node:os"), import("node:path")]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sit-api-uploads-"));
  process.env.DATA_DIR = dir;
  return dir;
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let postUpload: Handler;
let postCurves: Handler;
let openapi: (req: Request) => Response;

beforeAll(async () => {
  postUpload = (await import("~/app/api/v1/uploads/route")).POST;
  postCurves = (await import("~/app/api/v1/curves/route")).POST;
  openapi = (await import("~/app/api/v1/openapi.json/route")).GET;
});

const call = (handler: Handler, url: string, init: RequestInit) => handler(new Request(`http://localhost${url}`, init), { params: Promise.resolve({}) });

/** Fit jobs of the labs made here are removed after each test, so that queue tests never wait behind them. */
const labsMade = new Set<string>();
afterEach(async () => {
  if (labsMade.size === 0) return;
  await testDb().$executeRawUnsafe(
    `DELETE FROM pgboss.job WHERE name = 'fit-curve' AND data->>'curveId' IN (SELECT id FROM "Curve" WHERE "labId" = ANY($1::text[]))`,
    [...labsMade],
  );
});

async function setup() {
  const db = testDb();
  const user = await makeUser(db);
  const lab = await makeLab(db, user.id);
  labsMade.add(lab.id);
  const sampleId = uid("s-");
  await db.sample.create({ data: { id: sampleId, labId: lab.id, name: "api film", material: "a-InO", lineageRootId: sampleId } });
  const write = (await createApiToken(db, user.actor, { labId: lab.id, name: "writer", scopes: ["read", "write"] })).token;
  const read = (await createApiToken(db, user.actor, { labId: lab.id, name: "reader", scopes: ["read"] })).token;
  return { db, user, labId: lab.id, sampleId, write, read };
}

function csv(tag: string): string {
  const rows = Array.from({ length: 25 }, (_, k) => `${(2 + k * 0.4).toFixed(2)},${(500 + 7 * k).toFixed(1)}`);
  return `# ${tag}\nT (K),R (Ohm)\n${rows.join("\n")}\n`;
}

describe("POST /api/v1/uploads", () => {
  it("stores a raw-body file (201), recognises it when sent again (200), and keeps the bytes", async () => {
    const { db, sampleId, write } = await setup();
    const body = csv(uid());
    const first = await call(postUpload, `/api/v1/uploads?sampleId=${sampleId}&fileName=run1.csv&pressureGPa=0.5`, { method: "POST", headers: { authorization: `Bearer ${write}`, "content-type": "text/csv" }, body });
    expect(first.status).toBe(201);
    const created = (await first.json()) as { uploadId: string; curveIds: string[]; isDuplicate: boolean; sha256: string };
    expect(created.curveIds).toHaveLength(1);
    const curve = await db.curve.findUniqueOrThrow({ where: { id: created.curveIds[0]! }, select: { pressureGPa: true } });
    expect(curve.pressureGPa).toBe(0.5);
    const again = await call(postUpload, `/api/v1/uploads?sampleId=${sampleId}`, { method: "POST", headers: { authorization: `Bearer ${write}` }, body });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ isDuplicate: true, uploadId: created.uploadId });
    const upload = await db.upload.findUniqueOrThrow({ where: { id: created.uploadId }, select: { originalName: true, storageKey: true } });
    expect(upload.originalName).toBe("run1.csv");
  });

  it("sends each channel of one file to its own sample with channels=, and takes readout= and temperatureK=", async () => {
    const { db, labId, sampleId, write } = await setup();
    const other = uid("s-");
    await db.sample.create({ data: { id: other, labId, name: "second bar", material: "Al", lineageRootId: other } });
    const rows = Array.from({ length: 30 }, (_, k) => `${(-0.15 + k * 0.01).toFixed(3)}\t${(k * 10).toFixed(2)}\t${(k * 5).toFixed(2)}`);
    const body = `bpar\tlockin_1_ResX\tlockin_3_ResX\n${rows.join("\n")}\n# ${uid()}\n`;
    const channels = encodeURIComponent(JSON.stringify({ lockin_1_ResX: sampleId, lockin_3_ResX: other }));
    const url = `/api/v1/uploads?channels=${channels}&readout=magnitude&temperatureK=0.05&fileName=bars.dat`;
    const res = await call(postUpload, url, { method: "POST", headers: { authorization: `Bearer ${write}` }, body });
    expect(res.status).toBe(201);
    const out = (await res.json()) as { uploadId: string; sampleIds: string[] };
    expect(new Set(out.sampleIds)).toEqual(new Set([sampleId, other]));
    const curves = await db.curve.findMany({ where: { uploadId: out.uploadId }, select: { channel: true, sampleId: true, readout: true, temperatureK: true }, orderBy: { channel: "asc" } });
    expect(curves).toEqual([
      { channel: "lockin_1_ResX", sampleId, readout: "MAGNITUDE", temperatureK: 0.05 },
      { channel: "lockin_3_ResX", sampleId: other, readout: "MAGNITUDE", temperatureK: 0.05 },
    ]);
    const again = await call(postUpload, url, { method: "POST", headers: { authorization: `Bearer ${write}` }, body });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ isDuplicate: true, duplicates: [{ channel: "lockin_1_ResX", sampleId }, { channel: "lockin_3_ResX", sampleId: other }] });
  });

  it("accepts multipart/form-data with the fields in the form", async () => {
    const { sampleId, write } = await setup();
    const form = new FormData();
    form.set("file", new File([csv(uid())], "from-form.csv", { type: "text/csv" }));
    form.set("sampleId", sampleId);
    form.set("fieldOrientation", "PARALLEL");
    const res = await call(postUpload, "/api/v1/uploads", { method: "POST", headers: { authorization: `Bearer ${write}` }, body: form });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ isDuplicate: false, sampleId });
  });

  it("names the file, line and column of bad input (422) and stores nothing", async () => {
    const { db, labId, sampleId, write } = await setup();
    const body = csv(uid()).replace("2.80,", "2.80x,");
    const res = await call(postUpload, `/api/v1/uploads?sampleId=${sampleId}&fileName=bad.csv`, { method: "POST", headers: { authorization: `Bearer ${write}` }, body });
    expect(res.status).toBe(422);
    const json = (await res.json()) as { error: { code: string; message: string; details: { line: number; column: number }[] } };
    expect(json.error.code).toBe("UNPROCESSABLE");
    expect(json.error.message).toMatch(/^bad\.csv, line 5, column 1 \("T \(K\)"\): expected a number, found "2\.80x"/);
    expect(json.error.details[0]).toMatchObject({ line: 5, column: 1 });
    expect(await db.upload.count({ where: { labId } })).toBe(0);
  });

  it("refuses a body over the size limit from its declared length, before reading it (413)", async () => {
    const { sampleId, write } = await setup();
    const res = await call(postUpload, `/api/v1/uploads?sampleId=${sampleId}&fileName=huge.dat`, {
      method: "POST",
      headers: { authorization: `Bearer ${write}`, "content-length": String(10 * 1024 ** 3) },
      body: "x",
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^huge\.dat: the file is larger than the limit/);
  });

  it("refuses read-only tokens, other labs' samples, signed-out callers and bad queries", async () => {
    const { sampleId, read } = await setup();
    const other = await setup();
    const body = csv(uid());
    const asRead = await call(postUpload, `/api/v1/uploads?sampleId=${sampleId}`, { method: "POST", headers: { authorization: `Bearer ${read}` }, body });
    expect(asRead.status).toBe(403);
    const crossLab = await call(postUpload, `/api/v1/uploads?sampleId=${sampleId}`, { method: "POST", headers: { authorization: `Bearer ${other.write}` }, body });
    expect(crossLab.status).toBe(404);
    const revoked = await call(postUpload, `/api/v1/uploads?sampleId=${sampleId}`, { method: "POST", headers: { authorization: "Bearer sit_not-a-token" }, body });
    expect(revoked.status).toBe(401);
    const badQuery = await call(postUpload, `/api/v1/uploads?sampleId=${other.sampleId}&mapping={oops`, { method: "POST", headers: { authorization: `Bearer ${other.write}` }, body });
    expect(badQuery.status).toBe(400);
    expect(JSON.stringify(await badQuery.json())).toMatch(/mapping must be JSON/);
  });
});

describe("POST /api/v1/curves", () => {
  it("stores sit-curves/v1 curves and reports schema problems with their JSON path", async () => {
    const { db, sampleId, write } = await setup();
    const doc = {
      format: "sit-curves/v1",
      metadata: { run: uid() },
      curves: [
        { kind: "RT", T_K: [5, 4, 3, 2, 1], R_ohm: [10, 11, 12, 13, 14], H_Oe: 0, channel: "Rxx" },
        { kind: "RH", T_K: 2, H_Oe: [0, 100, 200, 300], R_ohm: [10, 11, 12, 13] },
      ],
    };
    const res = await call(postCurves, `/api/v1/curves?sampleId=${sampleId}`, { method: "POST", headers: { authorization: `Bearer ${write}`, "content-type": "application/json" }, body: JSON.stringify(doc) });
    expect(res.status).toBe(201);
    const result = (await res.json()) as { curveIds: string[]; format: string };
    expect(result.format).toBe("json");
    const kinds = await db.curve.findMany({ where: { id: { in: result.curveIds } }, orderBy: { kind: "asc" }, select: { kind: true, temperatureK: true, channel: true } });
    expect(kinds).toEqual([
      { kind: "RT", temperatureK: null, channel: "Rxx" },
      { kind: "RH", temperatureK: 2, channel: "curve 2" },
    ]);
    const bad = await call(postCurves, `/api/v1/curves?sampleId=${sampleId}`, {
      method: "POST",
      headers: { authorization: `Bearer ${write}` },
      body: JSON.stringify({ format: "sit-curves/v1", curves: [{ kind: "RT", T_K: [1, -2], R_ohm: [1, 2] }] }),
    });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/curves\[0\]\.T_K\[1\].*not positive/);
  });
});

it("the OpenAPI document describes both upload operations", () => {
  const doc = openapi(new Request("http://localhost/api/v1/openapi.json"));
  return doc.json().then((json: { paths: Record<string, { post?: { parameters?: { name: string }[] } }> }) => {
    expect(json.paths["/api/v1/uploads"]?.post?.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(["sampleId", "setupId", "pressureGPa", "mapping", "skipBadRows", "channels", "readout", "temperatureK", "template"]),
    );
    expect(json.paths["/api/v1/curves"]?.post).toBeDefined();
  });
});

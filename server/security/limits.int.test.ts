import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "~/server/errors";
import { createApiToken } from "~/server/domains/tokens/service";
import { ZUploadAssignment } from "~/server/domains/uploads/schemas";
import { importUpload, previewUpload, type UploadDeps } from "~/server/domains/uploads/service";
import { LocalFileStore } from "~/server/storage";
import { addMember, makeLab, makeUser, testDb, uid } from "~/server/testing/db";

/** Body limits on the route handlers, streamed multipart, who may stage, and the cap on curves per upload. */

const dataDir = await vi.hoisted(async () => {
  const [fs, os, path] = await Promise.all([import("node:fs"), import("node:os"), import("node:path")]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sit-limits-"));
  process.env.DATA_DIR = dir;
  process.env.UPLOAD_MAX_BYTES = String(100_000);
  return dir;
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let trpc: (req: Request) => Promise<Response>;
let postUpload: Handler;
let storeDir: string;
let deps: UploadDeps;
const db = testDb();

beforeAll(async () => {
  trpc = (await import("~/app/api/trpc/[trpc]/route")).POST as unknown as (req: Request) => Promise<Response>;
  postUpload = (await import("~/app/api/v1/uploads/route")).POST;
  storeDir = await mkdtemp(path.join(os.tmpdir(), "sit-limits-store-"));
  deps = { store: new LocalFileStore(storeDir), limits: { maxBytes: 1_000_000, maxPoints: 100_000, maxCurves: 1 } };
});
afterAll(() => rm(storeDir, { recursive: true, force: true }));

const labsMade = new Set<string>();
afterEach(async () => {
  if (labsMade.size === 0) return;
  await db.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE name = 'fit-curve' AND data->>'curveId' IN (SELECT id FROM "Curve" WHERE "labId" = ANY($1::text[]))`, [...labsMade]);
});

/** A body of `total` bytes in 64 KiB chunks, counting how many were pulled. */
function countingBody(total: number): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let sent = 0;
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  return {
    stream: new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= total) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    }),
    pulled: () => sent,
  };
}

function twoSweeps(tag: string): string {
  const lines = [`# run ${tag}`, "T (K),H (T),R (Ohm)"];
  for (let k = 0; k < 30; k++) lines.push(`${(30 - k * 0.9).toFixed(3)},0,${(1000 + 40 * k).toFixed(2)}`);
  for (let k = 0; k < 30; k++) lines.push(`${(3 + k * 0.9).toFixed(3)},1,${(2200 - 40 * k).toFixed(2)}`);
  return `${lines.join("\n")}\n`;
}

async function world() {
  const user = await makeUser(db);
  const lab = await makeLab(db, user.id);
  labsMade.add(lab.id);
  const sampleId = uid("s-");
  await db.sample.create({ data: { id: sampleId, labId: lab.id, name: "film", material: "a-InO", lineageRootId: sampleId } });
  return { user, labId: lab.id, sampleId };
}

describe("tRPC body limit", () => {
  it("refuses a chunked body past 1 MiB with 413, having read only a little past the limit", async () => {
    const body = countingBody(300 * 1024 * 1024);
    const req = new Request("http://localhost/api/trpc/user.signUp?batch=1", { method: "POST", body: body.stream, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit);
    const res = await trpc(req);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(body.pulled()).toBeLessThan(2 * 1024 * 1024);
  });

  it("refuses a declared length over the limit before reading a byte", async () => {
    const body = countingBody(10 * 1024 * 1024);
    const req = new Request("http://localhost/api/trpc/user.signUp", {
      method: "POST",
      body: body.stream,
      headers: { "content-type": "application/json", "content-length": String(300 * 1024 * 1024) },
      duplex: "half",
    } as RequestInit);
    expect((await trpc(req)).status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(64 * 1024);
  });
});

describe("multipart uploads (streamed)", () => {
  const call = (url: string, init: RequestInit) => postUpload(new Request(`http://localhost${url}`, init), { params: Promise.resolve({}) });

  it("reads the fields after the file part too, and leaves no temporary file", async () => {
    const { user, labId, sampleId } = await world();
    const token = (await createApiToken(db, user.actor, { labId, name: "w", scopes: ["read", "write"] })).token;
    const form = new FormData();
    form.set("file", new File([twoSweeps(uid())], "late-fields.csv", { type: "text/csv" }));
    form.set("sampleId", sampleId);
    const res = await call("/api/v1/uploads", { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ sampleId, isDuplicate: false });
    expect(await readdir(path.join(dataDir, "tmp"))).toEqual([]);
  });

  it("stops a file part past UPLOAD_MAX_BYTES with 413 and stores nothing", async () => {
    const { user, labId, sampleId } = await world();
    const token = (await createApiToken(db, user.actor, { labId, name: "w", scopes: ["read", "write"] })).token;
    const form = new FormData();
    form.set("sampleId", sampleId);
    form.set("file", new File(["T (K),R (Ohm)\n" + "1.0,2.0\n".repeat(20_000)], "big.csv", { type: "text/csv" }));
    const res = await call("/api/v1/uploads", { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^big\.csv: the file is larger than the limit of 100000 bytes/);
    expect(await db.upload.count({ where: { labId } })).toBe(0);
    expect(await readdir(path.join(dataDir, "tmp"))).toEqual([]);
  });

  it("answers 400 for a multipart body without a file part", async () => {
    const { user, labId, sampleId } = await world();
    const token = (await createApiToken(db, user.actor, { labId, name: "w", scopes: ["read", "write"] })).token;
    const form = new FormData();
    form.set("sampleId", sampleId);
    const res = await call("/api/v1/uploads", { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
    expect(res.status).toBe(400);
  });
});

describe("staging needs write rights", () => {
  const bytes = () => new TextEncoder().encode(twoSweeps(uid()));
  const refused = async (p: Promise<unknown>) => {
    const error = await p.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("FORBIDDEN");
  };

  it("refuses a user in no lab, a viewer and a read-only token, and stages nothing for them", async () => {
    const loner = await makeUser(db);
    await refused(previewUpload(db, loner.actor, bytes(), { fileName: "x.csv", options: {} }, deps));
    const { user, labId } = await world();
    const viewer = await makeUser(db);
    await addMember(db, labId, viewer.id, "VIEWER");
    await refused(previewUpload(db, viewer.actor, bytes(), { fileName: "x.csv", options: {} }, deps));
    const token = await createApiToken(db, user.actor, { labId, name: "r", scopes: ["read"] });
    const { authenticateToken } = await import("~/server/domains/tokens/service");
    const tokenActor = await authenticateToken(db, token.token);
    await refused(previewUpload(db, tokenActor!, bytes(), { fileName: "x.csv", options: {} }, deps));
    expect(await readdir(storeDir).catch(() => [])).toEqual([]);
    const ok = await previewUpload(db, user.actor, bytes(), { fileName: "x.csv", options: {} }, deps);
    expect(ok.curves).toHaveLength(2);
  });
});

describe("curves per upload", () => {
  it("refuses more curves than the cap (422) and stores nothing", async () => {
    const { user, labId, sampleId } = await world();
    const input = { ...ZUploadAssignment.parse({ sample: { sampleId } }), fileName: "two.csv", options: {} };
    const error = await importUpload(db, user.actor, new TextEncoder().encode(twoSweeps(uid())), input, deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("UNPROCESSABLE");
    expect((error as AppError).message).toMatch(/2 curves in one upload; the limit is 1 \(UPLOAD_MAX_CURVES\)/);
    expect(await db.upload.count({ where: { labId } })).toBe(0);
    await importUpload(db, user.actor, new TextEncoder().encode(twoSweeps(uid())), { ...input, excludeCurves: [1] }, deps);
    expect(await db.upload.count({ where: { labId } })).toBe(1);
  });
});

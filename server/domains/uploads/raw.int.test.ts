import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS } from "~/server/domains/access/actor";
import { LocalFileStore } from "~/server/storage";
import { makeLab, makeUser, testDb, uid } from "~/server/testing/db";
import { authorizeRawFile } from "./raw";
import { ZUploadAssignment } from "./schemas";
import { importUpload, type UploadDeps } from "./service";

let deps: UploadDeps;
let storeDir: string;

beforeAll(async () => {
  storeDir = await mkdtemp(path.join(os.tmpdir(), "sit-raw-"));
  deps = { store: new LocalFileStore(storeDir), limits: { maxBytes: 1_000_000, maxPoints: 100_000 } };
});
afterAll(async () => {
  await rm(storeDir, { recursive: true, force: true });
});

const csv = (tag: string) =>
  new TextEncoder().encode(`# ${tag}\nT (K),R (Ohm)\n${Array.from({ length: 20 }, (_, k) => `${(10 - k * 0.4).toFixed(2)},${(1000 + k).toFixed(1)}`).join("\n")}\n`);

describe("raw file downloads", () => {
  it("are open to the uploading lab, and to others only when every curve of the file is readable to them", async () => {
    const db = testDb();
    const owner = await makeUser(db);
    const outsider = await makeUser(db);
    const lab = await makeLab(db, owner.id);
    await makeLab(db, outsider.id);
    const sampleId = uid("s-");
    await db.sample.create({ data: { id: sampleId, labId: lab.id, name: "film", material: "NbSi", lineageRootId: sampleId } });
    const bytes = csv(sampleId);
    const result = await importUpload(db, owner.actor, bytes, { ...ZUploadAssignment.parse({ sample: { sampleId } }), fileName: "run.csv", options: {} }, deps);
    const uploadId = result.uploadId;

    const access = await authorizeRawFile(db, owner.actor, uploadId);
    expect(Buffer.from(await deps.store!.bytes(access.sha256)).equals(Buffer.from(bytes))).toBe(true);
    await expect(authorizeRawFile(db, outsider.actor, uploadId)).rejects.toThrow(/not found/);
    await expect(authorizeRawFile(db, ANONYMOUS, uploadId)).rejects.toThrow(/not found/);

    await db.sample.update({ where: { id: sampleId }, data: { visibility: "PUBLIC" } });
    expect((await authorizeRawFile(db, ANONYMOUS, uploadId)).originalName).toBe("run.csv");
  });
});

import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { AppError } from "~/server/errors";
import { getLab } from "~/server/domains/labs/service";
import { ZUploadAssignment } from "~/server/domains/uploads/schemas";
import { importUpload } from "~/server/domains/uploads/service";
import { LocalFileStore } from "~/server/storage";
import { makeLab, makeUser, testDb, uid } from "~/server/testing/db";

/** Storage quotas per lab and per person: an upload past either is refused; the lab page shows the use. */

vi.hoisted(() => {
  process.env.LAB_STORAGE_QUOTA_BYTES = "3000";
  process.env.USER_STORAGE_QUOTA_BYTES = "1000000";
});

const db = testDb();
let storeDir = "";
afterAll(() => rm(storeDir, { recursive: true, force: true }));

function csv(tag: string): Uint8Array {
  const rows = Array.from({ length: 150 }, (_, k) => `${(2 + k * 0.1).toFixed(2)},${(1000 + k).toFixed(1)}`);
  return new TextEncoder().encode(`# ${tag}\nT (K),R (Ohm)\n${rows.join("\n")}\n`);
}

describe("storage quotas", () => {
  it("refuses an upload that would pass the lab's quota, stores nothing for it, and reports the use", async () => {
    storeDir = await mkdtemp(path.join(os.tmpdir(), "sit-quota-"));
    const deps = { store: new LocalFileStore(storeDir), limits: { maxBytes: 1_000_000, maxPoints: 100_000 } };
    const user = await makeUser(db);
    const lab = await makeLab(db, user.id);
    const sampleId = uid("s-");
    await db.sample.create({ data: { id: sampleId, labId: lab.id, name: "film", material: "a-InO", lineageRootId: sampleId } });
    const input = { ...ZUploadAssignment.parse({ sample: { sampleId } }), fileName: "q.csv", options: {} };
    const first = csv(uid());
    expect(first.byteLength).toBeGreaterThan(1500);
    await importUpload(db, user.actor, first, input, deps);
    const error = await importUpload(db, user.actor, csv(uid()), input, deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("PAYLOAD_TOO_LARGE");
    expect((error as AppError).message).toMatch(/^This lab would exceed the storage quota/);
    expect(await db.upload.count({ where: { labId: lab.id } })).toBe(1);
    const seen = await getLab(db, user.actor, lab.id);
    expect(seen.storage).toEqual({ usedBytes: first.byteLength, quotaBytes: 3000 });
  });
});

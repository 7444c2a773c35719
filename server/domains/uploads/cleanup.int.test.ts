import { mkdtemp, rm, utimes } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LocalFileStore } from "~/server/storage";
import { makeLab, makeUser, testDb, uid } from "~/server/testing/db";
import { cleanUpRawFiles } from "./cleanup";

const db = testDb();
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const HOUR = 3600_000;

describe("raw-file clean-up", () => {
  it("deletes old staged files never committed and the bytes of refused uploads; keeps committed and recent ones", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "sit-cleanup-"));
    dirs.push(root);
    const store = new LocalFileStore(root);
    const enc = (s: string) => new TextEncoder().encode(`${s} ${uid()}`);
    const old = new Date(Date.now() - 48 * HOUR);
    const age = async (sha256: string, owner?: string) => {
      await utimes(path.join(root, store.keyFor(sha256)), old, old);
      if (owner) await utimes(path.join(root, "staged", owner, sha256), old, old);
    };

    const abandoned = await store.put(enc("staged, never committed"));
    await store.markStaged(abandoned.sha256, "user_a");
    await age(abandoned.sha256, "user_a");

    const refused = await store.put(enc("refused upload"));
    await age(refused.sha256);

    const committed = await store.put(enc("committed"));
    await age(committed.sha256);
    const user = await makeUser(db);
    const lab = await makeLab(db, user.id);
    await db.upload.create({
      data: { labId: lab.id, uploadedById: user.id, originalName: "c.csv", sha256: committed.sha256, sizeBytes: committed.sizeBytes, storageKey: committed.key, format: "csv", parserName: "delimited", parserVersion: "1" },
    });

    const fresh = await store.put(enc("staged a minute ago"));
    await store.markStaged(fresh.sha256, "user_b");

    const result = await cleanUpRawFiles(db, store, { maxAgeMs: 24 * HOUR });
    expect(result.receiptsRemoved).toBe(1);
    expect(result.filesRemoved).toBe(2);
    expect(result.bytesRemoved).toBe(abandoned.sizeBytes + refused.sizeBytes);
    expect(await store.has(abandoned.sha256)).toBe(false);
    expect(await store.isStaged(abandoned.sha256, "user_a")).toBe(false);
    expect(await store.has(refused.sha256)).toBe(false);
    expect(await store.has(committed.sha256)).toBe(true);
    expect(await store.has(fresh.sha256)).toBe(true);
    expect(await store.isStaged(fresh.sha256, "user_b")).toBe(true);
  });
});

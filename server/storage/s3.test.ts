import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, describe, expect, it } from "vitest";
import { S3FileStore } from "./s3";
import { FileTooLargeError, StoredFileMissingError } from "./types";

/** An in-memory bucket answering the three commands the store sends. */
function fakeBucket() {
  const objects = new Map<string, Buffer>();
  const sent: string[] = [];
  const notFound = () => Object.assign(new Error("NotFound"), { name: "NotFound", $metadata: { httpStatusCode: 404 } });
  const client = {
    async send(command: unknown): Promise<unknown> {
      if (command instanceof PutObjectCommand) {
        const body = command.input.Body;
        const parts: Buffer[] = [];
        if (typeof body === "string") parts.push(Buffer.from(body));
        else for await (const chunk of body as Readable) parts.push(chunk as Buffer);
        const bytes = Buffer.concat(parts);
        if (command.input.ContentLength !== undefined) expect(bytes.length).toBe(command.input.ContentLength);
        objects.set(command.input.Key!, bytes);
        sent.push(`put ${command.input.Key}`);
        return {};
      }
      if (command instanceof HeadObjectCommand) {
        sent.push(`head ${command.input.Key}`);
        if (!objects.has(command.input.Key!)) throw notFound();
        return {};
      }
      if (command instanceof GetObjectCommand) {
        const bytes = objects.get(command.input.Key!);
        if (!bytes) throw Object.assign(new Error("NoSuchKey"), { name: "NoSuchKey" });
        return { Body: Readable.from([bytes.subarray(0, 3), bytes.subarray(3)]) };
      }
      throw new Error("unexpected command");
    },
  };
  return { objects, sent, client };
}

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function store(bucket: ReturnType<typeof fakeBucket>) {
  const spoolDir = await mkdtemp(path.join(os.tmpdir(), "sit-s3-"));
  dirs.push(spoolDir);
  return new S3FileStore({ bucket: "raw", region: "us-east-1", spoolDir, client: bucket.client });
}

describe("S3-compatible raw-file store", () => {
  it("stores bytes under uploads/<sha256>, sends them once, and reads them back", async () => {
    const bucket = fakeBucket();
    const s = await store(bucket);
    const bytes = Buffer.from("Time (s),T (K),R (Ohm)\n0,300,12.5\n");
    const sha = createHash("sha256").update(bytes).digest("hex");
    const first = await s.put(Readable.from([bytes.subarray(0, 10), bytes.subarray(10)]));
    expect(first).toEqual({ sha256: sha, sizeBytes: bytes.length, backend: "S3", key: `uploads/${sha}` });
    await s.put(bytes);
    expect(bucket.sent.filter((c) => c.startsWith("put"))).toEqual([`put uploads/${sha}`]);
    expect(Buffer.from(await s.bytes(sha)).equals(bytes)).toBe(true);
    expect(await s.has(sha)).toBe(true);
    expect(await readdir((s as unknown as { config: { spoolDir: string } }).config.spoolDir)).toEqual([]);
  });

  it("sends nothing for a file over the limit, and reports missing objects", async () => {
    const bucket = fakeBucket();
    const s = await store(bucket);
    await expect(s.put(Buffer.alloc(100), { maxBytes: 99 })).rejects.toBeInstanceOf(FileTooLargeError);
    expect(bucket.objects.size).toBe(0);
    await expect(s.bytes("0".repeat(64))).rejects.toBeInstanceOf(StoredFileMissingError);
    expect(await s.has("0".repeat(64))).toBe(false);
  });

  it("keeps staging receipts per owner", async () => {
    const bucket = fakeBucket();
    const s = await store(bucket);
    const { sha256 } = await s.put(Buffer.from("x"));
    await s.markStaged(sha256, "user_1");
    expect(await s.isStaged(sha256, "user_1")).toBe(true);
    expect(await s.isStaged(sha256, "user_2")).toBe(false);
    expect([...bucket.objects.keys()]).toContain(`uploads/staged/user_1/${sha256}`);
  });
});

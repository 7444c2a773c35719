import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { LocalFileStore } from "./local";
import { FileTooLargeError, StoredFileMissingError } from "./types";

const dirs: string[] = [];
async function store(): Promise<LocalFileStore> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "sit-store-"));
  dirs.push(dir);
  return new LocalFileStore(dir);
}
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("local raw-file store", () => {
  it("keeps bytes exactly, keyed by their SHA-256, from a stream of odd chunks", async () => {
    const s = await store();
    const bytes = new Uint8Array(3_000_001);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + (i >> 7)) & 0xff;
    const chunks = [bytes.subarray(0, 7), bytes.subarray(7, 2_000_000), bytes.subarray(2_000_000)];
    const seen: number[] = [];
    const stored = await s.put(Readable.from(chunks), { onChunk: (c) => seen.push(c.length) });
    expect(stored.sha256).toBe(sha(bytes));
    expect(stored.sizeBytes).toBe(bytes.length);
    expect(stored.key).toBe(`${stored.sha256.slice(0, 2)}/${stored.sha256}`);
    expect(seen).toEqual([7, 1_999_993, 1_000_001]);
    const back = await s.bytes(stored.sha256);
    expect(Buffer.compare(Buffer.from(back), Buffer.from(bytes))).toBe(0);
    let streamed = 0;
    for await (const c of s.stream(stored.sha256)) streamed += c.length;
    expect(streamed).toBe(bytes.length);
  });

  it("stores the same bytes twice without harm and leaves no temporary files", async () => {
    const s = await store();
    const a = await s.put(new TextEncoder().encode("T (K),R (Ohm)\n1,2\n"));
    const b = await s.put(new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode("T (K),R (Ohm)\n1,2\n")), c.close()) }));
    expect(b).toEqual(a);
    expect(await readdir(path.join(s.root, "tmp"))).toEqual([]);
  });

  it("refuses a file over the limit and keeps nothing of it", async () => {
    const s = await store();
    const big = new Uint8Array(5000).fill(65);
    await expect(s.put(big, { maxBytes: 4999 })).rejects.toBeInstanceOf(FileTooLargeError);
    expect(await s.has(sha(big))).toBe(false);
    expect(await readdir(path.join(s.root, "tmp"))).toEqual([]);
    await expect(s.bytes(sha(big))).rejects.toBeInstanceOf(StoredFileMissingError);
  });

  it("records staging receipts per owner and rejects unsafe owner ids", async () => {
    const s = await store();
    const { sha256 } = await s.put(new Uint8Array([1, 2, 3]));
    await s.markStaged(sha256, "user_1");
    expect(await s.isStaged(sha256, "user_1")).toBe(true);
    expect(await s.isStaged(sha256, "user_2")).toBe(false);
    await expect(s.markStaged(sha256, "../escape")).rejects.toThrow(/unsafe owner/);
    await expect(s.isStaged("../../etc/passwd", "user_1")).rejects.toThrow(/SHA-256/);
  });
});

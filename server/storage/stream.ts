import { createHash, randomBytes } from "node:crypto";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { FileTooLargeError, type ByteSource, type PutOptions } from "./types";

/** Iterates the chunks of any byte source. Web streams are read with their reader. */
export async function* chunksOf(source: ByteSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    const step = 1 << 20;
    for (let o = 0; o < source.length; o += step) yield source.subarray(o, Math.min(source.length, o + step));
    return;
  }
  if (typeof (source as ReadableStream<Uint8Array>).getReader === "function") {
    const reader = (source as ReadableStream<Uint8Array>).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        if (value && value.length > 0) yield value;
      }
    } finally {
      reader.releaseLock();
    }
  }
  for await (const chunk of source as AsyncIterable<Uint8Array | string>) {
    yield typeof chunk === "string" ? Buffer.from(chunk) : chunk;
  }
}

export interface SpooledFile {
  tempPath: string;
  sha256: string;
  sizeBytes: number;
}

/**
 * Writes a source to a new temporary file in `tempDir`, computing its SHA-256 on the way and
 * handing every chunk to `onChunk`. Memory stays at one chunk whatever the file size. On any
 * failure (including the size limit) the temporary file is removed.
 */
export async function spoolToTempFile(source: ByteSource, tempDir: string, options: PutOptions = {}): Promise<SpooledFile> {
  await mkdir(tempDir, { recursive: true });
  const tempPath = path.join(tempDir, `${Date.now().toString(36)}-${randomBytes(8).toString("hex")}.part`);
  const out = createWriteStream(tempPath);
  const hash = createHash("sha256");
  let size = 0;
  let failed: unknown = null;
  out.on("error", (e) => {
    failed = e;
  });
  try {
    for await (const chunk of chunksOf(source)) {
      if (failed) throw failed;
      size += chunk.length;
      if (options.maxBytes !== undefined && size > options.maxBytes) throw new FileTooLargeError(options.maxBytes, size);
      hash.update(chunk);
      options.onChunk?.(chunk);
      options.onProgress?.(size);
      // Chunks of files and request bodies are fresh buffers that nobody writes to again.
      if (!out.write(chunk)) await once(out, "drain");
    }
    out.end();
    await once(out, "finish");
    if (failed) throw failed;
    return { tempPath, sha256: hash.digest("hex"), sizeBytes: size };
  } catch (error) {
    out.destroy();
    await rm(tempPath, { force: true });
    throw error;
  }
}

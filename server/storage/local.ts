import { createReadStream } from "node:fs";
import { access, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { spoolToTempFile } from "./stream";
import { assertSha256, safeOwner, SHA256_HEX, StoredFileMissingError, type ByteSource, type PutOptions, type RawFileStore, type StoredFile } from "./types";

/**
 * Raw files on local disk under `<root>/<aa>/<sha256>` (aa = the first two hex digits).
 * A file is written to `<root>/tmp/` and renamed into place once complete, so a reader never
 * sees half a file; renaming over an existing copy of the same bytes changes nothing.
 */
export class LocalFileStore implements RawFileStore {
  readonly backend = "LOCAL" as const;

  constructor(readonly root: string) {}

  keyFor(sha256: string): string {
    assertSha256(sha256);
    return `${sha256.slice(0, 2)}/${sha256}`;
  }

  private pathFor(sha256: string): string {
    return path.join(this.root, this.keyFor(sha256));
  }

  async put(source: ByteSource, options: PutOptions = {}): Promise<StoredFile> {
    const spooled = await spoolToTempFile(source, path.join(this.root, "tmp"), options);
    const target = this.pathFor(spooled.sha256);
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await rename(spooled.tempPath, target);
    } catch (error) {
      await rm(spooled.tempPath, { force: true });
      throw error;
    }
    return { sha256: spooled.sha256, sizeBytes: spooled.sizeBytes, backend: this.backend, key: this.keyFor(spooled.sha256) };
  }

  async has(sha256: string): Promise<boolean> {
    return exists(this.pathFor(sha256));
  }

  async *stream(sha256: string): AsyncIterable<Uint8Array> {
    const file = this.pathFor(sha256);
    if (!(await exists(file))) throw new StoredFileMissingError(sha256);
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) yield chunk as Buffer;
  }

  async bytes(sha256: string): Promise<Uint8Array> {
    try {
      return await readFile(this.pathFor(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new StoredFileMissingError(sha256);
      throw error;
    }
  }

  private stagedPath(sha256: string, ownerId: string): string {
    assertSha256(sha256);
    return path.join(this.root, "staged", safeOwner(ownerId), sha256);
  }

  async markStaged(sha256: string, ownerId: string): Promise<void> {
    const file = this.stagedPath(sha256, ownerId);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, new Date().toISOString());
  }

  async isStaged(sha256: string, ownerId: string): Promise<boolean> {
    return exists(this.stagedPath(sha256, ownerId));
  }

  async *listStaged(): AsyncIterable<{ sha256: string; ownerId: string; stagedAt: Date }> {
    const base = path.join(this.root, "staged");
    for (const ownerId of await entries(base)) {
      for (const sha256 of await entries(path.join(base, ownerId))) {
        if (!SHA256_HEX.test(sha256)) continue;
        const info = await stat(path.join(base, ownerId, sha256)).catch(() => null);
        if (info) yield { sha256, ownerId, stagedAt: info.mtime };
      }
    }
  }

  async unstage(sha256: string, ownerId: string): Promise<void> {
    await rm(this.stagedPath(sha256, ownerId), { force: true });
  }

  async *listFiles(): AsyncIterable<{ sha256: string; sizeBytes: number; storedAt: Date }> {
    for (const dir of await entries(this.root)) {
      if (!/^[0-9a-f]{2}$/.test(dir)) continue;
      for (const sha256 of await entries(path.join(this.root, dir))) {
        if (!SHA256_HEX.test(sha256)) continue;
        const info = await stat(path.join(this.root, dir, sha256)).catch(() => null);
        if (info) yield { sha256, sizeBytes: info.size, storedAt: info.mtime };
      }
    }
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.pathFor(sha256), { force: true });
  }
}

async function entries(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

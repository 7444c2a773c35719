import { createReadStream } from "node:fs";
import { rm } from "node:fs/promises";
import { Readable } from "node:stream";
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { spoolToTempFile } from "./stream";
import { assertSha256, safeOwner, SHA256_HEX, StoredFileMissingError, type ByteSource, type PutOptions, type RawFileStore, type StoredFile } from "./types";

export interface S3StoreConfig {
  bucket: string;
  region: string;
  /** S3-compatible servers (MinIO, Ceph, …): their URL; path-style addressing is used then. */
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Object key prefix, default "uploads/". */
  prefix?: string;
  /** Local directory for spooling an upload while its SHA-256 (the key) is computed. */
  spoolDir: string;
  /** A client to use instead of one built from the settings above (tests). */
  client?: Pick<S3Client, "send">;
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "NotFound" || e?.name === "NoSuchKey" || e?.$metadata?.httpStatusCode === 404;
}

/**
 * Raw files in an S3-compatible bucket under `<prefix><sha256>`. The key is the content hash,
 * which is known only at the end of the stream, so the upload is spooled to a local temporary
 * file first (one chunk in memory at a time), then sent with its length. Bytes already in the
 * bucket are not sent again.
 */
export class S3FileStore implements RawFileStore {
  readonly backend = "S3" as const;
  private readonly client: Pick<S3Client, "send">;
  private readonly prefix: string;

  constructor(private readonly config: S3StoreConfig) {
    this.prefix = config.prefix ?? "uploads/";
    this.client = config.client ?? new S3Client({
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint, forcePathStyle: true } : {}),
      ...(config.accessKeyId && config.secretAccessKey
        ? { credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } }
        : {}),
    });
  }

  keyFor(sha256: string): string {
    assertSha256(sha256);
    return `${this.prefix}${sha256}`;
  }

  async put(source: ByteSource, options: PutOptions = {}): Promise<StoredFile> {
    const spooled = await spoolToTempFile(source, this.config.spoolDir, options);
    const key = this.keyFor(spooled.sha256);
    try {
      if (!(await this.hasKey(key))) {
        await this.client.send(
          new PutObjectCommand({
            Bucket: this.config.bucket,
            Key: key,
            Body: createReadStream(spooled.tempPath),
            ContentLength: spooled.sizeBytes,
            ContentType: "application/octet-stream",
            Metadata: { sha256: spooled.sha256 },
          }),
        );
      }
    } finally {
      await rm(spooled.tempPath, { force: true });
    }
    return { sha256: spooled.sha256, sizeBytes: spooled.sizeBytes, backend: this.backend, key };
  }

  private async hasKey(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: key }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  has(sha256: string): Promise<boolean> {
    return this.hasKey(this.keyFor(sha256));
  }

  async *stream(sha256: string): AsyncIterable<Uint8Array> {
    let body: unknown;
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: this.keyFor(sha256) }));
      body = out.Body;
    } catch (error) {
      if (isNotFound(error)) throw new StoredFileMissingError(sha256);
      throw error;
    }
    if (body instanceof Readable) {
      for await (const chunk of body) yield chunk as Buffer;
      return;
    }
    const bytes = await (body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray();
    yield bytes;
  }

  async bytes(sha256: string): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    for await (const chunk of this.stream(sha256)) parts.push(chunk);
    return Buffer.concat(parts);
  }

  private stagedKey(sha256: string, ownerId: string): string {
    assertSha256(sha256);
    return `${this.prefix}staged/${safeOwner(ownerId)}/${sha256}`;
  }

  async markStaged(sha256: string, ownerId: string): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.config.bucket, Key: this.stagedKey(sha256, ownerId), Body: new Date().toISOString() }));
  }

  isStaged(sha256: string, ownerId: string): Promise<boolean> {
    return this.hasKey(this.stagedKey(sha256, ownerId));
  }

  private async *objects(prefix: string): AsyncIterable<{ key: string; size: number; modified: Date }> {
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.config.bucket, Prefix: prefix, ContinuationToken: token }));
      for (const o of page.Contents ?? []) if (o.Key) yield { key: o.Key, size: o.Size ?? 0, modified: o.LastModified ?? new Date(0) };
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async *listStaged(): AsyncIterable<{ sha256: string; ownerId: string; stagedAt: Date }> {
    const base = `${this.prefix}staged/`;
    for await (const o of this.objects(base)) {
      const [ownerId, sha256] = o.key.slice(base.length).split("/");
      if (ownerId && sha256 && SHA256_HEX.test(sha256)) yield { sha256, ownerId, stagedAt: o.modified };
    }
  }

  async unstage(sha256: string, ownerId: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.stagedKey(sha256, ownerId) }));
  }

  async *listFiles(): AsyncIterable<{ sha256: string; sizeBytes: number; storedAt: Date }> {
    for await (const o of this.objects(this.prefix)) {
      const sha256 = o.key.slice(this.prefix.length);
      if (SHA256_HEX.test(sha256)) yield { sha256, sizeBytes: o.size, storedAt: o.modified };
    }
  }

  async remove(sha256: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.keyFor(sha256) }));
  }
}

/**
 * Raw-file storage: every uploaded file is kept byte for byte, keyed by its SHA-256.
 * Content addressing makes writes idempotent: storing the same bytes twice is harmless.
 */

export type StorageBackendName = "LOCAL" | "S3";

/** Bytes in memory, a Node or web stream, or any async iterable of chunks. */
export type ByteSource = Uint8Array | AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

export interface StoredFile {
  sha256: string;
  sizeBytes: number;
  backend: StorageBackendName;
  /** Where the bytes are within the backend (a relative path or an object key). */
  key: string;
}

export interface PutOptions {
  /** Refuse (and store nothing) once more than this many bytes arrived. */
  maxBytes?: number;
  /** Called with every chunk in order, as it arrives (e.g. a streaming parser's push). */
  onChunk?: (chunk: Uint8Array) => void;
  /** Called with the running byte count after every chunk (progress reporting). */
  onProgress?: (bytes: number) => void;
}

export interface RawFileStore {
  readonly backend: StorageBackendName;
  /** The key under which bytes with this SHA-256 are (or would be) kept. */
  keyFor(sha256: string): string;
  /** Streams the bytes in, hashing them on the way; the file is visible only once complete. */
  put(source: ByteSource, options?: PutOptions): Promise<StoredFile>;
  has(sha256: string): Promise<boolean>;
  /** The stored bytes as a stream of chunks; throws StoredFileMissingError when absent. */
  stream(sha256: string): AsyncIterable<Uint8Array>;
  bytes(sha256: string): Promise<Uint8Array>;
  /**
   * Staging receipts: who sent these bytes for a preview. A commit that names a SHA-256 must
   * come from someone who staged it, so knowing a hash never gives access to another's file.
   */
  markStaged(sha256: string, ownerId: string): Promise<void>;
  isStaged(sha256: string, ownerId: string): Promise<boolean>;
  /** Every staging receipt, with when it was written (for the clean-up job). */
  listStaged(): AsyncIterable<{ sha256: string; ownerId: string; stagedAt: Date }>;
  unstage(sha256: string, ownerId: string): Promise<void>;
  /** Every stored file, with when it was written (for the clean-up job). */
  listFiles(): AsyncIterable<{ sha256: string; sizeBytes: number; storedAt: Date }>;
  /** Deletes the bytes (nothing happens when they are absent). */
  remove(sha256: string): Promise<void>;
}

/** The file grew past the size limit; nothing was stored. */
export class FileTooLargeError extends Error {
  constructor(
    readonly limitBytes: number,
    readonly receivedBytes: number,
  ) {
    super(`the file is larger than the limit of ${limitBytes} bytes`);
    this.name = "FileTooLargeError";
  }
}

export class StoredFileMissingError extends Error {
  constructor(readonly sha256: string) {
    super(`no stored file has SHA-256 ${sha256}`);
    this.name = "StoredFileMissingError";
  }
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;

export function assertSha256(sha256: string): void {
  if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256 hex digest: ${JSON.stringify(sha256).slice(0, 80)}`);
}

/** Owner ids become path segments and object keys: keep them to a safe alphabet. */
export function safeOwner(ownerId: string): string {
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(ownerId)) throw new Error(`unsafe owner id ${JSON.stringify(ownerId).slice(0, 80)}`);
  return ownerId;
}

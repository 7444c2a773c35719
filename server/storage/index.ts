import path from "node:path";
import { env } from "~/server/env";
import { LocalFileStore } from "./local";
import { S3FileStore } from "./s3";
import type { RawFileStore } from "./types";

export { LocalFileStore } from "./local";
export { S3FileStore, type S3StoreConfig } from "./s3";
export { chunksOf, spoolToTempFile } from "./stream";
export {
  FileTooLargeError,
  StoredFileMissingError,
  SHA256_HEX,
  type ByteSource,
  type PutOptions,
  type RawFileStore,
  type StorageBackendName,
  type StoredFile,
} from "./types";

let configured: RawFileStore | null = null;

/**
 * The raw-file store of this process: S3-compatible storage when S3_BUCKET is set, else local
 * disk under DATA_DIR/uploads.
 */
export function getRawFileStore(): RawFileStore {
  if (!configured) {
    const root = path.resolve(env.DATA_DIR, "uploads");
    configured = env.S3_BUCKET
      ? new S3FileStore({
          bucket: env.S3_BUCKET,
          region: env.S3_REGION,
          endpoint: env.S3_ENDPOINT,
          accessKeyId: env.S3_ACCESS_KEY_ID,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY,
          spoolDir: path.join(root, "tmp"),
        })
      : new LocalFileStore(root);
  }
  return configured;
}

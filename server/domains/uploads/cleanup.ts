/**
 * Clean-up of raw files nobody committed: staging receipts older than the time allowed
 * (STAGED_UPLOAD_TTL_HOURS) are dropped, and files older than that which no upload row names
 * and nobody has staged since — staged previews never committed, the bytes of refused uploads —
 * are deleted. Run by the scheduled job in scripts/lib/cleanup-job.ts.
 */
import type { Db } from "~/server/db";
import type { RawFileStore } from "~/server/storage";

export interface CleanupResult {
  receiptsRemoved: number;
  filesRemoved: number;
  bytesRemoved: number;
}

export async function cleanUpRawFiles(db: Db, store: RawFileStore, options: { maxAgeMs: number; now?: Date }): Promise<CleanupResult> {
  const cutoff = (options.now ?? new Date()).getTime() - options.maxAgeMs;
  const result: CleanupResult = { receiptsRemoved: 0, filesRemoved: 0, bytesRemoved: 0 };
  const stillStaged = new Set<string>();
  for await (const receipt of store.listStaged()) {
    if (receipt.stagedAt.getTime() < cutoff) {
      await store.unstage(receipt.sha256, receipt.ownerId);
      result.receiptsRemoved++;
    } else {
      stillStaged.add(receipt.sha256);
    }
  }
  for await (const file of store.listFiles()) {
    if (file.storedAt.getTime() >= cutoff || stillStaged.has(file.sha256)) continue;
    // Kept while any upload row (of any lab) names the bytes.
    if (await db.upload.findFirst({ where: { sha256: file.sha256 }, select: { id: true } })) continue;
    await store.remove(file.sha256);
    result.filesRemoved++;
    result.bytesRemoved += file.sizeBytes;
  }
  return result;
}

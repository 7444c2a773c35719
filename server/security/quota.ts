/**
 * Storage quotas: the raw bytes of a lab's uploads (LAB_STORAGE_QUOTA_BYTES, 20 GiB by default)
 * and of one person's uploads over all labs (USER_STORAGE_QUOTA_BYTES, 5 GiB). An upload that
 * would go past either is refused and stores nothing (its bytes are removed by the clean-up job).
 */
import type { Db } from "~/server/db";
import { env } from "~/server/env";
import { AppError } from "~/server/errors";

export interface StorageUse {
  usedBytes: number;
  quotaBytes: number;
}

async function sumBytes(db: Db, where: { labId?: string; uploadedById?: string }): Promise<number> {
  const { _sum } = await db.upload.aggregate({ where, _sum: { sizeBytes: true } });
  return _sum.sizeBytes ?? 0;
}

export async function labStorage(db: Db, labId: string): Promise<StorageUse> {
  return { usedBytes: await sumBytes(db, { labId }), quotaBytes: env.LAB_STORAGE_QUOTA_BYTES };
}

export async function userStorage(db: Db, userId: string): Promise<StorageUse> {
  return { usedBytes: await sumBytes(db, { uploadedById: userId }), quotaBytes: env.USER_STORAGE_QUOTA_BYTES };
}

const mib = (b: number) => `${(b / 1048576).toFixed(1)} MiB`;

/** Throws (413) when `addBytes` more would exceed the lab's or the uploader's quota. */
export async function assertStorageQuota(db: Db, labId: string, userId: string, addBytes: number): Promise<void> {
  const [lab, user] = await Promise.all([labStorage(db, labId), userStorage(db, userId)]);
  for (const [what, use, name] of [
    ["This lab", lab, "LAB_STORAGE_QUOTA_BYTES"],
    ["Your uploads", user, "USER_STORAGE_QUOTA_BYTES"],
  ] as const) {
    if (use.usedBytes + addBytes > use.quotaBytes) {
      throw new AppError("PAYLOAD_TOO_LARGE", `${what} would exceed the storage quota: ${mib(use.usedBytes)} of ${mib(use.quotaBytes)} used, this file needs ${mib(addBytes)}.`, [
        { code: "quota_exceeded", message: `${mib(use.usedBytes)} of ${mib(use.quotaBytes)} used`, expected: `at most ${use.quotaBytes} bytes in all (${name})` },
      ]);
    }
  }
}

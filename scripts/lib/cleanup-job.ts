/**
 * The scheduled clean-up of raw files (server/domains/uploads/cleanup.ts), a pg-boss cron job:
 * every 30 minutes one worker of the deployment deletes staged files not committed within
 * STAGED_UPLOAD_TTL_HOURS (24 by default) and the bytes of refused uploads.
 */
import PgBoss from "pg-boss";
import type { Db } from "~/server/db";
import { cleanUpRawFiles } from "~/server/domains/uploads/cleanup";
import { getRawFileStore } from "~/server/storage";

export const CLEANUP_QUEUE = "clean-raw-files";

export async function startCleanupJob(options: { databaseUrl: string; db: Db; log: (line: string) => void }): Promise<{ stop(): Promise<void> }> {
  const maxAgeMs = Number(process.env.STAGED_UPLOAD_TTL_HOURS ?? 24) * 3600_000;
  const boss = new PgBoss({ connectionString: options.databaseUrl, max: 2 });
  boss.on("error", (error) => options.log(`clean-up queue error: ${error.message}`));
  await boss.start();
  if (!(await boss.getQueue(CLEANUP_QUEUE))) await boss.createQueue(CLEANUP_QUEUE, { name: CLEANUP_QUEUE, policy: "singleton", retryLimit: 1 });
  await boss.schedule(CLEANUP_QUEUE, "*/30 * * * *");
  await boss.work(CLEANUP_QUEUE, async () => {
    const result = await cleanUpRawFiles(options.db, getRawFileStore(), { maxAgeMs });
    if (result.filesRemoved > 0 || result.receiptsRemoved > 0) {
      options.log(`clean-up: removed ${result.filesRemoved} uncommitted files (${result.bytesRemoved} bytes) and ${result.receiptsRemoved} staging receipts`);
    }
  });
  return { stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }) };
}

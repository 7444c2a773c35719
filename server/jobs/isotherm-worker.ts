import type PgBoss from "pg-boss";
import type { Db } from "~/server/db";
import { refreshSampleIsotherms } from "~/server/domains/isotherms/service";
import { ISOTHERM_QUEUE, type IsothermJobData } from "./isotherm-queue";

/** Runs isotherm analyses from the queue on a started pg-boss, next to the fit jobs. */
export async function workIsotherms(boss: PgBoss, db: Db, log: (line: string) => void): Promise<void> {
  await boss.work<IsothermJobData>(ISOTHERM_QUEUE, { batchSize: 2, pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) {
      try {
        await refreshSampleIsotherms(db, job.data.sampleId);
      } catch (error) {
        log(`isotherm analysis of sample ${job.data.sampleId} failed: ${(error as Error).message}`);
        await boss.fail(ISOTHERM_QUEUE, job.id, { message: (error as Error).message });
      }
    }
  });
}

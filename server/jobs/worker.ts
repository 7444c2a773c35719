import PgBoss from "pg-boss";
import type { Db } from "~/server/db";
import { fitCurve } from "./fit-curve";
import { workIsotherms } from "./isotherm-worker";
import { FIT_QUEUE, installQueue, type FitJobData } from "./queue";

export interface WorkerOptions {
  databaseUrl: string;
  db: Db;
  /** jobs fetched at once */
  batchSize?: number;
  log?: (line: string) => void;
  /** pause inside each job before storing its result (used to test crash recovery) */
  jobDelayMs?: number;
}

export interface RunningWorker {
  stop(): Promise<void>;
}

/**
 * Fits curves from the queue until stopped. Each job is independent: a failing curve is
 * failed (and retried by the queue) without affecting the others of its batch.
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const log = options.log ?? (() => undefined);
  await installQueue(options.databaseUrl);
  const boss = new PgBoss({ connectionString: options.databaseUrl, max: 4, maintenanceIntervalSeconds: 30 });
  boss.on("error", (error) => log(`queue error: ${error.message}`));
  await boss.start();
  let fitted = 0;
  await boss.work<FitJobData>(FIT_QUEUE, { batchSize: options.batchSize ?? 8, pollingIntervalSeconds: 0.5 }, async (jobs) => {
    for (const job of jobs) {
      try {
        if (options.jobDelayMs) await new Promise((resolve) => setTimeout(resolve, options.jobDelayMs));
        const outcome = await fitCurve(options.db, job.data.curveId);
        if (outcome === "fitted") fitted++;
      } catch (error) {
        log(`fit of curve ${job.data.curveId} failed: ${(error as Error).message}`);
        await boss.fail(FIT_QUEUE, job.id, { message: (error as Error).message });
      }
    }
  });
  await workIsotherms(boss, options.db, log);
  const report = setInterval(() => {
    if (fitted > 0) log(`fitted ${fitted} curves`);
    fitted = 0;
  }, 10_000);
  report.unref();
  return {
    stop: async () => {
      clearInterval(report);
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

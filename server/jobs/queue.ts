import PgBoss from "pg-boss";
import type { Prisma } from "~/generated/prisma/client";
import { ENGINE_VERSION } from "~/server/fitting";
import { createIsothermQueue } from "./isotherm-queue";

/** One job per curve and engine version: `{ curveId }`. */
export const FIT_QUEUE = "fit-curve";

/** Settings of the fit queue: a job left active longer than this by a dead worker is retried. */
export const FIT_QUEUE_OPTIONS = {
  name: FIT_QUEUE,
  // At most one waiting and one running job per key (curve and engine version).
  policy: "stately",
  retryLimit: 5,
  retryDelay: 2,
  retryBackoff: true,
  expireInSeconds: 120,
} as const satisfies PgBoss.Queue;

export interface FitJobData {
  curveId: string;
}

/** The key that makes a curve's fit job unique per engine version. */
export function fitJobKey(curveId: string): string {
  return `${curveId}:${ENGINE_VERSION}`;
}

/** Installs pg-boss's schema (idempotent) and creates the fit queue. Called at start-up. */
export async function installQueue(databaseUrl: string): Promise<void> {
  const boss = new PgBoss({ connectionString: databaseUrl, supervise: false, schedule: false, max: 2 });
  boss.on("error", () => undefined);
  await boss.start();
  try {
    if (!(await boss.getQueue(FIT_QUEUE))) await boss.createQueue(FIT_QUEUE, FIT_QUEUE_OPTIONS);
    await createIsothermQueue(boss);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

type SqlRunner = Pick<Prisma.TransactionClient, "$queryRawUnsafe">;

// A producer that never connects on its own: each insert runs on the caller's connection.
let producer: PgBoss | null = null;
function getProducer(): PgBoss {
  producer ??= new PgBoss({ db: { executeSql: () => Promise.reject(new Error("the fit producer has no connection of its own")) } });
  return producer;
}

/**
 * Queues fit jobs for curves inside the caller's transaction, so that curves and their jobs
 * are committed together or not at all. Jobs already waiting for a curve are not duplicated.
 */
export async function enqueueFits(tx: SqlRunner, curveIds: readonly string[]): Promise<void> {
  if (curveIds.length === 0) return;
  const db = {
    executeSql: async (text: string, values: unknown[]) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }),
  };
  const CHUNK = 2000;
  for (let i = 0; i < curveIds.length; i += CHUNK) {
    const jobs = curveIds.slice(i, i + CHUNK).map((curveId) => ({
      name: FIT_QUEUE,
      data: { curveId } satisfies FitJobData,
      singletonKey: fitJobKey(curveId),
      retryLimit: FIT_QUEUE_OPTIONS.retryLimit,
      retryDelay: FIT_QUEUE_OPTIONS.retryDelay,
      retryBackoff: FIT_QUEUE_OPTIONS.retryBackoff,
      expireInSeconds: FIT_QUEUE_OPTIONS.expireInSeconds,
    }));
    await getProducer().insert(jobs, { db });
  }
}

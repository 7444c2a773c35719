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
 * Fair queueing across labs: a lab's k-th waiting fit job gets priority -k (pg-boss runs higher
 * priorities first, then the oldest). A lab that queues 10,000 curves does not hold up the next
 * lab's single upload: that one runs after at most one job of each lab ahead of it.
 */
async function fairPriorities(tx: SqlRunner, curveIds: readonly string[]): Promise<Map<string, number>> {
  const curves = await tx.$queryRawUnsafe<{ id: string; labId: string }[]>(`SELECT "id", "labId" FROM "Curve" WHERE "id" = ANY($1::text[])`, [...curveIds]);
  const labIds = [...new Set(curves.map((c) => c.labId))];
  const waiting = await tx.$queryRawUnsafe<{ labId: string; n: bigint }[]>(
    `SELECT c."labId" AS "labId", count(*) AS n FROM pgboss.job j JOIN "Curve" c ON c."id" = j.data->>'curveId'
      WHERE j.name = $1 AND j.state IN ('created', 'retry') AND c."labId" = ANY($2::text[]) GROUP BY c."labId"`,
    FIT_QUEUE,
    labIds,
  );
  const next = new Map(waiting.map((w) => [w.labId, Number(w.n)]));
  const priorities = new Map<string, number>();
  for (const c of curves) {
    const k = next.get(c.labId) ?? 0;
    priorities.set(c.id, k === 0 ? 0 : -Math.min(k, 2_000_000_000));
    next.set(c.labId, k + 1);
  }
  return priorities;
}

/**
 * Queues fit jobs for curves inside the caller's transaction, so that curves and their jobs
 * are committed together or not at all. Jobs already waiting for a curve are not duplicated.
 * Priorities interleave the labs (fairPriorities).
 */
export async function enqueueFits(tx: SqlRunner, curveIds: readonly string[]): Promise<void> {
  if (curveIds.length === 0) return;
  const db = {
    executeSql: async (text: string, values: unknown[]) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }),
  };
  const priorities = await fairPriorities(tx, curveIds);
  const CHUNK = 2000;
  for (let i = 0; i < curveIds.length; i += CHUNK) {
    const jobs = curveIds.slice(i, i + CHUNK).map((curveId) => ({
      name: FIT_QUEUE,
      data: { curveId } satisfies FitJobData,
      singletonKey: fitJobKey(curveId),
      priority: priorities.get(curveId) ?? 0,
      retryLimit: FIT_QUEUE_OPTIONS.retryLimit,
      retryDelay: FIT_QUEUE_OPTIONS.retryDelay,
      retryBackoff: FIT_QUEUE_OPTIONS.retryBackoff,
      expireInSeconds: FIT_QUEUE_OPTIONS.expireInSeconds,
    }));
    await getProducer().insert(jobs, { db });
  }
}

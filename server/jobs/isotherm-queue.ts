import PgBoss from "pg-boss";
import type { Prisma } from "~/generated/prisma/client";
import { SCALING_VERSION } from "~/server/scaling";

/** One job per sample and analysis version: `{ sampleId }`, run when its isotherms change. */
export const ISOTHERM_QUEUE = "isotherm-analysis";

export const ISOTHERM_QUEUE_OPTIONS = {
  name: ISOTHERM_QUEUE,
  // at most one waiting and one running job per sample: a waiting job reads the newest curves
  policy: "stately",
  retryLimit: 3,
  retryDelay: 2,
  retryBackoff: true,
  expireInSeconds: 300,
} as const satisfies PgBoss.Queue;

export interface IsothermJobData {
  sampleId: string;
}

export function isothermJobKey(sampleId: string): string {
  return `${sampleId}:${SCALING_VERSION}`;
}

/** Creates the isotherm queue on a started pg-boss (idempotent). */
export async function createIsothermQueue(boss: PgBoss): Promise<void> {
  if (!(await boss.getQueue(ISOTHERM_QUEUE))) await boss.createQueue(ISOTHERM_QUEUE, ISOTHERM_QUEUE_OPTIONS);
}

type SqlRunner = Pick<Prisma.TransactionClient, "$queryRawUnsafe">;

let producer: PgBoss | null = null;
function getProducer(): PgBoss {
  producer ??= new PgBoss({ db: { executeSql: () => Promise.reject(new Error("the isotherm producer has no connection of its own")) } });
  return producer;
}

/**
 * Queues isotherm analyses of samples inside the caller's transaction (with the curves that
 * changed them). A job already waiting for a sample is not duplicated.
 */
export async function enqueueIsothermAnalyses(tx: SqlRunner, sampleIds: readonly string[]): Promise<void> {
  const ids = [...new Set(sampleIds)];
  if (ids.length === 0) return;
  const db = { executeSql: async (text: string, values: unknown[]) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }) };
  const jobs = ids.map((sampleId) => ({
    name: ISOTHERM_QUEUE,
    data: { sampleId } satisfies IsothermJobData,
    singletonKey: isothermJobKey(sampleId),
    retryLimit: ISOTHERM_QUEUE_OPTIONS.retryLimit,
    retryDelay: ISOTHERM_QUEUE_OPTIONS.retryDelay,
    retryBackoff: ISOTHERM_QUEUE_OPTIONS.retryBackoff,
    expireInSeconds: ISOTHERM_QUEUE_OPTIONS.expireInSeconds,
  }));
  await getProducer().insert(jobs, { db });
}

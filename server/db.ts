import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "~/generated/prisma/client";
import { env } from "~/server/env";

export type Db = PrismaClient;

/**
 * The pool under each client, kept on globalThis: the server may load this module more than once
 * (its start-up hook and its routes are bundled apart), and a client made by one copy must still
 * find its pool from another.
 */
const poolRegistry = globalThis as unknown as { __sitDbPools?: WeakMap<Db, pg.Pool> };
const pools = (poolRegistry.__sitDbPools ??= new WeakMap<Db, pg.Pool>());
/** The process-wide client behind the lazy proxy below. */
const POOL_TARGET = Symbol.for("sit.db.target");

export function createDb(databaseUrl: string, options: { max?: number } = {}): Db {
  // The client runs on a pool of its own making, so that hot read paths can use the same
  // connections without Prisma's row decoding (see sqlPool).
  // No parallel plans and no JIT: the app serves many small concurrent reads on a few cores, where
  // parallel workers only queue for the same cores (a diagram scan took 250 ms gathered from two
  // workers of 30 ms each under load) and JIT compilation costs more than the queries it speeds up.
  // 32 MB of working memory per sort or hash: a diagram's rows (tens of thousands) are held and
  // grouped in memory instead of spilling to temporary files.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.max ?? 10, options: "-c max_parallel_workers_per_gather=0 -c jit=off -c work_mem=32MB" });
  // An idle connection the server closes (a restart, a shutdown) must not end the process.
  pool.on("error", (error) => console.error(`database connection closed: ${error.message}`));
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(client, pool);
  return client;
}

/**
 * The node-postgres pool under a client made by createDb (undefined for any other client, or once
 * the client is disconnected): for read paths that fetch many rows, where decoding them with
 * node-postgres alone is several times cheaper.
 */
export function sqlPool(db: Db): pg.Pool | undefined {
  const pool = pools.get(db) ?? pools.get((db as unknown as { [POOL_TARGET]?: Db })[POOL_TARGET] as Db);
  return pool && !pool.ended ? pool : undefined;
}

/**
 * Rows of a read-only statement: through node-postgres directly when the client has its pool
 * (decoding thousands of rows, and building the statement, cost several times less than through
 * Prisma), else through Prisma.
 */
export async function sqlRows<T>(db: Db, text: string, values: readonly unknown[] = []): Promise<T[]> {
  const pool = sqlPool(db);
  if (!pool) return db.$queryRawUnsafe<T[]>(text, ...values);
  return (await pool.query(text, values as unknown[])).rows as T[];
}

const globalForDb = globalThis as unknown as { __sitDb?: Db };

function processDb(): Db {
  if (!globalForDb.__sitDb) {
    if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set. Start the app with `npm start`, which starts the database and sets it.");
    globalForDb.__sitDb = createDb(env.DATABASE_URL);
  }
  return globalForDb.__sitDb;
}

/**
 * The process-wide client, created on first use (so that building the app needs no database)
 * and kept on globalThis so that hot reload does not open new pools.
 */
export const db: Db = new Proxy({} as Db, {
  get: (_target, property) => {
    const client = processDb();
    if (property === POOL_TARGET) return client;
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});

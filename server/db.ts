import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { env } from "~/server/env";

export type Db = PrismaClient;

export function createDb(databaseUrl: string, options: { max?: number } = {}): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: options.max ?? 10 }) });
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
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});

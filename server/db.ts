import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { env } from "~/server/env";

export type Db = PrismaClient;

export function createDb(databaseUrl: string, options: { max?: number } = {}): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: options.max ?? 10 }) });
}

const globalForDb = globalThis as unknown as { __sitDb?: Db };

/** The process-wide client (kept on globalThis so hot reload does not open new pools). */
export const db: Db = globalForDb.__sitDb ?? createDb(env.DATABASE_URL);
if (env.NODE_ENV !== "production") globalForDb.__sitDb = db;

import path from "node:path";
import type { TestProject } from "vitest/node";
import { ensureDatabase, startEmbeddedPostgres } from "~/server/platform/embedded-postgres";
import { applyMigrations } from "~/server/platform/migrate";
import { installQueue } from "~/server/jobs/queue";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * Integration tests run against a real PostgreSQL: the server at TEST_DATABASE_URL when set,
 * else an embedded one under .data/pg-test. Each run gets a fresh database with all migrations.
 */
export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, "../..");
  const database = `sit_test_${process.pid}_${Date.now().toString(36)}`;
  let adminUrl: string;
  let stop: () => Promise<void> = async () => undefined;
  if (process.env.TEST_DATABASE_URL) {
    adminUrl = process.env.TEST_DATABASE_URL;
  } else {
    const pg = await startEmbeddedPostgres({ dataDir: path.join(root, ".data/pg-test"), port: Number(process.env.TEST_PG_PORT ?? 54339), database: "postgres" });
    adminUrl = pg.adminUrl;
    stop = pg.stop;
  }
  await ensureDatabase(adminUrl, database);
  const databaseUrl = adminUrl.replace(/\/[^/?]*(\?|$)/, `/${database}$1`);
  await applyMigrations(databaseUrl);
  await installQueue(databaseUrl);
  process.env.DATABASE_URL = databaseUrl;
  project.provide("databaseUrl", databaseUrl);
  return async () => {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await client.end();
    await stop();
  };
}

import path from "node:path";
import { startEmbeddedPostgres } from "~/server/platform/embedded-postgres";
import { loadDotEnv, settings } from "./launcher";

/** Runs `work` against DATABASE_URL, or against the embedded server (started, then stopped, if not running). */
export async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  loadDotEnv();
  if (process.env.DATABASE_URL) return work(process.env.DATABASE_URL);
  const s = settings();
  const pg = await startEmbeddedPostgres({ dataDir: path.join(s.dataDir, "pg"), port: s.embeddedPort, database: s.database });
  try {
    return await work(pg.url);
  } finally {
    await pg.stop();
  }
}

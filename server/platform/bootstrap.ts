import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations } from "./migrate";

export interface PlatformOptions {
  /** local state: embedded database, uploads, generated secrets */
  dataDir: string;
  /** port of the embedded PostgreSQL (ignored when DATABASE_URL is set) */
  embeddedPort: number;
  database: string;
  seedDemo: boolean;
  log: (line: string) => void;
}

export interface Platform {
  databaseUrl: string;
  isEmbedded: boolean;
  authSecret: string;
  stop(): Promise<void>;
}

/** The auth secret: NEXTAUTH_SECRET when set, else one generated once and kept in the data folder. */
export function ensureAuthSecret(dataDir: string): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

/**
 * Everything the app needs before it serves: a database (the server at DATABASE_URL, or an
 * embedded PostgreSQL started here), all migrations, the job queue, and the demo data.
 */
export async function preparePlatform(options: PlatformOptions): Promise<Platform> {
  const external = process.env.DATABASE_URL;
  let databaseUrl: string;
  let stop: () => Promise<void> = async () => undefined;
  if (external) {
    databaseUrl = external;
    options.log(`using the database at ${external.replace(/\/\/[^@]*@/, "//…@")}`);
  } else {
    const pgDir = path.join(options.dataDir, "pg");
    options.log(`starting the embedded PostgreSQL (data in ${pgDir}, port ${options.embeddedPort})`);
    const pg = await startEmbeddedPostgres({ dataDir: pgDir, port: options.embeddedPort, database: options.database });
    databaseUrl = pg.url;
    stop = pg.stop;
  }
  const applied = await applyMigrations(databaseUrl);
  options.log(applied.length > 0 ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");
  const { installQueue } = await import("~/server/jobs/queue");
  await installQueue(databaseUrl);
  if (options.seedDemo) {
    const [{ createDb }, { seedDemoData }] = await Promise.all([import("~/server/db"), import("~/server/domains/demo/seed")]);
    const db = createDb(databaseUrl, { max: 2 });
    try {
      const result = await seedDemoData(db);
      options.log(result.created ? `seeded the demo data: ${result.labs} labs, ${result.samples} samples, ${result.curves} curves` : "demo data already present");
    } finally {
      await db.$disconnect();
    }
  }
  return { databaseUrl, isEmbedded: !external, authSecret: ensureAuthSecret(options.dataDir), stop };
}

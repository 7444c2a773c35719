/** `npm run worker`: a fit worker. Needs DATABASE_URL (the launcher sets it). Survives database restarts. */
import os from "node:os";
import path from "node:path";
import { createDb } from "~/server/db";
import { startCleanupJob } from "./lib/cleanup-job";
import { superviseWorker } from "./lib/supervised-worker";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("DATABASE_URL is not set. Start workers with `npm start`, or set DATABASE_URL to a PostgreSQL server.");
  process.exit(2);
}
const log = (line: string) => process.stdout.write(`[fit-worker ${process.pid}] ${line}\n`);
const db = createDb(databaseUrl, { max: 4 });
const worker = await superviseWorker({
  databaseUrl,
  db,
  log,
  jobDelayMs: Number(process.env.FIT_JOB_DELAY_MS ?? 0) || undefined,
  heartbeatFile: process.env.WORKER_HEARTBEAT_FILE ?? path.join(os.tmpdir(), "sit-fit-worker.heartbeat"),
});
const cleanup = await startCleanupJob({ databaseUrl, db, log });
log("waiting for curves to fit");
const stop = async () => {
  await cleanup.stop().catch(() => undefined);
  await worker.stop();
  await db.$disconnect();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());

import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "~/server/db";
import { insertCurves } from "~/server/domains/curves/service";
import { enqueueFits, installQueue } from "~/server/jobs/queue";
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from "~/server/platform/embedded-postgres";
import { applyMigrations } from "~/server/platform/migrate";

/**
 * A standalone fit worker (scripts/worker.ts, its own process) across a restart of its
 * database: it keeps running, reconnects, and fits the curves queued after the restart.
 */

const PORT = Number(process.env.WORKER_RESTART_PG_PORT ?? 54413);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sit-worker-restart-"));
// Run as root, the embedded server runs as another user, who must be able to enter the folder.
fs.chmodSync(dir, 0o755);
const ROOT = path.resolve(import.meta.dirname, "../..");
let pg: EmbeddedPostgresHandle | null = null;
let db: Db | null = null;
let child: ChildProcess | null = null;
let output = "";

afterAll(async () => {
  child?.kill("SIGKILL");
  await db?.$disconnect();
  await pg?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const startPg = () => startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: PORT, database: "sit_worker_restart" });

/** Queues an insulating R(T) curve; `scale` makes each one distinct (identical curves are recognised). */
async function queueCurve(db: Db, ids: { labId: string; sampleId: string }, scale: number): Promise<string> {
  const T = Array.from({ length: 40 }, (_, k) => 2 + k * 0.5);
  const R = T.map((t) => scale * Math.exp(2 / t));
  return db.$transaction(async (tx) => {
    const { created } = await insertCurves(tx, { ...ids, annealStage: "S0" }, [{ kind: "RT", quantity: "SHEET_RESISTANCE", T, R, fieldOe: 0 }]);
    expect(created).toHaveLength(1);
    await enqueueFits(tx, created);
    return created[0]!;
  });
}

async function waitForCompleted(db: Db, curveId: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const rows = await db.$queryRawUnsafe<{ state: string }[]>(`SELECT state::text AS state FROM pgboss.job WHERE name = 'fit-curve' AND data->>'curveId' = $1`, curveId).catch(() => []);
    if (rows.some((r) => r.state === "completed")) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`curve ${curveId} was not fitted within ${timeoutMs} ms; worker output:\n${output}`);
}

describe("fit worker across a database restart", () => {
  it("keeps running, reconnects and fits what is queued after the restart", { timeout: 240_000 }, async () => {
    pg = await startPg();
    await applyMigrations(pg.url);
    await installQueue(pg.url);
    db = createDb(pg.url, { max: 2 });
    const user = await db.user.create({ data: { email: "worker@test.invalid" }, select: { id: true } });
    const lab = await db.lab.create({ data: { slug: "worker-lab", name: "Worker lab", memberships: { create: { userId: user.id, role: "OWNER" } } }, select: { id: true } });
    await db.sample.create({ data: { id: "s-worker", labId: lab.id, name: "film", material: "a-InO", lineageRootId: "s-worker" } });
    const ids = { labId: lab.id, sampleId: "s-worker" };

    child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/worker.ts")], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: pg.url, WORKER_HEARTBEAT_FILE: path.join(dir, "heartbeat") },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (b: Buffer) => (output += b.toString()));
    child.stderr!.on("data", (b: Buffer) => (output += b.toString()));

    await waitForCompleted(db, await queueCurve(db, ids, 1000), 90_000);

    await db.$disconnect();
    await pg.stop();
    await new Promise((r) => setTimeout(r, 4000));
    expect(child.exitCode, output).toBeNull();
    pg = await startPg();
    db = createDb(pg.url, { max: 2 });

    await waitForCompleted(db, await queueCurve(db, ids, 1500), 120_000);
    expect(child.exitCode, output).toBeNull();
    // It did see the database go away (and carried on).
    expect(output).toMatch(/database connection lost|queue error/);
  });
});

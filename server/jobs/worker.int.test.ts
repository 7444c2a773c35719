import { spawn } from "node:child_process";
import path from "node:path";
import PgBoss from "pg-boss";
import { describe, expect, inject, it } from "vitest";
import type { Db } from "~/server/db";
import { insertCurves } from "~/server/domains/curves/service";
import { ENGINE_VERSION } from "~/server/fitting";
import { makeLab, makeUser, testDb } from "~/server/testing/db";
import { fitCurve } from "./fit-curve";
import { enqueueFits, FIT_QUEUE, fitJobKey } from "./queue";
import { startWorker } from "./worker";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** An activated insulator: R = 500 Ω · exp(2 K / T), 60 points from 0.1 to 5 K. */
function arrheniusCurve(): { T: number[]; R: number[] } {
  const T = Array.from({ length: 60 }, (_, i) => 0.1 * 50 ** (i / 59));
  return { T, R: T.map((t, i) => 500 * Math.exp(2 / t) * (1 + 0.002 * Math.sin(i * 7.3))) };
}

async function newCurve(db: Db, queue: boolean): Promise<string> {
  const user = await makeUser(db);
  const lab = await makeLab(db, user.id);
  const id = `s-${lab.id}`;
  await db.sample.create({ data: { id, labId: lab.id, name: "film", material: "a-InO", lineageRootId: id } });
  return db.$transaction(async (tx) => {
    const { created } = await insertCurves(tx, { labId: lab.id, sampleId: id, annealStage: "S0" }, [{ kind: "RT", quantity: "SHEET_RESISTANCE", ...arrheniusCurve() }]);
    if (queue) await enqueueFits(tx, created);
    return created[0]!;
  });
}

async function jobOf(db: Db, curveId: string) {
  const rows = await db.$queryRawUnsafe<{ id: string; state: string; retry_count: number }[]>(
    `SELECT id, state, retry_count FROM pgboss.job WHERE name = $1 AND singleton_key = $2`,
    FIT_QUEUE,
    fitJobKey(curveId),
  );
  return rows;
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("fit jobs", () => {
  it("store one result per curve and engine version, however often a job is delivered", async () => {
    const db = testDb();
    const curveId = await newCurve(db, false);
    expect(await fitCurve(db, curveId)).toBe("fitted");
    expect(await fitCurve(db, curveId)).toBe("already-fitted");
    await Promise.all([fitCurve(db, curveId), fitCurve(db, curveId)]);
    const fits = await db.fitResult.findMany({ where: { curveId } });
    expect(fits).toHaveLength(1);
    expect(fits[0]).toMatchObject({ engineVersion: ENGINE_VERSION, isCurrent: true, phase: "I1" });
  });

  it("queue one job per curve: queueing the same curve again while it waits adds nothing", async () => {
    const db = testDb();
    const curveId = await newCurve(db, true);
    await db.$transaction((tx) => enqueueFits(tx, [curveId]));
    expect(await jobOf(db, curveId)).toHaveLength(1);
  });

  it("lose nothing when a worker is killed in the middle of a job: the job is retried and one result is stored", async () => {
    const db = testDb();
    const databaseUrl = inject("databaseUrl");
    const curveId = await newCurve(db, true);

    // A worker process that holds each job for 30 s before storing the result, killed while it holds ours.
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/worker.ts")], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, FIT_JOB_DELAY_MS: "30000" },
      stdio: "ignore",
    });
    try {
      await waitFor("the worker to take the job", async () => (await jobOf(db, curveId))[0]?.state === "active");
    } finally {
      child.kill("SIGKILL");
    }
    await new Promise((resolve) => child.once("exit", resolve));
    expect(await db.fitResult.count({ where: { curveId } })).toBe(0);

    // The queue notices the abandoned job once its expiry has passed (shortened here instead of waiting 2 minutes).
    await db.$executeRawUnsafe(`UPDATE pgboss.job SET expire_in = interval '1 second', started_on = now() - interval '10 seconds' WHERE singleton_key = $1`, fitJobKey(curveId));
    const boss = new PgBoss({ connectionString: databaseUrl, supervise: false, schedule: false, max: 2 });
    await boss.start();
    await boss.maintain();
    await boss.stop({ graceful: false, wait: true });
    const [retried] = await jobOf(db, curveId);
    expect(retried?.state).toBe("retry");

    const worker = await startWorker({ databaseUrl, db, batchSize: 1 });
    try {
      await waitFor("the retried job to complete", async () => (await jobOf(db, curveId))[0]?.state === "completed");
    } finally {
      await worker.stop();
    }
    const fits = await db.fitResult.findMany({ where: { curveId } });
    expect(fits).toHaveLength(1);
    expect(fits[0]?.engineVersion).toBe(ENGINE_VERSION);
    expect((await jobOf(db, curveId))[0]?.retry_count).toBeGreaterThanOrEqual(1);
  }, 120_000);
});

import { describe, expect, inject, it } from "vitest";
import type { Db } from "~/server/db";
import { insertCurves } from "~/server/domains/curves/service";
import { importUpload } from "~/server/domains/uploads/service";
import { ZUploadAssignment } from "~/server/domains/uploads/schemas";
import { LocalFileStore } from "~/server/storage";
import { enqueueIsothermAnalyses, ISOTHERM_QUEUE, isothermJobKey } from "~/server/jobs/isotherm-queue";
import { startWorker } from "~/server/jobs/worker";
import { SCALING_VERSION } from "~/server/scaling";
import { createRng } from "~/server/synthetic/rng";
import { generateScalingSet, type ScalingSetSpec } from "~/server/synthetic/isotherms";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { makeLab, makeUser, testDb } from "~/server/testing/db";
import { getSampleIsotherms, listCriticalPoints, queueStaleIsothermAnalyses, refreshSampleIsotherms } from "./service";

const T = [0.1, 0.15, 0.22, 0.33, 0.5];
const spec: ScalingSetSpec = {
  Hc_Oe: 20000,
  Rc: 6000,
  znu: 1.3,
  T_K: T,
  T0: 0.5,
  A: 2,
  w: 0.4,
  shape: "tanh",
  drift: 0,
  noise: 0.005,
  grids: T.map((_, i) => ({ dLo: -0.4, dHi: 0.4 - 0.02 * i, n: 90 + 5 * i })),
};

async function sampleWithIsotherms(db: Db, count = T.length) {
  const user = await makeUser(db);
  const lab = await makeLab(db, user.id);
  const id = `s-${lab.id}`;
  await db.sample.create({ data: { id, labId: lab.id, name: "film", material: "a-InO", lineageRootId: id } });
  const iso = generateScalingSet(spec, createRng(7)).slice(0, count);
  const add = (list: typeof iso) =>
    db.$transaction((tx) =>
      insertCurves(
        tx,
        { labId: lab.id, sampleId: id, annealStage: "S0" },
        list.map((i) => ({ kind: "RH", quantity: "SHEET_RESISTANCE", temperatureK: i.T_K, sweepDirection: "UP", T: i.H_Oe.map(() => i.T_K), R: i.R, H: i.H_Oe })),
      ),
    );
  return { user, lab, sampleId: id, iso, add };
}

describe("isotherm analyses", () => {
  it("are stored per sample, stage, setup and channel with their version, once per input, older rows kept", async () => {
    const db = testDb();
    const { user, sampleId, iso, add } = await sampleWithIsotherms(db);
    await add(iso.slice(0, 4));
    expect(await refreshSampleIsotherms(db, sampleId)).toBe(1);
    expect(await refreshSampleIsotherms(db, sampleId)).toBe(0);
    const first = await db.isothermAnalysis.findFirstOrThrow({ where: { sampleId } });
    expect(first).toMatchObject({ version: SCALING_VERSION, isCurrent: true, crossing: true, annealStage: "S0", setupKey: "", source: "RH" });
    expect(Math.abs(first.hcOe! / 20000 - 1)).toBeLessThan(0.02);
    await add(iso.slice(4));
    expect(await refreshSampleIsotherms(db, sampleId)).toBe(1);
    const rows = await db.isothermAnalysis.findMany({ where: { sampleId }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.isCurrent)).toEqual([false, true]);
    expect(rows[1]!.curveIds).toHaveLength(5);

    const dto = await getSampleIsotherms(db, user.actor, sampleId);
    expect(dto.sweeps).toBe(5);
    expect(dto.analyses).toHaveLength(1);
    const a = dto.analyses[0]!;
    expect(a.crossing).toBe(true);
    expect(a.znu!.value).toBeGreaterThan(1.1);
    expect(a.znu!.value).toBeLessThan(1.5);
    expect(a.isotherms.map((i) => i.T_K)).toEqual(T);
    expect(a.collapsePoints.length).toBeGreaterThan(5);
    expect(a.masterCurve.map((m) => m.branch)).toEqual(["above", "below"]);
  });

  it("are queued for samples without a result of the current version", async () => {
    const db = testDb();
    const { sampleId, iso, add } = await sampleWithIsotherms(db);
    await add(iso);
    await queueStaleIsothermAnalyses(db);
    const waiting = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND singleton_key = $2`, ISOTHERM_QUEUE, isothermJobKey(sampleId));
    expect(waiting[0]!.n).toBe(1);
    await refreshSampleIsotherms(db, sampleId);
    const again = await db.sample.count({ where: { id: sampleId, isothermAnalyses: { none: { isCurrent: true, version: SCALING_VERSION } } } });
    expect(again).toBe(0);
  });

  it("are not readable by a stranger to a private sample, nor listed among the critical points", async () => {
    const db = testDb();
    const { user, sampleId, iso, add } = await sampleWithIsotherms(db);
    await add(iso);
    await refreshSampleIsotherms(db, sampleId);
    const stranger = await makeUser(db);
    await expect(getSampleIsotherms(db, stranger.actor, sampleId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const mine = (await listCriticalPoints(db, user.actor)).filter((p) => p.sampleId === sampleId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ sampleName: "film", material: "a-InO", annealStage: "S0", version: SCALING_VERSION });
    expect(Math.abs(mine[0]!.Rc.value / 6000 - 1)).toBeLessThan(0.05);
    expect((await listCriticalPoints(db, stranger.actor)).some((p) => p.sampleId === sampleId)).toBe(false);
  });

  it("too few isotherms are stored with their reason code", async () => {
    const db = testDb();
    const { sampleId, iso, add } = await sampleWithIsotherms(db);
    await add(iso.slice(0, 2));
    await refreshSampleIsotherms(db, sampleId);
    const row = await db.isothermAnalysis.findFirstOrThrow({ where: { sampleId } });
    expect(row).toMatchObject({ crossing: false, reasonCode: "too_few_isotherms", hcOe: null });
  });

  it("run as queued jobs when a sample's isotherms change", async () => {
    const db = testDb();
    const databaseUrl = inject("databaseUrl");
    const { sampleId, iso, add } = await sampleWithIsotherms(db);
    await add(iso);
    await db.$transaction((tx) => enqueueIsothermAnalyses(tx, [sampleId, sampleId]));
    const jobs = await db.$queryRawUnsafe<{ state: string }[]>(`SELECT state FROM pgboss.job WHERE name = $1 AND singleton_key = $2`, ISOTHERM_QUEUE, isothermJobKey(sampleId));
    expect(jobs).toHaveLength(1);
    const worker = await startWorker({ databaseUrl, db, batchSize: 1 });
    try {
      const deadline = Date.now() + 30_000;
      let row = null;
      while (!row && Date.now() < deadline) {
        row = await db.isothermAnalysis.findFirst({ where: { sampleId, isCurrent: true } });
        if (!row) await new Promise((r) => setTimeout(r, 200));
      }
      expect(row).toMatchObject({ crossing: true, reasonCode: null });
    } finally {
      await worker.stop();
    }
  });

  it("are queued by an upload that adds isotherms, in the upload's transaction", async () => {
    const db = testDb();
    const { user, sampleId } = await sampleWithIsotherms(db, 0);
    const lines = ["T (K),H (Oe),R (Ohm)"];
    for (const T of [0.1, 0.2, 0.3])
      for (let k = 0; k <= 40; k++) {
        const H = 1000 + 50 * k;
        lines.push(`${T},${H},${(5000 * Math.exp(2 * Math.tanh((((H - 2000) / 2000) * Math.pow(T / 0.3, -1 / 1.3)) / 0.4))).toFixed(3)}`);
      }
    const dir = await mkdtemp(path.join(os.tmpdir(), "sit-iso-"));
    try {
      const bytes = new TextEncoder().encode(`${lines.join("\n")}\n`);
      await importUpload(db, user.actor, bytes, { ...ZUploadAssignment.parse({ sample: { sampleId } }), fileName: "isotherms.csv", options: {} }, { store: new LocalFileStore(dir), limits: { maxBytes: 1_000_000, maxPoints: 100_000 } });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect(await db.curve.count({ where: { sampleId, kind: "RH" } })).toBe(3);
    const jobs = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND singleton_key = $2`, ISOTHERM_QUEUE, isothermJobKey(sampleId));
    expect(jobs[0]!.n).toBe(1);
    await refreshSampleIsotherms(db, sampleId);
    const row = await db.isothermAnalysis.findFirstOrThrow({ where: { sampleId, isCurrent: true } });
    expect(row.crossing).toBe(true);
    expect(Math.abs(row.hcOe! / 2000 - 1)).toBeLessThan(0.02);
  });
});

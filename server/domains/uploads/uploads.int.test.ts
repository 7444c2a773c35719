import { createHash } from "node:crypto";
import fs from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import type { Actor } from "~/server/domains/access/actor";
import { authenticateToken, createApiToken } from "~/server/domains/tokens/service";
import { decodeFloat64 } from "~/server/domains/curves/codec";
import { insertCurves } from "~/server/domains/curves/service";
import { fitJobKey } from "~/server/jobs/queue";
import { LocalFileStore } from "~/server/storage";
import { addMember, makeLab, makeUser, testDb, uid } from "~/server/testing/db";
import { insertCurveRows } from "./insert";
import { commitUpload, importUpload, previewStagedUpload, previewUpload, type UploadDeps } from "./service";
import { ZUploadAssignment, type TUploadAssignment } from "./schemas";

let db: Db;
let deps: UploadDeps & { store: LocalFileStore };
let storeDir: string;

beforeAll(async () => {
  db = testDb();
  storeDir = await mkdtemp(path.join(os.tmpdir(), "sit-uploads-"));
  deps = { store: new LocalFileStore(storeDir), limits: { maxBytes: 1_000_000, maxPoints: 100_000 } };
});
afterAll(async () => {
  await rm(storeDir, { recursive: true, force: true });
});

/**
 * Labs made here. Their fit jobs are removed after each test: the worker tests run beside these
 * on the same queue and must not wait behind hundreds of jobs queued by uploads.
 */
const labsMade = new Set<string>();
afterEach(async () => {
  if (labsMade.size === 0) return;
  await db.$executeRawUnsafe(
    `DELETE FROM pgboss.job WHERE name = 'fit-curve' AND data->>'curveId' IN (SELECT id FROM "Curve" WHERE "labId" = ANY($1::text[]))`,
    [...labsMade],
  );
});

const enc = (text: string) => new TextEncoder().encode(text);
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/** Two R(T) sweeps (cooling at 0 T, warming at 1 T) of an insulating film; `tag` makes the bytes unique. */
function twoSweeps(tag: string, opts: { rUnit?: string } = {}): string {
  const lines = [`# run ${tag}`, `T (K),H (T),R (${opts.rUnit ?? "Ohm"})`];
  for (let k = 0; k < 30; k++) lines.push(`${(30 - k * 0.9).toFixed(3)},0,${(1000 + 40 * k).toFixed(2)}`);
  for (let k = 0; k < 30; k++) lines.push(`${(3 + k * 0.9).toFixed(3)},1,${(2200 - 40 * k).toFixed(2)}`);
  return `${lines.join("\n")}\n`;
}

async function world(): Promise<{ user: Awaited<ReturnType<typeof makeUser>>; labId: string; sampleId: string }> {
  const user = await makeUser(db);
  const lab = await makeLab(db, user.id);
  labsMade.add(lab.id);
  const id = uid("s-");
  await db.sample.create({ data: { id, labId: lab.id, name: "film", material: "a-InO", lineageRootId: id, annealStage: "S1" } });
  return { user, labId: lab.id, sampleId: id };
}

const assign = (sampleId: string, extra: Partial<TUploadAssignment> = {}) => ZUploadAssignment.parse({ sample: { sampleId }, ...extra });

async function counts(labId: string) {
  const [uploads, curves, audit, samples, setups] = await Promise.all([
    db.upload.count({ where: { labId } }),
    db.curve.count({ where: { labId } }),
    db.auditEvent.count({ where: { labId } }),
    db.sample.count({ where: { labId } }),
    db.measurementSetup.count({ where: { labId } }),
  ]);
  // Fit jobs of this lab's curves, and jobs whose curve does not exist (left by a rolled-back upload).
  const [jobs] = await db.$queryRawUnsafe<{ mine: bigint; orphans: bigint }[]>(
    `SELECT count(*) FILTER (WHERE c."labId" = $1) AS mine, count(*) FILTER (WHERE c.id IS NULL) AS orphans
       FROM pgboss.job j LEFT JOIN "Curve" c ON c.id = j.data->>'curveId' WHERE j.name = 'fit-curve'`,
    labId,
  );
  return { uploads, curves, audit, samples, setups, jobs: Number(jobs!.mine), orphanJobs: Number(jobs!.orphans) };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "the upload should have been refused").toBeInstanceOf(AppError);
  return error as AppError;
}

describe("bad input is refused with its location and changes nothing", () => {
  const good = (n = 12) => Array.from({ length: n }, (_, k) => `${(2 + k * 0.5).toFixed(2)},${100 + k}`);
  const cases: { name: string; bytes: () => Uint8Array; code: string; message: RegExp; options?: object; limits?: { maxBytes: number; maxPoints: number } }[] = [
    {
      name: "non-numeric value",
      bytes: () => {
        const lines = ["T (K),R (Ohm)", ...good()];
        lines[4] = "3.5,overload";
        return enc(lines.join("\n"));
      },
      code: "UNPROCESSABLE",
      message: /bad\.csv, line 5, column 2 \("R \(Ohm\)"\): expected a number, found "overload".*\(expected a number \(resistance\)\)/,
    },
    {
      name: "negative or zero temperature",
      bytes: () => enc(["T (K),R (Ohm)", "-1.5,100", ...good()].join("\n")),
      code: "UNPROCESSABLE",
      message: /bad\.csv, line 2, column 1 \("T \(K\)"\): temperature -1\.5 K is not positive.*expected a temperature above 0 K/,
    },
    {
      name: "missing temperature column",
      bytes: () => enc(["x,y", ...good()].join("\n")),
      code: "UNPROCESSABLE",
      message: /bad\.csv, line 1: no temperature column/,
    },
    {
      name: "unit not recognised",
      bytes: () => enc(["T (K),R (furlongs)", ...good()].join("\n")),
      code: "UNPROCESSABLE",
      message: /bad\.csv, line 1, column 2.*furlongs/,
    },
    {
      name: "binary garbage",
      bytes: () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256),
      code: "UNPROCESSABLE",
      message: /bad\.csv: the file is not text/,
    },
    { name: "empty file", bytes: () => new Uint8Array(0), code: "UNPROCESSABLE", message: /bad\.csv: the file is empty/ },
    {
      name: "file over the size limit",
      bytes: () => enc(["T (K),R (Ohm)", ...good(200)].join("\n")),
      code: "PAYLOAD_TOO_LARGE",
      message: /bad\.csv: the file is larger than the limit of 500 bytes/,
      limits: { maxBytes: 500, maxPoints: 100_000 },
    },
    {
      name: "too many points",
      bytes: () => enc(["T (K),R (Ohm)", ...good(50)].join("\n")),
      code: "UNPROCESSABLE",
      message: /point limit/,
      limits: { maxBytes: 1_000_000, maxPoints: 20 },
    },
  ];

  for (const c of cases) {
    it(`${c.name}: a specific error naming the file and where, and no rows written`, async () => {
      const { user, labId, sampleId } = await world();
      const before = await counts(labId);
      const error = await refusal(
        importUpload(db, user.actor, c.bytes(), { ...assign(sampleId), fileName: "bad.csv", options: c.options ?? {} }, { ...deps, limits: c.limits ?? deps.limits }),
      );
      expect(error.code).toBe(c.code);
      expect(error.message).toMatch(c.message);
      expect(Array.isArray(error.details) && (error.details as unknown[]).length > 0).toBe(true);
      expect(await counts(labId)).toEqual(before);
    });
  }

  it("rows with problems are imported only when the caller asks to skip them", async () => {
    const { user, labId, sampleId } = await world();
    const lines = ["T (K),R (Ohm)", ...good()];
    lines[4] = "3.5,overload";
    const bytes = enc(lines.join("\n"));
    await refusal(importUpload(db, user.actor, bytes, { ...assign(sampleId), fileName: "bad.csv", options: {} }, deps));
    const result = await importUpload(db, user.actor, bytes, { ...assign(sampleId, { skipBadRows: true }), fileName: "bad.csv", options: {} }, deps);
    expect(result.curveIds).toHaveLength(1);
    const curve = await db.curve.findUniqueOrThrow({ where: { id: result.curveIds[0]! }, select: { pointCount: true } });
    expect(curve.pointCount).toBe(11);
    expect((await counts(labId)).uploads).toBe(1);
  });
});

describe("an upload is one transaction", () => {
  it("a failure at the last statement rolls back the upload, the curves, their fit jobs and an inline sample and setup", async () => {
    const { user, labId } = await world();
    const marker = `explode-${uid()}.csv`;
    // A trigger that fails the audit insert of this one upload: the last write of the transaction.
    const fn = `sit_test_fail_${uid().replace(/-/g, "_")}`;
    await db.$executeRawUnsafe(
      `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.details->>'fileName' = '${marker}' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`,
    );
    await db.$executeRawUnsafe(`CREATE TRIGGER ${fn} BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
    try {
      const before = await counts(labId);
      const input = {
        ...ZUploadAssignment.parse({
          sample: { create: { labId, name: "new film", material: "TiN", annealStage: "S0" } },
          setup: { create: { name: `fridge ${uid()}` } },
        }),
        fileName: marker,
        options: {},
      };
      const error = await importUpload(db, user.actor, enc(twoSweeps(marker)), input, deps).catch((e: unknown) => e);
      expect(String(error)).toMatch(/injected failure/);
      expect(await counts(labId)).toEqual(before);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${fn} ON "AuditEvent"`);
      await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS ${fn}()`);
    }
  });

  it("a successful upload keeps the raw bytes, writes one audit event and queues one fit job per curve", async () => {
    const { user, labId, sampleId } = await world();
    const text = twoSweeps(uid());
    const bytes = enc(text);
    const before = await counts(labId);
    const result = await importUpload(db, user.actor, bytes, { ...assign(sampleId), fileName: "run.csv", contentType: "text/csv", options: {} }, deps);
    expect(result.isDuplicate).toBe(false);
    expect(result.curveIds).toHaveLength(2);
    expect(result.queuedFits).toBe(2);
    expect(result.sha256).toBe(sha(bytes));
    expect(Buffer.from(await deps.store.bytes(result.sha256)).equals(Buffer.from(bytes))).toBe(true);

    const after = await counts(labId);
    expect(after).toEqual({ ...before, uploads: before.uploads + 1, curves: before.curves + 2, audit: before.audit + 1, jobs: before.jobs + 2 });
    const upload = await db.upload.findUniqueOrThrow({ where: { id: result.uploadId } });
    expect(upload).toMatchObject({ labId, uploadedById: user.id, originalName: "run.csv", sizeBytes: bytes.length, sha256: sha(bytes), storage: "LOCAL", format: "csv", contentType: "text/csv" });
    const audit = await db.auditEvent.findMany({ where: { labId, entityId: result.uploadId }, select: { action: true, actorUserId: true, details: true } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "upload.commit", actorUserId: user.id, details: { curves: 2, sampleId, points: 60 } });
    for (const curveId of result.curveIds) {
      const jobs = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'fit-curve' AND singleton_key = $1`, fitJobKey(curveId));
      expect(Number(jobs[0]!.n)).toBe(1);
    }
    const curves = await db.curve.findMany({ where: { uploadId: result.uploadId }, orderBy: { fieldOe: "asc" }, select: { kind: true, fieldOe: true, quantity: true, annealStage: true, sweepDirection: true, pointCount: true } });
    expect(curves).toEqual([
      { kind: "RT", fieldOe: 0, quantity: "RESISTANCE", annealStage: "S1", sweepDirection: "COOLING", pointCount: 30 },
      { kind: "RT", fieldOe: 10_000, quantity: "RESISTANCE", annealStage: "S1", sweepDirection: "WARMING", pointCount: 30 },
    ]);
  });
});

describe("the same file twice", () => {
  it("is recognised: one Upload, no new curves, no new jobs or audit events", async () => {
    const { user, labId, sampleId } = await world();
    const bytes = enc(twoSweeps(uid()));
    const preview = await previewUpload(db, user.actor, bytes, { fileName: "twice.csv", options: {} }, deps);
    expect(preview.errors).toEqual([]);
    expect(preview.curves).toHaveLength(2);
    expect(preview.existingUploads).toEqual([]);
    const first = await commitUpload(db, user.actor, { ...assign(sampleId), sha256: preview.sha256, fileName: "twice.csv", options: {} }, deps);
    const afterFirst = await counts(labId);

    const again = await previewUpload(db, user.actor, bytes, { fileName: "again.csv", options: {} }, deps);
    expect(again.existingUploads.map((u) => u.id)).toEqual([first.uploadId]);
    const second = await commitUpload(db, user.actor, { ...assign(sampleId), sha256: again.sha256, fileName: "again.csv", options: {} }, deps);
    const third = await importUpload(db, user.actor, bytes, { ...assign(sampleId), fileName: "third.csv", options: {} }, deps);
    for (const r of [second, third]) {
      expect(r.isDuplicate).toBe(true);
      expect(r.uploadId).toBe(first.uploadId);
      expect([...r.curveIds].sort()).toEqual([...first.curveIds].sort());
    }
    expect(await counts(labId)).toEqual(afterFirst);
  });

  it("concurrent commits of the same bytes still make one Upload", async () => {
    const { user, labId, sampleId } = await world();
    const bytes = enc(twoSweeps(uid()));
    const results = await Promise.all([1, 2, 3].map(() => importUpload(db, user.actor, bytes, { ...assign(sampleId), fileName: "race.csv", options: {} }, deps)));
    expect(new Set(results.map((r) => r.uploadId)).size).toBe(1);
    expect(results.filter((r) => !r.isDuplicate)).toHaveLength(1);
    const c = await counts(labId);
    expect([c.uploads, c.curves, c.jobs]).toEqual([1, 2, 2]);
  });

  it("a different file holding the same sweeps adds no duplicate curves to the sample", async () => {
    const { user, sampleId } = await world();
    const text = twoSweeps("same");
    const first = await importUpload(db, user.actor, enc(text), { ...assign(sampleId), fileName: "a.csv", options: {} }, deps);
    const other = await importUpload(db, user.actor, enc(`# a comment that changes the bytes\n${text}`), { ...assign(sampleId), fileName: "b.csv", options: {} }, deps);
    expect(other.isDuplicate).toBe(false);
    expect(other.uploadId).not.toBe(first.uploadId);
    expect(other.curveIds).toEqual([]);
    expect(other.skippedDuplicateCurves).toBe(2);
    expect(await db.curve.count({ where: { sampleId } })).toBe(2);
  });
});

describe("bulk curve insert", () => {
  it("stores exactly what the curves service stores, and recognises curves it stored", async () => {
    const { labId, sampleId } = await world();
    const curve = { kind: "RT" as const, quantity: "SHEET_RESISTANCE" as const, channel: "R", fieldOe: 0, T: [0.3, 1, 2, 5], R: [-1e-3, 10, 1e6, 2], segmentReason: "r", sourceRows: { first: 2, last: 5 } };
    const viaService = await db.$transaction((tx) => insertCurves(tx, { labId, sampleId, annealStage: "S1" }, [curve]));
    const again = await db.$transaction((tx) => insertCurveRows(tx, { labId, sampleId, annealStage: "S1", setupId: null, uploadId: null }, [curve, { ...curve, fieldOe: 100 }, { ...curve, fieldOe: 100 }]));
    expect(again.skipped).toBe(2);
    expect(again.created).toHaveLength(1);
    const pick = { kind: true, quantity: true, channel: true, fieldOe: true, pointCount: true, tK: true, r: true, hOe: true, tMinK: true, tMaxK: true, rMin: true, rMax: true, sourceRows: true, segmentReason: true, annealStage: true, pressureDirection: true, fieldOrientation: true, sweepDirection: true } as const;
    const a = await db.curve.findUniqueOrThrow({ where: { id: viaService.created[0]! }, select: pick });
    const b = await db.curve.findUniqueOrThrow({ where: { id: again.created[0]! }, select: pick });
    expect({ ...b, fieldOe: 0 }).toEqual(a);
    expect(Array.from(decodeFloat64(b.r))).toEqual(curve.R);
  });
});

describe("assignment and quantities", () => {
  it("creates the sample and the setup inline, excludes curves, and sets pressure and orientation", async () => {
    const { user, labId } = await world();
    const bytes = enc(twoSweeps(uid()));
    const preview = await previewUpload(db, user.actor, bytes, { fileName: "inline.csv", options: {} }, deps);
    const result = await commitUpload(
      db,
      user.actor,
      {
        ...ZUploadAssignment.parse({
          sample: { create: { labId, name: "fresh film", material: "NbN", annealStage: "S2", visibility: "PUBLIC", squares: 4 } },
          setup: { create: { name: `dilution ${uid()}`, cryostat: "DILUTION" } },
          pressureGPa: 1.5,
          pressureDirection: "PRESSURIZING",
          fieldOrientation: "PARALLEL",
          excludeCurves: [1],
        }),
        sha256: preview.sha256,
        fileName: "inline.csv",
        options: {},
      },
      deps,
    );
    expect(result.curveIds).toHaveLength(1);
    expect(result.excludedCurves).toBe(1);
    expect(result.quantity).toBe("SHEET_RESISTANCE");
    const sample = await db.sample.findUniqueOrThrow({ where: { id: result.sampleId }, select: { name: true, annealStage: true, visibility: true, labId: true } });
    expect(sample).toEqual({ name: "fresh film", annealStage: "S2", visibility: "PUBLIC", labId });
    const curve = await db.curve.findUniqueOrThrow({ where: { id: result.curveIds[0]! } });
    expect(curve).toMatchObject({ setupId: result.setupId, pressureGPa: 1.5, pressureDirection: "PRESSURIZING", fieldOrientation: "PARALLEL", quantity: "SHEET_RESISTANCE", annealStage: "S2", fieldOe: 0 });
    // 1000 Ω over 4 squares.
    expect(decodeFloat64(curve.r)[0]).toBeCloseTo(250, 9);
    const actions = await db.auditEvent.findMany({ where: { labId, action: { in: ["sample.create", "setup.create", "upload.commit"] } }, select: { action: true } });
    expect(actions.map((a) => a.action).sort()).toEqual(["sample.create", "setup.create", "upload.commit"]);
  });

  it("keeps resistance in Ω without squares, and resistivity as resistivity in Ω·m (never Ω/□)", async () => {
    const { user, sampleId } = await world();
    const plain = await importUpload(db, user.actor, enc(twoSweeps(uid())), { ...assign(sampleId), fileName: "r.csv", options: {} }, deps);
    expect(plain.quantity).toBe("RESISTANCE");
    await db.sample.update({ where: { id: sampleId }, data: { squares: 2 } });
    const rho = await importUpload(db, user.actor, enc(twoSweeps(uid(), { rUnit: "Ohm-cm" })), { ...assign(sampleId), fileName: "rho.csv", options: {} }, deps);
    expect(rho.quantity).toBe("RESISTIVITY");
    const curve = await db.curve.findUniqueOrThrow({ where: { id: rho.curveIds[0]! }, select: { r: true, quantity: true } });
    expect(decodeFloat64(curve.r)[0]).toBeCloseTo(1000 * 0.01, 12);
  });

  it("re-reads a staged file with a corrected mapping, and only its uploader may use it", async () => {
    const { user, sampleId } = await world();
    const other = await world();
    const bytes = enc(["x,y", ...Array.from({ length: 20 }, (_, k) => `${(2 + k * 0.5).toFixed(2)},${100 + k}`), ""].join("\n"));
    const preview = await previewUpload(db, user.actor, bytes, { fileName: "unitless.csv", options: {} }, deps);
    expect(preview.errors.map((e) => e.code)).toEqual(["missing_temperature_column"]);
    const fixed = await previewStagedUpload(db, user.actor, { sha256: preview.sha256, fileName: "unitless.csv", options: { mapping: { temperature: "x", resistance: "y" } } }, deps);
    expect(fixed.errors).toEqual([]);
    expect(fixed.curves).toHaveLength(1);
    await expect(previewStagedUpload(db, other.user.actor, { sha256: preview.sha256, fileName: "unitless.csv", options: {} }, deps)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      commitUpload(db, other.user.actor, { ...assign(other.sampleId), sha256: preview.sha256, fileName: "x.csv", options: { mapping: { temperature: "x", resistance: "y" } } }, deps),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const done = await commitUpload(db, user.actor, { ...assign(sampleId), sha256: preview.sha256, fileName: "unitless.csv", options: { mapping: { temperature: "x", resistance: "y" } } }, deps);
    expect(done.curveIds).toHaveLength(1);
  });
});

describe("who may upload", () => {
  async function tokenActor(userActor: Actor, labId: string, scopes: ("read" | "write")[]): Promise<Actor> {
    const { token } = await createApiToken(db, userActor, { labId, name: `t-${uid()}`, scopes });
    return (await authenticateToken(db, token))!;
  }

  it("a read-only token cannot upload", async () => {
    const { user, labId, sampleId } = await world();
    const reader = await tokenActor(user.actor, labId, ["read"]);
    const before = await counts(labId);
    const error = await refusal(importUpload(db, reader, enc(twoSweeps(uid())), { ...assign(sampleId), fileName: "t.csv", options: {} }, deps));
    expect(error.code).toBe("FORBIDDEN");
    expect(await counts(labId)).toEqual(before);
  });

  it("a token of lab A cannot upload into lab B's sample, even when its creator belongs to both", async () => {
    const { user, labId: labA } = await world();
    const labB = await makeLab(db, user.id);
    labsMade.add(labB.id);
    const idB = uid("s-");
    await db.sample.create({ data: { id: idB, labId: labB.id, name: "B film", material: "InO", lineageRootId: idB } });
    const writerA = await tokenActor(user.actor, labA, ["read", "write"]);
    const before = await counts(labB.id);
    const error = await refusal(importUpload(db, writerA, enc(twoSweeps(uid())), { ...assign(idB), fileName: "t.csv", options: {} }, deps));
    expect(error.code).toBe("NOT_FOUND");
    const inline = await refusal(
      importUpload(db, writerA, enc(twoSweeps(uid())), { ...ZUploadAssignment.parse({ sample: { create: { labId: labB.id, name: "sneaky", material: "x" } } }), fileName: "t.csv", options: {} }, deps),
    );
    expect(inline.code).toBe("NOT_FOUND");
    expect(await counts(labB.id)).toEqual(before);
  });

  it("a write token uploads into its own lab and is recorded on the Upload and the audit event", async () => {
    const { user, labId, sampleId } = await world();
    const writer = await tokenActor(user.actor, labId, ["read", "write"]);
    const result = await importUpload(db, writer, enc(twoSweeps(uid())), { ...assign(sampleId), fileName: "t.csv", options: {} }, deps);
    const upload = await db.upload.findUniqueOrThrow({ where: { id: result.uploadId }, select: { apiTokenId: true } });
    expect(upload.apiTokenId).toBe((writer as { tokenId: string }).tokenId);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: result.uploadId }, select: { actorToken: true } });
    expect(audit.actorToken).toBe(upload.apiTokenId);
  });

  it("a viewer cannot upload, and a member of another lab cannot see that the sample exists", async () => {
    const { labId, sampleId } = await world();
    const viewer = await makeUser(db);
    await addMember(db, labId, viewer.id, "VIEWER");
    const stranger = await makeUser(db);
    expect((await refusal(importUpload(db, viewer.actor, enc(twoSweeps(uid())), { ...assign(sampleId), fileName: "v.csv", options: {} }, deps))).code).toBe("FORBIDDEN");
    expect((await refusal(importUpload(db, stranger.actor, enc(twoSweeps(uid())), { ...assign(sampleId), fileName: "v.csv", options: {} }, deps))).code).toBe("NOT_FOUND");
  });
});

const REAL = path.resolve(import.meta.dirname, "../../../../shared/fixtures/real");
const hasReal = fs.existsSync(REAL);
if (!hasReal) console.warn(`[uploads] ${REAL} is absent: the real instrument files are not uploaded in this run.`);

describe.skipIf(!hasReal)("real instrument files upload through the service", () => {
  const expected: Record<string, { curves: number; kind: "RT" | "RH"; quantity: string; skipBadRows?: boolean }> = {
    "areaA_ETO_EuCuAs_TMR-Hall_RT_90K_9T.dat": { curves: 1, kind: "RT", quantity: "RESISTANCE" },
    "nomad_ACT_SnSe-NbSe2_Hall-TMR_RH_2-3.4K.dat": { curves: 16, kind: "RH", quantity: "RESISTIVITY" },
    "nomad_PPMS-Resistivity_SnSe-NbSe2_TMR-Hall_RH_2K.dat": { curves: 14, kind: "RH", quantity: "RESISTANCE" },
    "paradim_PPMS-Resistivity_EuSNb2Se4_RT_1.8-300K_incompleteSC.dat": { curves: 2, kind: "RT", quantity: "RESISTANCE" },
    "ikz_lakeshoreHMS_VT-Hall_22-127-G_rho-T_20-320K_insulating-freezeout_latin1.txt": { curves: 2, kind: "RT", quantity: "RESISTIVITY", skipBadRows: true },
  };

  for (const [file, want] of Object.entries(expected)) {
    it(`${file}: ${want.curves} ${want.kind} curve(s) stored as ${want.quantity}`, async () => {
      const { user, sampleId } = await world();
      const bytes = fs.readFileSync(path.join(REAL, file));
      if (want.skipBadRows) {
        // The Lake Shore export has a row at T = 0 K: refused until the user agrees to skip it.
        const error = await refusal(importUpload(db, user.actor, bytes, { ...assign(sampleId), fileName: file, options: {} }, deps));
        expect(error.message).toMatch(/line 271, column 1 .*temperature 0 K is not positive/);
      }
      const result = await importUpload(db, user.actor, bytes, { ...assign(sampleId, { skipBadRows: !!want.skipBadRows }), fileName: file, options: {} }, { ...deps, limits: { maxBytes: 10_000_000, maxPoints: 1_000_000 } });
      expect(result.curveIds).toHaveLength(want.curves);
      expect(result.quantity).toBe(want.quantity);
      const kinds = await db.curve.findMany({ where: { uploadId: result.uploadId }, distinct: ["kind"], select: { kind: true } });
      expect(kinds.map((k) => k.kind)).toEqual([want.kind]);
      expect(Buffer.from(await deps.store.bytes(result.sha256)).equals(bytes)).toBe(true);
    });
  }

  it("the MPMS magnetization file is refused with a clear message, and nothing is stored in the database", async () => {
    const { user, labId, sampleId } = await world();
    const file = "NEGATIVE_nomad_MPMS3_HoPtSn_MH_2-3K_not-transport.dat";
    const before = await counts(labId);
    const error = await refusal(importUpload(db, user.actor, fs.readFileSync(path.join(REAL, file)), { ...assign(sampleId), fileName: file, options: {} }, deps));
    expect(error.code).toBe("UNPROCESSABLE");
    expect(error.message).toMatch(new RegExp(`^${file.replace(/\./g, "\\.")}, line \\d+: .*no resistance column.*magnetization`));
    expect(await counts(labId)).toEqual(before);
  });
});

/**
 * One file, several samples: the channels of one file go to their own samples, in one request or
 * several; duplicates are judged per (file, channel, sample); readout, readings and the
 * measurement date are stored with each curve.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import { LocalFileStore } from "~/server/storage";
import { makeLab, makeUser, testDb, uid } from "~/server/testing/db";
import { commitUpload, importUpload, previewUpload, type UploadDeps } from "./service";
import { ZUploadAssignment, type TUploadAssignment } from "./schemas";

let db: Db;
let deps: UploadDeps & { store: LocalFileStore };
let storeDir: string;
const labsMade = new Set<string>();

beforeAll(async () => {
  db = testDb();
  storeDir = await mkdtemp(path.join(os.tmpdir(), "sit-channels-"));
  deps = { store: new LocalFileStore(storeDir), limits: { maxBytes: 5_000_000, maxPoints: 1_000_000 } };
});
afterAll(async () => {
  await rm(storeDir, { recursive: true, force: true });
});
afterEach(async () => {
  if (labsMade.size === 0) return;
  await db.$executeRawUnsafe(
    `DELETE FROM pgboss.job WHERE name = 'fit-curve' AND data->>'curveId' IN (SELECT id FROM "Curve" WHERE "labId" = ANY($1::text[]))`,
    [...labsMade],
  );
});

const enc = (text: string) => new TextEncoder().encode(text);

/** Three bridges in one Quantum Design file, each a cooling R(T) of its own film. */
function puck(tag: string): string {
  const lines = [
    "[Header]",
    `TITLE, puck ${tag}`,
    "FILEOPENTIME,30422650.78,12/18/2024,10:42 AM",
    "BYAPP, Resistivity, Release 1.5.11 Build 0",
    "INFO,film A,SAMPLE1_NAME",
    "INFO,film B,SAMPLE2_NAME",
    "INFO,film C,SAMPLE3_NAME",
    "[Data]",
    "Comment,Time Stamp (sec),Temperature (K),Magnetic Field (Oe),Bridge 1 Resistance (Ohms),Bridge 2 Resistance (Ohms),Bridge 3 Resistance (Ohms)",
  ];
  for (let k = 0; k < 40; k++) {
    const T = 20 - k * 0.45;
    const sc = (Tc: number, Rn: number) => (Rn / (1 + Math.exp(-(T - Tc) / 0.2))).toFixed(5);
    lines.push(`,${1000 + k},${T.toFixed(4)},0,${sc(8, 500)},${sc(6, 900)},${sc(4, 1500)}`);
  }
  return `${lines.join("\n")}\n`;
}

async function world() {
  const user = await makeUser(db);
  const lab = await makeLab(db, user.id);
  labsMade.add(lab.id);
  const sample = async (name: string) => {
    const id = uid("s-");
    await db.sample.create({ data: { id, labId: lab.id, name, material: "NbN", lineageRootId: id, annealStage: "S0" } });
    return id;
  };
  return { user, labId: lab.id, a: await sample("film A"), b: await sample("film B"), c: await sample("film C"), sample };
}

const assign = (sampleId: string, extra: Partial<TUploadAssignment> = {}) => ZUploadAssignment.parse({ sample: { sampleId }, ...extra });

describe("channels to samples", () => {
  it("sends the three bridges of one file to three samples in one request; the file is stored once", async () => {
    const { user, labId, a, b, c } = await world();
    const bytes = enc(puck(uid()));
    const r = await importUpload(
      db,
      user.actor,
      bytes,
      { ...assign(a, { channels: { "Bridge 2": { sampleId: b }, "Bridge 3": { sampleId: c } } }), fileName: "puck.dat", options: {} },
      deps,
    );
    expect(r.isDuplicate).toBe(false);
    expect(new Set(r.sampleIds)).toEqual(new Set([a, b, c]));
    const curves = await db.curve.findMany({ where: { uploadId: r.uploadId }, select: { channel: true, sampleId: true, label: true, readout: true, measuredAt: true, sourceRows: true } });
    expect(Object.fromEntries(curves.map((x) => [x.channel, x.sampleId]))).toEqual({ "Bridge 1": a, "Bridge 2": b, "Bridge 3": c });
    for (const x of curves) {
      expect(x.readout).toBe("SIGNED");
      expect(x.measuredAt?.toISOString()).toBe("2024-12-18T10:42:00.000Z");
      expect(x.sourceRows).toMatchObject({ readings: 40, points: 40 });
    }
    expect(curves.map((x) => x.label).sort()).toEqual(["film A", "film B", "film C"]);
    expect(await db.upload.count({ where: { labId } })).toBe(1);
    const upload = await db.upload.findUniqueOrThrow({ where: { id: r.uploadId }, select: { metadata: true } });
    expect(upload.metadata).toMatchObject({ measuredAt: "2024-12-18T10:42:00.000Z", instrument: "PPMS Resistivity", instrumentVersion: "1.5.11 Build 0", stats: { readings: 120 } });
    expect(upload.metadata).toMatchObject({ header: { "sample1.name": "film A", "sample3.name": "film C" } });
  });

  it("sends the same file again for another channel; a true duplicate is reported with the sample it went to", async () => {
    const { user, labId, a, b } = await world();
    const bytes = enc(puck(uid()));
    const preview = await previewUpload(db, user.actor, bytes, { fileName: "puck.dat", options: {} }, deps);
    expect(preview.curves.map((x) => `${x.channel} ${x.readout} ${x.readings}`)).toEqual(["Bridge 1 signed 40", "Bridge 2 signed 40", "Bridge 3 signed 40"]);
    expect(preview).toMatchObject({ measuredAt: "2024-12-18T10:42:00.000Z", instrument: "PPMS Resistivity 1.5.11 Build 0" });
    const input = { sha256: preview.sha256, fileName: "puck.dat", options: {} };
    const first = await commitUpload(db, user.actor, { ...assign(a, { channels: { "Bridge 2": null, "Bridge 3": null } }), ...input }, deps);
    expect(first.curveIds).toHaveLength(1);
    const second = await commitUpload(db, user.actor, { ...assign(b, { channels: { "Bridge 1": null, "Bridge 3": null } }), ...input }, deps);
    expect(second).toMatchObject({ isDuplicate: false, uploadId: first.uploadId, sampleIds: [b], duplicates: [] });
    expect(second.curveIds).toHaveLength(1);
    // Bridge 1 into sample a again: nothing new, and the answer says where it went.
    const again = await commitUpload(db, user.actor, { ...assign(a, { channels: { "Bridge 2": null, "Bridge 3": null } }), ...input }, deps);
    expect(again).toMatchObject({ isDuplicate: true, uploadId: first.uploadId, sampleId: a, duplicates: [{ channel: "Bridge 1", sampleId: a, curveCount: 1 }] });
    expect(again.curveIds).toEqual(first.curveIds);
    // Bridge 1 and 2 to their samples: Bridge 2 is the duplicate, Bridge 1 into b is new.
    const mixed = await commitUpload(db, user.actor, { ...assign(b, { channels: { "Bridge 3": null } }), ...input }, deps);
    expect(mixed.isDuplicate).toBe(false);
    expect(mixed.duplicates).toEqual([{ channel: "Bridge 2", sampleId: b, curveCount: 1 }]);
    expect(mixed.curveIds).toHaveLength(1);
    expect(await db.upload.count({ where: { labId } })).toBe(1);
    expect(await db.curve.count({ where: { labId } })).toBe(3);
    const meta = (await db.upload.findUniqueOrThrow({ where: { id: first.uploadId }, select: { metadata: true } })).metadata as { assignments: unknown[] };
    expect(meta.assignments).toHaveLength(3);
  });

  it("imports the second bridge of a file already imported into a sample created with the import", async () => {
    const { user, labId, a } = await world();
    const bytes = enc(puck(uid()));
    const preview = await previewUpload(db, user.actor, bytes, { fileName: "puck.dat", options: {} }, deps);
    const input = { sha256: preview.sha256, fileName: "puck.dat", options: {} };
    await commitUpload(db, user.actor, { ...assign(a, { channels: { "Bridge 2": null, "Bridge 3": null } }), ...input }, deps);
    const samplesBefore = await db.sample.count({ where: { labId } });
    const second = await commitUpload(
      db,
      user.actor,
      {
        ...ZUploadAssignment.parse({ sample: { create: { labId, name: "film B (new)", material: "NbN", annealStage: "S0" } }, channels: { "Bridge 1": null, "Bridge 3": null } }),
        ...input,
      },
      deps,
    );
    expect(second.isDuplicate).toBe(false);
    expect(second.curveIds).toHaveLength(1);
    expect(await db.sample.count({ where: { labId } })).toBe(samplesBefore + 1);
    const created = await db.curve.findUniqueOrThrow({ where: { id: second.curveIds[0]! }, select: { channel: true, sample: { select: { name: true } } } });
    expect(created).toEqual({ channel: "Bridge 2", sample: { name: "film B (new)" } });
  });

  it("refuses a channel the file does not have and a sample of another lab, storing nothing", async () => {
    const { user, labId, a } = await world();
    const other = await world();
    const bytes = enc(puck(uid()));
    const bad = importUpload(db, user.actor, bytes, { ...assign(a, { channels: { "Bridge 9": { sampleId: a } } }), fileName: "puck.dat", options: {} }, deps);
    await expect(bad).rejects.toThrow(/puck\.dat has no channel "Bridge 9" \(its channels: "Bridge 1", "Bridge 2", "Bridge 3"\)/);
    const foreign = importUpload(db, user.actor, bytes, { ...assign(a, { channels: { "Bridge 2": { sampleId: other.a } } }), fileName: "puck.dat", options: {} }, deps);
    await expect(foreign).rejects.toBeInstanceOf(AppError);
    expect(await db.upload.count({ where: { labId } })).toBe(0);
    expect(await db.curve.count({ where: { labId } })).toBe(0);
  });

  it("dates each curve from the file's time stamps when FILEOPENTIME relates them to a date", async () => {
    const { user, a } = await world();
    // Time stamps 600 s after the file was opened (FILEOPENTIME 30422650.78 = 10:42).
    const text = puck(uid()).replace(/^,(\d+),/gm, (_, t: string) => `,${(30422650.78 + 600 + Number(t) - 1000).toFixed(2)},`);
    const r = await importUpload(db, user.actor, enc(text), { ...assign(a), fileName: "dated.dat", options: {} }, deps);
    const curves = await db.curve.findMany({ where: { uploadId: r.uploadId }, select: { measuredAt: true } });
    expect(curves.map((c) => c.measuredAt?.toISOString())).toEqual(Array(3).fill("2024-12-18T10:52:00.000Z"));
  });

  it("lets the user set the readout per channel", async () => {
    const { user, a } = await world();
    const r = await importUpload(db, user.actor, enc(puck(uid())), { ...assign(a, { readout: { "Bridge 3": "magnitude" } }), fileName: "puck.dat", options: {} }, deps);
    const curves = await db.curve.findMany({ where: { uploadId: r.uploadId }, select: { channel: true, readout: true }, orderBy: { channel: "asc" } });
    expect(curves.map((x) => x.readout)).toEqual(["SIGNED", "SIGNED", "MAGNITUDE"]);
  });

  it("stores merged readings with their count and spread", async () => {
    const { user, a } = await world();
    const bytes = await readFile(new URL("../../ingest/__fixtures__/qd-eto-three-readings-per-setpoint.dat", import.meta.url));
    const r = await importUpload(db, user.actor, new Uint8Array(bytes), { ...assign(a), fileName: "eto.dat", options: {} }, deps);
    const curve = await db.curve.findFirstOrThrow({ where: { uploadId: r.uploadId }, select: { pointCount: true, sourceRows: true, measuredAt: true } });
    const src = curve.sourceRows as { readings: number; points: number; merged: { index: number[]; readings: number[]; spreadR: number[] } };
    expect(src.readings).toBe(120);
    expect(src.points).toBe(curve.pointCount);
    expect(src.merged.readings.reduce((x, y) => x + y, 0) + (curve.pointCount - src.merged.index.length)).toBe(120);
    expect(curve.measuredAt?.toISOString()).toBe("2023-03-04T09:15:02.000Z");
  });

  it("refuses field sweeps at an unknown temperature until the temperature is given", async () => {
    const { user, a } = await world();
    const bytes = new Uint8Array(await readFile(new URL("../../ingest/__fixtures__/lockin-xyr-no-units-rh.dat", import.meta.url)));
    await expect(importUpload(db, user.actor, bytes, { ...assign(a), fileName: "lockin.dat", options: {} }, deps)).rejects.toThrow(
      /lockin\.dat, line 2: curve 0 \(lockin_1_ResX\) is a field sweep at a temperature the file does not record/,
    );
    const r = await importUpload(db, user.actor, bytes, { ...assign(a), fileName: "lockin.dat", options: { constants: { T_K: 0.3 } } }, deps);
    const curves = await db.curve.findMany({ where: { uploadId: r.uploadId }, select: { channel: true, readout: true, temperatureK: true }, orderBy: { channel: "asc" } });
    expect(curves).toEqual([
      { channel: "lockin_1_ResX", readout: "SIGNED", temperatureK: 0.3 },
      { channel: "lockin_2_ResR", readout: "MAGNITUDE", temperatureK: 0.3 },
    ]);
  });
});

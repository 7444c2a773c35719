/**
 * Mapping templates: saved by a lab under a name, applied to files of the same layout (a
 * headerless file by column index, through the service and the API's template=).
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db";
import { LocalFileStore } from "~/server/storage";
import { addMember, makeLab, makeUser, testDb, uid } from "~/server/testing/db";
import { importUpload, previewUpload, type UploadDeps } from "./service";
import { deleteTemplate, listTemplates, saveTemplate } from "./templates";
import { ZUploadAssignment } from "./schemas";

let db: Db;
let deps: UploadDeps & { store: LocalFileStore };
let storeDir: string;
const labsMade = new Set<string>();
beforeAll(async () => {
  db = testDb();
  storeDir = await mkdtemp(path.join(os.tmpdir(), "sit-templates-"));
  deps = { store: new LocalFileStore(storeDir), limits: { maxBytes: 1_000_000, maxPoints: 100_000 } };
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

/** A headerless export (its header went into a separate file): time, R in kΩ, T in mK. */
function headerless(tag: string): string {
  const rows = Array.from({ length: 30 }, (_, k) => `${k * 10}\t${(1.2 + 0.05 * k).toFixed(3)}\t${(900 - k * 25).toFixed(1)}`);
  return `${rows.join("\n")}\n# ${tag}\n`;
}

describe("mapping templates", () => {
  it("a lab saves a mapping by column index and applies it to headerless files of that layout", async () => {
    const owner = await makeUser(db);
    const lab = await makeLab(db, owner.id);
    labsMade.add(lab.id);
    const sampleId = uid("s-");
    await db.sample.create({ data: { id: sampleId, labId: lab.id, name: "film", material: "a-InO", lineageRootId: sampleId } });
    const bytes = new TextEncoder().encode(headerless(uid()));

    const refused = await previewUpload(db, owner.actor, bytes, { fileName: "run.txt", options: {} }, deps);
    expect(refused.errors.length).toBeGreaterThan(0);

    const options = { mapping: { temperature: 2, resistance: [1], field: null, units: { temperature: "mK", resistance: "kOhm" } } };
    const saved = await saveTemplate(db, owner.actor, { labId: lab.id, name: "fridge B export", options });
    expect(saved).toMatchObject({ name: "fridge B export", options });
    expect((await listTemplates(db, owner.actor, { labId: lab.id })).map((t) => t.name)).toEqual(["fridge B export"]);

    const r = await importUpload(db, owner.actor, bytes, { ...ZUploadAssignment.parse({ sample: { sampleId }, template: "fridge B export" }), fileName: "run.txt", options: {} }, deps);
    const curve = await db.curve.findFirstOrThrow({ where: { uploadId: r.uploadId }, select: { tMinK: true, tMaxK: true, rMax: true } });
    expect(curve.tMaxK).toBeCloseTo(0.9, 9);
    expect(curve.tMinK).toBeCloseTo(0.175, 9);
    expect(curve.rMax).toBeCloseTo(2650, 6);
    const upload = await db.upload.findUniqueOrThrow({ where: { id: r.uploadId }, select: { metadata: true } });
    expect(upload.metadata).toMatchObject({ options });

    // Saving under the same name replaces it; a viewer may read but not change templates.
    await saveTemplate(db, owner.actor, { labId: lab.id, name: "fridge B export", options: { ...options, delimiter: "\t" } });
    const viewer = await makeUser(db);
    await addMember(db, lab.id, viewer.id, "VIEWER");
    expect(await listTemplates(db, viewer.actor, { labId: lab.id })).toHaveLength(1);
    await expect(saveTemplate(db, viewer.actor, { labId: lab.id, name: "mine", options })).rejects.toThrow(/member role or higher/);
    await expect(deleteTemplate(db, viewer.actor, { templateId: saved.id })).rejects.toThrow(/member role or higher/);
    await expect(importUpload(db, owner.actor, bytes, { ...ZUploadAssignment.parse({ sample: { sampleId }, template: "no such" }), fileName: "run.txt", options: {} }, deps)).rejects.toThrow(
      /No mapping template "no such" in this lab/,
    );
    await deleteTemplate(db, owner.actor, { templateId: saved.id });
    expect(await listTemplates(db, owner.actor, { labId: lab.id })).toEqual([]);
  });
});

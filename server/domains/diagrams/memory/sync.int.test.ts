import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { ANONYMOUS } from "~/server/domains/access/actor";
import { resolveScope } from "~/server/domains/access/service";
import { makeLab, makeUser, testDb, uid } from "~/server/testing/db";
import { DEFAULT_DIAGRAM_QUERY, type TDiagramQuery } from "../schemas";
import { buildDiagram, getDiagram } from "../service";
import { addFit, addFittedCurve, makeSample } from "../test-fixtures";

const db = testDb();
const query = (material: string, patch: Partial<TDiagramQuery> = {}): TDiagramQuery => ({ ...DEFAULT_DIAGRAM_QUERY, x: "H", y: "sample", materials: [material], ...patch });
const fitIds = async (material: string) => (await getDiagram(db, ANONYMOUS, query(material))).points.map((p) => p.fitId).sort();

async function setup() {
  const owner = await makeUser(db, "Owner");
  const labId = (await makeLab(db, owner.id)).id;
  const material = `mat-${uid()}`;
  return { owner, labId, material };
}

describe("the in-memory diagram table", () => {
  it("shows every commit made before a request: inserts, re-fits, overrides, visibility, deletions", async () => {
    const { owner, labId, material } = await setup();
    const sample = await makeSample(db, labId, { material });
    expect(await fitIds(material)).toEqual([]);
    const a = await addFittedCurve(db, { labId, sampleId: sample, fieldOe: 0, phase: "S" });
    expect(await fitIds(material)).toEqual([a.fitId]);
    // a re-fit: the old result stops being current
    const refit = await addFit(db, a.curveId, { phase: "M1", engineVersion: "test-2" });
    expect(await fitIds(material)).toEqual([refit]);
    // an override changes the label shown
    await db.labelOverride.create({ data: { curveId: a.curveId, phase: "I2", justification: "test", userId: owner.id } });
    expect((await getDiagram(db, ANONYMOUS, query(material))).points.map((p) => [p.phase, p.isOverride])).toEqual([["I2", true]]);
    // made private: gone for visitors, kept for the lab
    await db.sample.update({ where: { id: sample }, data: { visibility: "PRIVATE" } });
    expect(await fitIds(material)).toEqual([]);
    expect((await getDiagram(db, owner.actor, query(material))).total).toBe(1);
    await db.sample.update({ where: { id: sample }, data: { visibility: "PUBLIC" } });
    // deleted: the removal is read
    await db.curve.delete({ where: { id: a.curveId } });
    expect(await fitIds(material)).toEqual([]);
    const b = await addFittedCurve(db, { labId, sampleId: sample, fieldOe: 10, phase: "S" });
    expect(await fitIds(material)).toEqual([b.fitId]);
  });

  it("reads a transaction that commits after a later one (its id is below what the table has seen)", async () => {
    const { labId, material } = await setup();
    const late = await makeSample(db, labId, { material, visibility: "PRIVATE" });
    const early = await makeSample(db, labId, { material, visibility: "PRIVATE" });
    const lateFit = (await addFittedCurve(db, { labId, sampleId: late, fieldOe: 0, phase: "S" })).fitId;
    const earlyFit = (await addFittedCurve(db, { labId, sampleId: early, fieldOe: 0, phase: "S" })).fitId;
    const slow = new pg.Client({ connectionString: inject("databaseUrl") });
    await slow.connect();
    try {
      // the slow transaction takes its id first and makes its sample public, but commits last
      await slow.query("BEGIN");
      await slow.query(`UPDATE "Sample" SET "visibility" = 'PUBLIC' WHERE "id" = $1`, [late]);
      expect(await fitIds(material)).toEqual([]);
      await db.sample.update({ where: { id: early }, data: { visibility: "PUBLIC" } });
      expect(await fitIds(material)).toEqual([earlyFit]);
      await slow.query("COMMIT");
      expect(await fitIds(material)).toEqual([earlyFit, lateFit].sort());
    } finally {
      await slow.end();
    }
  });

  it("loads the whole table again when the epoch moves (TRUNCATE), and still answers as the database does", async () => {
    const { labId, material } = await setup();
    const sample = await makeSample(db, labId, { material });
    for (let h = 0; h < 5; h++) await addFittedCurve(db, { labId, sampleId: sample, fieldOe: h * 100, phase: h < 3 ? "S" : "M1" });
    const before = await getDiagram(db, ANONYMOUS, query(material));
    await db.$executeRawUnsafe(`UPDATE "DiagramPointEpoch" SET "epoch" = "epoch" + 1`);
    const after = await getDiagram(db, ANONYMOUS, query(material));
    expect(after.total).toBe(5);
    const scope = await resolveScope(db, ANONYMOUS);
    const q = query(material);
    expect(await buildDiagram(db, scope, q, { source: "memory" })).toEqual(await buildDiagram(db, scope, q, { source: "database" }));
    expect(before.total).toBe(after.total);
  });

  it("prunes removals older than a day when rows are deleted", async () => {
    const { labId, material } = await setup();
    const sample = await makeSample(db, labId, { material });
    const old = `old-${uid()}`;
    await db.$executeRawUnsafe(`INSERT INTO "DiagramPointRemoval" ("fitResultId", "changeXid", "removedAt") VALUES ($1, 1, now() - interval '2 days')`, old);
    const a = await addFittedCurve(db, { labId, sampleId: sample, fieldOe: 0, phase: "S" });
    await db.curve.delete({ where: { id: a.curveId } });
    const left = await db.$queryRawUnsafe<{ id: string }[]>(`SELECT "fitResultId" AS id FROM "DiagramPointRemoval" WHERE "fitResultId" = ANY($1::text[])`, [old, a.fitId]);
    expect(left.map((r) => r.id)).toEqual([a.fitId]);
    expect(await fitIds(material)).toEqual([]);
  });
});

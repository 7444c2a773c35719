import { afterAll, describe, expect, it } from "vitest";
import { insertCurves } from "~/server/domains/curves/service";
import { makeLab, makeUser, testDb, uid } from "~/server/testing/db";
import { enqueueFits, FIT_QUEUE } from "./queue";

/** Fits are queued fairly across labs: one lab's bulk upload does not hold up another lab's curve. */

const db = testDb();
const made: string[] = [];
afterAll(async () => {
  await db.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE name = $1 AND data->>'curveId' = ANY($2::text[])`, FIT_QUEUE, made);
});

async function queueCurves(labId: string, count: number): Promise<string[]> {
  const sampleId = uid("s-");
  await db.sample.create({ data: { id: sampleId, labId, name: "film", material: "a-InO", lineageRootId: sampleId } });
  return db.$transaction(async (tx) => {
    const curves = Array.from({ length: count }, (_, i) => ({ kind: "RT" as const, quantity: "SHEET_RESISTANCE" as const, T: [1, 2, 3, 4 + i], R: [10, 20, 30, 40 + i], fieldOe: 0 }));
    const { created } = await insertCurves(tx, { labId, sampleId, annealStage: "S0" }, curves);
    await enqueueFits(tx, created);
    made.push(...created);
    return created;
  });
}

describe("fair fit queue", () => {
  it("runs another lab's single curve after at most one job of the busy lab", async () => {
    const a = await makeUser(db);
    const b = await makeUser(db);
    const labA = await makeLab(db, a.id);
    const labB = await makeLab(db, b.id);
    const bulk = await queueCurves(labA.id, 30);
    const [single] = await queueCurves(labB.id, 1);
    // Read whatever state the jobs are in (a worker of another test file may have taken some).
    const rows = await db.$queryRawUnsafe<{ curveId: string; priority: number }[]>(
      `SELECT data->>'curveId' AS "curveId", priority FROM pgboss.job WHERE name = $1 AND data->>'curveId' = ANY($2::text[])`,
      FIT_QUEUE,
      [...bulk, single!],
    );
    const priority = new Map(rows.map((r) => [r.curveId, r.priority]));
    expect(priority.size).toBe(31);
    // The busy lab's k-th job waits behind k others (which of its curves comes first is the
    // queue's choice); the other lab's first job is at the front.
    expect(bulk.map((id) => priority.get(id)!).sort((x, y) => y - x)).toEqual(bulk.map((_, k) => (k === 0 ? 0 : -k)));
    expect(priority.get(single!)).toBe(0);
  });
});

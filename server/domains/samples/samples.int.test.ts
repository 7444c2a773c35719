import { describe, expect, it } from "vitest";
import { makeLab, makeUser, testDb } from "~/server/testing/db";
import { createSample, getSample, listSamples, updateSample } from "./service";

const film = { name: "InOx/In #9", material: "In/InOx", morphology: "COMPOSITE", geometry: "HALL_BAR", thicknessNm: 25, visibility: "PRIVATE", sharedWithLabIds: [] as string[] } as const;

describe("samples", () => {
  it("keeps the anneal stages of one film linked and ordered", async () => {
    const db = testDb();
    const user = await makeUser(db);
    const lab = await makeLab(db, user.id);
    const s0 = await createSample(db, user.actor, { ...film, labId: lab.id, annealStage: "S0", sharedWithLabIds: [] });
    const s1 = await createSample(db, user.actor, { ...film, labId: lab.id, annealStage: "S1", annealTreatment: "45 °C, 2 h", previousStageId: s0.id, sharedWithLabIds: [] });
    const s2 = await createSample(db, user.actor, { ...film, labId: lab.id, annealStage: "S2", annealTreatment: "48 °C, 4 h", previousStageId: s1.id, sharedWithLabIds: [] });
    const view = await getSample(db, user.actor, s1.id);
    expect(view.stages.map((s) => [s.annealStage, s.stageIndex])).toEqual([
      ["S0", 0],
      ["S1", 1],
      ["S2", 2],
    ]);
    const rows = await db.sample.findMany({ where: { id: { in: [s0.id, s1.id, s2.id] } }, select: { id: true, parentId: true, lineageRootId: true } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(s0.id)).toMatchObject({ parentId: null, lineageRootId: s0.id });
    expect(byId.get(s1.id)).toMatchObject({ parentId: s0.id, lineageRootId: s0.id });
    expect(byId.get(s2.id)).toMatchObject({ parentId: s1.id, lineageRootId: s0.id });
  });

  it("rejects inconsistent sharing: labs named for a non-shared sample, or a shared sample with no other lab", async () => {
    const db = testDb();
    const user = await makeUser(db);
    const lab = await makeLab(db, user.id);
    const other = await makeLab(db, (await makeUser(db)).id);
    await expect(createSample(db, user.actor, { ...film, labId: lab.id, annealStage: "S0", visibility: "PRIVATE", sharedWithLabIds: [other.id] })).rejects.toThrow(/Only a SHARED sample/);
    await expect(createSample(db, user.actor, { ...film, labId: lab.id, annealStage: "S0", visibility: "SHARED", sharedWithLabIds: [] })).rejects.toThrow(/at least one other lab/);
    const shared = await createSample(db, user.actor, { ...film, labId: lab.id, annealStage: "S0", visibility: "SHARED", sharedWithLabIds: [other.id] });
    expect((await getSample(db, user.actor, shared.id)).sharedWith.map((l) => l.id)).toEqual([other.id]);
  });

  it("sorts and filters the list", async () => {
    const db = testDb();
    const user = await makeUser(db);
    const lab = await makeLab(db, user.id);
    for (const [name, material, thicknessNm] of [
      ["thin", "NbSi", 5],
      ["thick", "NbSi", 50],
      ["middle", "TiN", 20],
    ] as const) {
      await createSample(db, user.actor, { ...film, name, material, thicknessNm, labId: lab.id, annealStage: "S0", sharedWithLabIds: [] });
    }
    const base = { labId: lab.id, page: 1, pageSize: 50 } as const;
    const byThickness = await listSamples(db, user.actor, { ...base, sort: "thicknessNm", order: "asc" });
    expect(byThickness.items.map((s) => s.name)).toEqual(["thin", "middle", "thick"]);
    const nbsi = await listSamples(db, user.actor, { ...base, material: "NbSi", sort: "name", order: "desc" });
    expect(nbsi.items.map((s) => s.name)).toEqual(["thin", "thick"]);
    expect(nbsi.facets.materials).toEqual(expect.arrayContaining(["NbSi", "TiN"]));
  });

  it("copies a new anneal stage label to the sample's curves when it is edited", async () => {
    const db = testDb();
    const user = await makeUser(db);
    const lab = await makeLab(db, user.id);
    const sample = await createSample(db, user.actor, { ...film, labId: lab.id, annealStage: "S0", sharedWithLabIds: [] });
    await db.curve.create({
      data: { labId: lab.id, sampleId: sample.id, annealStage: "S0", pointCount: 0, tK: new Uint8Array(), r: new Uint8Array(), tMinK: 1, tMaxK: 2, rMin: 1, rMax: 2, contentHash: "x" },
    });
    await updateSample(db, user.actor, { ...film, sampleId: sample.id, annealStage: "S0 (as grown)", sharedWithLabIds: [] });
    expect((await db.curve.findFirstOrThrow({ where: { sampleId: sample.id } })).annealStage).toBe("S0 (as grown)");
  });
});

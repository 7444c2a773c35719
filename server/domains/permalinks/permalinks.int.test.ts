import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db";
import { ANONYMOUS, type Actor } from "~/server/domains/access/actor";
import { DEFAULT_DIAGRAM_QUERY, type TDiagramQuery } from "~/server/domains/diagrams/schemas";
import { getDiagram } from "~/server/domains/diagrams/service";
import { addFit, addFittedCurve, makeSample, makeSetup } from "~/server/domains/diagrams/test-fixtures";
import { AppError } from "~/server/errors";
import { makeLab, makeUser, testDb, uid } from "~/server/testing/db";
import { toBibtex, toCslJson } from "./citation";
import { citableSnapshot, createPermalink, getPermalink, requireReadablePermalink, resolvePermalink, snapshotRows } from "./service";

interface World {
  db: Db;
  owner: Actor;
  outsider: Actor;
  labA: string;
  material: string;
  publicSample: string;
  privateSample: string;
  setup: string;
  curves: { curveId: string; fitId: string }[];
}

let w: World;

beforeAll(async () => {
  const db = testDb();
  const owner = await makeUser(db, "Dana Owner");
  const outsider = await makeUser(db, "Olaf Outsider");
  const labA = (await makeLab(db, owner.id)).id;
  await makeLab(db, outsider.id);
  const material = `mat-${uid()}`;
  const setup = await makeSetup(db, labA, "GOOD");
  const publicSample = await makeSample(db, labA, { name: "DAC film", material });
  const privateSample = await makeSample(db, labA, { name: "Secret film", material, visibility: "PRIVATE" });
  const curves = [];
  for (const [P, phase] of [
    [0, "I1"],
    [2, "S"],
    [5, "M1"],
    [9, "M2"],
    [13, "I2"],
  ] as const) {
    curves.push(await addFittedCurve(db, { labId: labA, sampleId: publicSample, setupId: setup, pressureGPa: P, pressureDirection: "PRESSURIZING", phase, quantities: { ratio350mK300K: { value: 1 + P, uncertainty: 0.1 } } }));
  }
  await addFittedCurve(db, { labId: labA, sampleId: privateSample, setupId: setup, pressureGPa: 3, phase: "S" });
  await addFittedCurve(db, { labId: labA, sampleId: privateSample, setupId: setup, pressureGPa: 6, phase: "M1" });
  w = { db, owner: owner.actor, outsider: outsider.actor, labA, material, publicSample, privateSample, setup, curves };
});

const query = (patch: Partial<TDiagramQuery> = {}): TDiagramQuery => ({ ...DEFAULT_DIAGRAM_QUERY, x: "P", y: "sample", materials: [w.material], ...patch });

describe("permalinks", () => {
  it("freeze a view: new uploads and re-fits do not change what the snapshot shows", async () => {
    const q = query({ sampleIds: [w.publicSample] });
    const link = await createPermalink(w.db, w.owner, { query: q, title: "InO under pressure" });
    expect(link.id).toMatch(/^[0-9A-Za-z]{10}$/);
    expect(link.pointCount).toBe(5);
    const before = await getPermalink(w.db, ANONYMOUS, link.id);
    const row = await w.db.permalink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.fitResultIds.sort()).toEqual(w.curves.map((c) => c.fitId).sort());
    expect(row.curveIds.sort()).toEqual(w.curves.map((c) => c.curveId).sort());
    expect(row.isAllPublic).toBe(true);
    expect(row.engineVersions).toEqual(["test-1"]);

    // new data, and a re-fit of the M1 curve by a newer engine that calls it M2
    await addFittedCurve(w.db, { labId: w.labA, sampleId: w.publicSample, setupId: w.setup, pressureGPa: 11, pressureDirection: "PRESSURIZING", phase: "M2" });
    const refit = await addFit(w.db, w.curves[2]!.curveId, { phase: "M2", engineVersion: "test-2" });
    await w.db.sample.update({ where: { id: w.publicSample }, data: { name: "DAC film (renamed)" } });

    const live = await getDiagram(w.db, ANONYMOUS, q);
    expect(live.total).toBe(6);
    expect(live.points.find((p) => p.curveId === w.curves[2]!.curveId)?.fitId).toBe(refit);

    const after = await getPermalink(w.db, ANONYMOUS, link.id);
    expect(after).toEqual(before);
    expect(after.isHashVerified).toBe(true);
    expect(after.contentHash).toBe(link.contentHash);
    expect(after.diagram!.points.map((p) => [p.fitId, p.phase])).toEqual(before.diagram!.points.map((p) => [p.fitId, p.phase]));
    expect(after.diagram!.points.find((p) => p.curveId === w.curves[2]!.curveId)).toMatchObject({ phase: "M1", fitId: w.curves[2]!.fitId });
    expect(after.diagram!.boundaries.map((b) => `${b.from}>${b.to}`)).toEqual(["I1>S", "S>M1", "M1>M2", "M2>I2"]);
    expect(Object.values(after.diagram!.provenance.samples).map((s) => s.name)).toEqual(["DAC film"]);
    expect(after.todayPath).toContain("/diagram?");

    // the stored row itself is never rewritten
    const again = await w.db.permalink.findUniqueOrThrow({ where: { id: link.id } });
    expect(again).toEqual(row);
    await w.db.sample.update({ where: { id: w.publicSample }, data: { name: "DAC film" } });
  });

  it("a snapshot of public data opens without signing in; one of private data shows an access message instead", async () => {
    const open = await createPermalink(w.db, w.owner, { query: query({ sampleIds: [w.publicSample] }) });
    expect((await getPermalink(w.db, ANONYMOUS, open.id)).diagram?.points.length).toBeGreaterThan(0);

    const secret = await createPermalink(w.db, w.owner, { query: query({ sampleIds: [w.privateSample] }) });
    expect(secret.pointCount).toBe(2);
    for (const viewer of [ANONYMOUS, w.outsider]) {
      const seen = await getPermalink(w.db, viewer, secret.id);
      expect(seen.isAccessDenied).toBe(true);
      expect(seen.diagram).toBeNull();
      expect(seen.isPartial).toBe(true);
      expect(seen.pointCount).toBe(0);
      expect(seen.contentHash).toBe("");
      expect(seen.engineVersions).toEqual([]);
      expect(seen.title).toBeNull();
      expect(seen.accessMessage).toMatch(viewer === ANONYMOUS ? /Sign in/ : /may not read/);
      expect(JSON.stringify(seen)).not.toContain("Secret film");
      expect(seen.query.sampleIds).toEqual([]);
    }
    const owner = await getPermalink(w.db, w.owner, secret.id);
    expect(owner.diagram?.points).toHaveLength(2);
    await expect(requireReadablePermalink(w.db, ANONYMOUS, secret.id)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(requireReadablePermalink(w.db, w.outsider, secret.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a mixed snapshot shows each viewer the points they may read, and neither counts nor names the others", async () => {
    const mixed = await createPermalink(w.db, w.owner, { query: query() });
    const row = await w.db.permalink.findUniqueOrThrow({ where: { id: mixed.id } });
    expect(row.isAllPublic).toBe(false);
    const owner = await getPermalink(w.db, w.owner, mixed.id);
    const visitor = await getPermalink(w.db, ANONYMOUS, mixed.id);
    expect(owner.isPartial).toBe(false);
    expect(visitor.isPartial).toBe(true);
    expect(visitor.pointCount).toBe(owner.pointCount - 2);
    expect(owner.title).not.toBeNull();
    expect(visitor.title).toBeNull();
    expect(visitor.createdBy).toBeNull();
    expect(visitor.diagram!.points.length).toBe(owner.diagram!.points.length - 2);
    expect(visitor.diagram!.points.every((p) => p.sampleId === w.publicSample)).toBe(true);
    expect(Object.keys(visitor.diagram!.provenance.samples)).toEqual([w.publicSample]);
    expect(visitor.accessMessage).toMatch(/^Some points of this snapshot are not shown/);
    expect(visitor.query.materials).toEqual([w.material]);
  });

  it("re-checks access when opened: a sample made private later disappears from an old snapshot", async () => {
    const material = `mat-${uid()}`;
    const sample = await makeSample(w.db, w.labA, { name: "Soon private", material });
    await addFittedCurve(w.db, { labId: w.labA, sampleId: sample, pressureGPa: 1, phase: "S" });
    const link = await createPermalink(w.db, w.owner, { query: query({ materials: [material] }) });
    expect((await getPermalink(w.db, ANONYMOUS, link.id)).isAccessDenied).toBe(false);
    await w.db.sample.update({ where: { id: sample }, data: { visibility: "PRIVATE" } });
    const later = await getPermalink(w.db, ANONYMOUS, link.id);
    expect(later.isAccessDenied).toBe(true);
    expect(later.diagram).toBeNull();
    // the material of a sample the visitor may no longer read is not named either
    expect(later.query.materials).toEqual([]);
    expect(later.todayPath).not.toContain(encodeURIComponent(material));
  });

  it("a tampered payload no longer matches its content hash", async () => {
    const link = await createPermalink(w.db, w.owner, { query: query({ sampleIds: [w.publicSample] }) });
    const row = await w.db.permalink.findUniqueOrThrow({ where: { id: link.id }, select: { payload: true } });
    const payload = row.payload as { columns: { phase: string[] } };
    payload.columns.phase[0] = payload.columns.phase[0] === "S" ? "I2" : "S";
    await w.db.permalink.update({ where: { id: link.id }, data: { payload } });
    expect((await getPermalink(w.db, ANONYMOUS, link.id)).isHashVerified).toBe(false);
  });

  it("needs a signed-in user to create, and an existing id to open", async () => {
    await expect(createPermalink(w.db, ANONYMOUS, { query: query() })).rejects.toBeInstanceOf(AppError);
    await expect(getPermalink(w.db, ANONYMOUS, "NoSuchLink1")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("exports rows with provenance and citations naming only readable labs", async () => {
    const link = await createPermalink(w.db, w.owner, { query: query({ sampleIds: [w.publicSample] }), title: "Tc & {pressure}" });
    const resolved = await resolvePermalink(w.db, ANONYMOUS, link.id);
    const rows = snapshotRows(resolved, "https://atlas.test");
    expect(rows.every((r) => r.sample === "DAC film" && r.filtering_grade === "GOOD")).toBe(true);
    expect(rows.map((r) => r.y)).toEqual(rows.map(() => "DAC film"));
    // the data's creator (no upload is recorded in these fixtures) and the lab are credited, not the sharer
    const sharer = await makeUser(w.db, "Sam Sharer");
    const ownerId = w.owner.kind === "user" ? w.owner.userId : "";
    await w.db.user.update({ where: { id: ownerId }, data: { orcid: "https://orcid.org/0000-0002-1825-0097" } });
    await w.db.sample.update({ where: { id: w.publicSample }, data: { createdById: ownerId } });
    await w.db.lab.update({ where: { id: w.labA }, data: { citation: "Please cite doi:10.1234/dac.2026" } });
    const shared = await createPermalink(w.db, sharer.actor, { query: query({ sampleIds: [w.publicSample] }), title: "Shared by Sam" });
    const credited = await citableSnapshot(w.db, await resolvePermalink(w.db, ANONYMOUS, shared.id), "https://atlas.test");
    expect(credited.people).toEqual([{ name: "Dana Owner", orcid: "0000-0002-1825-0097" }]);
    expect(credited.labs).toEqual([expect.objectContaining({ citation: "Please cite doi:10.1234/dac.2026" })]);
    expect(toBibtex(credited)).not.toContain("Sam Sharer");
    expect(toBibtex(credited)).toContain("author = {Owner, Dana and {Lab ");

    const cite = await citableSnapshot(w.db, resolved, "https://atlas.test");
    const bib = toBibtex(cite);
    expect(bib).toContain(`@misc{sitatlas-${link.id},`);
    expect(bib).toContain("title = {Tc \\& \\{pressure\\}}");
    expect(bib).toContain(`url = {https://atlas.test/p/${link.id}}`);
    expect(bib).toContain(link.contentHash);
    const csl = toCslJson(cite)[0]!;
    expect(csl).toMatchObject({ type: "dataset", title: "Tc & {pressure}", URL: `https://atlas.test/p/${link.id}`, author: [{ given: "Dana", family: "Owner", ORCID: "https://orcid.org/0000-0002-1825-0097" }, { literal: expect.stringMatching(/^Lab /) }] });
  });
});

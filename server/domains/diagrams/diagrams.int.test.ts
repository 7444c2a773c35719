import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db";
import { ANONYMOUS, type Actor } from "~/server/domains/access/actor";
import { insertCurves } from "~/server/domains/curves/service";
import { makeLab, makeUser, testDb, uid } from "~/server/testing/db";
import { DEFAULT_DIAGRAM_QUERY, ZDiagramDto, type TDiagramDto, type TDiagramQuery } from "./schemas";
import { resolveScope } from "~/server/domains/access/service";
import { buildDiagram, exportDiagramRows, getDiagram, listDiagramFilterOptions } from "./service";
import { addFit, addFittedCurve, makeSample, makeSetup } from "./test-fixtures";

interface World {
  db: Db;
  owner: Actor;
  other: Actor;
  labA: string;
  labB: string;
  material: string;
  publicSample: string;
  privateSample: string;
  sharedSample: string;
  otherSample: string;
  goodSeries: Record<number, { curveId: string; fitId: string }>;
  poorM1: string;
  unknownM2: string;
  poorS: string;
}

let w: World;

beforeAll(async () => {
  const db = testDb();
  const owner = await makeUser(db, "Owner");
  const other = await makeUser(db, "Other");
  const labA = (await makeLab(db, owner.id)).id;
  const labB = (await makeLab(db, other.id)).id;
  const material = `mat-${uid()}`;
  const good = await makeSetup(db, labA, "GOOD");
  const poor = await makeSetup(db, labA, "POOR");
  const publicSample = await makeSample(db, labA, { name: "Public film", material });
  const privateSample = await makeSample(db, labA, { name: "Private film", material, visibility: "PRIVATE" });
  const sharedSample = await makeSample(db, labA, { name: "Shared film", material, visibility: "SHARED", sharedWith: [labB] });
  const otherSample = await makeSample(db, labB, { name: "B film", material, visibility: "PRIVATE" });

  // A field series measured in the well-filtered setup: S, S, M1, M1 (undecided), M2, I2.
  const goodSeries: World["goodSeries"] = {};
  const plan = [
    { H: 0, phase: "S", q: { Tc90_K: { value: 1.0, uncertainty: 0.02 } } },
    { H: 100, phase: "S", q: { Tc90_K: { value: 0.8, uncertainty: 0.02 } } },
    { H: 200, phase: "M1", q: { Tc90_K: { value: 0.5, uncertainty: 0.03 }, rhoQF_ohm: { value: 100, uncertainty: 5 }, EaS_K: { value: 1.5, uncertainty: 0.1 } } },
    { H: 300, phase: "M1", inconclusive: true, q: { rhoQF_ohm: { value: 300, uncertainty: 40 } } },
    { H: 400, phase: "M2", q: { sigmaQF_S: { value: 1e-5, uncertainty: 1e-6 }, EaI_K: { value: 0.5, uncertainty: 0.05 } } },
    { H: 500, phase: "I2", q: { hoppingT0_K: { value: 3, uncertainty: 0.2 } } },
  ] as const;
  for (const step of plan) {
    goodSeries[step.H] = await addFittedCurve(db, {
      labId: labA,
      sampleId: publicSample,
      setupId: good,
      fieldOe: step.H,
      phase: step.phase,
      inconclusive: "inconclusive" in step ? step.inconclusive : false,
      quantities: step.q,
    });
  }
  // The same film in a poorly filtered setup, and a curve whose setup was not recorded.
  const poorM1 = (await addFittedCurve(db, { labId: labA, sampleId: publicSample, setupId: poor, fieldOe: 0, phase: "M1", quantities: { rhoQF_ohm: { value: 50, uncertainty: 3 } } })).fitId;
  const poorS = (await addFittedCurve(db, { labId: labA, sampleId: publicSample, setupId: poor, fieldOe: 50, phase: "S" })).fitId;
  const unknownM2 = (await addFittedCurve(db, { labId: labA, sampleId: publicSample, setupId: null, fieldOe: 700, phase: "M2" })).fitId;
  // Private, shared and other-lab data.
  await addFittedCurve(db, { labId: labA, sampleId: privateSample, setupId: good, fieldOe: 0, phase: "S", confidence: 0.5 });
  await addFittedCurve(db, { labId: labA, sampleId: privateSample, setupId: good, fieldOe: 100, phase: "S", confidence: 0.5 });
  await addFittedCurve(db, { labId: labA, sampleId: sharedSample, setupId: good, fieldOe: 0, phase: "M1" });
  await addFittedCurve(db, { labId: labB, sampleId: otherSample, fieldOe: 0, phase: "I1" });
  w = { db, owner: owner.actor, other: other.actor, labA, labB, material, publicSample, privateSample, sharedSample, otherSample, goodSeries, poorM1, unknownM2, poorS };
});

const query = (patch: Partial<TDiagramQuery> = {}): TDiagramQuery => ({ ...DEFAULT_DIAGRAM_QUERY, x: "H", y: "sample", materials: [w.material], ...patch });
const samplesOf = (d: TDiagramDto) => [...new Set(d.points.map((p) => p.sampleId))].sort();
const fitIds = (d: TDiagramDto) => d.points.map((p) => p.fitId).sort();
const withSortedBins = (d: TDiagramDto) => ({ ...d, bins: [...d.bins].sort((a, b) => a.facetKey.localeCompare(b.facetKey) || a.x0 - b.x0 || a.y0 - b.y0) });

describe("diagram query: access", () => {
  it("shows visitors the public samples only, members their lab's, and shared samples to the labs named", async () => {
    const anonymous = await getDiagram(w.db, ANONYMOUS, query());
    expect(samplesOf(anonymous)).toEqual([w.publicSample]);
    expect(anonymous.total).toBe(9);
    const owner = await getDiagram(w.db, w.owner, query());
    expect(samplesOf(owner)).toEqual([w.publicSample, w.privateSample, w.sharedSample].sort());
    const other = await getDiagram(w.db, w.other, query());
    expect(samplesOf(other)).toEqual([w.publicSample, w.sharedSample, w.otherSample].sort());
    // names of unreadable samples never reach the answer
    expect(JSON.stringify(anonymous)).not.toContain("Private film");
    expect(JSON.stringify(other)).not.toContain("Private film");
  });

  it("filter options list only what the viewer may read", async () => {
    const options = await listDiagramFilterOptions(w.db, ANONYMOUS);
    const ids = options.samples.map((s) => s.id);
    expect(ids).toContain(w.publicSample);
    expect(ids).not.toContain(w.privateSample);
    expect(ids).not.toContain(w.otherSample);
    expect(options.materials.find((m) => m.name === w.material)?.count).toBe(9);
  });
});

describe("diagram query: filters", () => {
  it("by lab, sample and fit confidence", async () => {
    expect(samplesOf(await getDiagram(w.db, w.other, query({ labIds: [w.labB] })))).toEqual([w.otherSample]);
    expect((await getDiagram(w.db, w.owner, query({ sampleIds: [w.privateSample] }))).total).toBe(2);
    const confident = await getDiagram(w.db, w.owner, query({ minConfidence: 0.6 }));
    expect(samplesOf(confident)).not.toContain(w.privateSample);
    expect(confident.total).toBe(10);
  });

  it("by filtering grade, and the well-filtered switch counts what it removes", async () => {
    const poor = await getDiagram(w.db, ANONYMOUS, query({ grades: ["POOR"] }));
    expect(fitIds(poor)).toEqual([w.poorM1, w.poorS].sort());
    const unknown = await getDiagram(w.db, ANONYMOUS, query({ grades: ["UNKNOWN"] }));
    expect(fitIds(unknown)).toEqual([w.unknownM2]);
    const switched = await getDiagram(w.db, ANONYMOUS, query({ wellFilteredOnly: true }));
    expect(switched.total).toBe(6);
    expect(switched.removedBySwitch).toBe(3);
    expect(switched.points.every((p) => p.grade === "GOOD")).toBe(true);
    expect(switched.artifactCount).toBe(0);
  });

  it("marks saturating curves of poorly or unknown filtered setups as possible artifacts, and only those", async () => {
    const d = await getDiagram(w.db, ANONYMOUS, query());
    const flagged = d.points.filter((p) => p.isArtifact).map((p) => p.fitId);
    expect(flagged.sort()).toEqual([w.poorM1, w.unknownM2].sort());
    expect(d.artifactCount).toBe(2);
  });

  it("by hidden legend entries, keeping their counts for the legend", async () => {
    const d = await getDiagram(w.db, ANONYMOUS, query({ hidePhases: ["inconclusive", "M2"] }));
    expect(d.points.some((p) => p.inconclusive || p.phase === "M2")).toBe(false);
    expect(d.total).toBe(6);
    expect(d.phaseCounts.M2).toBe(2);
    expect(d.phaseCounts.inconclusive).toBe(1);
  });

  it("by upload date, following a change of the curve's date", async () => {
    const curveId = w.goodSeries[500]!.curveId;
    await w.db.curve.update({ where: { id: curveId }, data: { createdAt: new Date("2020-03-01T12:00:00Z") } });
    const old = await getDiagram(w.db, ANONYMOUS, query({ uploadedTo: "2020-03-01" }));
    expect(old.points.map((p) => p.curveId)).toEqual([curveId]);
    const recent = await getDiagram(w.db, ANONYMOUS, query({ uploadedFrom: "2020-03-02" }));
    expect(recent.points.map((p) => p.curveId)).not.toContain(curveId);
    expect(recent.total).toBe(8);
  });

  it("counts curves without a value on the axes (or ≤ 0 on a log axis) as missing", async () => {
    const d = await getDiagram(w.db, ANONYMOUS, query({ y: "rhoQF", yScale: "log" }));
    expect(d.points.map((p) => p.y).sort((a, b) => a - b)).toEqual([50, 100, 300]);
    expect(d.missing).toBe(6);
    const rq = d.points.find((p) => p.y === 100)!;
    expect(rq.yErr).toBeCloseTo(5, 12);
    // 1/σ_QF with its propagated uncertainty u(σ)/σ²
    const inv = await getDiagram(w.db, ANONYMOUS, query({ y: "sigmaQFinv", yScale: "log" }));
    expect(inv.points).toHaveLength(1);
    expect(inv.points[0]!.y).toBeCloseTo(1e5, 6);
    expect(inv.points[0]!.yErr).toBeCloseTo(1e4, 6);
  });
});

describe("diagram query: geometry", () => {
  it("locates the boundaries along a field series, with the interval they lie in", async () => {
    const d = await getDiagram(w.db, ANONYMOUS, query({ grades: ["GOOD"] }));
    expect(d.series).toHaveLength(1);
    expect(d.boundaries.map((b) => [b.from, b.to, b.x, b.xLow, b.xHigh, b.undecidedBetween])).toEqual([
      ["S", "M1", 150, 100, 200, 0],
      ["M1", "M2", 300, 200, 400, 1],
      ["M2", "I2", 450, 400, 500, 0],
    ]);
    expect(d.yAxis.ticks?.map((t) => t.label)).toEqual(["Public film"]);
  });

  it("keeps measurements of one film in different setups as separate series", async () => {
    const d = await getDiagram(w.db, ANONYMOUS, query());
    expect(d.series.length).toBe(3);
    // no boundary is drawn between curves of different setups (M1 in the poor setup at 0 Oe, S at 50 Oe)
    expect(d.boundaries.filter((b) => b.xLow === 0 && b.xHigh === 50)).toHaveLength(1);
  });

  it("shows a member's label override instead of the fit's label", async () => {
    const curveId = w.goodSeries[100]!.curveId;
    const owner = await w.db.user.findFirstOrThrow({ where: { memberships: { some: { labId: w.labA } } }, select: { id: true } });
    await w.db.labelOverride.create({ data: { curveId, phase: "M1", justification: "R levels off below 60 mK", userId: owner.id } });
    const d = await getDiagram(w.db, ANONYMOUS, query({ grades: ["GOOD"] }));
    const p = d.points.find((q) => q.curveId === curveId)!;
    expect([p.phase, p.autoPhase, p.isOverride]).toEqual(["M1", "S", true]);
    expect(d.boundaries[0]).toMatchObject({ from: "S", to: "M1", xLow: 0, xHigh: 100 });
    await w.db.labelOverride.updateMany({ where: { curveId }, data: { supersededAt: new Date() } });
    const after = await getDiagram(w.db, ANONYMOUS, query({ grades: ["GOOD"] }));
    expect(after.points.find((q) => q.curveId === curveId)!.phase).toBe("S");
  });

  it("uses each curve's newest fit, or the fits of one engine version", async () => {
    const { curveId, fitId } = w.goodSeries[400]!;
    const newFit = await addFit(w.db, curveId, { phase: "I1", engineVersion: "test-2" });
    const current = await getDiagram(w.db, ANONYMOUS, query());
    expect(current.points.find((p) => p.curveId === curveId)).toMatchObject({ fitId: newFit, phase: "I1", engineVersion: "test-2" });
    const old = await getDiagram(w.db, ANONYMOUS, query({ engine: "test-1" }));
    expect(old.points.find((p) => p.curveId === curveId)).toMatchObject({ fitId, phase: "M2" });
    expect(old.total).toBe(9);
    // back to the original state for the other tests
    await w.db.fitResult.delete({ where: { id: newFit } });
    await w.db.fitResult.update({ where: { id: fitId }, data: { isCurrent: true } });
    expect((await getDiagram(w.db, ANONYMOUS, query())).points.find((p) => p.curveId === curveId)!.fitId).toBe(fitId);
  });

  it("follows changes of a curve's conditions", async () => {
    const { curveId } = w.goodSeries[500]!;
    await w.db.curve.update({ where: { id: curveId }, data: { fieldOe: 550 } });
    const d = await getDiagram(w.db, ANONYMOUS, query());
    expect(d.points.find((p) => p.curveId === curveId)!.x).toBe(550);
    await w.db.curve.update({ where: { id: curveId }, data: { fieldOe: 500 } });
  });

  it("follows changes of a sample's visibility, sharing and material, and of a setup's filtering grade", async () => {
    const material = `mat-${uid()}`;
    const sample = await makeSample(w.db, w.labA, { material, visibility: "PRIVATE" });
    const setup = await makeSetup(w.db, w.labA, "POOR");
    await addFittedCurve(w.db, { labId: w.labA, sampleId: sample, setupId: setup, fieldOe: 0, phase: "M1" });
    const q = query({ materials: [material] });
    expect((await getDiagram(w.db, ANONYMOUS, q)).total).toBe(0);
    expect((await getDiagram(w.db, w.other, q)).total).toBe(0);
    expect((await getDiagram(w.db, w.owner, q)).total).toBe(1);
    await w.db.sample.update({ where: { id: sample }, data: { visibility: "SHARED", shares: { create: { labId: w.labB } } } });
    expect((await getDiagram(w.db, w.other, q)).total).toBe(1);
    expect((await getDiagram(w.db, ANONYMOUS, q)).total).toBe(0);
    await w.db.sample.update({ where: { id: sample }, data: { visibility: "PUBLIC", material: `${material}-b` } });
    expect((await getDiagram(w.db, ANONYMOUS, q)).total).toBe(0);
    const renamed = query({ materials: [`${material}-b`] });
    expect((await getDiagram(w.db, ANONYMOUS, renamed)).points[0]).toMatchObject({ grade: "POOR", isArtifact: true });
    await w.db.measurementSetup.update({ where: { id: setup }, data: { filteringGrade: "GOOD" } });
    expect((await getDiagram(w.db, ANONYMOUS, renamed)).points[0]).toMatchObject({ grade: "GOOD", isArtifact: false });
    await w.db.measurementSetup.delete({ where: { id: setup } });
    expect((await getDiagram(w.db, ANONYMOUS, renamed)).points[0]).toMatchObject({ setupId: null, grade: "UNKNOWN", isArtifact: true });
  });

  it("keeps each sample's axis ranges in step with its fits, for laying out cells", async () => {
    const sample = await makeSample(w.db, w.labA, { material: `mat-${uid()}` });
    await addFittedCurve(w.db, { labId: w.labA, sampleId: sample, fieldOe: 0, phase: "M1", quantities: { rhoQF_ohm: { value: 5, uncertainty: 1 } } });
    const extent = () => w.db.diagramSampleExtent.findUnique({ where: { sampleId: sample }, select: { fieldOeMin: true, fieldOeMax: true, fieldOeMinPos: true, rhoQfOhmMax: true } });
    expect(await extent()).toEqual({ fieldOeMin: 0, fieldOeMax: 0, fieldOeMinPos: null, rhoQfOhmMax: 5 });
    const { curveId } = await addFittedCurve(w.db, { labId: w.labA, sampleId: sample, fieldOe: 900, phase: "M2" });
    expect(await extent()).toEqual({ fieldOeMin: 0, fieldOeMax: 900, fieldOeMinPos: 900, rhoQfOhmMax: 5 });
    await w.db.curve.delete({ where: { id: curveId } });
    expect(await extent()).toEqual({ fieldOeMin: 0, fieldOeMax: 0, fieldOeMinPos: null, rhoQfOhmMax: 5 });
    await w.db.curve.deleteMany({ where: { sampleId: sample } });
    expect(await extent()).toBeNull();
  });

  it("aggregates into cells above the point limit, with every point counted once", async () => {
    const lab = w.labA;
    const material = `mat-${uid()}`;
    const sample = await makeSample(w.db, lab, { material });
    const n = 130;
    const { created } = await w.db.$transaction((tx) =>
      insertCurves(
        tx,
        { labId: lab, sampleId: sample, annealStage: "S0" },
        Array.from({ length: n }, (_, i) => ({ kind: "RT" as const, quantity: "SHEET_RESISTANCE" as const, pressureGPa: i / 10, T: [0.1, 1], R: [i, i + 1] })),
      ),
    );
    await w.db.fitResult.createMany({
      data: created.map((curveId, i) => ({
        curveId,
        engineVersion: "test-1",
        model: "test",
        params: {},
        uncertainties: {},
        phase: i < 60 ? ("S" as const) : ("I2" as const),
        confidence: 0.9,
        inconclusive: false,
        reasons: [],
        candidates: [],
        quantities: { ratio350mK300K: { value: 0.01 + i, uncertainty: null } },
        diagnostics: {},
        inputHash: "x",
      })),
    });
    for (const q of [query({ materials: [material], x: "P", y: "ratio350", yScale: "log", maxPoints: 100 }), query({ materials: [material], x: "P", y: "sample", maxPoints: 100 })]) {
      const d = await getDiagram(w.db, ANONYMOUS, q);
      expect(d.mode).toBe("aggregated");
      expect(d.points).toEqual([]);
      expect(d.total).toBe(n);
      expect(d.bins.reduce((sum, b) => sum + b.count, 0)).toBe(n);
      expect(d.bins.reduce((sum, b) => sum + (b.counts.S ?? 0), 0)).toBe(60);
      for (const b of d.bins) expect(b.x0).toBeLessThan(b.x1);
      expect(d.notes.some((note) => note.includes("more than can be drawn"))).toBe(true);
    }
    const drawn = await getDiagram(w.db, ANONYMOUS, query({ materials: [material], x: "P", y: "ratio350", maxPoints: 200 }));
    expect(drawn.mode).toBe("points");
    expect(drawn.points).toHaveLength(n);
    expect(drawn.boundaries.map((b) => [b.from, b.to, b.xLow, b.xHigh])).toEqual([["S", "I2", 5.9, 6]]);
  });

  it("lists the same filter choices from the in-memory table as from the database, for every viewer", async () => {
    for (const actor of [ANONYMOUS, w.owner, w.other]) {
      const memory = await listDiagramFilterOptions(w.db, actor, { source: "memory" });
      expect(memory).toEqual(await listDiagramFilterOptions(w.db, actor, { source: "database" }));
      // a lab's private sample is listed to its members only
      expect(memory.samples.some((s) => s.id === w.privateSample)).toBe(actor === w.owner);
    }
  });

  it("gives the same answer whether the rows are read in one pass or counted in the database first", async () => {
    const scopes = [await resolveScope(w.db, w.owner), await resolveScope(w.db, ANONYMOUS)];
    const cases: Partial<TDiagramQuery>[] = [
      {},
      { y: "rhoQF", yScale: "log" },
      { wellFilteredOnly: true, hidePhases: ["inconclusive"] },
      { grades: ["POOR", "UNKNOWN"], colorBy: "lab", facetBy: "lab" },
      { x: "Tc90", y: "Ea", minConfidence: 0.6 },
      { maxPoints: 100, materials: [] , labIds: [w.labA], x: "P", y: "sample" },
      { maxPoints: 100, labIds: [w.labA], x: "P", y: "ratio350", yScale: "log", facetBy: "material" },
      // boundaries located along every curve with an x value, by the database or in memory
      { y: "Tc90" },
      { y: "rhoQF", yScale: "log", hidePhases: ["S"] },
      { x: "stage", y: "Tc90" },
      { x: "P", y: "Tc90", materials: [] },
    ];
    for (const [i, patch] of cases.entries()) {
      const scope = scopes[i % 2]!;
      const q = query(patch);
      const onePass = await buildDiagram(w.db, scope, q, { onePassRows: 100_000 });
      const counted = await buildDiagram(w.db, scope, q, { source: "database" });
      // the in-memory table gives the database's answer exactly (cells in any order)
      const memory = await buildDiagram(w.db, scope, q, { source: "memory" });
      expect(withSortedBins(memory), JSON.stringify(patch)).toEqual(withSortedBins(counted));
      const summary = (d: TDiagramDto) => [d.mode, d.total, d.missing, d.removedBySwitch, d.phaseCounts, d.artifactCount, d.engineVersions];
      expect(summary(counted), JSON.stringify(patch)).toEqual(summary(onePass));
      expect(counted.points, JSON.stringify(patch)).toEqual(onePass.points);
      expect(counted.boundaries, JSON.stringify(patch)).toEqual(onePass.boundaries);
      expect(counted.xAxis).toEqual(onePass.xAxis);
      expect(counted.yAxis).toEqual(onePass.yAxis);
      // what the procedure sends is what its schema says (the router does not parse its output)
      ZDiagramDto.parse(counted);
      const cellTotal = (d: TDiagramDto) => d.bins.reduce((n, b) => n + b.count, 0);
      expect(cellTotal(counted)).toBe(cellTotal(onePass));
      if (counted.mode === "aggregated") {
        expect(cellTotal(counted)).toBe(counted.total);
        const byPhase = (d: TDiagramDto) => Object.fromEntries(["S", "M1", "M2", "I1", "I2", "inconclusive"].map((k) => [k, d.bins.reduce((n, b) => n + (b.counts[k as "S"] ?? 0), 0)]));
        expect(byPhase(counted)).toEqual(byPhase(onePass));
        expect(counted.facets.map((f) => [f.key, f.count])).toEqual(onePass.facets.map((f) => [f.key, f.count]));
      }
    }
  });

  it("labels resistance axes Ω/□ only for sheet resistances, Ω for curves stored in Ω, and says when they mix", async () => {
    const material = `mat-${uid()}`;
    const sample = await makeSample(w.db, w.labA, { material });
    const rho = (value: number) => ({ rhoQF_ohm: { value, uncertainty: 1 } });
    await addFittedCurve(w.db, { labId: w.labA, sampleId: sample, fieldOe: 0, phase: "M1", quantity: "RESISTANCE", quantities: rho(50) });
    const q = query({ materials: [material], y: "rhoQF", yScale: "log" });
    const ohm = await getDiagram(w.db, ANONYMOUS, q);
    expect([ohm.yAxis.unit, ohm.yAxis.title, ohm.points[0]!.quantity]).toEqual(["Ω", "ρ_QF (Ω)", "RESISTANCE"]);
    await addFittedCurve(w.db, { labId: w.labA, sampleId: sample, fieldOe: 100, phase: "M1", quantities: rho(80) });
    expect((await getDiagram(w.db, ANONYMOUS, q)).yAxis.title).toBe("ρ_QF (Ω/□ or Ω, mixed)");
    // so does another layout of the same curves
    const rows = await buildDiagram(w.db, await resolveScope(w.db, ANONYMOUS), { ...q, x: "sample", y: "rhoQF" });
    expect(rows.yAxis.unit).toBe("Ω/□ or Ω, mixed");
  });

  it("serves a repeated view from the cache, never across labs and never after a change", async () => {
    const material = `mat-${uid()}`;
    const sample = await makeSample(w.db, w.labA, { material, visibility: "PRIVATE" });
    await addFittedCurve(w.db, { labId: w.labA, sampleId: sample, fieldOe: 0, phase: "S" });
    const q = query({ materials: [material] });
    const first = await getDiagram(w.db, w.owner, q);
    expect(first.total).toBe(1);
    // the same view in the same state of the database: the same answer, built once
    expect(await getDiagram(w.db, w.owner, q)).toBe(first);
    // another viewer's visibility is another entry: a visitor and the other lab see nothing
    expect((await getDiagram(w.db, ANONYMOUS, q)).total).toBe(0);
    expect((await getDiagram(w.db, w.other, q)).total).toBe(0);
    // a new fit, then a share: every later request sees them
    await addFittedCurve(w.db, { labId: w.labA, sampleId: sample, fieldOe: 100, phase: "M1" });
    const after = await getDiagram(w.db, w.owner, q);
    expect(after.total).toBe(2);
    expect(after.boundaries.map((b) => [b.from, b.to])).toEqual([["S", "M1"]]);
    await w.db.sample.update({ where: { id: sample }, data: { visibility: "SHARED", shares: { create: { labId: w.labB } } } });
    expect((await getDiagram(w.db, w.other, q)).total).toBe(2);
    expect((await getDiagram(w.db, ANONYMOUS, q)).total).toBe(0);
  });

  it("exports the points with their provenance", async () => {
    const { rows } = await exportDiagramRows(w.db, ANONYMOUS, query({ grades: ["POOR"] }), "https://atlas.test");
    expect(rows).toHaveLength(2);
    const m1 = rows.find((r) => r.fit_id === w.poorM1)!;
    expect(m1).toMatchObject({ sample: "Public film", material: w.material, filtering_grade: "POOR", possible_radiation_artifact: true, phase: "M1", x: 0, field_Oe: 0 });
    expect(m1.curve_url).toMatch(/^https:\/\/atlas\.test\/curves\//);
  });
});

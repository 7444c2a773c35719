import { describe, expect, it } from "vitest";
import { insertCurves } from "~/server/domains/curves/service";
import { ENGINE_VERSION } from "~/server/fitting";
import { fitCurve } from "~/server/jobs/fit-curve";
import { addMember, makeLab, makeUser, testDb } from "~/server/testing/db";
import { getCurveDetail, overrideLabel, refitLab, revertOverride } from "./service";

async function fittedCurve() {
  const db = testDb();
  const owner = await makeUser(db, "Owner");
  const lab = await makeLab(db, owner.id);
  const id = `s-${lab.id}`;
  await db.sample.create({ data: { id, labId: lab.id, name: "film", material: "a-InO", lineageRootId: id, visibility: "PUBLIC" } });
  // A failed superconductor: ρ = 300 Ω + 5 kΩ · exp(−1.2 K / T), 0.03–3 K.
  const T = Array.from({ length: 120 }, (_, i) => 0.03 * 100 ** (i / 119));
  const R = T.map((t, i) => (300 + 5000 * Math.exp(-1.2 / t)) * (1 + 0.003 * Math.cos(i * 2.1)));
  const { created } = await db.$transaction((tx) => insertCurves(tx, { labId: lab.id, sampleId: id, annealStage: "S0" }, [{ kind: "RT", quantity: "SHEET_RESISTANCE", T, R }]));
  const curveId = created[0]!;
  await fitCurve(db, curveId);
  return { db, owner, lab, curveId };
}

describe("curve detail and labels", () => {
  it("shows the fit over its window with parameters, uncertainties and reasons", async () => {
    const { db, owner, curveId } = await fittedCurve();
    const detail = await getCurveDetail(db, owner.actor, curveId);
    const fit = detail.fits[0]!;
    expect(fit.phase).toBe("M1");
    expect(fit.reasons.length).toBeGreaterThan(0);
    expect(fit.params.rhoQF_ohm).toBeGreaterThan(250);
    expect(fit.params.rhoQF_ohm).toBeLessThan(350);
    expect(fit.uncertainties.rhoQF_ohm).toBeGreaterThan(0);
    expect(detail.overlay?.line.x.length).toBeGreaterThan(10);
    // Relative residuals of a good fit are at the noise level.
    const worst = Math.max(...detail.overlay!.residuals.y.map(Math.abs));
    expect(worst).toBeLessThan(0.05);
  });

  it("lets a member override the label with a justification, keeps the automatic one, and records it", async () => {
    const { db, owner, lab, curveId } = await fittedCurve();
    const viewer = await makeUser(db, "Viewer");
    await addMember(db, lab.id, viewer.id, "VIEWER");
    await expect(overrideLabel(db, viewer.actor, { curveId, phase: "S", justification: "viewers may not do this" })).rejects.toThrow(/member role/);

    await overrideLabel(db, owner.actor, { curveId, phase: "S", justification: "Saturation below 60 mK is heating: thermometer and bath differ by 30 %." });
    let detail = await getCurveDetail(db, owner.actor, curveId);
    expect(detail.overrides[0]).toMatchObject({ phase: "S", supersededAt: null });
    expect(detail.fits[0]?.phase).toBe("M1");

    await revertOverride(db, owner.actor, curveId);
    detail = await getCurveDetail(db, owner.actor, curveId);
    expect(detail.overrides.every((o) => o.supersededAt !== null)).toBe(true);
    const actions = await db.auditEvent.findMany({ where: { entityId: curveId }, orderBy: { at: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["label.override", "label.revert"]);
  });

  it("re-fits only what the current engine has not fitted, keeping older results", async () => {
    const { db, owner, lab, curveId } = await fittedCurve();
    expect((await refitLab(db, owner.actor, lab.id)).queued).toBe(0);
    // As if the curve had been fitted by an earlier engine only.
    await db.fitResult.updateMany({ where: { curveId }, data: { engineVersion: "0.0.0-old", isCurrent: true } });
    expect(await refitLab(db, owner.actor, lab.id)).toEqual({ queued: 1, engineVersion: ENGINE_VERSION });
    await fitCurve(db, curveId);
    const fits = await db.fitResult.findMany({ where: { curveId }, orderBy: { createdAt: "asc" }, select: { engineVersion: true, isCurrent: true } });
    expect(fits).toEqual([
      { engineVersion: "0.0.0-old", isCurrent: false },
      { engineVersion: ENGINE_VERSION, isCurrent: true },
    ]);
  });
});

describe("curves that carry no SIT label", () => {
  async function storedCurve(T: number[], R: number[], extra: { fieldOe?: number } = {}) {
    const db = testDb();
    const owner = await makeUser(db, "Owner");
    const lab = await makeLab(db, owner.id);
    const id = `s-${lab.id}`;
    await db.sample.create({ data: { id, labId: lab.id, name: "film", material: "a-InO", lineageRootId: id, visibility: "PUBLIC" } });
    const { created } = await db.$transaction((tx) => insertCurves(tx, { labId: lab.id, sampleId: id, annealStage: "S0" }, [{ kind: "RT", quantity: "RESISTANCE", T, R, ...extra }]));
    await fitCurve(db, created[0]!);
    return { db, owner, lab, sampleId: id, curveId: created[0]! };
  }

  it("stores a dead channel as NONE with its reason code, in the fit and the diagram's read model", async () => {
    const T = Array.from({ length: 60 }, (_, i) => 2 + i * 5);
    const { db, owner, curveId } = await storedCurve(T, T.map(() => 0));
    const fit = await db.fitResult.findFirstOrThrow({ where: { curveId }, select: { phase: true, reasonCode: true, model: true, inconclusive: true } });
    expect(fit).toEqual({ phase: "NONE", reasonCode: "no_signal", model: "none", inconclusive: false });
    const point = await db.diagramPoint.findFirstOrThrow({ where: { curveId }, select: { phase: true, reasonCode: true } });
    expect(point).toEqual({ phase: "NONE", reasonCode: "no_signal" });
    const detail = await getCurveDetail(db, owner.actor, curveId);
    expect(detail.overlay).toBeNull();
    expect(detail.fits[0]).toMatchObject({ phase: "NONE", reasonCode: "no_signal" });
  });

  it("an ordinary metal from 300 K is metallic_no_transition, with no Tc", async () => {
    const T = Array.from({ length: 150 }, (_, i) => 2 + i * 2);
    const R = T.map((t, i) => (10 + 20 * (t / 300) ** 1.2) * (1 + 1e-4 * Math.sin(i * 1.7)));
    const { db, curveId } = await storedCurve(T, R);
    const fit = await db.fitResult.findFirstOrThrow({ where: { curveId }, select: { phase: true, reasonCode: true, quantities: true } });
    expect(fit.phase).toBe("NONE");
    expect(fit.reasonCode).toBe("metallic_no_transition");
    expect((fit.quantities as Record<string, unknown>).Tc90_K).toBeUndefined();
  });

  it("a member may say that no SIT label applies, with a reason code; without one the override is refused", async () => {
    const T = Array.from({ length: 60 }, (_, i) => 2 + i * 5);
    const { db, owner, curveId } = await storedCurve(T, T.map((t) => 5 + 0.01 * t));
    await overrideLabel(db, owner.actor, { curveId, phase: "NONE", reasonCode: "series_resistance", justification: "The plateau is the same at every field of this film: contacts." });
    const detail = await getCurveDetail(db, owner.actor, curveId);
    expect(detail.overrides[0]).toMatchObject({ phase: "NONE", reasonCode: "series_resistance" });
    const point = await db.diagramPoint.findFirstOrThrow({ where: { curveId }, select: { overridePhase: true } });
    expect(point.overridePhase).toBe("NONE");
    const { ZOverrideLabelInput } = await import("./schemas");
    expect(ZOverrideLabelInput.safeParse({ curveId, phase: "NONE", justification: "no reason code given here" }).success).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { insertCurves } from "~/server/domains/curves/service";
import { makeLab, makeUser, testDb } from "~/server/testing/db";
import { fitCurve } from "./fit-curve";

/** A sharp superconducting drop (Tc 6 K) onto a flat 50 Ω: a failed superconductor's plateau, or the contacts of a two-probe measurement. */
function dropOntoResidual(): { T: number[]; R: number[] } {
  const T = Array.from({ length: 300 }, (_, i) => 1 + (19 * i) / 299);
  return { T, R: T.map((t, i) => 50 + 1000 / (1 + Math.exp(-(t - 6) / 0.3)) + 0.002 * Math.sin(i * 7.3)) };
}

describe("fit job: what the setup says about the measurement", () => {
  it("reads a plateau measured with two probes as a possible contact resistance, and the same curve with four as M1", async () => {
    const db = testDb();
    const user = await makeUser(db);
    const lab = await makeLab(db, user.id);
    const fitted = async (fourProbe: boolean) => {
      // a film of its own for each setup (one film holds one copy of a curve)
      const sampleId = `s-${lab.id}-${fourProbe ? 4 : 2}`;
      await db.sample.create({ data: { id: sampleId, labId: lab.id, name: `film ${fourProbe ? 4 : 2}`, material: "a-InO", lineageRootId: sampleId } });
      const setup = await db.measurementSetup.create({ data: { labId: lab.id, name: `${fourProbe ? "four" : "two"} probes`, fourProbe }, select: { id: true } });
      const { created } = await db.$transaction((tx) =>
        insertCurves(tx, { labId: lab.id, sampleId, annealStage: "S0", setupId: setup.id }, [{ kind: "RT", quantity: "SHEET_RESISTANCE", ...dropOntoResidual() }]),
      );
      expect(await fitCurve(db, created[0]!)).toBe("fitted");
      return db.fitResult.findFirstOrThrow({ where: { curveId: created[0]! }, select: { phase: true, inconclusive: true, reasonCode: true, reasons: true } });
    };
    const two = await fitted(false);
    expect(two).toMatchObject({ phase: "M1", inconclusive: true, reasonCode: "series_resistance" });
    expect(JSON.stringify(two.reasons)).toMatch(/two probes/);
    expect(await fitted(true)).toMatchObject({ phase: "M1", inconclusive: false, reasonCode: null });
  });
});

/** Building blocks of the diagram and permalink integration tests: samples, setups, fitted curves. */
import type { FilteringGrade, Phase, PressureDirection, Visibility } from "~/generated/prisma/enums";
import type { Db } from "~/server/db";
import { insertCurves } from "~/server/domains/curves/service";
import { uid } from "~/server/testing/db";

export async function makeSample(
  db: Db,
  labId: string,
  fields: { name?: string; material: string; visibility?: Visibility; stageIndex?: number; annealStage?: string; lineageRootId?: string; thicknessNm?: number; sharedWith?: string[] },
): Promise<string> {
  const id = uid("smp-");
  await db.sample.create({
    data: {
      id,
      labId,
      name: fields.name ?? `Film ${id}`,
      material: fields.material,
      visibility: fields.visibility ?? "PUBLIC",
      lineageRootId: fields.lineageRootId ?? id,
      stageIndex: fields.stageIndex ?? 0,
      annealStage: fields.annealStage ?? "S0",
      thicknessNm: fields.thicknessNm ?? null,
      shares: fields.sharedWith ? { create: fields.sharedWith.map((labId) => ({ labId })) } : undefined,
    },
  });
  return id;
}

export async function makeSetup(db: Db, labId: string, grade: FilteringGrade): Promise<string> {
  const setup = await db.measurementSetup.create({ data: { labId, name: `setup ${uid()}`, filteringGrade: grade }, select: { id: true } });
  return setup.id;
}

export interface FittedCurveSpec {
  labId: string;
  sampleId: string;
  setupId?: string | null;
  fieldOe?: number | null;
  pressureGPa?: number | null;
  pressureDirection?: PressureDirection;
  phase: Phase;
  confidence?: number;
  inconclusive?: boolean;
  engineVersion?: string;
  quantities?: Record<string, { value: number; uncertainty: number | null }>;
  /** what the curve stores (default: sheet resistance) */
  quantity?: "RESISTANCE" | "SHEET_RESISTANCE" | "RESISTIVITY";
}

let counter = 0;

/** A curve (a few unique points) and its fit; the database triggers add the diagram point. */
export async function addFittedCurve(db: Db, spec: FittedCurveSpec): Promise<{ curveId: string; fitId: string }> {
  counter++;
  const unique = Math.random() + counter;
  const { created } = await db.$transaction((tx) =>
    insertCurves(tx, { labId: spec.labId, sampleId: spec.sampleId, annealStage: "S0", setupId: spec.setupId ?? null }, [
      {
        kind: "RT",
        quantity: spec.quantity ?? "SHEET_RESISTANCE",
        fieldOe: spec.fieldOe ?? null,
        pressureGPa: spec.pressureGPa ?? null,
        pressureDirection: spec.pressureDirection ?? "UNKNOWN",
        T: [0.1, 0.2, 0.3, 1],
        R: [unique, 2, 3, 4],
      },
    ]),
  );
  const curveId = created[0]!;
  const fit = await addFit(db, curveId, spec);
  return { curveId, fitId: fit };
}

/** Another fit of a curve (a re-fit): the previous ones stop being current. */
export async function addFit(db: Db, curveId: string, spec: Omit<FittedCurveSpec, "labId" | "sampleId">): Promise<string> {
  const engineVersion = spec.engineVersion ?? "test-1";
  const [, fit] = await db.$transaction([
    db.fitResult.updateMany({ where: { curveId, NOT: { engineVersion } }, data: { isCurrent: false } }),
    db.fitResult.create({
      data: {
        curveId,
        engineVersion,
        isCurrent: true,
        model: "test",
        params: {},
        uncertainties: {},
        phase: spec.phase,
        confidence: spec.confidence ?? 0.9,
        inconclusive: spec.inconclusive ?? false,
        reasons: ["made by a test"],
        candidates: [],
        quantities: spec.quantities ?? {},
        diagnostics: {},
        inputHash: uid(),
      },
      select: { id: true },
    }),
  ]);
  return fit.id;
}

import { randomUUID } from "node:crypto";
import type { Db } from "~/server/db";
import { hashPassword } from "~/server/auth/password";
import { recordAudit } from "~/server/domains/audit/service";
import { insertCurves } from "~/server/domains/curves/service";
import { assessFiltering } from "~/server/domains/setups/filtering-grade";
import { enqueueIsothermAnalyses } from "~/server/jobs/isotherm-queue";
import { enqueueFits } from "~/server/jobs/queue";
import { buildDemoDataset, DEMO_PASSWORD, type DemoLab } from "~/server/synthetic/demo";

export interface SeedResult {
  created: boolean;
  labs: number;
  samples: number;
  curves: number;
}

const SYSTEM = { kind: "anonymous" } as const;

/**
 * Seeds the demo labs, people, setups, samples and curves, and queues every curve for fitting.
 * Idempotent: a lab whose slug exists is left untouched, so a second start changes nothing.
 * No phase labels are written: labels come only from fits.
 */
export async function seedDemoData(db: Db): Promise<SeedResult> {
  const dataset = buildDemoDataset();
  const existing = new Set((await db.lab.findMany({ where: { slug: { in: dataset.labs.map((l) => l.slug) } }, select: { slug: true } })).map((l) => l.slug));
  const missing = dataset.labs.filter((lab) => !existing.has(lab.slug));
  if (missing.length === 0) return { created: false, labs: 0, samples: 0, curves: 0 };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const result: SeedResult = { created: true, labs: 0, samples: 0, curves: 0 };
  await db.$transaction(
    async (tx) => {
      const userIds = new Map<string, string>();
      for (const member of dataset.labs.flatMap((lab) => lab.members)) {
        if (userIds.has(member.email)) continue;
        const user = await tx.user.upsert({
          where: { email: member.email },
          create: { email: member.email, name: member.name, passwordHash, emailVerified: new Date() },
          update: {},
          select: { id: true },
        });
        userIds.set(member.email, user.id);
      }
      const labIds = new Map<string, string>();
      for (const lab of dataset.labs) {
        const found = await tx.lab.findUnique({ where: { slug: lab.slug }, select: { id: true } });
        if (found) labIds.set(lab.key, found.id);
      }
      for (const lab of missing) {
        const created = await tx.lab.create({
          data: {
            slug: lab.slug,
            name: lab.name,
            institution: lab.institution,
            description: lab.description,
            memberships: { create: lab.members.map((m) => ({ userId: userIds.get(m.email)!, role: m.role })) },
          },
          select: { id: true },
        });
        labIds.set(lab.key, created.id);
        result.labs++;
      }
      for (const lab of missing) {
        const counts = await seedLab(tx as unknown as Db, lab, labIds, userIds);
        result.samples += counts.samples;
        result.curves += counts.curves;
      }
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
  return result;
}

async function seedLab(tx: Db, lab: DemoLab, labIds: Map<string, string>, userIds: Map<string, string>): Promise<{ samples: number; curves: number }> {
  const labId = labIds.get(lab.key)!;
  const owner = lab.members.find((m) => m.role === "OWNER") ?? lab.members[0]!;
  const ownerId = userIds.get(owner.email)!;
  const setupIds = new Map<string, string>();
  for (const setup of lab.setups) {
    const stages = [...setup.filterStages].sort((a, b) => a.position - b.position);
    const created = await tx.measurementSetup.create({
      data: {
        labId,
        name: setup.name,
        cryostat: setup.cryostat,
        baseTemperatureK: setup.baseTemperatureK,
        thermometry: setup.thermometry,
        thermometerPlacement: setup.thermometerPlacement,
        excitation: setup.excitation,
        excitationAmplitudeA: setup.excitationAmplitudeA,
        excitationFrequencyHz: setup.excitationFrequencyHz,
        fourProbe: setup.fourProbe,
        linearResponseChecked: setup.linearResponseChecked,
        shielding: setup.shielding,
        notes: setup.notes,
        filteringGrade: assessFiltering(stages).grade,
        createdById: ownerId,
        filterStages: {
          create: stages.map((s, position) => ({
            position,
            type: s.type,
            stage: s.stage,
            attenuationDb: s.attenuationDb,
            bandLowHz: s.bandLowHz,
            bandHighHz: s.bandHighHz,
            notes: s.notes ?? null,
          })),
        },
      },
      select: { id: true },
    });
    setupIds.set(setup.key, created.id);
  }
  const sampleIds = new Map<string, string>();
  const rootIds = new Map<string, string>();
  const ordered = [...lab.samples].sort((a, b) => a.stageIndex - b.stageIndex);
  for (const sample of ordered) {
    const id = randomUUID();
    if (!rootIds.has(sample.filmKey)) rootIds.set(sample.filmKey, id);
    await tx.sample.create({
      data: {
        id,
        labId,
        name: sample.name,
        material: sample.material,
        morphology: sample.morphology,
        thicknessNm: sample.thicknessNm,
        substrate: sample.substrate,
        depositionMethod: sample.depositionMethod,
        depositionO2PressureMbar: sample.depositionO2PressureMbar,
        depositionNotes: sample.depositionNotes,
        geometry: sample.geometry,
        squares: sample.squares,
        leadMaterial: sample.leadMaterial,
        notes: sample.notes,
        provenance: sample.provenance,
        lineageRootId: rootIds.get(sample.filmKey)!,
        parentId: sample.parentKey ? sampleIds.get(sample.parentKey)! : null,
        stageIndex: sample.stageIndex,
        annealStage: sample.annealStage,
        annealTreatment: sample.annealTreatment,
        visibility: sample.visibility,
        createdById: ownerId,
        shares: { create: sample.sharedWithLabKeys.map((key) => ({ labId: labIds.get(key)! })) },
      },
    });
    sampleIds.set(sample.key, id);
  }
  let curveCount = 0;
  for (const sample of ordered) {
    const curves = lab.curves.filter((c) => c.sampleKey === sample.key).sort((a, b) => a.conditions.sequence - b.conditions.sequence);
    const bySetup = new Map<string, typeof curves>();
    for (const curve of curves) bySetup.set(curve.setupKey, [...(bySetup.get(curve.setupKey) ?? []), curve]);
    for (const [setupKey, group] of bySetup) {
      const { created } = await insertCurves(
        tx,
        { labId, sampleId: sampleIds.get(sample.key)!, annealStage: sample.annealStage, setupId: setupIds.get(setupKey)! },
        group.map((c) => ({
          kind: c.kind,
          quantity: c.quantity,
          fieldOe: c.conditions.H_Oe,
          fieldOrientation: c.conditions.fieldOrientation,
          pressureGPa: c.conditions.P_GPa,
          pressureDirection: c.conditions.pressureDirection ?? "UNKNOWN",
          pressureMedium: c.conditions.pressureMedium,
          sweepDirection: c.conditions.sweepDirection,
          T: c.T,
          R: c.R,
          segmentReason: "demo dataset",
          measuredAt: new Date(c.measuredAt),
        })),
      );
      await enqueueFits(tx, created);
      curveCount += created.length;
    }
  }
  const isothermSampleIds: string[] = [];
  for (const set of lab.isothermSets) {
    const id = randomUUID();
    const s = set.sample;
    await tx.sample.create({
      data: {
        id,
        labId,
        name: s.name,
        material: s.material,
        morphology: s.morphology,
        thicknessNm: s.thicknessNm,
        substrate: s.substrate,
        depositionMethod: s.depositionMethod,
        depositionO2PressureMbar: s.depositionO2PressureMbar,
        depositionNotes: s.depositionNotes,
        geometry: s.geometry,
        squares: s.squares,
        leadMaterial: s.leadMaterial,
        notes: s.notes,
        provenance: s.provenance,
        lineageRootId: id,
        stageIndex: 0,
        annealStage: s.annealStage,
        visibility: s.visibility,
        createdById: ownerId,
      },
    });
    const { created } = await insertCurves(
      tx,
      { labId, sampleId: id, annealStage: s.annealStage, setupId: setupIds.get(set.setupKey)! },
      set.curves.map((c) => ({
        kind: "RH",
        quantity: set.quantity,
        temperatureK: c.T_K,
        fieldOrientation: "PERPENDICULAR",
        sweepDirection: c.sweepDirection,
        T: Array.from(c.H_Oe, () => c.T_K),
        R: c.R,
        H: c.H_Oe,
        segmentReason: "demo dataset",
        measuredAt: new Date(c.measuredAt),
      })),
    );
    curveCount += created.length;
    isothermSampleIds.push(id);
  }
  await enqueueIsothermAnalyses(tx, isothermSampleIds);
  const samples = ordered.length + lab.isothermSets.length;
  await recordAudit(tx, { actor: SYSTEM, labId, action: "demo.seed", entityType: "Lab", entityId: labId, details: { samples, curves: curveCount } });
  return { samples, curves: curveCount };
}

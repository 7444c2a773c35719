import { randomUUID } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import type { Actor } from "~/server/domains/access/actor";
import {
  type AccessScope,
  hasLabPermission,
  readableSampleWhere,
  requireLabPermission,
  requireReadableSample,
  requireWritableSample,
  resolveScope,
} from "~/server/domains/access/service";
import { recordAudit } from "~/server/domains/audit/service";
import { curveOrder, curveSummarySelect, toCurveSummary } from "~/server/domains/curves/service";
import { setupDtoSelect, toSetupDto } from "~/server/domains/setups/service";
import type { TCreateSampleInput, TListSamplesInput, TSampleListDto, TUpdateSampleInput } from "./schemas";
import { authorName } from "~/server/domains/users/display";

type SampleFieldsInput = Omit<TCreateSampleInput, "labId" | "previousStageId" | "sharedWithLabIds">;

function sampleData(input: SampleFieldsInput) {
  return {
    name: input.name,
    material: input.material,
    morphology: input.morphology,
    thicknessNm: input.thicknessNm ?? null,
    substrate: input.substrate ?? null,
    depositionMethod: input.depositionMethod ?? null,
    depositionO2PressureMbar: input.depositionO2PressureMbar ?? null,
    depositionTemperatureK: input.depositionTemperatureK ?? null,
    depositionRateNmPerS: input.depositionRateNmPerS ?? null,
    depositionNotes: input.depositionNotes ?? null,
    geometry: input.geometry,
    squares: input.squares ?? null,
    leadMaterial: input.leadMaterial ?? null,
    notes: input.notes ?? null,
    provenance: input.provenance ?? null,
    annealStage: input.annealStage,
    annealTreatment: input.annealTreatment ?? null,
    visibility: input.visibility,
  };
}

async function validateShares(db: Db, ownerLabId: string, visibility: string, labIds: readonly string[]): Promise<string[]> {
  if (visibility !== "SHARED") {
    if (labIds.length > 0) throw new AppError("BAD_REQUEST", "Only a SHARED sample can name labs to share with.");
    return [];
  }
  const unique = [...new Set(labIds)].filter((id) => id !== ownerLabId);
  if (unique.length === 0) throw new AppError("BAD_REQUEST", "Name at least one other lab to share this sample with, or make it private.");
  const found = await db.lab.count({ where: { id: { in: unique } } });
  if (found !== unique.length) throw new AppError("BAD_REQUEST", "One of the labs to share with does not exist.");
  return unique;
}

type Tx = Prisma.TransactionClient;

/**
 * Inserts a sample inside the caller's transaction, as the next anneal stage of
 * `previousStageId` when given, and records it. Callers check permissions and shares first.
 */
export async function insertSample(
  tx: Tx,
  actor: Actor,
  input: { labId: string; fields: SampleFieldsInput; shares: readonly string[]; previousStageId?: string | null; via?: string },
): Promise<{ id: string; annealStage: string }> {
  let lineage: { lineageRootId: string; parentId: string; stageIndex: number } | null = null;
  if (input.previousStageId) {
    const previous = await tx.sample.findUniqueOrThrow({ where: { id: input.previousStageId }, select: { id: true, lineageRootId: true } });
    const last = await tx.sample.aggregate({ where: { lineageRootId: previous.lineageRootId }, _max: { stageIndex: true } });
    lineage = { lineageRootId: previous.lineageRootId, parentId: previous.id, stageIndex: (last._max.stageIndex ?? 0) + 1 };
  }
  // The first stage of a film is its own lineage root, so its id is chosen before the insert.
  const id = randomUUID();
  const created = await tx.sample.create({
    data: {
      ...sampleData(input.fields),
      id,
      labId: input.labId,
      createdById: actor.kind === "anonymous" ? null : actor.userId,
      lineageRootId: lineage?.lineageRootId ?? id,
      parentId: lineage?.parentId ?? null,
      stageIndex: lineage?.stageIndex ?? 0,
      shares: { create: input.shares.map((labId) => ({ labId })) },
    },
    select: { id: true, annealStage: true },
  });
  await recordAudit(tx, {
    actor,
    labId: input.labId,
    action: "sample.create",
    entityType: "Sample",
    entityId: created.id,
    details: { name: input.fields.name, previousStageId: input.previousStageId ?? null, ...(input.via ? { via: input.via } : {}) },
  });
  return created;
}

/**
 * Checks that the scope may create this sample (member of its lab; writer of the previous
 * stage, in the same lab) and that its sharing is consistent. Returns the labs to share with.
 */
export async function validateNewSample(db: Db, scope: AccessScope, input: TCreateSampleInput): Promise<string[]> {
  requireLabPermission(scope, input.labId, "writeData");
  if (input.visibility === "PUBLIC") requireLabPermission(scope, input.labId, "publishSample");
  if (input.previousStageId) {
    const previous = await requireWritableSample(db, scope, input.previousStageId);
    if (previous.labId !== input.labId) throw new AppError("BAD_REQUEST", "The next anneal stage must belong to the same lab as the previous one.");
  }
  return validateShares(db, input.labId, input.visibility, input.sharedWithLabIds);
}

export async function createSample(db: Db, actor: Actor, input: TCreateSampleInput): Promise<{ id: string }> {
  const shares = await validateNewSample(db, await resolveScope(db, actor), input);
  const { labId, previousStageId, sharedWithLabIds: _shared, ...fields } = input;
  const created = await db.$transaction((tx) => insertSample(tx, actor, { labId, fields, shares, previousStageId }));
  return { id: created.id };
}

export async function updateSample(db: Db, actor: Actor, input: TUpdateSampleInput): Promise<{ id: string }> {
  const scope = await resolveScope(db, actor);
  const sample = await requireWritableSample(db, scope, input.sampleId);
  const before = await db.sample.findUniqueOrThrow({ where: { id: sample.id }, select: { visibility: true } });
  const publishes = input.visibility === "PUBLIC" && before.visibility !== "PUBLIC";
  if (publishes) requireLabPermission(scope, sample.labId, "publishSample");
  const shares = await validateShares(db, sample.labId, input.visibility, input.sharedWithLabIds);
  return db.$transaction(async (tx) => {
    await tx.sampleShare.deleteMany({ where: { sampleId: sample.id } });
    const updated = await tx.sample.update({
      where: { id: sample.id },
      data: { ...sampleData(input), shares: { create: shares.map((labId) => ({ labId })) } },
      select: { id: true, annealStage: true },
    });
    await tx.curve.updateMany({ where: { sampleId: sample.id }, data: { annealStage: updated.annealStage } });
    await recordAudit(tx, { actor, labId: sample.labId, action: "sample.update", entityType: "Sample", entityId: sample.id, details: { visibility: input.visibility, sharedWith: shares } });
    if (input.visibility !== before.visibility) {
      await recordAudit(tx, { actor, labId: sample.labId, action: "sample.visibility", entityType: "Sample", entityId: sample.id, details: { from: before.visibility, to: input.visibility } });
    }
    return { id: updated.id };
  });
}

const SORT: Record<TListSamplesInput["sort"], (order: "asc" | "desc") => Prisma.SampleOrderByWithRelationInput> = {
  name: (order) => ({ name: order }),
  material: (order) => ({ material: order }),
  thicknessNm: (order) => ({ thicknessNm: { sort: order, nulls: "last" } }),
  createdAt: (order) => ({ createdAt: order }),
  lab: (order) => ({ lab: { name: order } }),
  curveCount: (order) => ({ curves: { _count: order } }),
};

export async function listSamples(db: Db, actor: Actor, input: TListSamplesInput): Promise<TSampleListDto> {
  const scope = await resolveScope(db, actor);
  const readable = readableSampleWhere(scope);
  const filters: Prisma.SampleWhereInput[] = [readable];
  if (input.labId) filters.push({ labId: input.labId });
  if (input.material) filters.push({ material: input.material });
  if (input.visibility) filters.push({ visibility: input.visibility });
  if (input.q) {
    filters.push({
      OR: [
        { name: { contains: input.q, mode: "insensitive" } },
        { material: { contains: input.q, mode: "insensitive" } },
        { notes: { contains: input.q, mode: "insensitive" } },
      ],
    });
  }
  const where: Prisma.SampleWhereInput = { AND: filters };
  const [rows, total, materials, labs] = await Promise.all([
    db.sample.findMany({
      where,
      orderBy: [SORT[input.sort](input.order), { stageIndex: "asc" }, { id: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: {
        id: true,
        name: true,
        material: true,
        morphology: true,
        thicknessNm: true,
        annealStage: true,
        stageIndex: true,
        visibility: true,
        createdAt: true,
        lab: { select: { id: true, name: true } },
        _count: { select: { curves: true } },
      },
    }),
    db.sample.count({ where }),
    db.sample.findMany({ where: readable, distinct: ["material"], orderBy: { material: "asc" }, select: { material: true } }),
    db.lab.findMany({ where: { samples: { some: readable } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return {
    items: rows.map(({ _count, ...row }) => ({ ...row, curveCount: _count.curves })),
    total,
    page: input.page,
    pageSize: input.pageSize,
    facets: { materials: materials.map((m) => m.material), labs },
  };
}

/** A readable sample with its lab, stages, shares, setups and curve summaries. */
export async function getSample(db: Db, actor: Actor, sampleId: string) {
  const scope = await resolveScope(db, actor);
  await requireReadableSample(db, scope, sampleId);
  const sample = await db.sample.findUniqueOrThrow({
    where: { id: sampleId },
    select: {
      id: true,
      labId: true,
      name: true,
      material: true,
      morphology: true,
      thicknessNm: true,
      substrate: true,
      depositionMethod: true,
      depositionO2PressureMbar: true,
      depositionTemperatureK: true,
      depositionRateNmPerS: true,
      depositionNotes: true,
      geometry: true,
      squares: true,
      leadMaterial: true,
      notes: true,
      provenance: true,
      lineageRootId: true,
      parentId: true,
      stageIndex: true,
      annealStage: true,
      annealTreatment: true,
      visibility: true,
      createdAt: true,
      updatedAt: true,
      lab: { select: { id: true, name: true, slug: true, institution: true } },
      createdBy: { select: { name: true } },
      shares: { select: { lab: { select: { id: true, name: true } } } },
      curves: { orderBy: [...curveOrder], select: curveSummarySelect },
    },
  });
  const stages = await db.sample.findMany({
    where: { AND: [{ lineageRootId: sample.lineageRootId }, readableSampleWhere(scope)] },
    orderBy: { stageIndex: "asc" },
    select: { id: true, name: true, annealStage: true, stageIndex: true, annealTreatment: true },
  });
  const setupIds = [...new Set(sample.curves.map((c) => c.setupId).filter((id): id is string => id !== null))];
  const setups = await db.measurementSetup.findMany({ where: { id: { in: setupIds } }, orderBy: { name: "asc" }, select: setupDtoSelect });
  const { curves, shares, createdBy, ...rest } = sample;
  return {
    ...rest,
    createdBy: authorName(createdBy),
    sharedWith: shares.map((s) => s.lab),
    stages,
    setups: setups.map(toSetupDto),
    curves: curves.map(toCurveSummary),
    canEdit: hasLabPermission(scope, sample.labId, "writeData"),
  };
}

export type TSampleDetail = Awaited<ReturnType<typeof getSample>>;

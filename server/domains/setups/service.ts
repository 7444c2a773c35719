import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import type { Actor } from "~/server/domains/access/actor";
import { requireLabPermission, resolveScope } from "~/server/domains/access/service";
import { recordAudit } from "~/server/domains/audit/service";
import { assessFiltering } from "./filtering-grade";
import type { TCreateSetupInput, TSetupDto, TUpdateSetupInput } from "./schemas";

export const setupDtoSelect = {
  id: true,
  labId: true,
  name: true,
  cryostat: true,
  baseTemperatureK: true,
  thermometry: true,
  thermometerPlacement: true,
  excitation: true,
  excitationAmplitudeA: true,
  excitationFrequencyHz: true,
  fourProbe: true,
  linearResponseChecked: true,
  shielding: true,
  notes: true,
  filteringGrade: true,
  filterStages: {
    orderBy: { position: "asc" },
    select: { position: true, type: true, stage: true, attenuationDb: true, bandLowHz: true, bandHighHz: true, notes: true },
  },
} as const;

type SetupRow = {
  filterStages: { type: TSetupDto["filterStages"][number]["type"]; stage: TSetupDto["filterStages"][number]["stage"]; attenuationDb: number | null }[];
};

export function toSetupDto<T extends SetupRow>(row: T): T & { filteringExplanation: string } {
  return { ...row, filteringExplanation: assessFiltering(row.filterStages).explanation };
}

function setupData(input: Omit<TCreateSetupInput, "labId" | "filterStages">) {
  return {
    name: input.name,
    cryostat: input.cryostat,
    baseTemperatureK: input.baseTemperatureK ?? null,
    thermometry: input.thermometry ?? null,
    thermometerPlacement: input.thermometerPlacement ?? null,
    excitation: input.excitation ?? null,
    excitationAmplitudeA: input.excitationAmplitudeA ?? null,
    excitationFrequencyHz: input.excitationFrequencyHz ?? null,
    fourProbe: input.fourProbe,
    linearResponseChecked: input.linearResponseChecked,
    shielding: input.shielding ?? null,
    notes: input.notes ?? null,
  };
}

function stageRows(stages: TCreateSetupInput["filterStages"]) {
  return stages.map((s, position) => ({
    position,
    type: s.type,
    stage: s.stage,
    attenuationDb: s.attenuationDb ?? null,
    bandLowHz: s.bandLowHz ?? null,
    bandHighHz: s.bandHighHz ?? null,
    notes: s.notes ?? null,
  }));
}

export async function listSetups(db: Db, actor: Actor, labId: string): Promise<TSetupDto[]> {
  const scope = await resolveScope(db, actor);
  requireLabPermission(scope, labId, "read");
  const rows = await db.measurementSetup.findMany({ where: { labId }, orderBy: { name: "asc" }, select: setupDtoSelect });
  return rows.map(toSetupDto);
}

export async function assertSetupNameFree(db: Db, labId: string, name: string, exceptId?: string): Promise<void> {
  const clash = await db.measurementSetup.findFirst({ where: { labId, name, ...(exceptId ? { NOT: { id: exceptId } } : {}) }, select: { id: true } });
  if (clash) throw new AppError("CONFLICT", `This lab already has a setup named "${name}".`);
}

type Tx = Prisma.TransactionClient;

/** Inserts a setup with its filter stages and derived grade inside the caller's transaction, and records it. */
export async function insertSetup(tx: Tx, actor: Actor, labId: string, fields: Omit<TCreateSetupInput, "labId">, via?: string): Promise<TSetupDto> {
  const { grade } = assessFiltering(fields.filterStages);
  const setup = await tx.measurementSetup.create({
    data: {
      ...setupData(fields),
      labId,
      filteringGrade: grade,
      createdById: actor.kind === "anonymous" ? null : actor.userId,
      filterStages: { create: stageRows(fields.filterStages) },
    },
    select: setupDtoSelect,
  });
  await recordAudit(tx, { actor, labId, action: "setup.create", entityType: "MeasurementSetup", entityId: setup.id, details: { name: fields.name, grade, ...(via ? { via } : {}) } });
  return toSetupDto(setup);
}

export async function createSetup(db: Db, actor: Actor, input: TCreateSetupInput): Promise<TSetupDto> {
  const scope = await resolveScope(db, actor);
  requireLabPermission(scope, input.labId, "writeData");
  await assertSetupNameFree(db, input.labId, input.name);
  const { labId, ...fields } = input;
  return db.$transaction((tx) => insertSetup(tx, actor, labId, fields));
}

export async function updateSetup(db: Db, actor: Actor, input: TUpdateSetupInput): Promise<TSetupDto> {
  const existing = await db.measurementSetup.findUnique({ where: { id: input.setupId }, select: { id: true, labId: true } });
  const scope = await resolveScope(db, actor);
  if (!existing || !scope.roles.has(existing.labId)) throw new AppError("NOT_FOUND", `Setup ${input.setupId} not found`);
  requireLabPermission(scope, existing.labId, "writeData");
  await assertSetupNameFree(db, existing.labId, input.name, existing.id);
  const { grade } = assessFiltering(input.filterStages);
  return db.$transaction(async (tx) => {
    await tx.filterStage.deleteMany({ where: { setupId: existing.id } });
    const setup = await tx.measurementSetup.update({
      where: { id: existing.id },
      data: { ...setupData(input), filteringGrade: grade, filterStages: { create: stageRows(input.filterStages) } },
      select: setupDtoSelect,
    });
    await recordAudit(tx, { actor, labId: existing.labId, action: "setup.update", entityType: "MeasurementSetup", entityId: setup.id, details: { grade } });
    return toSetupDto(setup);
  });
}

/**
 * Mapping templates: a lab saves the column mapping (and parse options) of one file layout under
 * a name and applies it to other files of that layout, also headerless ones (columns by 0-based
 * index). Members who may write data save and delete them; every member reads them.
 */
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import type { Actor } from "~/server/domains/access/actor";
import { requireLabPermission, requireUser, resolveScope } from "~/server/domains/access/service";
import { recordAudit } from "~/server/domains/audit/service";
import { ZUploadOptions, type TUploadOptions } from "./schemas";
import type { TDeleteTemplateInput, TMappingTemplateDto, TSaveTemplateInput } from "./template-schemas";

const templateSelect = { id: true, labId: true, name: true, options: true, createdAt: true, updatedAt: true } as const satisfies Prisma.MappingTemplateSelect;

function toDto(row: Prisma.MappingTemplateGetPayload<{ select: typeof templateSelect }>): TMappingTemplateDto {
  const options = ZUploadOptions.safeParse(row.options);
  return { ...row, options: options.success ? options.data : {} };
}

export async function listTemplates(db: Db, actor: Actor, input: { labId: string }): Promise<TMappingTemplateDto[]> {
  const scope = await resolveScope(db, actor);
  requireLabPermission(scope, input.labId, "read");
  const rows = await db.mappingTemplate.findMany({ where: { labId: input.labId }, orderBy: { name: "asc" }, select: templateSelect });
  return rows.map(toDto);
}

/** Saves (or replaces) the template of that name in the lab. */
export async function saveTemplate(db: Db, actor: Actor, input: TSaveTemplateInput): Promise<TMappingTemplateDto> {
  const userId = requireUser(actor);
  const scope = await resolveScope(db, actor);
  requireLabPermission(scope, input.labId, "writeData");
  const options = input.options as Prisma.InputJsonValue;
  return db.$transaction(async (tx) => {
    const row = await tx.mappingTemplate.upsert({
      where: { labId_name: { labId: input.labId, name: input.name } },
      create: { labId: input.labId, name: input.name, options, createdById: userId },
      update: { options },
      select: templateSelect,
    });
    await recordAudit(tx, { actor, labId: input.labId, action: "mapping_template.save", entityType: "MappingTemplate", entityId: row.id, details: { name: input.name } });
    return toDto(row);
  });
}

export async function deleteTemplate(db: Db, actor: Actor, input: TDeleteTemplateInput): Promise<{ id: string }> {
  const scope = await resolveScope(db, actor);
  const row = await db.mappingTemplate.findUnique({ where: { id: input.templateId }, select: { id: true, labId: true, name: true } });
  if (!row) throw new AppError("NOT_FOUND", `Mapping template ${input.templateId} not found`);
  requireLabPermission(scope, row.labId, "writeData", `Mapping template ${input.templateId}`);
  await db.$transaction(async (tx) => {
    await tx.mappingTemplate.delete({ where: { id: row.id } });
    await recordAudit(tx, { actor, labId: row.labId, action: "mapping_template.delete", entityType: "MappingTemplate", entityId: row.id, details: { name: row.name } });
  });
  return { id: row.id };
}

/**
 * The options of a lab's template named `ref` (by id or name), for a caller who may write to the
 * lab; explicit options given with the upload win over the template's.
 */
export async function templateOptions(db: Db, actor: Actor, labId: string, ref: string, explicit: TUploadOptions): Promise<TUploadOptions> {
  const scope = await resolveScope(db, actor);
  requireLabPermission(scope, labId, "writeData");
  const row = await db.mappingTemplate.findFirst({ where: { labId, OR: [{ id: ref }, { name: ref }] }, select: templateSelect });
  if (!row) throw new AppError("NOT_FOUND", `No mapping template ${JSON.stringify(ref)} in this lab`);
  const saved = toDto(row).options;
  return { ...saved, ...explicit, ...(saved.mapping || explicit.mapping ? { mapping: { ...saved.mapping, ...explicit.mapping } } : {}) };
}

import { z } from "zod";
import { ZCurveSummaryDto } from "~/server/domains/curves/schemas";
import { ZSetupDto } from "~/server/domains/setups/schemas";

export const ZMorphology = z.enum(["AMORPHOUS", "GRANULAR", "COMPOSITE", "POLYCRYSTALLINE", "EPITAXIAL", "JOSEPHSON_ARRAY", "OTHER"]);
export const ZGeometry = z.enum(["HALL_BAR", "VAN_DER_PAUW", "STRIP", "OTHER"]);
export const ZVisibility = z.enum(["PRIVATE", "SHARED", "PUBLIC"]);

const text = (max: number) => z.string().trim().max(max).nullish();

export const ZSampleFields = z.object({
  name: z.string().trim().min(1, "Name the sample").max(120),
  material: z.string().trim().min(1, "Give the material, e.g. a-InO").max(80),
  morphology: ZMorphology.default("OTHER"),
  thicknessNm: z.number().positive("Thickness must be positive").max(100_000, "Thickness is in nm").nullish(),
  substrate: text(120),
  depositionMethod: text(120),
  depositionO2PressureMbar: z.number().positive("O₂ partial pressure must be positive").max(2000).nullish(),
  depositionTemperatureK: z.number().positive().max(3000).nullish(),
  depositionRateNmPerS: z.number().positive().max(1000).nullish(),
  depositionNotes: text(2000),
  geometry: ZGeometry.default("OTHER"),
  squares: z.number().positive("The number of squares must be positive").max(1e6).nullish(),
  leadMaterial: text(120),
  notes: text(8000),
  provenance: text(2000),
  annealStage: z.string().trim().min(1).max(40).default("S0"),
  annealTreatment: text(500),
  visibility: ZVisibility.default("PRIVATE"),
  sharedWithLabIds: z.array(z.string().min(1)).max(100).default([]),
});

export const ZCreateSampleInput = ZSampleFields.extend({
  labId: z.string().min(1),
  /** when set, the new sample is the next anneal stage of this one (same film) */
  previousStageId: z.string().min(1).optional(),
});
export type TCreateSampleInput = z.infer<typeof ZCreateSampleInput>;

export const ZUpdateSampleInput = ZSampleFields.extend({ sampleId: z.string().min(1) });
export type TUpdateSampleInput = z.infer<typeof ZUpdateSampleInput>;

export const ZSampleSort = z.enum(["name", "material", "thicknessNm", "createdAt", "lab", "curveCount"]);

export const ZListSamplesInput = z.object({
  labId: z.string().optional(),
  material: z.string().optional(),
  q: z.string().trim().max(120).optional(),
  visibility: ZVisibility.optional(),
  sort: ZSampleSort.default("createdAt"),
  order: z.enum(["asc", "desc"]).default("desc"),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type TListSamplesInput = z.infer<typeof ZListSamplesInput>;

export const ZSampleListItemDto = z.object({
  id: z.string(),
  name: z.string(),
  material: z.string(),
  morphology: ZMorphology,
  thicknessNm: z.number().nullable(),
  annealStage: z.string(),
  stageIndex: z.number().int(),
  visibility: ZVisibility,
  lab: z.object({ id: z.string(), name: z.string() }),
  curveCount: z.number().int(),
  createdAt: z.date(),
});

export const ZSampleListDto = z.object({
  items: z.array(ZSampleListItemDto),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  facets: z.object({ materials: z.array(z.string()), labs: z.array(z.object({ id: z.string(), name: z.string() })) }),
});
export type TSampleListDto = z.infer<typeof ZSampleListDto>;

/** Reads the list query from URL search parameters; anything invalid falls back to the defaults. */
export function parseSampleListParams(get: (key: string) => string | null | undefined): TListSamplesInput {
  const page = get("page");
  const parsed = ZListSamplesInput.safeParse({
    labId: get("labId") || undefined,
    material: get("material") || undefined,
    q: get("q") || undefined,
    visibility: get("visibility") || undefined,
    sort: get("sort") || undefined,
    order: get("order") || undefined,
    page: page ? Number(page) : undefined,
  });
  return parsed.success ? parsed.data : ZListSamplesInput.parse({});
}

/** sample.get: a readable sample with its lineage, setups and curves (authors by name only). */
export const ZSampleDetailDto = z.object({
  id: z.string(),
  labId: z.string(),
  name: z.string(),
  material: z.string(),
  morphology: ZMorphology,
  thicknessNm: z.number().nullable(),
  substrate: z.string().nullable(),
  depositionMethod: z.string().nullable(),
  depositionO2PressureMbar: z.number().nullable(),
  depositionTemperatureK: z.number().nullable(),
  depositionRateNmPerS: z.number().nullable(),
  depositionNotes: z.string().nullable(),
  geometry: ZGeometry,
  squares: z.number().nullable(),
  leadMaterial: z.string().nullable(),
  notes: z.string().nullable(),
  provenance: z.string().nullable(),
  lineageRootId: z.string(),
  parentId: z.string().nullable(),
  stageIndex: z.number().int(),
  annealStage: z.string(),
  annealTreatment: z.string().nullable(),
  visibility: ZVisibility,
  createdAt: z.date(),
  updatedAt: z.date(),
  lab: z.object({ id: z.string(), name: z.string(), slug: z.string(), institution: z.string().nullable() }),
  createdBy: z.string().nullable(),
  sharedWith: z.array(z.object({ id: z.string(), name: z.string() })),
  stages: z.array(z.object({ id: z.string(), name: z.string(), annealStage: z.string(), stageIndex: z.number().int(), annealTreatment: z.string().nullable() })),
  setups: z.array(ZSetupDto),
  curves: z.array(ZCurveSummaryDto),
  canEdit: z.boolean(),
});
export type TSampleDetailDto = z.infer<typeof ZSampleDetailDto>;

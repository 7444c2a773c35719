import { z } from "zod";
import { ZDiagramDto, ZDiagramQuery } from "~/server/domains/diagrams/schemas";
import { decodeDiagram, withPointColumns, ZDiagramWire } from "~/server/domains/diagrams/wire";

/** Short random ids: 10 characters of [0-9A-Za-z]. */
export const ZPermalinkId = z.string().regex(/^[0-9A-Za-z]{6,24}$/, "not a permalink id");

export const ZCreatePermalinkInput = z.object({
  query: ZDiagramQuery,
  title: z.string().trim().max(200).optional(),
});
export type TCreatePermalinkInput = z.infer<typeof ZCreatePermalinkInput>;

export const ZPermalinkCreated = z.object({
  id: z.string(),
  path: z.string(),
  pointCount: z.number().int(),
  contentHash: z.string(),
});

export const ZPermalinkIdInput = z.object({ id: ZPermalinkId });

/** A snapshot as one viewer may see it. */
export const ZPermalinkDto = z.object({
  id: z.string(),
  title: z.string().nullable(),
  view: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  query: ZDiagramQuery,
  engineVersions: z.array(z.string()),
  contentHash: z.string(),
  /** the stored points still hash to the stored content hash */
  isHashVerified: z.boolean(),
  isAllPublic: z.boolean(),
  /** points of the snapshot this viewer may read (the others are neither shown nor counted) */
  pointCount: z.number().int(),
  /** some points come from samples this viewer may not read: they, the title, the author and the content hash are left out */
  isPartial: z.boolean(),
  /** every point is hidden from this viewer */
  isAccessDenied: z.boolean(),
  accessMessage: z.string().nullable(),
  /** the live diagram with the same query */
  todayPath: z.string(),
  diagram: ZDiagramDto.nullable(),
});
export type TPermalinkDto = z.infer<typeof ZPermalinkDto>;

/** A snapshot as the tRPC procedure sends it: its diagram's points as columns (../diagrams/wire.ts). */
export const ZPermalinkWire = ZPermalinkDto.extend({ diagram: ZDiagramWire.nullable() });
export type TPermalinkWire = z.infer<typeof ZPermalinkWire>;

/** Checked against ZPermalinkWire: what goes out is only what it lists. */
export function encodePermalink(dto: TPermalinkDto): TPermalinkWire {
  return ZPermalinkWire.parse({ ...dto, diagram: dto.diagram && withPointColumns(dto.diagram) });
}

export function decodePermalink(wire: TPermalinkWire): TPermalinkDto {
  return { ...wire, diagram: wire.diagram && decodeDiagram(wire.diagram) };
}

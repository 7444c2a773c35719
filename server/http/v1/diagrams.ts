import { z } from "zod";
import { AppError } from "~/server/errors";
import { env } from "~/server/env";
import { AXES, AXIS_KEYS } from "~/server/domains/diagrams/axes";
import { EXPORT_COLUMNS } from "~/server/domains/diagrams/export";
import { GRADES, PHASE_KEYS, ZDiagramDto, ZDiagramQuery } from "~/server/domains/diagrams/schemas";
import { URL_PARAM } from "~/server/domains/diagrams/url";
import { ZPermalinkDto } from "~/server/domains/permalinks/schemas";
import { registerOperation } from "../openapi";

const flag = z.enum(["1", "0", "true", "false"]);
const list = <T extends z.ZodType>(item: T) => z.union([item, z.array(item)]);
const shape = ZDiagramQuery.shape;

/**
 * The diagram's URL parameters (the page's, `/diagram?…`), for the API document. Arrays repeat
 * the parameter (`material=a&material=b`); ids, phases and grades may also be separated by commas.
 */
export const ZDiagramUrlParams = z.object({
  [URL_PARAM.x]: shape.x.optional().describe(`x axis: ${AXIS_KEYS.map((k) => `${k} = ${AXES[k].label}`).join("; ")}`),
  [URL_PARAM.y]: shape.y.optional().describe("y axis (same keys as x)"),
  [URL_PARAM.xScale]: shape.xScale.optional().describe("x scale"),
  [URL_PARAM.yScale]: shape.yScale.optional().describe("y scale"),
  [URL_PARAM.colorBy]: shape.colorBy.optional().describe("colour of the points"),
  [URL_PARAM.facetBy]: shape.facetBy.optional().describe("one panel per lab or material"),
  [URL_PARAM.hidePhases]: list(z.enum(PHASE_KEYS)).optional().describe("phases left out"),
  [URL_PARAM.labIds]: list(z.string()).optional().describe("lab ids to keep"),
  [URL_PARAM.materials]: list(z.string()).optional().describe("materials to keep"),
  [URL_PARAM.sampleIds]: list(z.string()).optional().describe("sample ids to keep"),
  [URL_PARAM.minConfidence]: z.number().min(0).max(1).optional().describe("lowest fit confidence, 0–1"),
  [URL_PARAM.engine]: z.string().optional().describe('"current" (newest fit of each curve) or an engine version'),
  [URL_PARAM.uploadedFrom]: z.string().optional().describe("first upload day, YYYY-MM-DD"),
  [URL_PARAM.uploadedTo]: z.string().optional().describe("last upload day, YYYY-MM-DD"),
  [URL_PARAM.grades]: list(z.enum(GRADES)).optional().describe("radiation-filtering grades of the setup to keep"),
  [URL_PARAM.wellFilteredOnly]: flag.optional().describe("1: only data from well-filtered setups (grade GOOD)"),
  [URL_PARAM.lines]: flag.optional().describe("join the points of each series"),
  [URL_PARAM.maxPoints]: z.number().int().min(100).max(20000).optional().describe("above this many points the diagram is aggregated into cells"),
});

export const diagramOperation = registerOperation({
  method: "get",
  path: "/api/v1/diagram",
  summary: "The phase diagram of a query",
  description:
    "Takes the same parameters as the page /diagram (copy its address). Returns the points the caller may read with their provenance, the series, the phase boundaries along each series, or cells when there are more points than `max`. An unknown or invalid parameter is an error.",
  tags: ["diagrams"],
  isAuthenticated: false,
  query: ZDiagramUrlParams,
  response: ZDiagramDto,
});

const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const ZExportRow = z.object(Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, cell])) as Record<(typeof EXPORT_COLUMNS)[number], typeof cell>);

export const ZPermalinkApiDto = ZPermalinkDto.omit({ diagram: true }).extend({
  /** the frozen points the caller may read, with provenance */
  points: z.array(ZExportRow),
});

export const permalinkOperation = registerOperation({
  method: "get",
  path: "/api/v1/permalinks/{id}",
  summary: "A shared snapshot's points with provenance",
  description:
    "The points a permalink froze (with the ids of their curves and fits, labels and provenance), as of when it was made. Access is checked now: points from samples the caller may not read are left out, not counted (isPartial says some are), and the title and author are then withheld; when none is readable the answer is 401 (anonymous) or 403.",
  tags: ["diagrams"],
  isAuthenticated: false,
  response: ZPermalinkApiDto,
});

/** The address people use to reach the app (for links inside exports). */
export function publicBaseUrl(req: Request): string {
  return (env.NEXTAUTH_URL ?? new URL(req.url).origin).replace(/\/$/, "");
}

/** The `format` parameter of a download, one of `allowed` (the first by default). */
export function exportFormat<T extends string>(params: URLSearchParams, allowed: readonly T[]): T {
  const format = params.get("format") ?? allowed[0]!;
  if (!(allowed as readonly string[]).includes(format)) throw new AppError("BAD_REQUEST", `format must be one of ${allowed.join(", ")}`);
  return format as T;
}

/** A download: the bytes with their type and a file name. */
export function dataResponse(body: string, contentType: string, filename: string): Response {
  return new Response(body, { headers: { "content-type": contentType, "content-disposition": `attachment; filename="${filename}"`, "cache-control": "private, no-store" } });
}

/**
 * The diagram query in a URL, both ways. The page, its address bar, the permalink's "today's
 * data" link and `GET /api/v1/diagram` all use these parameter names. Defaults are left out, so
 * the address stays short; array parameters repeat (`lab=a&lab=b`).
 */
import type { z } from "zod";
import { AppError } from "~/server/errors";
import { DEFAULT_DIAGRAM_QUERY, PHASE_KEYS, GRADES, ZDiagramQuery, type TDiagramQuery } from "./schemas";

type Key = keyof TDiagramQuery;

/** URL parameter name of each field of the query. */
export const URL_PARAM: Record<Key, string> = {
  x: "x",
  y: "y",
  xScale: "xs",
  yScale: "ys",
  colorBy: "color",
  facetBy: "facet",
  hidePhases: "hide",
  labIds: "lab",
  materials: "material",
  sampleIds: "sample",
  minConfidence: "conf",
  engine: "engine",
  uploadedFrom: "from",
  uploadedTo: "to",
  grades: "grade",
  wellFilteredOnly: "wf",
  lines: "lines",
  maxPoints: "max",
};

const KEYS = Object.keys(URL_PARAM) as Key[];
const ARRAY_KEYS = new Set<Key>(["hidePhases", "labIds", "materials", "sampleIds", "grades"]);
/** Lists of ids and codes may also be written with commas; material names may contain commas. */
const COMMA_KEYS = new Set<Key>(["hidePhases", "labIds", "sampleIds", "grades"]);
const NUMBER_KEYS = new Set<Key>(["minConfidence", "maxPoints"]);
const BOOLEAN_KEYS = new Set<Key>(["wellFilteredOnly", "lines"]);

function uniqueSorted(values: readonly string[], order?: readonly string[]): string[] {
  const unique = [...new Set(values)];
  return order ? unique.sort((a, b) => order.indexOf(a) - order.indexOf(b)) : unique.sort();
}

/** The canonical form of a query: arrays without repeats in a fixed order, so equal views are equal. */
export function normalizeDiagramQuery(query: TDiagramQuery): TDiagramQuery {
  return {
    ...query,
    hidePhases: uniqueSorted(query.hidePhases, PHASE_KEYS) as TDiagramQuery["hidePhases"],
    labIds: uniqueSorted(query.labIds),
    materials: uniqueSorted(query.materials),
    sampleIds: uniqueSorted(query.sampleIds),
    grades: uniqueSorted(query.grades, GRADES) as TDiagramQuery["grades"],
    minConfidence: Math.round(query.minConfidence * 1000) / 1000,
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The query as URL parameters, defaults left out, in a fixed order. */
export function serializeDiagramQuery(query: TDiagramQuery): URLSearchParams {
  const q = normalizeDiagramQuery(query);
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = q[key];
    if (sameValue(value, DEFAULT_DIAGRAM_QUERY[key])) continue;
    const name = URL_PARAM[key];
    if (Array.isArray(value)) for (const v of value) params.append(name, v);
    else if (typeof value === "boolean") params.set(name, value ? "1" : "0");
    else if (value !== null) params.set(name, String(value));
  }
  return params;
}

export function diagramHref(query: TDiagramQuery, path = "/diagram"): string {
  const search = serializeDiagramQuery(query).toString();
  return search ? `${path}?${search}` : path;
}

/** Anything that holds URL parameters: URLSearchParams, or Next's `searchParams` object. */
export type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

function getAll(params: SearchParamsLike, name: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(name);
  const value = params[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function rawValue(key: Key, values: string[]): unknown {
  if (ARRAY_KEYS.has(key)) return values.flatMap((v) => (COMMA_KEYS.has(key) ? v.split(",") : [v])).map((v) => v.trim()).filter((v) => v !== "");
  const last = values.at(-1);
  if (last === undefined) return undefined;
  if (NUMBER_KEYS.has(key)) return last.trim() === "" ? Number.NaN : Number(last);
  if (BOOLEAN_KEYS.has(key)) return last === "1" || last === "true" ? true : last === "0" || last === "false" ? false : last;
  return last;
}

/** The raw values of the parameters present, typed as the schema expects them. */
function rawQuery(params: SearchParamsLike): Partial<Record<Key, unknown>> {
  const raw: Partial<Record<Key, unknown>> = {};
  for (const key of KEYS) {
    const values = getAll(params, URL_PARAM[key]);
    if (values.length > 0) raw[key] = rawValue(key, values);
  }
  return raw;
}

/**
 * Reads the query from URL parameters for the page: a parameter that is not valid falls back to
 * its default (an array keeps its valid entries), so any address gives a diagram.
 */
export function parseDiagramSearchParams(params: SearchParamsLike): TDiagramQuery {
  const raw = rawQuery(params);
  const shape = ZDiagramQuery.shape;
  const out: Record<string, unknown> = {};
  for (const key of KEYS) {
    const field = shape[key] as z.ZodType;
    const value = raw[key];
    if (value === undefined) {
      out[key] = DEFAULT_DIAGRAM_QUERY[key];
      continue;
    }
    const parsed = field.safeParse(value);
    if (parsed.success) {
      out[key] = parsed.data;
    } else if (Array.isArray(value)) {
      // keep the entries that are valid on their own
      const kept = value.filter((v) => field.safeParse([v]).success);
      const again = field.safeParse(kept);
      out[key] = again.success ? again.data : DEFAULT_DIAGRAM_QUERY[key];
    } else {
      out[key] = DEFAULT_DIAGRAM_QUERY[key];
    }
  }
  return normalizeDiagramQuery(ZDiagramQuery.parse(out));
}

/** Reads the query from URL parameters for the API: an invalid or unknown parameter is an error. */
export function parseDiagramSearchParamsStrict(params: SearchParamsLike): TDiagramQuery {
  const known = new Set(Object.values(URL_PARAM));
  const names = params instanceof URLSearchParams ? [...new Set(params.keys())] : Object.keys(params);
  const unknown = names.filter((n) => !known.has(n));
  const raw = rawQuery(params);
  if (unknown.length > 0) {
    throw new AppError("BAD_REQUEST", `Unknown parameter${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; the parameters are ${[...known].join(", ")}.`);
  }
  return normalizeDiagramQuery(ZDiagramQuery.parse(raw));
}

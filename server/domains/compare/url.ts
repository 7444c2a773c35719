/** The comparison page's state in its address, both ways; invalid parameters fall back to defaults. */
import { z } from "zod";
import { DEFAULT_DIAGRAM_QUERY, ZAxisKey, ZScale, type TDiagramQuery } from "~/server/domains/diagrams/schemas";
import { MAX_COMPARED_SAMPLES, ZNormalization } from "./schemas";

export const ZCompareView = z.object({
  sampleIds: z.array(z.string().min(1).max(64)).max(MAX_COMPARED_SAMPLES).default([]),
  normalization: ZNormalization.default("RN"),
  temperature: z.enum(["T", "TTc"]).default("T"),
  /** the scatter: a fitted quantity against a tuning parameter */
  x: ZAxisKey.default("P"),
  y: ZAxisKey.default("Tc90"),
  xScale: ZScale.default("linear"),
  yScale: ZScale.default("linear"),
});
export type TCompareView = z.infer<typeof ZCompareView>;

export const DEFAULT_COMPARE_VIEW: TCompareView = ZCompareView.parse({});

const PARAM: Record<keyof TCompareView, string> = { sampleIds: "sample", normalization: "norm", temperature: "t", x: "x", y: "y", xScale: "xs", yScale: "ys" };

export function compareHref(view: TCompareView): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(PARAM) as (keyof TCompareView)[]) {
    const value = view[key];
    if (JSON.stringify(value) === JSON.stringify(DEFAULT_COMPARE_VIEW[key])) continue;
    if (Array.isArray(value)) for (const v of value) params.append(PARAM[key], v);
    else params.set(PARAM[key], String(value));
  }
  const search = params.toString();
  return search ? `/compare?${search}` : "/compare";
}

export function parseCompareView(params: URLSearchParams | Record<string, string | string[] | undefined>): TCompareView {
  const get = (name: string): string[] => {
    if (params instanceof URLSearchParams) return params.getAll(name);
    const v = params[name];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(PARAM) as (keyof TCompareView)[]) {
    const values = get(PARAM[key]);
    const field = ZCompareView.shape[key] as z.ZodType;
    const raw = key === "sampleIds" ? [...new Set(values.flatMap((v) => v.split(",")).filter(Boolean))].slice(0, MAX_COMPARED_SAMPLES) : values.at(-1);
    const parsed = raw === undefined ? null : field.safeParse(raw);
    out[key] = parsed?.success ? parsed.data : DEFAULT_COMPARE_VIEW[key];
  }
  return ZCompareView.parse(out);
}

/** The scatter of the comparison is a diagram query restricted to the chosen samples. */
export function scatterQuery(view: TCompareView): TDiagramQuery {
  return { ...DEFAULT_DIAGRAM_QUERY, sampleIds: [...view.sampleIds].sort(), x: view.x, y: view.y, xScale: view.xScale, yScale: view.yScale, colorBy: "sample", lines: true };
}

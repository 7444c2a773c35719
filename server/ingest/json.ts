/**
 * JSON uploads from lab scripts: format "sit-curves/v1" (schema ZCurveUploadJson, see README).
 * The JSON text is buffered (it cannot be parsed incrementally with JSON.parse); the byte
 * limit applies as for every format.
 */
import { z } from "zod";
import type { DiagnosticSink } from "./diagnostics";
import type { ResolvedOptions } from "./options";
import { segmentSeries } from "./segment";
import type { ParsedCurve, TQuantity } from "./types";
import { CANONICAL_UNIT } from "./units";
import { mergePoints, summariseDropped } from "./assemble";

export const JSON_PARSER = { name: "sit-curves-json", version: "2.0.0" } as const;

const ZFinite = z.number().finite();

export const ZCurveJson = z
  .object({
    kind: z.enum(["RT", "RH"]),
    /** RT: temperature of every point, K. RH: one temperature (K) or one per point. */
    T_K: z.union([ZFinite, z.array(ZFinite)]),
    /** Resistance of every point, Ω (Ω/sq with quantity "sheet_resistance"). May be ≤ 0. */
    R_ohm: z.array(ZFinite).min(2),
    /** RT: the fixed field, Oe (optional). RH: field of every point, Oe (required). */
    H_Oe: z.union([ZFinite, z.array(ZFinite)]).optional(),
    P_GPa: ZFinite.optional(),
    quantity: z.enum(["resistance", "sheet_resistance"]).optional(),
    channel: z.string().min(1).max(200).optional(),
    label: z.string().max(500).optional(),
    pressureDirection: z.enum(["pressurizing", "depressurizing"]).optional(),
    readout: z.enum(["signed", "magnitude", "unknown"]).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const n = c.R_ohm.length;
    if (Array.isArray(c.T_K)) {
      if (c.T_K.length !== n)
        ctx.addIssue({ code: "custom", path: ["T_K"], message: `has ${c.T_K.length} values but R_ohm has ${n}` });
      c.T_K.forEach((t, k) => {
        if (!(t > 0)) ctx.addIssue({ code: "custom", path: ["T_K", k], message: `temperature ${t} K is not positive` });
      });
    } else {
      if (c.kind === "RT")
        ctx.addIssue({ code: "custom", path: ["T_K"], message: "an RT curve needs one temperature per point (an array)" });
      if (!(c.T_K > 0)) ctx.addIssue({ code: "custom", path: ["T_K"], message: `temperature ${c.T_K} K is not positive` });
    }
    if (c.kind === "RH") {
      if (!Array.isArray(c.H_Oe))
        ctx.addIssue({ code: "custom", path: ["H_Oe"], message: "an RH curve needs one field value per point (an array)" });
      else if (c.H_Oe.length !== n)
        ctx.addIssue({ code: "custom", path: ["H_Oe"], message: `has ${c.H_Oe.length} values but R_ohm has ${n}` });
    } else if (Array.isArray(c.H_Oe)) {
      ctx.addIssue({ code: "custom", path: ["H_Oe"], message: "an RT curve takes one fixed field value, not an array" });
    }
  });
export type TCurveJson = z.infer<typeof ZCurveJson>;

export const ZCurveUploadJson = z
  .object({
    format: z.literal("sit-curves/v1"),
    /** Free-form strings copied to ParsedFile.metadata. */
    metadata: z.record(z.string(), z.string()).optional(),
    curves: z.array(ZCurveJson).min(1),
  })
  .strict();
export type TCurveUploadJson = z.infer<typeof ZCurveUploadJson>;

function pathText(path: readonly PropertyKey[]): string {
  let s = "";
  for (const p of path) s += typeof p === "number" ? `[${p}]` : s === "" ? String(p) : `.${String(p)}`;
  return s || "(root)";
}

/**
 * Offset of the first JSON syntax error (JSON.parse's message does not always carry one).
 * A minimal recursive-descent scanner, used only on the error path; -1 when none is found.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const str = () => {
    if (text[i] !== '"') fail();
    i++;
    while (i < n && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      i += text[i] === "\\" ? 2 : 1;
    }
    if (i >= n) fail();
    i++;
  };
  const num = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === "" || m[0] === "-") fail();
    i += m![0].length;
  };
  const value = (depth: number): void => {
    if (depth > 1000) fail();
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        str();
        ws();
        if (text[i] !== ":") fail();
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "}") {
          i++;
          return;
        } else fail();
      }
    } else if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "]") {
          i++;
          return;
        } else fail();
      }
    } else if (c === '"') str();
    else if (text.startsWith("true", i)) i += 4;
    else if (text.startsWith("false", i)) i += 5;
    else if (text.startsWith("null", i)) i += 4;
    else num();
  };
  try {
    value(0);
    ws();
    return i < n ? i : -1;
  } catch (e) {
    return typeof e === "number" ? e : -1;
  }
}

/** Line and column (1-based) of a character offset. */
function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, col: offset - last };
}

export function parseJsonUpload(
  text: string,
  opts: ResolvedOptions,
  diags: DiagnosticSink,
  metadata: Record<string, string>,
): ParsedCurve[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(msg);
    const offset = pos ? Number(pos[1]) : jsonErrorOffset(text);
    const where = offset >= 0 ? lineCol(text, offset) : null;
    diags.error(
      "json_syntax",
      `not valid JSON: ${msg}`,
      where ? { line: where.line, column: where.col } : {},
      'a JSON object {"format": "sit-curves/v1", "curves": [...]}',
    );
    return [];
  }
  const parsed = ZCurveUploadJson.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 50)) {
      diags.error("json_schema", issue.message, { column: pathText(issue.path) }, "see the sit-curves/v1 schema in server/ingest/README.md");
    }
    return [];
  }
  const doc = parsed.data;
  for (const [k, v] of Object.entries(doc.metadata ?? {}).slice(0, 200)) metadata[k] = v.slice(0, 1000);

  const total = doc.curves.reduce((a, c) => a + c.R_ohm.length, 0);
  if (total > opts.limits.maxPoints) {
    diags.error(
      "too_many_points",
      `${total} points in total; the file exceeds the point limit`,
      { column: "curves" },
      `at most ${opts.limits.maxPoints} points (options.limits.maxPoints)`,
    );
    return [];
  }

  const curves: ParsedCurve[] = [];
  doc.curves.forEach((c, ci) => {
    const n = c.R_ohm.length;
    const channel = c.channel ?? `curve ${ci + 1}`;
    const T = Array.isArray(c.T_K) ? Float64Array.from(c.T_K) : new Float64Array(n).fill(c.T_K);
    const H = Array.isArray(c.H_Oe) ? Float64Array.from(c.H_Oe) : null;
    const line = Float64Array.from({ length: n }, (_, k) => k);
    const report = segmentSeries(
      {
        T,
        H,
        P: null,
        line,
        constH: typeof c.H_Oe === "number" ? c.H_Oe : null,
        constP: c.P_GPa ?? null,
      },
      { ...opts.segmentation, minPoints: 2 },
      { forceKind: c.kind, constSource: "as declared" },
    );
    const quantity: TQuantity = c.quantity ?? "resistance";
    if (report.segments.length !== 1 || report.segments[0]!.idx.length !== n) {
      diags.warn(
        "json_curve_split",
        `curve ${ci + 1} (${channel}) is not monotonic in ${c.kind === "RT" ? "temperature" : "field"}: ${report.segments.length} monotonic piece(s) kept`,
        { column: `curves[${ci}]` },
        c.kind === "RT" ? "T_K in acquisition order, monotonic (one warming or cooling sweep)" : "H_Oe monotonic (one up or down sweep)",
      );
      summariseDropped(report.dropped, diags, `curves[${ci}] (${channel})`, "point index");
    }
    for (const seg of report.segments) {
      const idx = seg.idx;
      if (seg.starts) {
        diags.warn(
          "json_points_merged",
          `curve ${ci + 1} (${channel}): ${idx.length} points step back in ${c.kind === "RT" ? "temperature" : "field"} and were merged into ${seg.starts.length - 1} points (mean, count and spread kept)`,
          { column: `curves[${ci}]` },
          c.kind === "RT" ? "T_K monotonic" : "H_Oe monotonic",
        );
      }
      const pts = mergePoints(idx, seg.starts, T, Float64Array.from(c.R_ohm), H);
      const curve: ParsedCurve = {
        kind: c.kind,
        channel,
        quantity,
        unit: CANONICAL_UNIT[quantity],
        T_K: pts.T,
        R: pts.R,
        H_Oe: c.kind === "RH" ? pts.H : null,
        readings: idx.length,
        counts: pts.counts,
        R_spread: pts.spread,
        readout: c.readout ?? "unknown",
        fixed: seg.fixed,
        direction: seg.direction,
        segmentReason: `curve ${ci + 1} of the JSON upload (points ${idx[0]}–${idx[idx.length - 1]}); ${seg.reason.replace(/lines (\d+)–(\d+), /, "")}`,
        sourceRows: { first: idx[0]!, last: idx[idx.length - 1]! },
        order: 0,
      };
      if (c.label !== undefined) curve.label = c.label;
      if (c.pressureDirection !== undefined) curve.pressureDirection = c.pressureDirection;
      curves.push(curve);
    }
  });
  curves.forEach((c, i) => {
    c.order = i;
  });
  return curves;
}

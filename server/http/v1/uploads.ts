/**
 * Scripted uploads: POST /api/v1/uploads (an instrument file) and POST /api/v1/curves (the
 * sit-curves/v1 JSON format). Query schemas, their mapping to the upload service's input, and
 * the OpenAPI declarations. The route handlers are in app/api/v1/{uploads,curves}/route.ts.
 */
import { z } from "zod";
import { ZFieldOrientation, ZPressureDirection } from "~/server/domains/curves/schemas";
import { ZColumnMapping, ZCurveUploadJson } from "~/server/ingest";
import { ZReadoutName, ZUploadAssignment, ZUploadResultDto, type TUploadAssignment, type TUploadOptions } from "~/server/domains/uploads/schemas";
import { AppError } from "~/server/errors";
import { registerOperation } from "../openapi";

const ZBoolText = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1")
  .describe("true or false");

function jsonText<T extends z.ZodType>(schema: T, what: string) {
  return z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: `${what} must be JSON` });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

/** Where the curves go and how they are read; shared by both endpoints. */
const assignmentQuery = {
  sampleId: z
    .string()
    .min(1)
    .optional()
    .describe("the sample the curves belong to (its lab is the upload's lab); optional when `channels` names a sample for each channel to import"),
  channels: jsonText(z.record(z.string().min(1).max(200), z.union([z.string().min(1), z.null()])), "channels")
    .optional()
    .describe(
      'channels to samples as JSON, e.g. {"Bridge 1":"<sampleId>","Bridge 2":"<otherSampleId>"} (null leaves a channel out). Channels not listed go to sampleId, or are left out without it. The same file sent again with another channel adds that channel; a channel already imported into the same sample is reported in `duplicates`',
    ),
  readout: z
    .union([ZReadoutName, jsonText(z.record(z.string().min(1).max(200), ZReadoutName), "readout")])
    .optional()
    .describe('how the resistance was read: signed (bridge, lock-in X), magnitude (lock-in R) or unknown, for every curve or per channel as JSON {"lockin_1_ResR":"magnitude"}; detected from the column and instrument otherwise'),
  setupId: z.string().min(1).optional().describe("the measurement setup (of the same lab)"),
  pressureGPa: z.coerce.number().min(0).max(1000).optional().describe("pressure of curves whose file records none, GPa"),
  pressureDirection: ZPressureDirection.optional(),
  fieldOrientation: ZFieldOrientation.optional(),
  exclude: z
    .string()
    .regex(/^\d+(,\d+)*$/, "comma-separated curve indices, e.g. 0,3")
    .transform((s) => s.split(",").map(Number))
    .optional()
    .describe("indices of detected curves to leave out, comma-separated (as listed by a dry run)"),
  skipBadRows: ZBoolText.optional().describe("import the other rows when some have text where a number belongs or T ≤ 0 (refused by default)"),
  fileName: z.string().trim().min(1).max(255).optional().describe("name to record and to use in messages"),
  template: z.string().trim().min(1).max(100).optional().describe("a mapping template of the lab (its name or id): its column mapping and parse options apply; mapping and options given here win"),
};

export const ZV1UploadQuery = z.object({
  ...assignmentQuery,
  mapping: jsonText(ZColumnMapping, "mapping")
    .optional()
    .describe('column mapping as JSON, e.g. {"temperature":"sensor_A","resistance":["R1","R2"],"units":{"temperature":"K"}}'),
  format: z.enum(["auto", "qd-dat", "delimited", "json", "lakeshore"]).optional().describe("force a parser instead of detecting the format"),
  delimiter: z.enum([",", ";", "\t", "|", "whitespace"]).optional(),
  decimalComma: ZBoolText.optional(),
  fieldOe: z.coerce.number().finite().optional().describe("field of a file that records none, Oe"),
  temperatureK: z.coerce.number().finite().positive().optional().describe("temperature of field sweeps in a file that records none, K"),
});
export type TV1UploadQuery = z.infer<typeof ZV1UploadQuery>;

export const ZV1CurvesQuery = z.object(assignmentQuery);
export type TV1CurvesQuery = z.infer<typeof ZV1CurvesQuery>;

/** The upload service's assignment from query (or form) fields. */
export function assignmentFromQuery(q: TV1CurvesQuery): TUploadAssignment {
  const mapped = Object.entries(q.channels ?? {});
  const defaultSample = q.sampleId ?? mapped.find(([, id]) => id !== null)?.[1];
  if (!defaultSample) throw new AppError("BAD_REQUEST", "sampleId is required (or a channels mapping that names a sample)");
  return ZUploadAssignment.parse({
    sample: { sampleId: defaultSample },
    channels: Object.fromEntries(mapped.map(([channel, id]) => [channel, id === null ? null : { sampleId: id }])),
    unlistedChannels: q.sampleId ? "default" : "exclude",
    ...(q.readout !== undefined ? { readout: q.readout } : {}),
    ...(q.template !== undefined ? { template: q.template } : {}),
    setup: q.setupId ? { setupId: q.setupId } : null,
    pressureGPa: q.pressureGPa ?? null,
    pressureDirection: q.pressureDirection,
    fieldOrientation: q.fieldOrientation,
    excludeCurves: q.exclude ?? [],
    skipBadRows: q.skipBadRows ?? false,
  });
}

export function optionsFromQuery(q: TV1UploadQuery): TUploadOptions {
  const options: TUploadOptions = {};
  if (q.mapping) options.mapping = q.mapping;
  if (q.format) options.format = q.format;
  if (q.delimiter) options.delimiter = q.delimiter;
  if (q.decimalComma !== undefined) options.decimalComma = q.decimalComma;
  if (q.fieldOe !== undefined || q.temperatureK !== undefined) {
    options.constants = { ...(q.fieldOe !== undefined ? { H_Oe: q.fieldOe } : {}), ...(q.temperatureK !== undefined ? { T_K: q.temperatureK } : {}) };
  }
  return options;
}

/** Query fields, with the text fields of a multipart form taking precedence. */
export function mergeFields(url: URL, form: FormData | null): Record<string, string | string[]> {
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    raw[key] = all.length > 1 ? all : all[0]!;
  }
  if (form) {
    for (const [key, value] of form.entries()) if (typeof value === "string") raw[key] = value;
  }
  return raw;
}

/** The file name from Content-Disposition (`attachment; filename="run7.dat"`), if any. */
export function fileNameFromHeaders(headers: Headers): string | null {
  const cd = headers.get("content-disposition");
  if (!cd) return null;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(cd);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim().replace(/^"|"$/g, ""));
    } catch {
      /* fall through to the plain parameter */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(cd);
  return plain ? plain[1]!.trim() : null;
}

/** Refuses a declared body larger than the limit before reading it. */
export function checkDeclaredLength(headers: Headers, maxBytes: number, fileName: string): void {
  const declared = Number(headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes + 64 * 1024) {
    throw new AppError("PAYLOAD_TOO_LARGE", `${fileName}: the file is larger than the limit of ${maxBytes} bytes (expected at most ${maxBytes} bytes (UPLOAD_MAX_BYTES))`, [
      { code: "file_too_large", message: `${fileName}: the request body has ${declared} bytes; the limit is ${maxBytes}`, file: fileName, expected: `at most ${maxBytes} bytes (UPLOAD_MAX_BYTES)` },
    ]);
  }
}

export const uploadFileOperation = registerOperation({
  method: "post",
  path: "/api/v1/uploads",
  summary: "Upload an instrument file",
  description: [
    "Stores the file byte for byte (with its SHA-256), parses it (Quantum Design .dat, CSV/TSV and other delimited text, Lake Shore, sit-curves/v1 JSON), and stores every detected R(T) or R(H) sweep on the sample, in one transaction; each new curve is queued for fitting.",
    "Send the file as the raw request body (streamed; `Content-Type: application/octet-stream`, name it with `?fileName=` or `Content-Disposition`) or as `multipart/form-data` with a `file` part (form text fields may carry the query parameters).",
    "One file may hold several channels (several films on one puck): `channels` sends each to its own sample, in one request or in several. Duplicates are judged per (file, channel, sample): when every channel asked for was already imported into the same sample the answer is the first upload (`isDuplicate: true`, status 200, `duplicates` naming the sample each went to) and nothing is created; otherwise 201.",
    "Bad input answers 422 (413 over the size limit) with a message naming the file, line and column and what was expected; `error.details` lists every problem. Nothing is stored in the database then.",
    "Needs a token with the write scope.",
  ].join("\n\n"),
  tags: ["uploads"],
  isAuthenticated: true,
  query: ZV1UploadQuery,
  body: { contentType: "application/octet-stream", description: "the instrument file, byte for byte (or multipart/form-data with a `file` part)" },
  response: ZUploadResultDto,
  status: 201,
  otherSuccesses: [{ status: 200, description: "Every channel was already imported into the same sample: the first upload, nothing created" }],
  errors: [404, 409, 413, 422],
});

export const uploadCurvesOperation = registerOperation({
  method: "post",
  path: "/api/v1/curves",
  summary: "Upload curves as JSON (sit-curves/v1)",
  description: [
    'A JSON document `{"format": "sit-curves/v1", "metadata": {…}, "curves": [{"kind": "RT", "T_K": [...], "R_ohm": [...], "H_Oe": 0, "P_GPa": 1.2, …}]}`. RT curves need one temperature per point; RH curves one field per point and one temperature (or one per point). Resistances are in Ω (Ω/□ with `"quantity": "sheet_resistance"`).',
    "The document is stored byte for byte like any upload and follows the same rules: one transaction, dedupe by SHA-256, a fit job per new curve, 422 with the JSON path of every problem.",
    "Needs a token with the write scope.",
  ].join("\n\n"),
  tags: ["uploads"],
  isAuthenticated: true,
  query: ZV1CurvesQuery,
  body: { contentType: "application/json", schema: ZCurveUploadJson, description: "a sit-curves/v1 document" },
  response: ZUploadResultDto,
  status: 201,
  otherSuccesses: [{ status: 200, description: "The same document was already imported into the same sample: the first upload, nothing created" }],
  errors: [404, 409, 413, 422],
});

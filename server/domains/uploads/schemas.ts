import { z } from "zod";
import { ZFieldOrientation, ZPressureDirection } from "~/server/domains/curves/schemas";
import { ZCreateSampleInput } from "~/server/domains/samples/schemas";
import { ZSetupFields } from "~/server/domains/setups/schemas";
import { ZParseOptions } from "~/server/ingest";

export const ZSha256 = z.string().regex(/^[0-9a-f]{64}$/, "a SHA-256 as 64 lowercase hex digits");

/** A file name as shown in messages: no path, no control characters. */
export const ZFileName = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .transform((name) => name.replace(/^.*[/\\]/, "").replace(/[\u0000-\u001f\u007f]/g, "_") || "upload");

/**
 * Parse options a user may choose (format, column mapping, delimiter, decimal comma,
 * constants, segmentation). Limits are the server's (UPLOAD_MAX_BYTES, UPLOAD_MAX_POINTS).
 */
export const ZUploadOptions = ZParseOptions.omit({ fileName: true, limits: true });
export type TUploadOptions = z.infer<typeof ZUploadOptions>;

export const ZDiagnostic = z.object({
  code: z.string(),
  message: z.string(),
  file: z.string().optional(),
  line: z.number().int().optional(),
  column: z.union([z.number().int(), z.string()]).optional(),
  expected: z.string().optional(),
});
export type TDiagnostic = z.infer<typeof ZDiagnostic>;

export const ZColumnRole = z.enum(["temperature", "field", "pressure", "time", "resistance", "other"]);

export const ZPreviewColumn = z.object({
  index: z.number().int(),
  name: z.string(),
  role: ZColumnRole,
  unit: z.string(),
  canonicalUnit: z.string(),
  factor: z.number(),
  quantity: z.enum(["resistance", "sheet_resistance", "resistivity"]).optional(),
  channel: z.string().optional(),
  note: z.string().optional(),
  /** where the unit came from; "assumed" and "inferred" are for the user to confirm */
  unitSource: z.enum(["header", "mapping", "assumed", "inferred"]).optional(),
  readout: z.enum(["signed", "magnitude", "unknown"]).optional(),
});

export const ZReadoutName = z.enum(["signed", "magnitude", "unknown"]);
export type TReadoutName = z.infer<typeof ZReadoutName>;

export const ZPreviewCurve = z.object({
  /** position in the parsed file; commit's excludeCurves refers to it */
  index: z.number().int(),
  kind: z.enum(["RT", "RH"]),
  channel: z.string(),
  label: z.string().nullable(),
  quantity: z.enum(["resistance", "sheet_resistance", "resistivity"]),
  unit: z.string(),
  pointCount: z.number().int(),
  /** raw rows behind the points (repeated readings at one set point are merged into one point) */
  readings: z.number().int(),
  /** points that hold more than one reading */
  mergedPoints: z.number().int(),
  /** signed (bridge, lock-in X), magnitude (lock-in R) or unknown: as detected */
  readout: ZReadoutName,
  direction: z.enum(["warming", "cooling", "up", "down", "mixed"]),
  fixed: z.object({ H_Oe: z.number().nullable(), T_K: z.number().nullable(), P_GPa: z.number().nullable() }),
  /** null for field sweeps of a file that records no temperature */
  tRangeK: z.tuple([z.number(), z.number()]).nullable(),
  hRangeOe: z.tuple([z.number(), z.number()]).nullable(),
  rRange: z.tuple([z.number(), z.number()]),
  pressureDirection: z.enum(["pressurizing", "depressurizing"]).nullable(),
  segmentReason: z.string(),
  sourceRows: z.object({ first: z.number(), last: z.number() }),
  /** downsampled for drawing: x is T (K) for RT curves and H (Oe) for RH curves; y is R in `unit` */
  points: z.object({ x: z.array(z.number()), y: z.array(z.number()) }),
});
export type TPreviewCurve = z.infer<typeof ZPreviewCurve>;

export const ZUploadPreviewDto = z.object({
  fileName: z.string(),
  sha256: ZSha256,
  sizeBytes: z.number().int(),
  format: z.string(),
  parser: z.object({ name: z.string(), version: z.string() }),
  metadata: z.record(z.string(), z.string()),
  /** the options this preview was parsed with (send them back to commit) */
  options: ZUploadOptions,
  columns: z.array(ZPreviewColumn),
  curves: z.array(ZPreviewCurve),
  warnings: z.array(ZDiagnostic),
  /** fatal problems: nothing can be imported until they are fixed */
  errors: z.array(ZDiagnostic),
  /** rows the parser had to skip (text where a number belongs, T ≤ 0): refused unless skipBadRows */
  rowProblems: z.array(ZDiagnostic),
  stats: z.object({ bytes: z.number().int(), lines: z.number().int(), rows: z.number().int(), points: z.number().int() }),
  /** when the file says it was measured (Quantum Design FILEOPENTIME, local instrument time), ISO 8601 */
  measuredAt: z.string().nullable(),
  /** instrument and option as the header names them, e.g. "PPMS Resistivity" */
  instrument: z.string().nullable(),
  limits: z.object({ maxBytes: z.number().int(), maxPoints: z.number().int() }),
  /** the same bytes already uploaded to labs the caller belongs to */
  existingUploads: z.array(z.object({ id: z.string(), labId: z.string(), labName: z.string(), createdAt: z.string().describe("ISO 8601"), curveCount: z.number().int(), sampleIds: z.array(z.string()) })),
});
export type TUploadPreviewDto = z.infer<typeof ZUploadPreviewDto>;

export const ZPreviewStagedInput = z.object({
  sha256: ZSha256,
  fileName: ZFileName,
  options: ZUploadOptions.default({}),
});
export type TPreviewStagedInput = z.infer<typeof ZPreviewStagedInput>;

/** Where the curves go: an existing sample, or one created in the same transaction. */
export const ZSampleTarget = z.union([
  z.object({ sampleId: z.string().min(1) }).strict(),
  z.object({ create: ZCreateSampleInput }).strict(),
]);

export const ZSetupTarget = z.union([
  z.object({ setupId: z.string().min(1) }).strict(),
  z.object({ create: ZSetupFields }).strict(),
]);

export const ZUploadAssignment = z.object({
  sample: ZSampleTarget,
  setup: ZSetupTarget.nullish(),
  /** pressure of curves whose file records none, GPa */
  pressureGPa: z.number().min(0, "Pressure cannot be negative").max(1000, "Pressure is in GPa").nullish(),
  pressureDirection: ZPressureDirection.default("UNKNOWN"),
  fieldOrientation: ZFieldOrientation.default("PERPENDICULAR"),
  /** indices (from the preview) of detected curves to leave out */
  excludeCurves: z.array(z.number().int().nonnegative()).max(100_000).default([]),
  /** import the other rows when some rows have text where a number belongs or T ≤ 0 */
  skipBadRows: z.boolean().default(false),
  /**
   * Channels to samples: a channel listed with a sample goes there (optionally with its setup),
   * one listed as null is left out, one not listed goes to `sample` (or is left out when
   * `unlistedChannels` is "exclude").
   */
  channels: z
    .record(z.string().min(1).max(200), z.union([z.object({ sampleId: z.string().min(1), setupId: z.string().min(1).nullish() }).strict(), z.null()]))
    .refine((m) => Object.keys(m).length <= 1000, "at most 1000 channels")
    .default({}),
  unlistedChannels: z.enum(["default", "exclude"]).default("default"),
  /** a mapping template of the lab (id or name) whose options apply; options given explicitly win */
  template: z.string().min(1).max(100).optional(),
  /** readout of every curve, or per channel; detected from the column and instrument otherwise */
  readout: z.union([ZReadoutName, z.record(z.string().min(1).max(200), ZReadoutName)]).optional(),
});
export type TUploadAssignment = z.infer<typeof ZUploadAssignment>;

export const ZCommitUploadInput = ZUploadAssignment.extend({
  sha256: ZSha256,
  fileName: ZFileName,
  contentType: z.string().max(200).nullish(),
  options: ZUploadOptions.default({}),
});
export type TCommitUploadInput = z.infer<typeof ZCommitUploadInput>;

export const ZUploadResultDto = z.object({
  uploadId: z.string(),
  /**
   * true when every channel asked for was already imported from these bytes into the same
   * sample: nothing was created (`duplicates` says where each one went)
   */
  isDuplicate: z.boolean(),
  labId: z.string(),
  /** the default sample (for a duplicate: the sample the first duplicate channel went to) */
  sampleId: z.string(),
  /** every sample that received curves from this request */
  sampleIds: z.array(z.string()),
  /** channels of this file already imported into the sample asked for (not stored again) */
  duplicates: z.array(z.object({ channel: z.string(), sampleId: z.string(), curveCount: z.number().int() })),
  setupId: z.string().nullable(),
  sha256: ZSha256,
  sizeBytes: z.number().int(),
  format: z.string(),
  parser: z.object({ name: z.string(), version: z.string() }),
  /** curves stored by this upload (for a duplicate: those stored the first time) */
  curveIds: z.array(z.string()),
  /** detected curves already stored on the sample with identical content */
  skippedDuplicateCurves: z.number().int(),
  excludedCurves: z.number().int(),
  /** fit jobs queued (one per new curve) */
  queuedFits: z.number().int(),
  quantity: z.string().nullable(),
  warnings: z.array(ZDiagnostic),
});
export type TUploadResultDto = z.infer<typeof ZUploadResultDto>;

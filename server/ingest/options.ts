import { z } from "zod";

/**
 * Options of the ingest parsers. Every field is optional; `resolveOptions` fills the
 * documented defaults (see README.md, "Options and defaults").
 */

/** A column: 0-based index, or its header text (case-insensitive; with or without the unit). */
export const ZColumnRef = z.union([z.number().int().nonnegative(), z.string().min(1)]);
export type TColumnRef = z.infer<typeof ZColumnRef>;

export const ZUnitOverrides = z
  .object({
    temperature: z.string().min(1),
    field: z.string().min(1),
    pressure: z.string().min(1),
    /** Applies to every resistance column, e.g. "kOhm", "Ohm/sq", "Ohm-cm". */
    resistance: z.string().min(1),
  })
  .partial()
  .strict();

/**
 * A column mapping that overrides detection. Roles not given are still detected;
 * `null` for field/pressure/time means "the file has none, ignore any candidate".
 */
export const ZColumnMapping = z
  .object({
    temperature: ZColumnRef,
    resistance: z.union([ZColumnRef, z.array(ZColumnRef).min(1)]),
    field: ZColumnRef.nullable(),
    pressure: ZColumnRef.nullable(),
    time: ZColumnRef.nullable(),
    units: ZUnitOverrides,
    /** 1-based line of the header row (delimited text only). */
    headerLine: z.number().int().positive(),
  })
  .partial()
  .strict();
export type TColumnMapping = z.infer<typeof ZColumnMapping>;

export const ZLimits = z
  .object({
    /** Largest accepted file, bytes. */
    maxBytes: z.number().int().positive(),
    /** Largest accepted number of resistance values (over all channels). */
    maxPoints: z.number().int().positive(),
    /** Longest accepted line, bytes (longer lines mean binary or broken files). */
    maxLineBytes: z.number().int().positive(),
    /** Warnings kept per code; the rest are counted in one summary warning. */
    maxWarningsPerCode: z.number().int().nonnegative(),
  })
  .partial()
  .strict();

export const ZSegmentationOptions = z
  .object({
    /** Temperature tolerance: max(temperatureAbsK, temperatureRel·T). */
    temperatureAbsK: z.number().nonnegative(),
    temperatureRel: z.number().nonnegative(),
    /** Field tolerance: max(fieldAbsOe, fieldRel·|H|). */
    fieldAbsOe: z.number().nonnegative(),
    fieldRel: z.number().nonnegative(),
    /** Pressure tolerance: max(pressureAbsGPa, pressureRel·|P|). */
    pressureAbsGPa: z.number().nonnegative(),
    pressureRel: z.number().nonnegative(),
    /** Segments with fewer points are dropped (and reported). */
    minPoints: z.number().int().min(2),
    /** Single-point excursions larger than this many tolerances are removed as glitches. */
    spikeTolerances: z.number().positive(),
  })
  .partial()
  .strict();

export const ZFormatOption = z.enum(["auto", "qd-dat", "delimited", "json", "lakeshore"]);

export const ZParseOptions = z
  .object({
    /** Name used in diagnostics ("file.dat, line 12, column 3"). */
    fileName: z.string(),
    /** Force a parser instead of detecting the format. */
    format: ZFormatOption,
    mapping: ZColumnMapping,
    /** Delimited text: force the delimiter. */
    delimiter: z.enum([",", ";", "\t", "|", "whitespace"]),
    /** Delimited text: force decimal commas on or off. */
    decimalComma: z.boolean(),
    /** Conditions the file does not record (e.g. the pressure of a diamond-anvil-cell run). */
    constants: z
      .object({ H_Oe: z.number().finite(), P_GPa: z.number().finite(), T_K: z.number().finite().positive() })
      .partial()
      .strict(),
    limits: ZLimits,
    segmentation: ZSegmentationOptions,
  })
  .partial()
  .strict();
export type TParseOptions = z.infer<typeof ZParseOptions>;

export const DEFAULT_LIMITS = {
  maxBytes: 512 * 1024 * 1024,
  maxPoints: 5_000_000,
  maxLineBytes: 1024 * 1024,
  maxWarningsPerCode: 20,
} as const;

export const DEFAULT_SEGMENTATION = {
  temperatureAbsK: 0.0005,
  temperatureRel: 0.005,
  fieldAbsOe: 1,
  fieldRel: 1e-4,
  pressureAbsGPa: 0.01,
  pressureRel: 0.01,
  minPoints: 5,
  spikeTolerances: 20,
} as const;

export type TSegmentationSettings = { -readonly [K in keyof typeof DEFAULT_SEGMENTATION]: number };
export type TLimits = { -readonly [K in keyof typeof DEFAULT_LIMITS]: number };

export interface ResolvedOptions {
  fileName: string;
  format: z.infer<typeof ZFormatOption>;
  mapping: TColumnMapping;
  delimiter: "," | ";" | "\t" | "|" | "whitespace" | null;
  decimalComma: boolean | null;
  constants: { H_Oe: number | null; P_GPa: number | null; T_K: number | null };
  limits: TLimits;
  segmentation: TSegmentationSettings;
}

/** Fills defaults. Throws a ZodError when the options themselves are malformed. */
export function resolveOptions(input?: TParseOptions): ResolvedOptions {
  const o = ZParseOptions.parse(input ?? {});
  return {
    fileName: o.fileName ?? "input",
    format: o.format ?? "auto",
    mapping: o.mapping ?? {},
    delimiter: o.delimiter ?? null,
    decimalComma: o.decimalComma ?? null,
    constants: { H_Oe: o.constants?.H_Oe ?? null, P_GPa: o.constants?.P_GPa ?? null, T_K: o.constants?.T_K ?? null },
    limits: { ...DEFAULT_LIMITS, ...o.limits },
    segmentation: { ...DEFAULT_SEGMENTATION, ...o.segmentation },
  };
}

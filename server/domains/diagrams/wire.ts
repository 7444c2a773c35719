/**
 * The diagram as the browser receives it: the points as columns instead of one object each.
 *
 * A view holds up to 20,000 points of 28 fields. As objects, every field name is repeated in every
 * point and so are the ids of the few samples, labs and setups they come from: 4,000 points make
 * 2.7 MB of JSON, most of the server's time per answer goes into checking, writing and sending
 * them, and the browser's into parsing them. As columns (one array per field, the repeated texts
 * as a dictionary and a code per point) the same points are a third of that.
 *
 * Only the tRPC procedures (diagram.get, permalink.get) use this form; the client turns it back
 * into TDiagramDto (decodeDiagram), so every component reads the same points as before, and the
 * public API (GET /api/v1/diagram) and stored snapshots keep one object per point. Each column is
 * checked with the schema of its field in ZDiagramPoint, and only the columns listed here go out.
 */
import { z } from "zod";
import { ZDiagramDto, ZDiagramPoint, type TDiagramDto, type TDiagramPoint } from "./schemas";

type PointKey = keyof TDiagramPoint;
const FIELD = ZDiagramPoint.shape;

/**
 * A column of `count` values, each checked by `check` (the twin of its field's schema in
 * ZDiagramPoint; a unit test holds the two together). A zod array would check each value through
 * its schema, which costs more than everything else this module does for thousands of points.
 */
const column = <T>(check: (v: unknown) => v is T, expected: string) =>
  z.custom<T[]>((v) => Array.isArray(v) && v.every(check), { message: `expected an array of ${expected}` });
const isFiniteNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isNumberOrNull = (v: unknown): v is number | null => v === null || isFiniteNumber(v);
const isBoolean = (v: unknown): v is boolean => typeof v === "boolean";
const isString = (v: unknown): v is string => typeof v === "string";
const isCode = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** A text column as the distinct texts (each checked by its field's schema) and, per point, the index of its own. */
const dictionary = <T extends z.ZodType>(value: T) =>
  z
    .object({ values: z.array(value), codes: column(isCode, "non-negative integers") })
    .refine((d) => d.codes.every((c) => c < d.values.length), { message: "a code beyond the dictionary's values" });

/** Element checks of the plain columns, by field (exported for the test that holds them to ZDiagramPoint). */
export const COLUMN_CHECKS = {
  fitId: isString,
  curveId: isString,
  x: isFiniteNumber,
  y: isFiniteNumber,
  xErr: isNumberOrNull,
  yErr: isNumberOrNull,
  isOverride: isBoolean,
  inconclusive: isBoolean,
  confidence: isFiniteNumber,
  fieldOe: isNumberOrNull,
  pressureGPa: isNumberOrNull,
  gateVoltageV: isNumberOrNull,
  isArtifact: isBoolean,
} satisfies Partial<Record<PointKey, (v: unknown) => boolean>>;
const C = COLUMN_CHECKS;

const columnLength = (c: unknown): number | undefined => (c === undefined ? undefined : Array.isArray(c) ? c.length : (c as { codes: unknown[] }).codes.length);

/** The points of a view, column by column, in the order of `points` (every column has `count` entries). */
export const ZPointColumns = z
  .object({
    count: z.number().int().nonnegative(),
    fitId: column(C.fitId, "texts"),
    curveId: column(C.curveId, "texts"),
    sampleId: dictionary(FIELD.sampleId),
    labId: dictionary(FIELD.labId),
    setupId: dictionary(FIELD.setupId),
    uploadId: dictionary(FIELD.uploadId),
    x: column(C.x, "finite numbers"),
    y: column(C.y, "finite numbers"),
    xErr: column(C.xErr, "finite numbers or null"),
    yErr: column(C.yErr, "finite numbers or null"),
    phase: dictionary(FIELD.phase),
    autoPhase: dictionary(FIELD.autoPhase),
    isOverride: column(C.isOverride, "booleans"),
    inconclusive: column(C.inconclusive, "booleans"),
    /** absent when the points have none (snapshots made before engine 1.0) */
    reasonCode: dictionary(FIELD.reasonCode.unwrap()).optional(),
    confidence: column(C.confidence, "finite numbers"),
    engineVersion: dictionary(FIELD.engineVersion),
    fieldOe: column(C.fieldOe, "finite numbers or null"),
    pressureGPa: column(C.pressureGPa, "finite numbers or null"),
    pressureDirection: dictionary(FIELD.pressureDirection),
    gateVoltageV: column(C.gateVoltageV, "finite numbers or null"),
    grade: dictionary(FIELD.grade),
    isArtifact: column(C.isArtifact, "booleans"),
    uploadedAt: dictionary(FIELD.uploadedAt),
    /** absent when the points have none (snapshots made before curves carried it) */
    quantity: dictionary(FIELD.quantity.unwrap()).optional(),
    seriesKey: dictionary(FIELD.seriesKey),
    facetKey: dictionary(FIELD.facetKey),
    colorKey: dictionary(FIELD.colorKey),
  })
  .refine((c) => POINT_KEYS.every((key) => columnLength(c[key]) === undefined || columnLength(c[key]) === c.count), {
    message: "a column whose length is not the number of points",
  });
export type TPointColumns = z.infer<typeof ZPointColumns>;

export const ZDiagramWire = ZDiagramDto.extend({ points: ZPointColumns });
export type TDiagramWire = z.infer<typeof ZDiagramWire>;

/** The fields of a point, in the order of its schema. */
export const POINT_KEYS = Object.keys(FIELD) as PointKey[];
/** fields held as a dictionary and codes */
const DICTIONARY_KEYS = new Set(POINT_KEYS.filter((key) => !(key in COLUMN_CHECKS)));
/** fields a point may lack (then its column may be absent) */
const OPTIONAL_KEYS = new Set(POINT_KEYS.filter((key) => FIELD[key].safeParse(undefined).success));

type Dictionary = { values: unknown[]; codes: number[] };

function encodeDictionary(points: readonly TDiagramPoint[], key: PointKey): Dictionary {
  const index = new Map<unknown, number>();
  const values: unknown[] = [];
  const codes = new Array<number>(points.length);
  for (let i = 0; i < points.length; i++) {
    const value = points[i]![key] ?? null;
    let code = index.get(value);
    if (code === undefined) {
      code = values.length;
      index.set(value, code);
      values.push(value);
    }
    codes[i] = code;
  }
  return { values, codes };
}

/** The points as columns. An optional field that no point has is left out; one that some lack is null there. */
export function encodePoints(points: readonly TDiagramPoint[]): TPointColumns {
  const out: Record<string, unknown> = { count: points.length };
  for (const key of POINT_KEYS) {
    if (OPTIONAL_KEYS.has(key) && points.every((p) => p[key] === undefined)) continue;
    out[key] = DICTIONARY_KEYS.has(key) ? encodeDictionary(points, key) : points.map((p) => p[key] ?? null);
  }
  return out as TPointColumns;
}

/** The points back as objects (written out field by field: a generic loop over the fields costs several times more for thousands of points). */
export function decodePoints(c: TPointColumns): TDiagramPoint[] {
  const at = <T>(d: { values: T[]; codes: number[] }, i: number): T => d.values[d.codes[i]!]!;
  const points = new Array<TDiagramPoint>(c.count);
  for (let i = 0; i < c.count; i++) {
    const point: TDiagramPoint = {
      fitId: c.fitId[i]!,
      curveId: c.curveId[i]!,
      sampleId: at(c.sampleId, i),
      labId: at(c.labId, i),
      setupId: at(c.setupId, i),
      uploadId: at(c.uploadId, i),
      x: c.x[i]!,
      y: c.y[i]!,
      xErr: c.xErr[i]!,
      yErr: c.yErr[i]!,
      phase: at(c.phase, i),
      autoPhase: at(c.autoPhase, i),
      isOverride: c.isOverride[i]!,
      inconclusive: c.inconclusive[i]!,
      confidence: c.confidence[i]!,
      engineVersion: at(c.engineVersion, i),
      fieldOe: c.fieldOe[i]!,
      pressureGPa: c.pressureGPa[i]!,
      pressureDirection: at(c.pressureDirection, i),
      gateVoltageV: c.gateVoltageV[i]!,
      grade: at(c.grade, i),
      isArtifact: c.isArtifact[i]!,
      uploadedAt: at(c.uploadedAt, i),
      seriesKey: at(c.seriesKey, i),
      facetKey: at(c.facetKey, i),
      colorKey: at(c.colorKey, i),
    };
    if (c.reasonCode) point.reasonCode = at(c.reasonCode, i);
    if (c.quantity) point.quantity = at(c.quantity, i);
    points[i] = point;
  }
  return points;
}

/** A diagram with its points as columns, not yet checked (for an encoder that checks what holds it). */
export function withPointColumns(dto: TDiagramDto): Omit<TDiagramDto, "points"> & { points: TPointColumns } {
  return { ...dto, points: encodePoints(dto.points) };
}

/** A diagram with its points as columns, checked against ZDiagramWire (what goes out is only what it lists). */
export function encodeDiagram(dto: TDiagramDto): TDiagramWire {
  return ZDiagramWire.parse(withPointColumns(dto));
}

export function decodeDiagram(wire: TDiagramWire): TDiagramDto {
  return { ...wire, points: decodePoints(wire.points) };
}

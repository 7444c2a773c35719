/**
 * Pure helpers of the upload service: parsed curves → stored curves (units and quantities),
 * parser diagnostics → messages, and preview rows. No database, no I/O.
 */
import type { PressureDirection, ResistanceQuantity, SweepDirection, FieldOrientation, Readout } from "~/generated/prisma/enums";
import { downsampleIndices } from "~/server/domains/curves/codec";
import type { NewCurve } from "~/server/domains/curves/service";
import type { Diagnostic, ParsedCurve, ParsedFile } from "~/server/ingest";
import type { TPreviewCurve, TReadoutName } from "./schemas";

/** Ω·cm (the parser's canonical resistivity unit) → Ω·m (the stored one). */
export const OHM_CM_TO_OHM_M = 0.01;

/**
 * Row problems the parser skips with a warning: text where a number belongs, T ≤ 0.
 * An upload refuses them unless the user asks to skip those rows.
 */
export const ROW_PROBLEM_CODES: ReadonlySet<string> = new Set(["non_numeric", "nonpositive_temperature"]);

export function rowProblems(parsed: Pick<ParsedFile, "warnings">): Diagnostic[] {
  return parsed.warnings.filter(
    (w) => ROW_PROBLEM_CODES.has(w.code) || (w.code === "suppressed" && [...ROW_PROBLEM_CODES].some((c) => w.message.includes(`"${c}"`))),
  );
}

export interface StoredQuantity {
  quantity: ResistanceQuantity;
  /** multiplier from the parsed unit to the stored one */
  factor: number;
  /** the stored unit, for messages */
  unit: "Ω" | "Ω/□" | "Ω·m";
  /** how the value was obtained, when it was converted */
  note: string | null;
}

/**
 * What a parsed column measures, as stored. A resistance in Ω becomes a sheet resistance only
 * when the sample records its number of squares (R□ = R / squares); without it the curve stays
 * RESISTANCE. A resistivity stays RESISTIVITY (Ω·cm → Ω·m) and is never labelled Ω/□.
 */
export function storedQuantity(quantity: ParsedCurve["quantity"], squares: number | null | undefined): StoredQuantity {
  switch (quantity) {
    case "sheet_resistance":
      return { quantity: "SHEET_RESISTANCE", factor: 1, unit: "Ω/□", note: null };
    case "resistivity":
      return { quantity: "RESISTIVITY", factor: OHM_CM_TO_OHM_M, unit: "Ω·m", note: "resistivity converted from Ω·cm to Ω·m" };
    case "resistance":
      if (squares !== null && squares !== undefined && Number.isFinite(squares) && squares > 0) {
        return { quantity: "SHEET_RESISTANCE", factor: 1 / squares, unit: "Ω/□", note: `resistance divided by the sample's ${squares} squares` };
      }
      return { quantity: "RESISTANCE", factor: 1, unit: "Ω", note: null };
  }
}

const SWEEP: Record<ParsedCurve["direction"], SweepDirection> = {
  warming: "WARMING",
  cooling: "COOLING",
  up: "UP",
  down: "DOWN",
  mixed: "MIXED",
};

export interface CurveContext {
  squares: number | null | undefined;
  /** pressure for curves whose file records none */
  pressureGPa: number | null | undefined;
  pressureDirection: PressureDirection;
  fieldOrientation: FieldOrientation;
  /** the user's readout for this curve (else the detected one) */
  readout?: TReadoutName;
  /** when the file says it was measured */
  measuredAt?: Date | null;
}

const READOUT: Record<TReadoutName, Readout> = { signed: "SIGNED", magnitude: "MAGNITUDE", unknown: "UNKNOWN" };

/** Points that hold more than one reading. */
export function mergedPointCount(curve: Pick<ParsedCurve, "counts">): number {
  if (!curve.counts) return 0;
  let n = 0;
  for (const c of curve.counts) if (c > 1) n++;
  return n;
}

/**
 * The curve's source description kept with it: file lines, readings and points, and for merged
 * points (repeated readings at one set point) the index, reading count and spread of R of each.
 */
export function sourceRowsJson(curve: ParsedCurve, rFactor: number) {
  const merged: { index: number[]; readings: number[]; spreadR: number[] } = { index: [], readings: [], spreadR: [] };
  if (curve.counts && curve.R_spread) {
    for (let i = 0; i < curve.counts.length; i++) {
      if (curve.counts[i]! > 1) {
        merged.index.push(i);
        merged.readings.push(curve.counts[i]!);
        merged.spreadR.push(curve.R_spread[i]! * Math.abs(rFactor));
      }
    }
  }
  return {
    first: curve.sourceRows.first,
    last: curve.sourceRows.last,
    readings: curve.readings,
    points: curve.R.length,
    ...(merged.index.length > 0 ? { merged } : {}),
  };
}

/**
 * The measurement time a header records (`file_time`, local instrument time written as
 * 2024-12-18T10:42:00), stored as that wall-clock time in UTC; null when absent or unreadable.
 */
export function measuredAtOf(metadata: Record<string, string>): Date | null {
  const t = metadata.file_time;
  if (!t || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/.test(t)) return null;
  const d = new Date(`${t}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Instrument and option named by the header, e.g. "PPMS Resistivity" (null when none). */
export function instrumentOf(metadata: Record<string, string>): string | null {
  return metadata.option ?? metadata.byapp ?? null;
}

/** The measuring application's version from a Quantum Design BYAPP line, e.g. "1.5.11 Build 0". */
export function instrumentVersionOf(metadata: Record<string, string>): string | null {
  const m = /Release\s+([\w.-]+(?:\s+Build\s+\w+)?)/i.exec(metadata.byapp ?? "");
  return m ? m[1]! : null;
}

function scaled(values: Float64Array, factor: number): Float64Array {
  if (factor === 1) return values;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i]! * factor;
  return out;
}

/** One parsed sweep as a row to store, units normalized (K, Ω / Ω/□ / Ω·m, Oe, GPa). */
export function toNewCurve(curve: ParsedCurve, ctx: CurveContext): NewCurve {
  const q = storedQuantity(curve.quantity, ctx.squares);
  const reason = q.note ? `${curve.segmentReason}; ${q.note}` : curve.segmentReason;
  const pressureDirection: PressureDirection =
    curve.pressureDirection === "pressurizing" ? "PRESSURIZING" : curve.pressureDirection === "depressurizing" ? "DEPRESSURIZING" : ctx.pressureDirection;
  return {
    kind: curve.kind,
    quantity: q.quantity,
    channel: curve.channel,
    label: curve.label ?? null,
    fieldOe: curve.kind === "RT" ? curve.fixed.H_Oe : null,
    fieldOrientation: ctx.fieldOrientation,
    pressureGPa: curve.fixed.P_GPa ?? ctx.pressureGPa ?? null,
    pressureDirection,
    temperatureK: curve.kind === "RH" ? curve.fixed.T_K : null,
    sweepDirection: SWEEP[curve.direction],
    T: curve.T_K,
    R: scaled(curve.R, q.factor),
    H: curve.kind === "RH" ? curve.H_Oe : null,
    segmentReason: reason,
    sourceRows: sourceRowsJson(curve, q.factor),
    readout: READOUT[ctx.readout ?? curve.readout],
    measuredAt: curve.startedAt ? new Date(`${curve.startedAt}Z`) : (ctx.measuredAt ?? null),
  };
}

function range(values: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** A detected curve for the preview, with at most `maxPoints` points kept for drawing. */
export function previewCurve(curve: ParsedCurve, index: number, maxPoints: number): TPreviewCurve {
  const x = curve.kind === "RH" && curve.H_Oe ? curve.H_Oe : curve.T_K;
  const keep = downsampleIndices(curve.R, maxPoints);
  return {
    index,
    kind: curve.kind,
    channel: curve.channel,
    label: curve.label ?? null,
    quantity: curve.quantity,
    unit: curve.unit,
    pointCount: curve.R.length,
    readings: curve.readings,
    mergedPoints: mergedPointCount(curve),
    readout: curve.readout,
    direction: curve.direction,
    fixed: { H_Oe: curve.fixed.H_Oe, T_K: curve.fixed.T_K, P_GPa: curve.fixed.P_GPa },
    tRangeK: curve.kind === "RH" && curve.fixed.T_K === null && Number.isNaN(curve.T_K[0]) ? null : range(curve.T_K),
    hRangeOe: curve.H_Oe ? range(curve.H_Oe) : null,
    rRange: range(curve.R),
    pressureDirection: curve.pressureDirection ?? null,
    segmentReason: curve.segmentReason,
    sourceRows: { first: curve.sourceRows.first, last: curve.sourceRows.last },
    points: { x: keep.map((i) => x[i]!), y: keep.map((i) => curve.R[i]!) },
  };
}

/**
 * One message for a refused file: the first problems with their location and what was
 * expected, then how many more there are. Every diagnostic already names file, line, column.
 */
export function describeProblems(fileName: string, problems: readonly Diagnostic[], max = 3): string {
  if (problems.length === 0) return `${fileName}: the file cannot be imported.`;
  const shown = problems.slice(0, max).map((d) => (d.expected ? `${d.message} (expected ${d.expected})` : d.message));
  const more = problems.length - shown.length;
  return `${shown.join("; ")}${more > 0 ? `; and ${more} more problem${more === 1 ? "" : "s"}` : ""}`;
}

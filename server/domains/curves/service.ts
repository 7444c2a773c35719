import type { Prisma } from "~/generated/prisma/client";
import type { CurveKind, FieldOrientation, PressureDirection, Readout, ResistanceQuantity, SweepDirection } from "~/generated/prisma/enums";
import type { Db } from "~/server/db";
import { sha256Hex } from "~/server/platform/secrets";
import type { Actor } from "~/server/domains/access/actor";
import { requireReadableSample, resolveScope } from "~/server/domains/access/service";
import { decodeFloat64, downsampleIndices, encodeFloat64 } from "./codec";
import type { TCurveLabelDto, TCurvePlotDto, TCurveSummaryDto } from "./schemas";
import { authorName } from "~/server/domains/users/display";

type Tx = Prisma.TransactionClient;

/** A curve about to be stored; units already normalized (K, Ω or Ω/□, Oe, GPa). */
export interface NewCurve {
  kind: CurveKind;
  quantity: ResistanceQuantity;
  channel?: string | null;
  label?: string | null;
  fieldOe?: number | null;
  fieldOrientation?: FieldOrientation;
  pressureGPa?: number | null;
  pressureDirection?: PressureDirection;
  pressureMedium?: string | null;
  temperatureK?: number | null;
  gateVoltageV?: number | null;
  sweepDirection?: SweepDirection;
  T: ArrayLike<number>;
  R: ArrayLike<number>;
  H?: ArrayLike<number> | null;
  segmentReason?: string | null;
  sourceRows?: Prisma.InputJsonValue;
  measuredAt?: Date | null;
  readout?: Readout;
}

/** Smallest and largest of the values (±Infinity for none). */
export function valueRange(values: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

/** Identity of a curve's content: conditions and exact points. Used to skip re-imports. */
export function curveContentHash(curve: NewCurve, t: Uint8Array, r: Uint8Array, h: Uint8Array | null): string {
  const conditions = JSON.stringify([
    curve.kind,
    curve.quantity,
    curve.channel ?? null,
    curve.fieldOe ?? null,
    curve.pressureGPa ?? null,
    curve.pressureDirection ?? "UNKNOWN",
    curve.temperatureK ?? null,
    curve.gateVoltageV ?? null,
  ]);
  const hash = sha256Hex(conditions);
  return sha256Hex(Buffer.concat([Buffer.from(hash), t, r, h ?? new Uint8Array()]));
}

/**
 * Inserts curves of one sample inside the caller's transaction. A curve whose content is
 * already stored for the sample is not inserted again. Returns the ids of the new curves.
 */
export async function insertCurves(
  tx: Tx,
  target: { labId: string; sampleId: string; annealStage: string | null; setupId?: string | null; uploadId?: string | null },
  curves: readonly NewCurve[],
): Promise<{ created: string[]; skipped: number }> {
  if (curves.length === 0) return { created: [], skipped: 0 };
  const rows = curves.map((curve) => {
    if (curve.T.length !== curve.R.length) throw new Error(`Curve has ${curve.T.length} temperatures but ${curve.R.length} resistances`);
    const tK = encodeFloat64(curve.T);
    const r = encodeFloat64(curve.R);
    const hOe = curve.H ? encodeFloat64(curve.H) : null;
    const t = valueRange(curve.T);
    const rr = valueRange(curve.R);
    return {
      labId: target.labId,
      sampleId: target.sampleId,
      setupId: target.setupId ?? null,
      uploadId: target.uploadId ?? null,
      annealStage: target.annealStage,
      kind: curve.kind,
      quantity: curve.quantity,
      channel: curve.channel ?? null,
      label: curve.label ?? null,
      fieldOe: curve.fieldOe ?? null,
      fieldOrientation: curve.fieldOrientation ?? "PERPENDICULAR",
      pressureGPa: curve.pressureGPa ?? null,
      pressureDirection: curve.pressureDirection ?? "UNKNOWN",
      pressureMedium: curve.pressureMedium ?? null,
      temperatureK: curve.temperatureK ?? null,
      gateVoltageV: curve.gateVoltageV ?? null,
      sweepDirection: curve.sweepDirection ?? "UNKNOWN",
      pointCount: curve.T.length,
      tK,
      r,
      hOe,
      tMinK: t.min,
      tMaxK: t.max,
      rMin: rr.min,
      rMax: rr.max,
      contentHash: curveContentHash(curve, tK, r, hOe),
      segmentReason: curve.segmentReason ?? null,
      sourceRows: curve.sourceRows,
      measuredAt: curve.measuredAt ?? null,
      readout: curve.readout ?? "UNKNOWN",
    };
  });
  const created = await tx.curve.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true } });
  return { created: created.map((c) => c.id), skipped: rows.length - created.length };
}

export const curveLabelSelect = {
  fits: {
    where: { isCurrent: true },
    take: 1,
    select: { id: true, engineVersion: true, phase: true, confidence: true, inconclusive: true, reasonCode: true, model: true },
  },
  labelOverrides: {
    where: { supersededAt: null },
    orderBy: { createdAt: "desc" },
    take: 1,
    select: { phase: true, reasonCode: true, justification: true, createdAt: true, user: { select: { name: true } } },
  },
} as const satisfies Prisma.CurveSelect;

type LabelRow = Prisma.CurveGetPayload<{ select: typeof curveLabelSelect }>;

export function toCurveLabel(row: LabelRow): TCurveLabelDto | null {
  const fit = row.fits[0];
  if (!fit) return null;
  const override = row.labelOverrides[0];
  return {
    fitId: fit.id,
    engineVersion: fit.engineVersion,
    phase: fit.phase,
    confidence: fit.confidence,
    inconclusive: fit.inconclusive,
    reasonCode: fit.reasonCode,
    model: fit.model,
    override: override
      ? { phase: override.phase, reasonCode: override.reasonCode, justification: override.justification, by: authorName(override.user)!, at: override.createdAt }
      : null,
  };
}

/** The phase to display: an override wins over the automatic label. */
export function displayedPhase(label: TCurveLabelDto | null): TCurveLabelDto["phase"] | null {
  return label ? (label.override?.phase ?? label.phase) : null;
}

export const curveSummarySelect = {
  id: true,
  kind: true,
  quantity: true,
  channel: true,
  label: true,
  fieldOe: true,
  fieldOrientation: true,
  pressureGPa: true,
  pressureDirection: true,
  annealStage: true,
  temperatureK: true,
  sweepDirection: true,
  pointCount: true,
  tMinK: true,
  tMaxK: true,
  rMin: true,
  rMax: true,
  setupId: true,
  uploadId: true,
  measuredAt: true,
  createdAt: true,
  ...curveLabelSelect,
} as const satisfies Prisma.CurveSelect;

type SummaryRow = Prisma.CurveGetPayload<{ select: typeof curveSummarySelect }>;

export function toCurveSummary(row: SummaryRow): TCurveSummaryDto {
  const { fits: _fits, labelOverrides: _overrides, ...rest } = row;
  return { ...rest, fit: toCurveLabel(row) };
}

/** Orders curves of one sample the way a physicist reads them: by kind, stage, pressure, field, temperature. */
export const curveOrder = [
  { kind: "asc" },
  { annealStage: "asc" },
  { pressureDirection: "asc" },
  { pressureGPa: "asc" },
  { fieldOe: "asc" },
  { temperatureK: "asc" },
  { createdAt: "asc" },
] as const satisfies Prisma.CurveOrderByWithRelationInput[];

/** Every curve of a readable sample, downsampled for drawing. */
export async function listSampleCurvePlots(db: Db, actor: Actor, input: { sampleId: string; maxPointsPerCurve: number }): Promise<TCurvePlotDto[]> {
  const scope = await resolveScope(db, actor);
  await requireReadableSample(db, scope, input.sampleId);
  const rows = await db.curve.findMany({
    where: { sampleId: input.sampleId },
    orderBy: [...curveOrder],
    select: {
      id: true,
      kind: true,
      channel: true,
      fieldOe: true,
      pressureGPa: true,
      pressureDirection: true,
      annealStage: true,
      temperatureK: true,
      pointCount: true,
      tK: true,
      r: true,
      hOe: true,
      ...curveLabelSelect,
    },
  });
  return rows.map((row) => {
    const x = decodeFloat64(row.kind === "RH" && row.hOe ? row.hOe : row.tK);
    const y = decodeFloat64(row.r);
    const keep = downsampleIndices(y, input.maxPointsPerCurve);
    return {
      id: row.id,
      kind: row.kind,
      channel: row.channel,
      fieldOe: row.fieldOe,
      pressureGPa: row.pressureGPa,
      pressureDirection: row.pressureDirection,
      annealStage: row.annealStage,
      temperatureK: row.temperatureK,
      phase: displayedPhase(toCurveLabel(row)),
      points: { x: keep.map((i) => x[i]!), y: keep.map((i) => y[i]!) },
      pointCount: row.pointCount,
    };
  });
}

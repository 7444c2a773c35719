import { performance } from "node:perf_hooks";
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/server/db";
import { decodeFloat64 } from "~/server/domains/curves/codec";
import { analyzeCurve, ENGINE_VERSION, type SeriesContext } from "~/server/fitting";
import { sha256Hex } from "~/server/platform/secrets";
import { toJsonValue } from "./json";

const READOUT = { SIGNED: "signed", MAGNITUDE: "magnitude", UNKNOWN: "unknown" } as const;

/** Curves of a field series compared at most (the evidence needs a few fields, not hundreds). */
const MAX_SIBLINGS = 40;

/**
 * The other R(T) curves of the same film at the same stage and setup, at other fields: their
 * low-temperature resistance (mean of the 5 coldest readings) and normal state (largest reading),
 * for the series-resistance evidence of the engine.
 */
async function seriesContext(
  db: Db,
  curve: { id: string; sampleId: string; setupId: string | null; annealStage: string | null; fieldOe: number | null },
): Promise<SeriesContext | undefined> {
  if (curve.fieldOe === null) return undefined;
  const siblings = await db.curve.findMany({
    where: { sampleId: curve.sampleId, setupId: curve.setupId, annealStage: curve.annealStage, kind: "RT", id: { not: curve.id }, fieldOe: { not: null } },
    select: { fieldOe: true, tK: true, r: true },
    take: MAX_SIBLINGS,
  });
  if (siblings.length < 2) return undefined;
  return {
    siblings: siblings.map((s) => {
      const T = decodeFloat64(s.tK);
      const R = decodeFloat64(s.r);
      const order = Array.from(T.keys()).sort((a, b) => T[a]! - T[b]!);
      const cold = order.slice(0, 5).map((i) => R[i]!);
      return { H_Oe: s.fieldOe!, Rlow_ohm: cold.reduce((a, b) => a + b, 0) / Math.max(cold.length, 1), Rnormal_ohm: Math.max(...R) };
    }),
  };
}

export type FitOutcome = "fitted" | "already-fitted" | "not-applicable" | "missing";

const asJson = (value: unknown) => toJsonValue(value) as Prisma.InputJsonValue;

/**
 * Fits one curve with the current engine and stores the result. Idempotent: a curve already
 * fitted by this engine version is left as it is, and the unique (curve, engine version) key
 * means two deliveries of the same job can never store two results.
 */
export async function fitCurve(db: Db, curveId: string): Promise<FitOutcome> {
  const curve = await db.curve.findUnique({
    where: { id: curveId },
    select: {
      id: true,
      kind: true,
      quantity: true,
      readout: true,
      sampleId: true,
      setupId: true,
      annealStage: true,
      tK: true,
      r: true,
      fieldOe: true,
      pressureGPa: true,
      setup: { select: { fourProbe: true } },
      fits: { where: { engineVersion: ENGINE_VERSION }, select: { id: true } },
    },
  });
  if (!curve) return "missing";
  if (curve.kind !== "RT") return "not-applicable"; // isotherms are not labelled with a phase
  if (curve.fits.length > 0) return "already-fitted";
  const T = decodeFloat64(curve.tK);
  const R = decodeFloat64(curve.r);
  const started = performance.now();
  const context = await seriesContext(db, curve);
  const analysis = analyzeCurve({
    T,
    R,
    H_Oe: curve.fieldOe ?? undefined,
    P_GPa: curve.pressureGPa ?? undefined,
    readout: READOUT[curve.readout],
    isSheetResistance: curve.quantity === "SHEET_RESISTANCE",
    // a setup says how the voltage was read; without one it is not known
    ...(curve.setup ? { fourProbe: curve.setup.fourProbe } : {}),
    context,
  });
  const durationMs = performance.now() - started;
  const row = {
    engineVersion: analysis.engineVersion,
    isCurrent: true,
    model: analysis.model ?? "none",
    params: asJson(analysis.params),
    uncertainties: asJson(analysis.uncertainties),
    phase: analysis.phase ?? ("NONE" as const),
    reasonCode: analysis.reasonCode,
    confidence: Number.isFinite(analysis.confidence) ? analysis.confidence : 0,
    inconclusive: analysis.inconclusive,
    inconclusiveReason: analysis.inconclusiveReason,
    reasons: asJson(analysis.reasons),
    runnerUp: analysis.runnerUp ? asJson(analysis.runnerUp) : undefined,
    candidates: asJson(analysis.candidates),
    quantities: asJson(analysis.quantities),
    diagnostics: asJson(analysis.diagnostics),
    inputHash: sha256Hex(Buffer.concat([curve.tK, curve.r])),
    durationMs,
  };
  await db.$transaction([
    db.fitResult.updateMany({ where: { curveId, NOT: { engineVersion: analysis.engineVersion } }, data: { isCurrent: false } }),
    db.fitResult.upsert({
      where: { curveId_engineVersion: { curveId, engineVersion: analysis.engineVersion } },
      create: { curveId, ...row },
      update: {},
    }),
  ]);
  return "fitted";
}

import { performance } from "node:perf_hooks";
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/server/db";
import { decodeFloat64 } from "~/server/domains/curves/codec";
import { analyzeCurve, ENGINE_VERSION } from "~/server/fitting";
import { sha256Hex } from "~/server/platform/secrets";
import { toJsonValue } from "./json";

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
    select: { id: true, kind: true, tK: true, r: true, fieldOe: true, pressureGPa: true, fits: { where: { engineVersion: ENGINE_VERSION }, select: { id: true } } },
  });
  if (!curve) return "missing";
  if (curve.kind !== "RT") return "not-applicable"; // isotherms are not labelled with a phase
  if (curve.fits.length > 0) return "already-fitted";
  const T = decodeFloat64(curve.tK);
  const R = decodeFloat64(curve.r);
  const started = performance.now();
  const analysis = analyzeCurve({ T, R, H_Oe: curve.fieldOe ?? undefined, P_GPa: curve.pressureGPa ?? undefined });
  const durationMs = performance.now() - started;
  const row = {
    engineVersion: analysis.engineVersion,
    isCurrent: true,
    model: analysis.model,
    params: asJson(analysis.params),
    uncertainties: asJson(analysis.uncertainties),
    phase: analysis.phase,
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

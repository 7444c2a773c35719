import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import { evaluateModel, ENGINE_VERSION, MODEL_IDS, type ModelId } from "~/server/fitting";
import type { Actor } from "~/server/domains/access/actor";
import { hasLabPermission, requireLabPermission, requireReadableSample, resolveScope } from "~/server/domains/access/service";
import { recordAudit } from "~/server/domains/audit/service";
import { decodeFloat64, downsampleIndices } from "~/server/domains/curves/codec";
import { setupDtoSelect, toSetupDto } from "~/server/domains/setups/service";
import { enqueueFits } from "~/server/jobs/queue";
import type { TOverrideLabelInput } from "./schemas";
import { authorName } from "~/server/domains/users/display";

interface StoredCandidate {
  model: ModelId;
  params: Record<string, number | null>;
  uncertainties: Record<string, number | null>;
  space: string;
  window: { Tmin: number; Tmax: number; n: number };
  rss: number | null;
  dof: number;
  aicc: number | null;
  bic: number | null;
  converged: boolean;
}

/** Parameters as stored (JSON turns non-finite numbers into null) back to numbers, dropping nulls. */
function numbers(record: Record<string, number | null | undefined> | null | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(record ?? {})) if (typeof value === "number") out[key] = value;
  return out;
}

/** The fitted law over its window on a log grid, and the residuals of the data inside the window. */
export function fitOverlay(model: ModelId, params: Record<string, number>, window: { Tmin: number; Tmax: number }, T: Float64Array, R: Float64Array) {
  const lineT: number[] = [];
  const n = 200;
  const lo = Math.log(window.Tmin);
  const hi = Math.log(window.Tmax);
  for (let i = 0; i < n; i++) lineT.push(Math.exp(lo + ((hi - lo) * i) / (n - 1)));
  let lineR: Float64Array;
  try {
    lineR = evaluateModel(model, params, lineT);
  } catch {
    return null;
  }
  const inside: number[] = [];
  for (let i = 0; i < T.length; i++) if (T[i]! >= window.Tmin && T[i]! <= window.Tmax) inside.push(i);
  const atData = evaluateModel(model, params, inside.map((i) => T[i]!));
  const residuals = { x: [] as number[], y: [] as number[] };
  inside.forEach((index, k) => {
    const model = atData[k]!;
    const data = R[index]!;
    // Relative residuals: multiplicative models are fitted in ln R, so (R − fit)/fit is comparable across decades.
    if (Number.isFinite(model) && model !== 0) {
      residuals.x.push(T[index]!);
      residuals.y.push((data - model) / Math.abs(model));
    }
  });
  const line = { x: [] as number[], y: [] as number[] };
  lineT.forEach((t, i) => {
    if (Number.isFinite(lineR[i]!)) {
      line.x.push(t);
      line.y.push(lineR[i]!);
    }
  });
  return { line, residuals };
}

const fitSelect = {
  id: true,
  engineVersion: true,
  isCurrent: true,
  model: true,
  params: true,
  uncertainties: true,
  phase: true,
  confidence: true,
  inconclusive: true,
  inconclusiveReason: true,
  reasonCode: true,
  reasons: true,
  runnerUp: true,
  candidates: true,
  quantities: true,
  diagnostics: true,
  durationMs: true,
  createdAt: true,
} as const satisfies Prisma.FitResultSelect;

/** A readable curve with its points, every fit it has had, its overrides and its provenance. */
export async function getCurveDetail(db: Db, actor: Actor, curveId: string, maxPoints = 3000) {
  const scope = await resolveScope(db, actor);
  const found = await db.curve.findUnique({ where: { id: curveId }, select: { sampleId: true } });
  if (!found) throw new AppError("NOT_FOUND", `Curve ${curveId} not found`);
  await requireReadableSample(db, scope, found.sampleId, `Curve ${curveId}`);
  const curve = await db.curve.findUniqueOrThrow({
    where: { id: curveId },
    select: {
      id: true,
      labId: true,
      kind: true,
      quantity: true,
      channel: true,
      label: true,
      fieldOe: true,
      fieldOrientation: true,
      pressureGPa: true,
      pressureDirection: true,
      pressureMedium: true,
      annealStage: true,
      temperatureK: true,
      gateVoltageV: true,
      sweepDirection: true,
      pointCount: true,
      tK: true,
      r: true,
      hOe: true,
      segmentReason: true,
      measuredAt: true,
      createdAt: true,
      sample: { select: { id: true, name: true, material: true, visibility: true, lab: { select: { id: true, name: true } } } },
      setup: { select: setupDtoSelect },
      upload: { select: { id: true, originalName: true, format: true, parserName: true, parserVersion: true, sha256: true, sizeBytes: true, createdAt: true } },
      fits: { orderBy: { createdAt: "desc" }, select: fitSelect },
      labelOverrides: { orderBy: { createdAt: "desc" }, select: { id: true, phase: true, reasonCode: true, justification: true, createdAt: true, supersededAt: true, fitResultId: true, user: { select: { name: true } } } },
    },
  });
  const T = decodeFloat64(curve.kind === "RH" && curve.hOe ? curve.hOe : curve.tK);
  const R = decodeFloat64(curve.r);
  const keep = downsampleIndices(R, maxPoints);
  const current = curve.fits.find((f) => f.isCurrent) ?? curve.fits[0] ?? null;
  let overlay: ReturnType<typeof fitOverlay> = null;
  let window: { Tmin: number; Tmax: number; n: number } | null = null;
  // a curve without a label has no model (stored as "none") unless a metal law described it
  if (current && curve.kind === "RT" && (MODEL_IDS as readonly string[]).includes(current.model)) {
    const candidates = current.candidates as unknown as StoredCandidate[];
    window = candidates.find((c) => c.model === current.model)?.window ?? null;
    if (window) overlay = fitOverlay(current.model as ModelId, numbers(current.params as Record<string, number | null>), window, T, R);
  }
  const { tK: _t, r: _r, hOe: _h, setup, fits, labelOverrides, ...rest } = curve;
  return {
    ...rest,
    points: { x: keep.map((i) => T[i]!), y: keep.map((i) => R[i]!) },
    setup: setup ? toSetupDto(setup) : null,
    fits: fits.map((f) => ({
      ...f,
      params: numbers(f.params as Record<string, number | null>),
      uncertainties: numbers(f.uncertainties as Record<string, number | null>),
      reasons: f.reasons as string[],
      runnerUp: f.runnerUp as { phase: string; model: string; confidence: number } | null,
      candidates: f.candidates as unknown as StoredCandidate[],
      quantities: f.quantities as Record<string, { value: number | null; uncertainty: number | null }>,
      diagnostics: f.diagnostics as { nPoints: number; nUsed: number; Tmin: number; Tmax: number; noiseFloor: number | null; dropped: { index: number; reason: string }[]; warnings: string[] },
    })),
    currentFitId: current?.id ?? null,
    fitWindow: window,
    overlay,
    overrides: labelOverrides.map(({ user, ...o }) => ({ ...o, by: authorName(user)! })),
    engineVersion: ENGINE_VERSION,
    canOverride: hasLabPermission(scope, curve.labId, "overrideLabel"),
  };
}

export type TCurveDetail = Awaited<ReturnType<typeof getCurveDetail>>;

/** A member's label for a curve, with a justification; the automatic label stays stored beside it. */
export async function overrideLabel(db: Db, actor: Actor, input: TOverrideLabelInput): Promise<{ id: string }> {
  const scope = await resolveScope(db, actor);
  const curve = await db.curve.findUnique({
    where: { id: input.curveId },
    select: { id: true, labId: true, sampleId: true, fits: { where: { isCurrent: true }, select: { id: true, phase: true }, take: 1 } },
  });
  if (!curve) throw new AppError("NOT_FOUND", `Curve ${input.curveId} not found`);
  await requireReadableSample(db, scope, curve.sampleId, `Curve ${curve.id}`);
  requireLabPermission(scope, curve.labId, "overrideLabel");
  const userId = actor.kind === "anonymous" ? null : actor.userId;
  if (!userId) throw new AppError("UNAUTHORIZED", "Sign in to do this.");
  return db.$transaction(async (tx) => {
    await tx.labelOverride.updateMany({ where: { curveId: curve.id, supersededAt: null }, data: { supersededAt: new Date() } });
    const created = await tx.labelOverride.create({
      data: { curveId: curve.id, fitResultId: curve.fits[0]?.id ?? null, phase: input.phase, reasonCode: input.phase === "NONE" ? input.reasonCode : null, justification: input.justification, userId },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      labId: curve.labId,
      action: "label.override",
      entityType: "Curve",
      entityId: curve.id,
      details: { phase: input.phase, reasonCode: input.phase === "NONE" ? input.reasonCode : null, automatic: curve.fits[0]?.phase ?? null, justification: input.justification },
    });
    return created;
  });
}

/** Withdraws the active override: the automatic label shows again (the override stays in the history). */
export async function revertOverride(db: Db, actor: Actor, curveId: string): Promise<void> {
  const scope = await resolveScope(db, actor);
  const curve = await db.curve.findUnique({ where: { id: curveId }, select: { id: true, labId: true, sampleId: true } });
  if (!curve) throw new AppError("NOT_FOUND", `Curve ${curveId} not found`);
  await requireReadableSample(db, scope, curve.sampleId, `Curve ${curve.id}`);
  requireLabPermission(scope, curve.labId, "overrideLabel");
  await db.$transaction(async (tx) => {
    await tx.labelOverride.updateMany({ where: { curveId, supersededAt: null }, data: { supersededAt: new Date() } });
    await recordAudit(tx, { actor, labId: curve.labId, action: "label.revert", entityType: "Curve", entityId: curve.id });
  });
}

/** Curves without a result of the current engine, optionally within one lab. */
async function curvesToRefit(db: Db, labId: string | null): Promise<string[]> {
  const rows = await db.curve.findMany({
    where: { kind: "RT", ...(labId ? { labId } : {}), fits: { none: { engineVersion: ENGINE_VERSION } } },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/**
 * Queues every curve of a lab that has no result from the current engine (after an engine
 * change: all of them). Older results stay, so snapshots that cite them keep showing them.
 */
export async function refitLab(db: Db, actor: Actor, labId: string): Promise<{ queued: number; engineVersion: string }> {
  const scope = await resolveScope(db, actor);
  requireLabPermission(scope, labId, "refitLab");
  const ids = await curvesToRefit(db, labId);
  await db.$transaction(async (tx) => {
    await enqueueFits(tx, ids);
    await recordAudit(tx, { actor, labId, action: "fit.refit-lab", entityType: "Lab", entityId: labId, details: { queued: ids.length, engineVersion: ENGINE_VERSION } });
  });
  return { queued: ids.length, engineVersion: ENGINE_VERSION };
}

/** The operator's command: queues every curve of every lab that the current engine has not fitted. */
export async function refitEverything(db: Db): Promise<{ queued: number; engineVersion: string }> {
  const ids = await curvesToRefit(db, null);
  await db.$transaction(async (tx) => {
    await enqueueFits(tx, ids);
    await recordAudit(tx, { actor: { kind: "anonymous" }, action: "fit.refit-all", entityType: "Platform", entityId: "all", details: { queued: ids.length, engineVersion: ENGINE_VERSION } });
  });
  return { queued: ids.length, engineVersion: ENGINE_VERSION };
}

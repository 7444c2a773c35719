/**
 * The read/write API of /api/v1 for scripts: samples, setups, curves and their fits. Thin: each
 * handler validates with zod, calls the domain service (which decides access) and maps the
 * result to the public shape declared here, from which the OpenAPI document is built.
 */
import { z } from "zod";
import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import type { Actor } from "~/server/domains/access/actor";
import { ZCurveKind, ZFieldOrientation, ZPressureDirection, ZQuantity, ZSweepDirection } from "~/server/domains/curves/schemas";
import { getCurveDetail, type TCurveDetail } from "~/server/domains/fits/service";
import { ZCreateSampleInput, ZSampleDetailDto, ZSampleFields } from "~/server/domains/samples/schemas";
import { createSample, getSample, updateSample } from "~/server/domains/samples/service";
import { ZSetupDto, ZSetupFields } from "~/server/domains/setups/schemas";
import { createSetup, listSetups, updateSetup } from "~/server/domains/setups/service";
import { registerOperation } from "../openapi";

export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** A page of `items` with the numbers needed to ask for the next one. */
export function pageOf<T>(items: readonly T[], query: z.infer<typeof ZPageQuery>): { items: T[]; page: number; pageSize: number; total: number } {
  const start = (query.page - 1) * query.pageSize;
  return { items: items.slice(start, start + query.pageSize), page: query.page, pageSize: query.pageSize, total: items.length };
}

const paged = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() });

/** The JSON body of a request; anything else is a 400 that names the problem. */
export async function readJson(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new AppError("BAD_REQUEST", "The request body must be a JSON object (Content-Type: application/json).");
  }
}

/**
 * The fields a PATCH body sends, validated: only the keys present in the body (a schema's
 * defaults must not reset the fields that were left out).
 */
export function sentFields<T extends z.ZodObject>(schema: T, body: unknown): Partial<z.infer<T>> {
  const parsed = schema.partial().parse(body) as Record<string, unknown>;
  const sent = new Set(body && typeof body === "object" ? Object.keys(body) : []);
  return Object.fromEntries(Object.entries(parsed).filter(([key]) => sent.has(key))) as Partial<z.infer<T>>;
}

/** The lab a request acts in: `labId` when given, else the token's lab. */
function labOf(actor: Actor, labId: string | undefined): string {
  if (labId) return labId;
  if (actor.kind === "token") return actor.labId;
  throw new AppError("BAD_REQUEST", "labId is required when the request is not made with a lab API token");
}

// ---------------------------------------------------------------------------------------------
// Fits and curves

export const ZApiFit = z.object({
  id: z.string(),
  engineVersion: z.string(),
  isCurrent: z.boolean(),
  /** S, M1, M2, I1, I2; null when no SIT label applies (see reasonCode) */
  phase: z.enum(["S", "M1", "M2", "I1", "I2"]).nullable(),
  /** why no label applies, or why the result is inconclusive (e.g. ordinary_metal, window_too_short) */
  reasonCode: z.string().nullable(),
  confidence: z.number().nullable(),
  inconclusive: z.boolean(),
  inconclusiveReason: z.string().nullable(),
  model: z.string().nullable(),
  params: z.record(z.string(), z.number()),
  /** 1σ standard uncertainties of params */
  uncertainties: z.record(z.string(), z.number()),
  reasons: z.array(z.string()),
  quantities: z.record(z.string(), z.object({ value: z.number().nullable(), uncertainty: z.number().nullable() })),
  createdAt: z.string(),
});
export type TApiFit = z.infer<typeof ZApiFit>;

export const ZApiCurve = z.object({
  id: z.string(),
  sampleId: z.string(),
  labId: z.string(),
  kind: ZCurveKind,
  quantity: ZQuantity,
  /** unit of `points.y`: Ω, Ω/□ or Ω·m, as stored */
  unit: z.string(),
  channel: z.string().nullable(),
  label: z.string().nullable(),
  conditions: z.object({
    fieldOe: z.number().nullable(),
    fieldOrientation: ZFieldOrientation,
    pressureGPa: z.number().nullable(),
    pressureDirection: ZPressureDirection,
    pressureMedium: z.string().nullable(),
    annealStage: z.string().nullable(),
    temperatureK: z.number().nullable(),
    gateVoltageV: z.number().nullable(),
  }),
  sweepDirection: ZSweepDirection,
  /** SIGNED (DC bridge, lock-in X) or MAGNITUDE (lock-in R = √(X²+Y²)), as recorded */
  readout: z.string(),
  pointCount: z.number().int(),
  /** x: temperature in K (RT) or field in Oe (RH); y: the stored resistance */
  points: z.object({ x: z.array(z.number()), y: z.array(z.number()), xUnit: z.enum(["K", "Oe"]) }),
  setupId: z.string().nullable(),
  uploadId: z.string().nullable(),
  measuredAt: z.string().nullable(),
  createdAt: z.string(),
  /** the current fit (the latest engine's), or null before the first fit */
  fit: ZApiFit.nullable(),
});

const UNIT = { RESISTANCE: "Ω", SHEET_RESISTANCE: "Ω/□", RESISTIVITY: "Ω·m" } as const;
const SIT = new Set(["S", "M1", "M2", "I1", "I2"]);

/** A stored fit in the public shape: the NONE phase is null, with its reason code. */
export function toApiFit(f: TCurveDetail["fits"][number]): TApiFit {
  return {
    id: f.id,
    engineVersion: f.engineVersion,
    isCurrent: f.isCurrent,
    phase: f.phase && SIT.has(f.phase) ? (f.phase as TApiFit["phase"]) : null,
    reasonCode: f.reasonCode ?? null,
    confidence: f.confidence ?? null,
    inconclusive: f.inconclusive,
    inconclusiveReason: f.inconclusiveReason ?? null,
    model: f.model ?? null,
    params: f.params,
    uncertainties: f.uncertainties,
    reasons: f.reasons,
    quantities: f.quantities ?? {},
    createdAt: f.createdAt.toISOString(),
  };
}

export const ZCurveQuery = z.object({
  /** most points returned (evenly thinned beyond); all of them by default */
  maxPoints: z.coerce.number().int().min(10).max(5_000_000).optional(),
});

export async function getApiCurve(db: Db, actor: Actor, curveId: string, maxPoints?: number): Promise<z.infer<typeof ZApiCurve>> {
  const head = await db.curve.findUnique({ where: { id: curveId }, select: { pointCount: true, readout: true, sampleId: true } });
  const c = await getCurveDetail(db, actor, curveId, maxPoints ?? Math.max(10, head?.pointCount ?? 10));
  const current = c.fits.find((f) => f.id === c.currentFitId) ?? null;
  return {
    id: c.id,
    sampleId: c.sample.id,
    labId: c.labId,
    kind: c.kind,
    quantity: c.quantity,
    unit: UNIT[c.quantity],
    channel: c.channel,
    label: c.label,
    conditions: {
      fieldOe: c.fieldOe,
      fieldOrientation: c.fieldOrientation,
      pressureGPa: c.pressureGPa,
      pressureDirection: c.pressureDirection,
      pressureMedium: c.pressureMedium,
      annealStage: c.annealStage,
      temperatureK: c.temperatureK,
      gateVoltageV: c.gateVoltageV,
    },
    sweepDirection: c.sweepDirection,
    readout: String(head?.readout ?? "UNKNOWN"),
    pointCount: c.pointCount,
    points: { ...c.points, xUnit: c.kind === "RH" ? "Oe" : "K" },
    setupId: c.setup?.id ?? null,
    uploadId: c.upload?.id ?? null,
    measuredAt: c.measuredAt ? c.measuredAt.toISOString() : null,
    createdAt: c.createdAt.toISOString(),
    fit: current ? toApiFit(current) : null,
  };
}

export async function listApiFits(db: Db, actor: Actor, curveId: string, query: z.infer<typeof ZPageQuery>) {
  const c = await getCurveDetail(db, actor, curveId, 10);
  return pageOf(c.fits.map(toApiFit), query);
}

export const ZApiCurveSummary = ZApiCurve.omit({ points: true, fit: true, readout: true, measuredAt: true, conditions: true }).extend({
  conditions: ZApiCurve.shape.conditions.omit({ pressureMedium: true, gateVoltageV: true }),
  tRangeK: z.tuple([z.number(), z.number()]),
  rRange: z.tuple([z.number(), z.number()]),
  phase: ZApiFit.shape.phase,
  reasonCode: z.string().nullable(),
  confidence: z.number().nullable(),
  inconclusive: z.boolean().nullable(),
  engineVersion: z.string().nullable(),
});

export async function listApiSampleCurves(db: Db, actor: Actor, sampleId: string, query: z.infer<typeof ZPageQuery>) {
  const sample = await getSample(db, actor, sampleId);
  const items: z.infer<typeof ZApiCurveSummary>[] = sample.curves.map((c) => ({
    id: c.id,
    sampleId: sample.id,
    labId: sample.labId,
    kind: c.kind,
    quantity: c.quantity,
    unit: UNIT[c.quantity],
    channel: c.channel,
    label: c.label,
    conditions: { fieldOe: c.fieldOe, fieldOrientation: c.fieldOrientation, pressureGPa: c.pressureGPa, pressureDirection: c.pressureDirection, annealStage: c.annealStage, temperatureK: c.temperatureK },
    sweepDirection: c.sweepDirection,
    pointCount: c.pointCount,
    setupId: c.setupId,
    uploadId: c.uploadId,
    createdAt: c.createdAt.toISOString(),
    tRangeK: [c.tMinK, c.tMaxK],
    rRange: [c.rMin, c.rMax],
    phase: c.fit && SIT.has(c.fit.phase) ? (c.fit.phase as TApiFit["phase"]) : null,
    reasonCode: c.fit?.reasonCode ?? null,
    confidence: c.fit?.confidence ?? null,
    inconclusive: c.fit?.inconclusive ?? null,
    engineVersion: c.fit?.engineVersion ?? null,
  }));
  return pageOf(items, query);
}

// ---------------------------------------------------------------------------------------------
// Samples

export const ZApiCreateSample = ZCreateSampleInput.extend({ labId: z.string().min(1).optional() });
export const ZApiPatchSample = ZSampleFields.partial();
export const ZApiSample = ZSampleDetailDto.omit({ curves: true, setups: true, canEdit: true }).extend({ curveCount: z.number().int() });

async function apiSample(db: Db, actor: Actor, sampleId: string): Promise<z.infer<typeof ZApiSample>> {
  const { curves, setups: _setups, canEdit: _canEdit, ...rest } = await getSample(db, actor, sampleId);
  return { ...rest, curveCount: curves.length };
}

export async function createApiSample(db: Db, actor: Actor, body: unknown) {
  const input = ZApiCreateSample.parse(body);
  const { id } = await createSample(db, actor, { ...input, labId: labOf(actor, input.labId) });
  return apiSample(db, actor, id);
}

export async function getApiSample(db: Db, actor: Actor, sampleId: string) {
  return apiSample(db, actor, sampleId);
}

/** Changes the fields given and keeps the others as they are. */
export async function patchApiSample(db: Db, actor: Actor, sampleId: string, body: unknown) {
  const patch = sentFields(ZSampleFields, body);
  const current = await getSample(db, actor, sampleId);
  const fields = Object.fromEntries(Object.keys(ZSampleFields.shape).map((key) => [key, (current as Record<string, unknown>)[key]]));
  const merged = ZSampleFields.parse({ ...fields, sharedWithLabIds: current.sharedWith.map((l) => l.id), ...patch });
  await updateSample(db, actor, { ...merged, sampleId });
  return apiSample(db, actor, sampleId);
}

// ---------------------------------------------------------------------------------------------
// Setups

export const ZSetupsQuery = ZPageQuery.extend({ labId: z.string().min(1).optional() });
export const ZApiCreateSetup = ZSetupFields.extend({ labId: z.string().min(1).optional() });
export const ZApiPatchSetup = ZSetupFields.partial();

export async function listApiSetups(db: Db, actor: Actor, query: z.infer<typeof ZSetupsQuery>) {
  return pageOf(await listSetups(db, actor, labOf(actor, query.labId)), query);
}

/** A setup of a lab the caller belongs to; missing and foreign ones answer the same 404. */
export async function getApiSetup(db: Db, actor: Actor, setupId: string) {
  const row = await db.measurementSetup.findUnique({ where: { id: setupId }, select: { labId: true } });
  const notFound = new AppError("NOT_FOUND", `Setup ${setupId} not found`);
  if (!row) throw notFound;
  const setups = await listSetups(db, actor, row.labId).catch((error: unknown) => {
    if (error instanceof AppError && (error.code === "FORBIDDEN" || error.code === "NOT_FOUND" || error.code === "UNAUTHORIZED")) throw notFound;
    throw error;
  });
  const setup = setups.find((s) => s.id === setupId);
  if (!setup) throw notFound;
  return setup;
}

export async function createApiSetup(db: Db, actor: Actor, body: unknown) {
  const input = ZApiCreateSetup.parse(body);
  return createSetup(db, actor, { ...input, labId: labOf(actor, input.labId) });
}

export async function patchApiSetup(db: Db, actor: Actor, setupId: string, body: unknown) {
  const patch = sentFields(ZSetupFields, body);
  const current = await getApiSetup(db, actor, setupId);
  const fields = Object.fromEntries(Object.keys(ZSetupFields.shape).map((key) => [key, (current as Record<string, unknown>)[key]]));
  const stages = current.filterStages.map(({ position: _p, ...stage }) => stage);
  const merged = ZSetupFields.parse({ ...fields, filterStages: stages, ...patch });
  return updateSetup(db, actor, { ...merged, setupId });
}

// ---------------------------------------------------------------------------------------------
// The OpenAPI document

const WRITE = "Needs a token with the write scope.";
const READ = "With a token, needs its read scope; public data can be read without one.";

registerOperation({ method: "post", path: "/api/v1/samples", summary: "Create a sample", description: `In the token's lab (or \`labId\`). ${WRITE}`, tags: ["samples"], isAuthenticated: true, body: { contentType: "application/json", schema: ZApiCreateSample }, response: ZApiSample, status: 201, errors: [404, 409] });
registerOperation({ method: "get", path: "/api/v1/samples/{sampleId}", summary: "A sample", description: READ, tags: ["samples"], isAuthenticated: false, response: ZApiSample });
registerOperation({ method: "patch", path: "/api/v1/samples/{sampleId}", summary: "Change a sample", description: `Only the fields sent change. ${WRITE}`, tags: ["samples"], isAuthenticated: true, body: { contentType: "application/json", schema: ZApiPatchSample }, response: ZApiSample, errors: [409] });
registerOperation({ method: "get", path: "/api/v1/samples/{sampleId}/curves", summary: "The curves of a sample, with their current label", description: READ, tags: ["curves"], isAuthenticated: false, query: ZPageQuery, response: paged(ZApiCurveSummary) });
registerOperation({ method: "get", path: "/api/v1/setups", summary: "Measurement setups of a lab", description: "The token's lab (or `labId` of a lab the caller belongs to). Needs the read scope.", tags: ["setups"], isAuthenticated: true, query: ZSetupsQuery, response: paged(ZSetupDto), errors: [404] });
registerOperation({ method: "post", path: "/api/v1/setups", summary: "Create a measurement setup", description: `With its filter stages; the filtering grade is derived from them. ${WRITE}`, tags: ["setups"], isAuthenticated: true, body: { contentType: "application/json", schema: ZApiCreateSetup }, response: ZSetupDto, status: 201, errors: [404, 409] });
registerOperation({ method: "get", path: "/api/v1/setups/{setupId}", summary: "A measurement setup", description: "Of a lab the caller belongs to. Needs the read scope.", tags: ["setups"], isAuthenticated: true, response: ZSetupDto });
registerOperation({ method: "patch", path: "/api/v1/setups/{setupId}", summary: "Change a measurement setup", description: `Only the fields sent change (\`filterStages\`, when sent, replaces them all). ${WRITE}`, tags: ["setups"], isAuthenticated: true, body: { contentType: "application/json", schema: ZApiPatchSetup }, response: ZSetupDto, errors: [409] });
registerOperation({ method: "get", path: "/api/v1/curves/{curveId}", summary: "A curve: points, conditions, readout and current fit", description: `The fit gives the label (null phase with a reasonCode when no SIT label applies), confidence, model, parameters with 1σ uncertainties, derived quantities and the reasons. ${READ}`, tags: ["curves"], isAuthenticated: false, query: ZCurveQuery, response: ZApiCurve });
registerOperation({ method: "get", path: "/api/v1/curves/{curveId}/fits", summary: "Every fit of a curve (one per engine version), newest first", description: READ, tags: ["curves"], isAuthenticated: false, query: ZPageQuery, response: paged(ZApiFit) });

/**
 * Isotherm analyses of samples: the crossing point, critical resistance and zν of one sample's
 * isotherms per (anneal stage, setup, channel), computed by server/scaling, stored per version
 * (older results kept) and read back with the data for the sample page.
 */
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/server/db";
import type { Actor } from "~/server/domains/access/actor";
import { readableSampleWhere, requireReadableSample, resolveScope } from "~/server/domains/access/service";
import { decodeFloat64, downsampleIndices } from "~/server/domains/curves/codec";
import { enqueueIsothermAnalyses } from "~/server/jobs/isotherm-queue";
import { toJsonValue } from "~/server/jobs/json";
import { sha256Hex } from "~/server/platform/secrets";
import { analyzeIsotherms, collapseCurve, collapsePoints, SCALING_VERSION, transposeFieldSweeps, type IsothermInput, type ScalingResult } from "~/server/scaling";
import type { TCriticalPointDto, TIsothermAnalysisDto, TSampleIsothermsDto } from "./schemas";

const asJson = (value: unknown) => toJsonValue(value) as Prisma.InputJsonValue;

/** Fewest distinct fields of R(T) sweeps that are transposed into isotherms. */
const MIN_FIELDS = 5;

const curveSelect = {
  id: true,
  kind: true,
  annealStage: true,
  setupId: true,
  channel: true,
  temperatureK: true,
  fieldOe: true,
  contentHash: true,
  tK: true,
  r: true,
  hOe: true,
} as const satisfies Prisma.CurveSelect;
type CurveRow = Prisma.CurveGetPayload<{ select: typeof curveSelect }>;

interface Group {
  annealStage: string;
  setupKey: string;
  channel: string;
  source: "RH" | "RT";
  curves: CurveRow[];
}

/** The sample's curves that carry isotherms, grouped by anneal stage, setup and channel. */
function groupsOf(curves: readonly CurveRow[]): Group[] {
  const byKey = new Map<string, CurveRow[]>();
  for (const c of curves) {
    const key = [c.annealStage ?? "", c.setupId ?? "", c.channel ?? ""].join("\u0000");
    byKey.set(key, [...(byKey.get(key) ?? []), c]);
  }
  const out: Group[] = [];
  for (const [key, list] of byKey) {
    const [annealStage, setupKey, channel] = key.split("\u0000") as [string, string, string];
    const rh = list.filter((c) => c.kind === "RH" && c.hOe);
    const rt = list.filter((c) => c.kind === "RT" && c.fieldOe !== null);
    const fields = new Set(rt.map((c) => c.fieldOe!.toPrecision(4)));
    if (rh.length > 0) out.push({ annealStage, setupKey, channel, source: "RH", curves: rh });
    else if (fields.size >= MIN_FIELDS) out.push({ annealStage, setupKey, channel, source: "RT", curves: rt });
  }
  return out;
}

function isothermsOf(g: Group): IsothermInput[] {
  if (g.source === "RH")
    return g.curves.map((c) => ({ T_K: c.temperatureK ?? Number.NaN, H_Oe: decodeFloat64(c.hOe!), R: decodeFloat64(c.r) }));
  return transposeFieldSweeps(g.curves.map((c) => ({ H_Oe: Math.abs(c.fieldOe!), T_K: decodeFloat64(c.tK), R: decodeFloat64(c.r) })));
}

function inputHash(g: Group): string {
  const parts = g.curves.map((c) => `${c.id}:${c.contentHash}`).sort();
  return sha256Hex(Buffer.from([SCALING_VERSION, g.source, ...parts].join("\n")));
}

/**
 * Analyses every isotherm group of a sample whose curves or analysis version changed, stores
 * the results as the current ones and keeps the older rows. Groups that no longer exist lose
 * their current result. Idempotent: the same curves and version are never stored twice.
 * Returns the number of new results.
 */
export async function refreshSampleIsotherms(db: Db, sampleId: string): Promise<number> {
  const sample = await db.sample.findUnique({ where: { id: sampleId }, select: { id: true } });
  if (!sample) return 0;
  const curves = await db.curve.findMany({ where: { sampleId, kind: { in: ["RH", "RT"] } }, select: curveSelect, orderBy: [{ temperatureK: "asc" }, { createdAt: "asc" }] });
  const groups = groupsOf(curves);
  let stored = 0;
  const currentIds: string[] = [];
  for (const g of groups) {
    const hash = inputHash(g);
    const key = { sampleId, annealStage: g.annealStage, setupKey: g.setupKey, channel: g.channel };
    const existing = await db.isothermAnalysis.findUnique({ where: { sampleId_annealStage_setupKey_channel_inputHash: { ...key, inputHash: hash } }, select: { id: true } });
    if (existing) {
      currentIds.push(existing.id);
      continue;
    }
    const r = analyzeIsotherms(isothermsOf(g));
    const row = await db.isothermAnalysis.upsert({
      where: { sampleId_annealStage_setupKey_channel_inputHash: { ...key, inputHash: hash } },
      create: {
        ...key,
        version: r.version,
        source: g.source,
        curveIds: g.curves.map((c) => c.id),
        inputHash: hash,
        crossing: r.crossing,
        reasonCode: r.reasonCode,
        reasons: asJson(r.reasons),
        hcOe: r.Hc_Oe?.value ?? null,
        hcOeUnc: r.Hc_Oe?.uncertainty ?? null,
        rcOhm: r.Rc?.value ?? null,
        rcOhmUnc: r.Rc?.uncertainty ?? null,
        znu: r.znu?.value ?? null,
        znuUnc: r.znu?.uncertainty ?? null,
        result: asJson(r),
      },
      update: {},
      select: { id: true },
    });
    currentIds.push(row.id);
    stored++;
  }
  await db.$transaction([
    db.isothermAnalysis.updateMany({ where: { sampleId, isCurrent: true, id: { notIn: currentIds } }, data: { isCurrent: false } }),
    db.isothermAnalysis.updateMany({ where: { id: { in: currentIds }, isCurrent: false }, data: { isCurrent: true } }),
  ]);
  return stored;
}

const MAX_POINTS = 300;

function thin(points: { x: number; y: number }[], max = MAX_POINTS): { x: number; y: number }[] {
  return downsampleIndices(points.map((p) => p.y), max).map((i) => points[i]!);
}

/** The current isotherm analyses of a readable sample, with the data of their plots. */
export async function getSampleIsotherms(db: Db, actor: Actor, sampleId: string): Promise<TSampleIsothermsDto> {
  const scope = await resolveScope(db, actor);
  await requireReadableSample(db, scope, sampleId);
  const [sweeps, rows] = await Promise.all([
    db.curve.count({ where: { sampleId, kind: "RH" } }),
    db.isothermAnalysis.findMany({ where: { sampleId, isCurrent: true }, orderBy: [{ annealStage: "asc" }, { setupKey: "asc" }, { channel: "asc" }] }),
  ]);
  const setupIds = [...new Set(rows.map((r) => r.setupKey).filter(Boolean))];
  const setups = setupIds.length ? await db.measurementSetup.findMany({ where: { id: { in: setupIds } }, select: { id: true, name: true } }) : [];
  const analyses: TIsothermAnalysisDto[] = [];
  for (const row of rows) {
    const curves = await db.curve.findMany({ where: { id: { in: row.curveIds } }, select: curveSelect });
    const g: Group = { annealStage: row.annealStage, setupKey: row.setupKey, channel: row.channel, source: row.source === "RT" ? "RT" : "RH", curves };
    const input = isothermsOf(g);
    const result = row.result as unknown as ScalingResult;
    const byT = new Map<string, { T_K: number; points: { x: number; y: number }[] }>();
    for (const iso of input) {
      if (!(iso.T_K > 0)) continue;
      const k = iso.T_K.toPrecision(3);
      const e = byT.get(k) ?? { T_K: iso.T_K, points: [] };
      for (let i = 0; i < iso.H_Oe.length; i++) if (Number.isFinite(iso.H_Oe[i]!) && Number.isFinite(iso.R[i]!)) e.points.push({ x: Math.abs(iso.H_Oe[i]!), y: iso.R[i]! });
      byT.set(k, e);
    }
    const isotherms = [...byT.values()].sort((a, b) => a.T_K - b.T_K).map((e) => ({ T_K: e.T_K, points: thin(e.points.sort((a, b) => a.x - b.x)) }));
    const cp = collapsePoints(input, result);
    const groupsCp = new Map<string, { T_K: number; branch: "above" | "below"; points: { x: number; y: number }[] }>();
    for (const p of cp) {
      const k = `${p.T_K.toPrecision(3)}:${p.branch}`;
      const e = groupsCp.get(k) ?? { T_K: p.T_K, branch: p.branch, points: [] };
      e.points.push({ x: p.x, y: p.y });
      groupsCp.set(k, e);
    }
    const master = collapseCurve(result);
    analyses.push({
      id: row.id,
      annealStage: row.annealStage,
      setupId: row.setupKey || null,
      setupName: setups.find((s) => s.id === row.setupKey)?.name ?? null,
      channel: row.channel,
      source: g.source,
      version: row.version,
      createdAt: row.createdAt,
      crossing: row.crossing,
      reasonCode: row.reasonCode,
      reasons: result.reasons ?? [],
      Hc_Oe: result.Hc_Oe ?? null,
      Rc: result.Rc ?? null,
      znu: result.znu ?? null,
      znuSlope: result.znuSlope ?? null,
      drift: result.drift ?? null,
      collapse: result.collapse
        ? { deltaMax: result.collapse.deltaMax, band: result.collapse.band, points: result.collapse.points, sensitivity: result.collapse.sensitivity, windows: result.collapse.windows }
        : null,
      pairs: (result.pairs ?? []).map((p) => ({ T_lo: p.T_lo, T_hi: p.T_hi, kind: p.kind, H_Oe: p.H_Oe, R: p.R })),
      isotherms,
      collapsePoints: [...groupsCp.values()].map((e) => ({ ...e, points: thin(e.points.sort((a, b) => a.x - b.x), 150) })),
      masterCurve: (["above", "below"] as const).map((branch) => ({ branch, points: master.filter((m) => m.branch === branch).map((m) => ({ x: m.x, y: m.y })) })),
    });
  }
  return { sampleId, sweeps, analyses };
}

/** The current critical points (isotherms that cross) of every sample the viewer may read. */
export async function listCriticalPoints(db: Db, actor: Actor): Promise<TCriticalPointDto[]> {
  const scope = await resolveScope(db, actor);
  const rows = await db.isothermAnalysis.findMany({
    where: { isCurrent: true, crossing: true, hcOe: { not: null }, rcOhm: { not: null }, sample: readableSampleWhere(scope) },
    orderBy: [{ rcOhm: "asc" }],
    take: 2000,
    select: {
      id: true,
      annealStage: true,
      channel: true,
      version: true,
      createdAt: true,
      hcOe: true,
      hcOeUnc: true,
      rcOhm: true,
      rcOhmUnc: true,
      znu: true,
      znuUnc: true,
      sample: { select: { id: true, name: true, material: true, lab: { select: { name: true } } } },
    },
  });
  return rows.map((r) => ({
    analysisId: r.id,
    sampleId: r.sample.id,
    sampleName: r.sample.name,
    material: r.sample.material,
    labName: r.sample.lab.name,
    annealStage: r.annealStage,
    channel: r.channel,
    version: r.version,
    createdAt: r.createdAt,
    Hc_Oe: { value: r.hcOe!, uncertainty: r.hcOeUnc ?? 0 },
    Rc: { value: r.rcOhm!, uncertainty: r.rcOhmUnc ?? 0 },
    znu: r.znu !== null ? { value: r.znu, uncertainty: r.znuUnc ?? 0 } : null,
  }));
}

/**
 * Queues the isotherm analysis of every sample with R(H) sweeps or R(T) sweeps at a field that
 * has no current result of this analysis version (after a version change: all of them).
 */
export async function queueStaleIsothermAnalyses(db: Db): Promise<{ queued: number }> {
  const rows = await db.sample.findMany({
    where: {
      curves: { some: { OR: [{ kind: "RH" }, { kind: "RT", fieldOe: { not: null } }] } },
      isothermAnalyses: { none: { isCurrent: true, version: SCALING_VERSION } },
    },
    select: { id: true },
  });
  const ids = rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 1000) await db.$transaction((tx) => enqueueIsothermAnalyses(tx, ids.slice(i, i + 1000)));
  return { queued: ids.length };
}

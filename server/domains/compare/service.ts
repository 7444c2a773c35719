import type { Db } from "~/server/db";
import type { Actor } from "~/server/domains/access/actor";
import { readableSampleWhere, resolveScope } from "~/server/domains/access/service";
import { decodeFloat64, downsampleIndices } from "~/server/domains/curves/codec";
import { curveOrder } from "~/server/domains/curves/service";
import { naturalKey } from "~/server/domains/diagrams/geometry";
import { normalizeCurve } from "./normalize";
import type { TCompareCurvesDto, TCompareCurvesInput, TComparedCurve } from "./schemas";

const Y_LABEL = { RN: "R / R_N", RQ: "R / (h/4e²)", none: "R (Ω/□)" } as const;

function conditionText(c: { fieldOe: number | null; pressureGPa: number | null; pressureDirection: string; annealStage: string | null }): string {
  const parts: string[] = [];
  if (c.pressureGPa !== null) parts.push(`${+c.pressureGPa.toPrecision(3)} GPa${c.pressureDirection === "DEPRESSURIZING" ? " ↓" : ""}`);
  if (c.fieldOe !== null && (c.fieldOe !== 0 || c.pressureGPa === null)) parts.push(`${+c.fieldOe.toPrecision(4)} Oe`);
  return parts.join(", ") || (c.annealStage ?? "");
}

/** The R(T) curves of readable samples, normalized for an overlay; unreadable samples are listed, not shown. */
export async function getCompareCurves(db: Db, actor: Actor, input: TCompareCurvesInput): Promise<TCompareCurvesDto> {
  const scope = await resolveScope(db, actor);
  const wanted = [...new Set(input.sampleIds)];
  const samples = await db.sample.findMany({
    where: { AND: [{ id: { in: wanted } }, readableSampleWhere(scope)] },
    select: { id: true, name: true, material: true, annealStage: true, lab: { select: { name: true } } },
  });
  samples.sort((a, b) => (naturalKey(a.name) < naturalKey(b.name) ? -1 : naturalKey(a.name) > naturalKey(b.name) ? 1 : 0));
  const readable = new Set(samples.map((s) => s.id));
  const rows = await db.curve.findMany({
    where: { sampleId: { in: [...readable] }, kind: "RT" },
    orderBy: [...curveOrder],
    select: {
      id: true,
      sampleId: true,
      fieldOe: true,
      pressureGPa: true,
      pressureDirection: true,
      annealStage: true,
      tK: true,
      r: true,
      fits: { where: { isCurrent: true }, take: 1, select: { phase: true, inconclusive: true, diagramPoint: { select: { tc90K: true, overridePhase: true } } } },
    },
  });
  const nameOf = new Map(samples.map((s) => [s.id, s.name]));
  let withoutTc = 0;
  const curves: TComparedCurve[] = [];
  for (const row of rows) {
    const fit = row.fits[0];
    const tc90K = fit?.diagramPoint?.tc90K ?? null;
    const T = decodeFloat64(row.tK);
    const R = decodeFloat64(row.r);
    const normalized = normalizeCurve(T, R, { normalization: input.normalization, temperature: input.temperature, tc90K });
    if (!normalized) {
      if (input.temperature === "TTc" && tc90K === null) withoutTc++;
      continue;
    }
    const keep = downsampleIndices(normalized.y, input.maxPointsPerCurve).sort((a, b) => normalized.x[a]! - normalized.x[b]!);
    curves.push({
      curveId: row.id,
      sampleId: row.sampleId,
      label: `${nameOf.get(row.sampleId) ?? row.sampleId} · ${conditionText(row)}`,
      phase: fit ? (fit.diagramPoint?.overridePhase ?? fit.phase) : null,
      inconclusive: fit ? fit.inconclusive && !fit.diagramPoint?.overridePhase : false,
      rNormal: normalized.rNormal,
      tc90K,
      points: { x: keep.map((i) => normalized.x[i]!), y: keep.map((i) => normalized.y[i]!) },
    });
  }
  return {
    samples: samples.map((s) => ({ id: s.id, name: s.name, material: s.material, lab: s.lab.name, annealStage: s.annealStage })),
    curves,
    unavailable: wanted.filter((id) => !readable.has(id)),
    withoutTc,
    xLabel: input.temperature === "TTc" ? "T / Tc" : "T (K)",
    yLabel: Y_LABEL[input.normalization],
  };
}

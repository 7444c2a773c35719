/**
 * SQL of the diagram query. Everything reads the `DiagramPoint` table alone (one row per fit
 * result with the sample's, setup's and override's columns it filters on, kept by triggers); the
 * access filter is part of the WHERE clause, so nothing unreadable leaves the database.
 */
import { memberLabIds, type AccessScope } from "~/server/domains/access/service";
import type { TAxisKey } from "./axes";
import type { TDiagramQuery } from "./schemas";

/** Positional parameters of one statement. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown, cast = ""): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
}

/** The label shown: the newest override of a member, else the fit's. */
export const DISPLAYED_PHASE = `COALESCE(p."overridePhase", p."phase")`;
export const IS_INCONCLUSIVE = `(p."overridePhase" IS NULL AND p."inconclusive")`;
const SC_SIDE = `${DISPLAYED_PHASE} IN ('S', 'M1')`;
export const PHASE_KEY = `(CASE WHEN ${DISPLAYED_PHASE} = 'NONE' THEN 'NONE' WHEN ${IS_INCONCLUSIVE} THEN 'inconclusive' ELSE ${DISPLAYED_PHASE}::text END)`;
export const GRADE = `COALESCE(p."filteringGrade"::text, 'UNKNOWN')`;
export const IS_ARTIFACT = `(${DISPLAYED_PHASE} IN ('M1', 'M2') AND ${GRADE} IN ('POOR', 'UNKNOWN'))`;

const inv = (v: string, e: string) => ({
  value: `(CASE WHEN ${v} > 0 THEN 1 / ${v} END)`,
  error: `(CASE WHEN ${v} > 0 THEN ${e} / (${v} * ${v}) END)`,
});

/** Value and 1σ uncertainty of each axis, on the DiagramPoint row p. */
export const AXIS_SQL: Record<TAxisKey, { value: string; error: string | null }> = {
  H: { value: `p."fieldOe"`, error: null },
  P: { value: `p."pressureGPa"`, error: null },
  stage: { value: `p."stageIndex"::float8`, error: null },
  gate: { value: `p."gateVoltageV"`, error: null },
  R300: { value: `p."r300KOhm"`, error: `p."r300KOhmErr"` },
  thickness: { value: `p."thicknessNm"`, error: null },
  // rows are numbered after the query (or by rank in the aggregated query)
  sample: { value: `0::float8`, error: null },
  Tc90: { value: `p."tc90K"`, error: `p."tc90KErr"` },
  rhoQF: { value: `p."rhoQfOhm"`, error: `p."rhoQfOhmErr"` },
  sigmaQFinv: inv(`p."sigmaQfS"`, `p."sigmaQfSErr"`),
  // insulators do not saturate: their σ_QF is zero within errors and 1/σ_QF means nothing
  Rsat: {
    value: `(CASE WHEN ${SC_SIDE} THEN p."rhoQfOhm" WHEN ${DISPLAYED_PHASE} = 'M2' THEN ${inv(`p."sigmaQfS"`, `p."sigmaQfSErr"`).value} END)`,
    error: `(CASE WHEN ${SC_SIDE} THEN p."rhoQfOhmErr" WHEN ${DISPLAYED_PHASE} = 'M2' THEN ${inv(`p."sigmaQfS"`, `p."sigmaQfSErr"`).error} END)`,
  },
  sigmaQF: { value: `p."sigmaQfS"`, error: `p."sigmaQfSErr"` },
  EaS: { value: `p."eaSK"`, error: `p."eaSKErr"` },
  EaI: { value: `p."eaIK"`, error: `p."eaIKErr"` },
  Ea: { value: `(CASE WHEN ${SC_SIDE} THEN p."eaSK" ELSE p."eaIK" END)`, error: `(CASE WHEN ${SC_SIDE} THEN p."eaSKErr" ELSE p."eaIKErr" END)` },
  arrT0: { value: `p."arrheniusT0K"`, error: `p."arrheniusT0KErr"` },
  hopT0: { value: `p."hoppingT0K"`, error: `p."hoppingT0KErr"` },
  hopP: { value: `p."hoppingP"`, error: `p."hoppingPErr"` },
  wlG0: { value: `p."wlG0S"`, error: `p."wlG0SErr"` },
  wlA: { value: `p."wlAS"`, error: `p."wlASErr"` },
  ratio350: { value: `p."ratio350mK300K"`, error: `p."ratio350mK300KErr"` },
};

/**
 * The access condition on a DiagramPoint row `p`: the twin of readableSampleWhere on the sample's
 * columns copied into the row (public samples, the scope's labs' own, and SHARED samples listed
 * for one of its labs in SampleShare).
 */
export function accessSql(scope: AccessScope, params: SqlParams): string {
  const labs = memberLabIds(scope);
  if (labs.length === 0) return `p."visibility" = 'PUBLIC'`;
  const ref = params.add(labs, "::text[]");
  return `(p."visibility" = 'PUBLIC' OR p."labId" = ANY(${ref}) OR (p."visibility" = 'SHARED' AND p."sampleId" IN (SELECT ss."sampleId" FROM "SampleShare" ss WHERE ss."labId" = ANY(${ref}))))`;
}

export const FROM_POINTS = `FROM "DiagramPoint" p`;

/**
 * The filters of the query except the well-filtered switch and the hidden phases (so that what
 * they remove can be counted), including access.
 */
export function filterSql(query: TDiagramQuery, scope: AccessScope, params: SqlParams): string {
  const where: string[] = [accessSql(scope, params)];
  where.push(query.engine === "current" ? `p."isCurrent"` : `p."engineVersion" = ${params.add(query.engine)}`);
  if (query.labIds.length > 0) where.push(`p."labId" = ANY(${params.add(query.labIds, "::text[]")})`);
  if (query.materials.length > 0) where.push(`p."material" = ANY(${params.add(query.materials, "::text[]")})`);
  if (query.sampleIds.length > 0) where.push(`p."sampleId" = ANY(${params.add(query.sampleIds, "::text[]")})`);
  if (query.minConfidence > 0) where.push(`p."confidence" >= ${params.add(query.minConfidence, "::float8")}`);
  if (query.uploadedFrom) where.push(`p."uploadedAt" >= ${params.add(query.uploadedFrom, "::date")}`);
  if (query.uploadedTo) where.push(`p."uploadedAt" < ${params.add(query.uploadedTo, "::date")} + 1`);
  if (query.grades.length > 0) where.push(`${GRADE} = ANY(${params.add(query.grades, "::text[]")})`);
  return where.join("\n  AND ");
}

/**
 * Whether a row has a value on both axes that the scales can show. `values` names columns that
 * already hold the axis values (an inner query computes each axis expression once).
 */
export function validSql(query: TDiagramQuery, values?: { x: string; y: string }): string {
  const parts: string[] = [];
  for (const axis of ["x", "y"] as const) {
    const key = query[axis];
    const scale = axis === "x" ? query.xScale : query.yScale;
    const v = values ? values[axis] : AXIS_SQL[key].value;
    const isOrdinal = key === "sample" || key === "stage";
    parts.push(scale === "log" && !isOrdinal ? `${v} > 0` : `${v} IS NOT NULL`);
    parts.push(`${v} <> 'NaN'::float8`);
  }
  return `(${parts.join(" AND ")})`;
}

export function switchSql(query: TDiagramQuery): string {
  return query.wellFilteredOnly ? `(${GRADE} = 'GOOD')` : "TRUE";
}

export function visibleSql(query: TDiagramQuery, params: SqlParams): string {
  return query.hidePhases.length > 0 ? `(${PHASE_KEY} <> ALL(${params.add(query.hidePhases, "::text[]")}))` : "TRUE";
}

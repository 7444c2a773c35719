import { sqlRows, type Db } from "~/server/db";
import type { Actor } from "~/server/domains/access/actor";
import { readableSampleSql, resolveScope, type AccessScope } from "~/server/domains/access/service";
import type { TPhase } from "~/server/domains/curves/schemas";
import { AXES, isSeriesAxis, type TAxisKey, type TStoredQuantity } from "./axes";
import { cachedDiagram } from "./cache";
import { exportRows, type TExportRow } from "./export";
import {
  assembleDiagram,
  axisInfo,
  phaseKeyOf,
  BIN_GRID,
  binEdges,
  binsFromCountsWith,
  compareSamples,
  diagramFromPoints,
  seriesKeyWith,
  type AlongBoundary,
  type BinCount,
  type TBasePoint,
} from "./geometry";
import {
  AXIS_SQL,
  accessSql,
  filterSql,
  FROM_POINTS,
  GRADE,
  IS_ARTIFACT,
  IS_INCONCLUSIVE,
  DISPLAYED_PHASE,
  SqlParams,
  switchSql,
  validSql,
  visibleSql,
} from "./sql";
import { PHASE_KEYS, type TDiagramDto, type TDiagramFilterOptions, type TDiagramQuery, type TGrade, type TPhaseKey, type TProvenance, type TSampleRef } from "./schemas";
import { normalizeDiagramQuery } from "./url";
import { memoryAccess, memoryCountsAndCells, memoryPointsView } from "./memory/reader";
import { syncedDiagramTable, type SyncedTable } from "./memory/sync";
import { comparePoints, hasX, NO_LABEL_KEY, phaseKeyOfRow, phaseOfKey, wantsAlongX, type AxisCells, type CellRow, type GroupRow, type PointsView, type RowPlan } from "./view-rows";

// ───────────────────────────── overview: counts, and cells above the limit ─────────────────────────────

export interface DiagramSummary {
  total: number;
  missing: number;
  removedBySwitch: number;
  phaseCounts: Partial<Record<TPhaseKey, number>>;
  artifactCount: number;
  engineVersions: string[];
  /** what the curves shown store (for the units of resistance axes) */
  quantities: Set<TStoredQuantity>;
}

/** M1 and M2 measured with poor or unknown filtering may be radiation artifacts. */
const isArtifactRow = (r: { lk: number; gk: number }) => {
  const phase = phaseOfKey(r.lk);
  return (phase === "M1" || phase === "M2") && r.gk >= 2;
};
const isWellFiltered = (r: { gk: number }) => r.gk === 0;

const FACET_SQL: Record<TDiagramQuery["facetBy"], string> = { none: `'all'`, lab: `p."labId"`, material: `p."material"` };

function isOrdinal(key: TAxisKey): boolean {
  return !!AXES[key].isOrdinal;
}

/** Rows with more samples than this are binned like numbers; fewer get one cell each. */
const MAX_ROW_CELLS = 200;

/** Cells per axis: fewer per panel when there are several panels, so that the total stays drawable. */
export function cellGrid(query: TDiagramQuery): { nx: number; ny: number } {
  return query.facetBy === "none" ? BIN_GRID : { nx: 30, ny: 20 };
}

function axisCells(query: TDiagramQuery, axis: "x" | "y", extent: [number, number], rows: RowPlan | null): AxisCells {
  const key = query[axis];
  const grid = axis === "x" ? cellGrid(query).nx : cellGrid(query).ny;
  if (key === "sample" && rows) {
    const count = Math.max(1, ...rows.counts.values());
    return { lo: -0.5, hi: count - 0.5, n: rows.sampleIds.length <= MAX_ROW_CELLS ? count : grid, scale: "linear" };
  }
  const [a, b] = extent;
  if (isOrdinal(key)) return { lo: a - 0.5, hi: b + 0.5, n: Math.min(grid, Math.round(b - a) + 1), scale: "linear" };
  const scale = axis === "x" ? query.xScale : query.yScale;
  if (a === b) return scale === "log" ? { lo: a / 1.5, hi: b * 1.5, n: 1, scale } : { lo: a - 0.5, hi: b + 0.5, n: 1, scale };
  return { lo: a, hi: b, n: grid, scale };
}

/** SQL of the cell index of an axis value. */
function cellSql(value: string, c: AxisCells, params: SqlParams): string {
  const f = (v: number) => (c.scale === "log" ? Math.log(v) : v);
  const lo = f(c.lo);
  const span = f(c.hi) - lo;
  const v = c.scale === "log" ? `ln(${value})` : value;
  return `LEAST(${c.n - 1}, GREATEST(0, floor((${v} - ${params.add(lo, "::float8")}) / ${params.add(span, "::float8")} * ${c.n})))::int`;
}

/** Counts of the rows the query matches, by label, axis validity and engine, with each group's extent. */
async function loadSummaryGroups(db: Db, scope: AccessScope, query: TDiagramQuery, rows: RowPlan | null): Promise<(GroupRow & { x0: number | null; x1: number | null; y0: number | null; y1: number | null })[]> {
  const params = new SqlParams();
  const value = (axis: "x" | "y") => (query[axis] === "sample" && rows ? "0::float8" : AXIS_SQL[query[axis]].value);
  // the inner query (kept apart by OFFSET 0) computes each axis expression once per row
  const text = `SELECT lk, gk, engine, ${validSql(query, { x: "x", y: "y" })} AS valid, q, count(*)::int AS n, min(x) AS x0, max(x) AS x1, min(y) AS y0, max(y) AS y1
FROM (
  SELECT p."labelKey" AS lk, p."gradeKey" AS gk, p."engineVersion" AS engine, p."quantity"::text AS q, ${value("x")} AS x, ${value("y")} AS y
  ${FROM_POINTS}
  WHERE ${filterSql(query, scope, params)}
  OFFSET 0
) t
GROUP BY 1, 2, 3, 4, 5`;
  return sqlRows(db, text, params.values);
}

function summarize(query: TDiagramQuery, groups: readonly (GroupRow & { x0?: number | null; x1?: number | null; y0?: number | null; y1?: number | null })[]) {
  const summary: DiagramSummary = { total: 0, missing: 0, removedBySwitch: 0, phaseCounts: {}, artifactCount: 0, engineVersions: [], quantities: new Set() };
  const hidden = new Set<TPhaseKey>(query.hidePhases);
  const versions = new Set<string>();
  let extent: { x: [number, number]; y: [number, number] } | null = null;
  for (const g of groups) {
    const key = phaseKeyOfRow(g);
    const ok = !query.wellFilteredOnly || isWellFiltered(g);
    if (g.valid && ok) summary.phaseCounts[key] = (summary.phaseCounts[key] ?? 0) + g.n;
    if (hidden.has(key)) continue;
    if (!ok) {
      if (g.valid) summary.removedBySwitch += g.n;
      continue;
    }
    if (!g.valid) {
      summary.missing += g.n;
      continue;
    }
    summary.total += g.n;
    if (isArtifactRow(g)) summary.artifactCount += g.n;
    versions.add(g.engine);
    summary.quantities.add(g.q);
    if (g.x0 != null && g.x1 != null && g.y0 != null && g.y1 != null) {
      extent = extent
        ? { x: [Math.min(extent.x[0], g.x0), Math.max(extent.x[1], g.x1)], y: [Math.min(extent.y[0], g.y0), Math.max(extent.y[1], g.y1)] }
        : { x: [g.x0, g.x1], y: [g.y0, g.y1] };
    }
  }
  summary.engineVersions = [...versions].sort();
  return { summary, extent };
}

/** The condition on a sample row `s` that the scope may read it. */
function readableSql(scope: AccessScope, params: SqlParams): string {
  const { sql, labIds } = readableSampleSql(scope);
  return sql.includes("$LABS") ? sql.replaceAll("$LABS", params.add(labIds, "::text[]")) : sql;
}

/** Conditions on a sample row `s`: readable by the scope, and within the lab, material and sample filters. */
function sampleFilterSql(scope: AccessScope, query: TDiagramQuery, params: SqlParams): string[] {
  const where = [readableSql(scope, params)];
  if (query.labIds.length > 0) where.push(`s."labId" = ANY(${params.add(query.labIds, "::text[]")})`);
  if (query.materials.length > 0) where.push(`s."material" = ANY(${params.add(query.materials, "::text[]")})`);
  if (query.sampleIds.length > 0) where.push(`s."id" = ANY(${params.add(query.sampleIds, "::text[]")})`);
  return where;
}

/** The columns of DiagramSampleExtent that bound each axis (expression axes combine several). */
const RANGE_COLUMN: Partial<Record<TAxisKey, string>> = {
  H: "fieldOe",
  P: "pressureGPa",
  gate: "gateVoltageV",
  thickness: "thicknessNm",
  stage: "stageIndex",
  R300: "r300KOhm",
  Tc90: "tc90K",
  rhoQF: "rhoQfOhm",
  sigmaQF: "sigmaQfS",
  EaS: "eaSK",
  EaI: "eaIK",
  arrT0: "arrheniusT0K",
  hopT0: "hoppingT0K",
  hopP: "hoppingP",
  wlG0: "wlG0S",
  wlA: "wlAS",
  ratio350: "ratio350mK300K",
};

/**
 * The range each axis can span over the samples the viewer may read (within the lab, material
 * and sample filters), from DiagramSampleExtent: a superset of the rows the view shows, over
 * which an aggregated view lays out its cells. Null when nothing matches.
 */
async function loadSampleRanges(db: Db, scope: AccessScope, query: TDiagramQuery): Promise<{ x: [number, number]; y: [number, number] } | null> {
  const params = new SqlParams();
  const where = sampleFilterSql(scope, query, params);
  const columns = new Set<string>();
  for (const c of Object.values(RANGE_COLUMN)) columns.add(c);
  const select = [...columns].flatMap((c) => [`min(e."${c}Min") AS "${c}Min"`, `max(e."${c}Max") AS "${c}Max"`, `min(e."${c}MinPos") AS "${c}MinPos"`]);
  const [row] = await sqlRows<Record<string, number | null>>(db, `SELECT ${select.join(", ")} FROM "DiagramSampleExtent" e JOIN "Sample" s ON s."id" = e."sampleId" WHERE ${where.join(" AND ")}`, params.values);
  if (!row) return null;
  const range = (column: string, log: boolean): [number, number] | null => {
    const lo = log ? row[`${column}MinPos`] : row[`${column}Min`];
    const hi = row[`${column}Max`];
    return lo != null && hi != null && (!log || hi > 0) ? [lo, hi] : null;
  };
  const union = (a: [number, number] | null, b: [number, number] | null): [number, number] | null => (a && b ? [Math.min(a[0], b[0]), Math.max(a[1], b[1])] : (a ?? b));
  const inverse = (): [number, number] | null => {
    const sigma = range("sigmaQfS", true);
    return sigma ? [1 / sigma[1], 1 / sigma[0]] : null;
  };
  const axisRange = (axis: "x" | "y"): [number, number] | null => {
    const key = query[axis];
    const log = (axis === "x" ? query.xScale : query.yScale) === "log" && !AXES[key].isOrdinal;
    if (key === "sample") return [0, 0];
    if (key === "sigmaQFinv") return inverse();
    if (key === "Rsat") return union(range("rhoQfOhm", log), inverse());
    if (key === "Ea") return union(range("eaSK", log), range("eaIK", log));
    const column = RANGE_COLUMN[key];
    return column ? range(column, log) : null;
  };
  const x = axisRange("x");
  const y = axisRange("y");
  return x && y ? { x, y } : null;
}

/**
 * One scan: the counts of the rows by label, axis validity and engine (as loadSummaryGroups), and,
 * over the cells laid out by `axes`, the counts per panel, cell and label of the rows shown.
 */
async function loadCountsAndCells(
  db: Db,
  scope: AccessScope,
  query: TDiagramQuery,
  axes: { x: AxisCells; y: AxisCells } | null,
  rows: RowPlan | null,
): Promise<{ groups: GroupRow[]; cells: CellRow[] }> {
  if (!axes) return { groups: await loadSummaryGroups(db, scope, query, null), cells: [] };
  const params = new SqlParams();
  const value = (axis: "x" | "y") => (query[axis] === "sample" && rows ? "r.row_index" : AXIS_SQL[query[axis]].value);
  const rowJoin = rows
    ? `JOIN unnest(${params.add(rows.sampleIds, "::text[]")}, ${params.add(rows.rows, "::float8[]")}) AS r(sample_id, row_index) ON r.sample_id = p."sampleId"`
    : "";
  // A shown row's cell, legend entry (the index in PHASE_KEYS) and artifact mark in one integer:
  // ((ix·ny + iy)·7 + legend)·2 + artifact — as few groups as the drawing needs.
  const ny = axes.y.n;
  const text = `SELECT (GROUPING(facet) = 1) AS is_summary, lk, gk, engine, valid, q, facet, cell, count(*)::int AS n
FROM (
  SELECT lk, gk, engine, q, facet, valid,
    CASE WHEN valid AND ok AND visible THEN ((${cellSql("x", axes.x, params)} * ${ny} + ${cellSql("y", axes.y, params)}) * 7 + (CASE WHEN lk = ${NO_LABEL_KEY} THEN 6 ELSE LEAST(lk, 5) END)) * 2 + ((lk % 5) IN (1, 2) AND gk >= 2)::int END AS cell
  FROM (
    SELECT *, ${validSql(query, { x: "x", y: "y" })} AS valid
    FROM (
      SELECT p."labelKey" AS lk, p."gradeKey" AS gk, p."engineVersion" AS engine, p."quantity"::text AS q,
        ${query.facetBy === "none" ? "NULL::text" : FACET_SQL[query.facetBy]} AS facet, ${value("x")} AS x, ${value("y")} AS y,
        ${switchSql(query)} AS ok, ${visibleSql(query, params)} AS visible
      ${FROM_POINTS}
      ${rowJoin}
      WHERE ${filterSql(query, scope, params)}
      OFFSET 0
    ) a
  ) b
) c
GROUP BY GROUPING SETS ((lk, gk, engine, valid, q), (facet, cell))`;
  const result = await sqlRows<GroupRow & { is_summary: boolean; facet: string | null; cell: number | null }>(db, text, params.values);
  const groups: GroupRow[] = [];
  const cells: CellRow[] = [];
  for (const r of result) {
    if (r.is_summary) {
      groups.push(r);
    } else if (r.cell !== null) {
      const isArtifact = r.cell % 2 === 1;
      const legend = Math.floor(r.cell / 2) % 7;
      const xy = Math.floor(r.cell / 14);
      cells.push({ facet: r.facet, ix: Math.floor(xy / ny), iy: xy % ny, phaseKey: PHASE_KEYS[legend]!, isArtifact, n: r.n });
    }
  }
  return { groups, cells };
}

/** Counts of what the query matches (one scan). */
export async function loadDiagramSummary(db: Db, scope: AccessScope, query: TDiagramQuery): Promise<DiagramSummary> {
  return summarize(query, await loadSummaryGroups(db, scope, query, null)).summary;
}

// ───────────────────────────── points ─────────────────────────────

interface PointRow {
  fit_id: string;
  curve_id: string;
  sample_id: string;
  lab_id: string;
  setup_id: string | null;
  upload_id: string | null;
  x: number;
  x_err: number | null;
  y: number;
  y_err: number | null;
  phase: TPhase;
  auto_phase: TPhase;
  is_override: boolean;
  inconclusive: boolean;
  reason_code: string | null;
  confidence: number;
  engine: string;
  field_oe: number | null;
  pressure_gpa: number | null;
  pressure_direction: TBasePoint["pressureDirection"];
  gate_v: number | null;
  grade: TGrade;
  artifact: boolean;
  uploaded_at: string;
  quantity: TStoredQuantity;
}

/** An uncertainty as the database gives it (JSON writes NaN and ±Infinity as strings): finite or null. */
const finiteOrNull = (v: number | string | null): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
/** The upload time as JavaScript writes it (toISOString), from the UTC timestamp stored. */
const UPLOADED_AT_ISO = `to_char(p."uploadedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

interface FlaggedRow extends PointRow {
  valid: boolean;
  ok: boolean;
  visible: boolean;
}

/** A point with whether it has values on the axes, passes the switch and is not hidden by the legend. */
type FlaggedPoint = TBasePoint & { valid: boolean; ok: boolean; visible: boolean };

/**
 * Rows of the query with their points. `shownOnly`: just the points the view shows (filters,
 * switch, legend, validity on the axes); otherwise every row the filters match, flagged.
 */
async function loadPointRows(db: Db, scope: AccessScope, query: TDiagramQuery, options: { limit: number; shownOnly: boolean }): Promise<FlaggedPoint[]> {
  const params = new SqlParams();
  const x = AXIS_SQL[query.x];
  const y = AXIS_SQL[query.y];
  const flags = [validSql(query, { x: "x", y: "y" }), switchSql(query), visibleSql(query, params)];
  const text = `SELECT *${options.shownOnly ? "" : `, ${flags[0]} AS valid`} FROM (SELECT p."fitResultId" AS fit_id, p."curveId" AS curve_id, p."sampleId" AS sample_id, p."labId" AS lab_id,
  p."setupId" AS setup_id, p."uploadId" AS upload_id,
  ${x.value} AS x, ${x.error ?? "NULL::float8"} AS x_err, ${y.value} AS y, ${y.error ?? "NULL::float8"} AS y_err,
  ${DISPLAYED_PHASE}::text AS phase, p."phase"::text AS auto_phase, (p."overridePhase" IS NOT NULL) AS is_override,
  ${IS_INCONCLUSIVE} AS inconclusive, p."reasonCode" AS reason_code, p."confidence" AS confidence, p."engineVersion" AS engine,
  p."fieldOe" AS field_oe, p."pressureGPa" AS pressure_gpa, p."pressureDirection"::text AS pressure_direction, p."gateVoltageV" AS gate_v,
  ${GRADE} AS grade, ${IS_ARTIFACT} AS artifact, ${UPLOADED_AT_ISO} AS uploaded_at, p."quantity"::text AS quantity
  ${options.shownOnly ? "" : `, ${flags[1]} AS ok, ${flags[2]} AS visible`}
${FROM_POINTS}
WHERE ${filterSql(query, scope, params)}${options.shownOnly ? ` AND ${validSql(query)} AND ${flags[1]} AND ${flags[2]}` : ""}
OFFSET 0) t
${options.shownOnly ? `WHERE ${flags[0]}` : ""}
LIMIT ${params.add(options.limit, "::int")}`;
  const rows = await sqlRows<FlaggedRow>(db, text, params.values);
  const points: FlaggedPoint[] = rows.map((r) => ({
    fitId: r.fit_id,
    curveId: r.curve_id,
    sampleId: r.sample_id,
    labId: r.lab_id,
    setupId: r.setup_id,
    uploadId: r.upload_id,
    x: r.x,
    y: r.y,
    xErr: finiteOrNull(r.x_err),
    yErr: finiteOrNull(r.y_err),
    phase: r.phase,
    autoPhase: r.auto_phase,
    isOverride: r.is_override,
    inconclusive: r.inconclusive,
    reasonCode: r.is_override ? null : r.reason_code,
    confidence: r.confidence,
    engineVersion: r.engine,
    fieldOe: r.field_oe,
    pressureGPa: r.pressure_gpa,
    pressureDirection: r.pressure_direction,
    gateVoltageV: r.gate_v,
    grade: r.grade,
    isArtifact: r.artifact,
    uploadedAt: r.uploaded_at,
    quantity: r.quantity,
    valid: options.shownOnly ? true : r.valid,
    ok: options.shownOnly ? true : r.ok,
    visible: options.shownOnly ? true : r.visible,
  }));
  // a fixed order (the database's is arbitrary) keeps snapshots and exports stable
  points.sort(comparePoints);
  return points;
}

function stripFlags(p: FlaggedPoint): TBasePoint {
  const { valid: _valid, ok: _ok, visible: _visible, ...point } = p;
  return point;
}

function provenanceIds(points: readonly TBasePoint[]) {
  return {
    labIds: new Set(points.map((p) => p.labId)),
    sampleIds: new Set(points.map((p) => p.sampleId)),
    setupIds: new Set(points.flatMap((p) => (p.setupId ? [p.setupId] : []))),
  };
}

/** The points the query shows (filters, switch, legend, access), at most `limit`, with their provenance. */
export async function loadDiagramPoints(db: Db, scope: AccessScope, query: TDiagramQuery, limit: number): Promise<{ points: TBasePoint[]; provenance: TProvenance }> {
  const points = (await loadPointRows(db, scope, query, { limit, shownOnly: true })).map(stripFlags);
  return { points, provenance: await loadProvenance(db, provenanceIds(points)) };
}

/** Names of labs, samples and setups, by id. Callers pass only ids of rows the viewer may read. */
export async function loadProvenance(db: Db, ids: { labIds: Iterable<string>; sampleIds: Iterable<string>; setupIds: Iterable<string> }): Promise<TProvenance> {
  const sampleIds = [...ids.sampleIds];
  const setupIds = [...ids.setupIds];
  // a sample's lab is among the labs asked for whenever points carry it; else it is looked up after
  const labIds = new Set(ids.labIds);
  const labsOf = (list: string[]) =>
    list.length === 0 ? [] : sqlRows<{ id: string; name: string; slug: string }>(db, `SELECT "id", "name", "slug" FROM "Lab" WHERE "id" = ANY($1::text[])`, [list]);
  const [samples, setups, labsFirst] = await Promise.all([
    sampleIds.length === 0
      ? []
      : sqlRows<TSampleRef & { id: string }>(
          db,
          `SELECT "id", "name", "material", "labId", "annealStage", "stageIndex", "lineageRootId", "visibility"::text AS "visibility", "thicknessNm"
           FROM "Sample" WHERE "id" = ANY($1::text[])`,
          [sampleIds],
        ),
    setupIds.length === 0
      ? []
      : sqlRows<{ id: string; name: string; grade: TGrade }>(db, `SELECT "id", "name", "filteringGrade"::text AS "grade" FROM "MeasurementSetup" WHERE "id" = ANY($1::text[])`, [setupIds]),
    labsOf([...labIds]),
  ]);
  const missingLabs = [...new Set(samples.map((s) => s.labId))].filter((id) => !labIds.has(id));
  const labs = missingLabs.length === 0 ? labsFirst : [...labsFirst, ...(await labsOf(missingLabs))];
  return {
    labs: Object.fromEntries(labs.map((l) => [l.id, { name: l.name, slug: l.slug }])),
    samples: Object.fromEntries(samples.map(({ id, ...s }) => [id, s])),
    setups: Object.fromEntries(setups.map((s) => [s.id, { name: s.name, grade: s.grade }])),
  };
}

// ───────────────────────────── aggregation ─────────────────────────────

/** The samples that can have rows: readable, and within the lab, material and sample filters. */
export async function planRows(db: Db, scope: AccessScope, query: TDiagramQuery): Promise<RowPlan> {
  // one query on the small sample table, with the lab names
  const params = new SqlParams();
  const where = sampleFilterSql(scope, query, params);
  const samples = await sqlRows<TSampleRef & { id: string; labName: string; labSlug: string }>(
    db,
    `SELECT s."id", s."name", s."material", s."labId", s."annealStage", s."stageIndex", s."lineageRootId", s."visibility"::text AS "visibility", s."thicknessNm",
       l."name" AS "labName", l."slug" AS "labSlug"
     FROM "Sample" s JOIN "Lab" l ON l."id" = s."labId" WHERE ${where.join(" AND ")}`,
    params.values,
  );
  const provenance: TProvenance = { labs: {}, samples: {}, setups: {} };
  for (const { id, labName, labSlug, ...rest } of samples) {
    provenance.samples[id] = rest;
    provenance.labs[rest.labId] = { name: labName, slug: labSlug };
  }
  const byFacet = new Map<string, string[]>();
  for (const sample of samples) {
    const facet = query.facetBy === "lab" ? sample.labId : query.facetBy === "material" ? sample.material : "all";
    const list = byFacet.get(facet);
    if (list) list.push(sample.id);
    else byFacet.set(facet, [sample.id]);
  }
  const plan: RowPlan = { facets: [], sampleIds: [], rows: [], counts: new Map(), provenance };
  for (const [facet, ids] of byFacet) {
    ids.sort((a, b) => compareSamples(a, b, provenance));
    ids.forEach((id, i) => {
      plan.facets.push(facet);
      plan.sampleIds.push(id);
      plan.rows.push(i);
    });
    plan.counts.set(facet, ids.length);
  }
  return plan;
}

function cellEdges(i: number, c: AxisCells): [number, number] {
  return binEdges(i, c.lo, c.hi, c.n, c.scale);
}

/** The aggregated view from counts per cell: cells, axes (sample rows without gaps), facets. */
/** Names the aggregated view needs besides the cells: anneal stages and lab names (looked up while the cells are counted). */
async function loadAxisNames(db: Db, scope: AccessScope, query: TDiagramQuery): Promise<{ stages: { value: number; label: string }[] | null; labs: Map<string, string> }> {
  const params = new SqlParams();
  const [stages, labs] = await Promise.all([
    query.x === "stage" || query.y === "stage"
      ? sqlRows<{ stageIndex: number; annealStage: string }>(db, `SELECT DISTINCT s."stageIndex", s."annealStage" FROM "Sample" s WHERE ${readableSql(scope, params)}`, params.values)
      : null,
    // lab names are public (the lab directory)
    query.facetBy === "lab" ? sqlRows<{ id: string; name: string }>(db, `SELECT "id", "name" FROM "Lab"`) : [],
  ]);
  let stageTicks: { value: number; label: string }[] | null = null;
  if (stages) {
    const names = new Map<number, Set<string>>();
    for (const st of stages) names.set(st.stageIndex, (names.get(st.stageIndex) ?? new Set()).add(st.annealStage));
    stageTicks = [...names.entries()].sort((a, b) => a[0] - b[0]).map(([value, set]) => ({ value, label: [...set].sort().join(" / ") }));
  }
  return { stages: stageTicks, labs: new Map(labs.map((l) => [l.id, l.name])) };
}

function aggregatedView(
  query: TDiagramQuery,
  rawCells: readonly CellRow[],
  axes: { x: AxisCells; y: AxisCells },
  rows: RowPlan | null,
  names: { stages: { value: number; label: string }[] | null; labs: Map<string, string> },
  quantities: Iterable<TStoredQuantity>,
): Pick<TDiagramDto, "bins" | "xAxis" | "yAxis" | "domain" | "xDomainByFacet" | "yDomainByFacet" | "facets"> {
  const cells = rawCells.map((c) => ({ ...c, facet: c.facet ?? "all" }));
  const ticks: Record<"x" | "y", { value: number; label: string }[] | null> = { x: null, y: null };
  const facetTicks: Record<"x" | "y", Record<string, { value: number; label: string }[]> | null> = { x: null, y: null };
  const edges: Record<"x" | "y", (i: number) => [number, number]> = { x: (i) => cellEdges(i, axes.x), y: (i) => cellEdges(i, axes.y) };
  const domain = { x: [edges.x(0)[0], edges.x(axes.x.n - 1)[1]] as [number, number], y: [edges.y(0)[0], edges.y(axes.y.n - 1)[1]] as [number, number] };

  for (const axis of ["x", "y"] as const) {
    if (query[axis] !== "sample" || !rows) continue;
    if (rows.sampleIds.length > MAX_ROW_CELLS) continue;
    // one cell per sample row: drop the rows without data and name the others, panel by panel
    const nameOf = new Map<string, string>();
    rows.facets.forEach((facet, i) => nameOf.set(`${facet}\u0000${rows.rows[i]}`, rows.provenance.samples[rows.sampleIds[i]!]?.name ?? rows.sampleIds[i]!));
    const present = new Map<string, Set<number>>();
    for (const c of cells) {
      const set = present.get(c.facet) ?? new Set<number>();
      set.add(axis === "x" ? c.ix : c.iy);
      present.set(c.facet, set);
    }
    const remap = new Map<string, number>();
    facetTicks[axis] = {};
    let most = 0;
    for (const [facet, set] of present) {
      const list = [...set].sort((a, b) => a - b);
      facetTicks[axis]![facet] = list.map((row, k) => {
        remap.set(`${facet}\u0000${row}`, k);
        return { value: k, label: nameOf.get(`${facet}\u0000${row}`) ?? String(row) };
      });
      most = Math.max(most, list.length);
    }
    for (const c of cells) {
      const k = remap.get(`${c.facet}\u0000${axis === "x" ? c.ix : c.iy}`) ?? 0;
      if (axis === "x") c.ix = k;
      else c.iy = k;
    }
    ticks[axis] = query.facetBy === "none" ? (facetTicks[axis]!.all ?? []) : null;
    edges[axis] = (i) => [i - 0.5, i + 0.5];
    domain[axis] = [-0.5, most - 0.5];
  }
  for (const axis of ["x", "y"] as const) if (query[axis] === "stage") ticks[axis] = names.stages;

  // in legend order, so that a tie goes to the label first in the legend whatever order the counts came in
  const legend = (key: TPhaseKey) => PHASE_KEYS.indexOf(key);
  const counts: BinCount[] = cells
    .map((c) => ({ facetKey: c.facet, ix: c.ix, iy: c.iy, phaseKey: c.phaseKey, count: c.n, artifactCount: c.isArtifact ? c.n : 0 }))
    .sort((a, b) => legend(a.phaseKey) - legend(b.phaseKey));
  const bins = binsFromCountsWith(counts, edges);
  // the cells are laid out over the readable samples' ranges; the axes span the cells with data
  if (bins.length > 0) {
    if (!(query.x === "sample" && facetTicks.x)) domain.x = [Math.min(...bins.map((b) => b.x0)), Math.max(...bins.map((b) => b.x1))];
    if (!(query.y === "sample" && facetTicks.y)) domain.y = [Math.min(...bins.map((b) => b.y0)), Math.max(...bins.map((b) => b.y1))];
  }
  const facetCounts = new Map<string, number>();
  for (const c of cells) facetCounts.set(c.facet, (facetCounts.get(c.facet) ?? 0) + c.n);
  const labNames = names.labs;
  return {
    bins,
    xAxis: axisInfo(query.x, query.xScale, ticks.x, facetTicks.x, quantities),
    yAxis: axisInfo(query.y, query.yScale, ticks.y, facetTicks.y, quantities),
    domain,
    xDomainByFacet: {},
    yDomainByFacet: {},
    facets: [...facetCounts.entries()]
      .map(([key, count]) => ({ key, label: query.facetBy === "lab" ? (labNames.get(key) ?? key) : query.facetBy === "none" ? "All data" : key, count }))
      .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)),
  };
}

// ───────────────────────────── the diagram ─────────────────────────────

/** Views the planner expects within this factor of the drawing limit are read as points first. */
const SPECULATIVE_READ_FACTOR = 2;

/**
 * The planner's estimate of the rows the filters match (no rows are read). Over the filters alone:
 * adding the axes' validity and the legend made the planner take views of sparse quantities for
 * small ones (it multiplies the shares of correlated conditions), which then cost two scans.
 */
async function estimateRows(db: Db, scope: AccessScope, query: TDiagramQuery): Promise<number> {
  const params = new SqlParams();
  const where = filterSql(query, scope, params);
  const [row] = await sqlRows<{ "QUERY PLAN": unknown }>(db, `EXPLAIN (FORMAT JSON) SELECT 1 ${FROM_POINTS} WHERE ${where}`, params.values);
  const plan = typeof row?.["QUERY PLAN"] === "string" ? (JSON.parse(row["QUERY PLAN"]) as unknown) : row?.["QUERY PLAN"];
  const rows = (plan as { Plan?: { "Plan Rows"?: unknown } }[] | undefined)?.[0]?.Plan?.["Plan Rows"];
  return typeof rows === "number" ? rows : Number.POSITIVE_INFINITY;
}

/** The phase diagram of a query, as the viewer may see it: points (with series and boundaries) or cells. */
export async function getDiagram(db: Db, actor: Actor, input: TDiagramQuery): Promise<TDiagramDto> {
  const scope = await resolveScope(db, actor);
  const query = normalizeDiagramQuery(input);
  // the pull of the in-memory table gives the snapshot that keys the cache of finished views
  const synced = DEFAULT_SOURCE === "memory" ? ((await syncedDiagramTable(db)) ?? undefined) : undefined;
  return cachedDiagram(db, scope, query, () => buildDiagram(db, scope, query, { synced }), synced?.snapshot);
}

function missingNote(query: TDiagramQuery, missing: number): string[] {
  if (missing === 0) return [];
  return [`${missing} matching curve${missing === 1 ? " has" : "s have"} no value on these axes${query.xScale === "log" || query.yScale === "log" ? " (or a value ≤ 0 on a log axis)" : ""} and ${missing === 1 ? "is" : "are"} not drawn.`];
}

function aggregatedNote(total: number, limit: number): string {
  return `${total.toLocaleString("en")} points are more than can be drawn one by one (limit ${limit.toLocaleString("en")}): each cell shows how many curves fall in it, coloured by the most frequent label. Narrow the filters to see individual points, their series and boundaries.`;
}

/** SQL of whether the row's x value can be drawn on the x axis (the twin of hasX). */
function hasXSql(query: TDiagramQuery, x: string): string {
  const finite = `${x} IS NOT NULL AND ${x} <> 'NaN'::float8 AND ${x} <> 'Infinity'::float8 AND ${x} <> '-Infinity'::float8`;
  return !AXES[query.x].isOrdinal && query.xScale === "log" ? `(${finite} AND ${x} > 0)` : `(${finite})`;
}

/**
 * SQL of the series key of a row of `base` along the tuning parameter on x (the twin of
 * seriesKeyOf: the same film, setup and other conditions, rounded alike), and of the film.
 */
function seriesSql(query: TDiagramQuery): { film: string; key: string } {
  const film = query.x === "stage" ? `COALESCE(s."lineageRootId", b.sample_id)` : "b.sample_id";
  // Math.round(v / step) of seriesKeyOf
  const rounded = (column: string, step: number) => `COALESCE(floor(b.${column} / ${step} + 0.5)::text, '-')`;
  const parts = [film, "COALESCE(b.setup_id, '-')"];
  if (query.x !== "H") parts.push(rounded("field_oe", 1));
  if (query.x !== "P") parts.push(rounded("pressure_gpa", 0.01));
  else parts.push("b.pressure_direction");
  if (query.x !== "gate") parts.push(rounded("gate_v", 0.001));
  return { film, key: `concat_ws('|', ${parts.join(", ")})` };
}

/** The shown points as the database sends them: one array per column. */
type PointColumns = Record<string, unknown[] | null>;

interface BoundaryRow extends Pick<TBasePoint, "setupId" | "fieldOe" | "pressureGPa" | "pressureDirection" | "gateVoltageV"> {
  film: string;
  from: TPhase;
  to: TPhase;
  xLow: number;
  xHigh: number;
  undecided: number;
}

/**
 * One statement and one scan of DiagramPoint for a view that may be drawn point by point: the
 * counts by label, grade, engine, axis validity and stored quantity; the points shown (column by
 * column, as JSON: far cheaper to decode than rows); and, when the x axis is a tuning parameter,
 * where the label changes along every series, located over every curve with an x value whether
 * or not it has a y value (so that boundaries do not move when only the y axis changes). The
 * boundaries are computed by window functions over the same rows, only when the view is within
 * the drawing limit, and only they leave the database, not the curves along the series.
 */
async function loadPointsView(db: Db, scope: AccessScope, query: TDiagramQuery): Promise<PointsView> {
  const params = new SqlParams();
  const x = AXIS_SQL[query.x];
  const y = AXIS_SQL[query.y];
  const valid = validSql(query, { x: "x", y: "y" });
  const shown = `ok AND visible AND ${valid}`;
  const wantAlong = wantsAlongX(query);
  const limit = params.add(query.maxPoints + 1, "::int");
  const max = params.add(query.maxPoints, "::int");
  const series = seriesSql(query);
  const columns: [string, string][] = [
    ["fitId", "fit_id"],
    ["curveId", "curve_id"],
    ["sampleId", "sample_id"],
    ["labId", "lab_id"],
    ["setupId", "setup_id"],
    ["uploadId", "upload_id"],
    ["x", "x"],
    ["xErr", "x_err"],
    ["y", "y"],
    ["yErr", "y_err"],
    ["phase", "phase"],
    ["autoPhase", "auto_phase"],
    ["isOverride", "is_override"],
    ["inconclusive", "inconclusive"],
    ["reasonCode", "reason_code"],
    ["confidence", "confidence"],
    ["engineVersion", "engine"],
    ["fieldOe", "field_oe"],
    ["pressureGPa", "pressure_gpa"],
    ["pressureDirection", "pressure_direction"],
    ["gateVoltageV", "gate_v"],
    ["grade", "grade"],
    ["isArtifact", "artifact"],
    ["uploadedAt", "uploaded_at"],
    ["quantity", "q"],
  ];
  // The rows of the filters are held narrow (what the counts and the boundaries need); the
  // points shown, at most maxPoints + 1 of them, take their other columns from the table by key.
  const text = `WITH base AS MATERIALIZED (
  SELECT p."fitResultId" AS fit_id, p."sampleId" AS sample_id, p."setupId" AS setup_id,
    ${x.value} AS x, ${y.value} AS y, ${DISPLAYED_PHASE}::text AS phase, ${IS_INCONCLUSIVE} AS inconclusive, p."engineVersion" AS engine,
    p."fieldOe" AS field_oe, p."pressureGPa" AS pressure_gpa, p."pressureDirection"::text AS pressure_direction, p."gateVoltageV" AS gate_v,
    p."quantity"::text AS q, p."labelKey" AS lk, p."gradeKey" AS gk, ${switchSql(query)} AS ok, ${visibleSql(query, params)} AS visible
  ${FROM_POINTS}
  WHERE ${filterSql(query, scope, params)}
),
shown_count AS MATERIALIZED (SELECT count(*) AS n FROM base WHERE ${shown}),
shown AS (
  SELECT b.fit_id, p."curveId" AS curve_id, b.sample_id, p."labId" AS lab_id, b.setup_id, p."uploadId" AS upload_id,
    b.x, ${x.error ?? "NULL::float8"} AS x_err, b.y, ${y.error ?? "NULL::float8"} AS y_err,
    b.phase, p."phase"::text AS auto_phase, (p."overridePhase" IS NOT NULL) AS is_override,
    b.inconclusive, p."reasonCode" AS reason_code, p."confidence" AS confidence, b.engine,
    b.field_oe, b.pressure_gpa, b.pressure_direction, b.gate_v,
    ${GRADE} AS grade, ${IS_ARTIFACT} AS artifact, ${UPLOADED_AT_ISO} AS uploaded_at, b.q
  FROM (SELECT * FROM base WHERE ${shown} AND (SELECT n FROM shown_count) <= ${max} LIMIT ${limit}) b
  JOIN "DiagramPoint" p ON p."fitResultId" = b.fit_id
)${
    wantAlong
      ? `,
along AS (
  SELECT b.x, b.phase, b.inconclusive, b.sample_id, b.fit_id, ${series.film} AS film, b.setup_id, b.field_oe, b.pressure_gpa, b.pressure_direction, b.gate_v,
    ${series.key} AS sk
  FROM base b${query.x === "stage" ? ` LEFT JOIN "Sample" s ON s."id" = b.sample_id` : ""}
  WHERE b.ok AND b.visible AND ${hasXSql(query, "b.x")} AND (SELECT n FROM shown_count) <= ${max}
),
ranked AS (
  SELECT *, count(*) FILTER (WHERE NOT inconclusive) OVER (PARTITION BY sk ORDER BY x, sample_id COLLATE "C", fit_id COLLATE "C" ROWS UNBOUNDED PRECEDING) AS dn
  FROM along
),
decided AS (
  SELECT *, lag(phase) OVER w AS prev_phase, lag(x) OVER w AS prev_x FROM ranked WHERE NOT inconclusive WINDOW w AS (PARTITION BY sk ORDER BY dn)
),
undecided AS (SELECT sk, dn, count(*)::int AS n FROM ranked WHERE inconclusive AND dn > 0 GROUP BY 1, 2),
bounds AS (
  SELECT d.film, d.setup_id AS "setupId", d.field_oe AS "fieldOe", d.pressure_gpa AS "pressureGPa", d.pressure_direction AS "pressureDirection",
    d.gate_v AS "gateVoltageV", d.prev_phase AS "from", d.phase AS "to", d.prev_x AS "xLow", d.x AS "xHigh", COALESCE(u.n, 0) AS undecided
  FROM decided d LEFT JOIN undecided u ON u.sk = d.sk AND u.dn = d.dn - 1
  WHERE d.prev_phase IS NOT NULL AND d.prev_phase <> d.phase
)`
      : ""
  }
SELECT
  (SELECT COALESCE(json_agg(g), '[]'::json) FROM (SELECT lk, gk, engine, valid, q, count(*)::int AS n FROM (SELECT lk, gk, engine, q, ${valid} AS valid FROM base) v GROUP BY 1, 2, 3, 4, 5) g) AS groups,
  (SELECT json_build_object(${columns.map(([key, column]) => `'${key}', array_agg(${column})`).join(", ")}) FROM shown) AS shown,
  ${wantAlong ? `(SELECT json_agg(bounds) FROM bounds)` : "NULL::json"} AS bounds,
  (SELECT n FROM shown_count) <= ${max} AS located`;
  const [row] = await sqlRows<{ groups: GroupRow[]; shown: PointColumns; bounds: BoundaryRow[] | null; located: boolean }>(db, text, params.values);
  const cols = row?.shown ?? {};
  const count = cols.fitId?.length ?? 0;
  const col = (key: string): unknown[] => cols[key] ?? [];
  const [fitId, curveId, sampleId, labId, setupId, uploadId, xs, xErr, ys, yErr] = ["fitId", "curveId", "sampleId", "labId", "setupId", "uploadId", "x", "xErr", "y", "yErr"].map(col) as unknown[][];
  const [phase, autoPhase, isOverride, inconclusive, reasonCode, confidence, engineVersion, fieldOe, pressureGPa, pressureDirection] = ["phase", "autoPhase", "isOverride", "inconclusive", "reasonCode", "confidence", "engineVersion", "fieldOe", "pressureGPa", "pressureDirection"].map(col) as unknown[][];
  const [gateVoltageV, grade, isArtifact, uploadedAt, quantity] = ["gateVoltageV", "grade", "isArtifact", "uploadedAt", "quantity"].map(col) as unknown[][];
  const points: TBasePoint[] = new Array<TBasePoint>(count);
  for (let i = 0; i < count; i++) {
    const override = isOverride![i] as boolean;
    points[i] = {
      fitId: fitId![i] as string,
      curveId: curveId![i] as string,
      sampleId: sampleId![i] as string,
      labId: labId![i] as string,
      setupId: setupId![i] as string | null,
      uploadId: uploadId![i] as string | null,
      x: Number(xs![i]),
      y: Number(ys![i]),
      xErr: finiteOrNull(xErr![i] as number | null),
      yErr: finiteOrNull(yErr![i] as number | null),
      phase: phase![i] as TPhase,
      autoPhase: autoPhase![i] as TPhase,
      isOverride: override,
      inconclusive: inconclusive![i] as boolean,
      reasonCode: override ? null : (reasonCode![i] as string | null),
      confidence: Number(confidence![i]),
      engineVersion: engineVersion![i] as string,
      fieldOe: fieldOe![i] as number | null,
      pressureGPa: pressureGPa![i] as number | null,
      pressureDirection: pressureDirection![i] as TBasePoint["pressureDirection"],
      gateVoltageV: gateVoltageV![i] as number | null,
      grade: grade![i] as TGrade,
      isArtifact: isArtifact![i] as boolean,
      uploadedAt: uploadedAt![i] as string,
      quantity: quantity![i] as TStoredQuantity,
    };
  }
  // a fixed order (the database's is arbitrary) keeps snapshots and exports stable
  points.sort(comparePoints);
  let boundaries: Map<string, AlongBoundary[]> | null = null;
  if (wantAlong && row?.located) {
    // the boundaries are located only when the view is drawn
    boundaries = new Map();
    for (const b of row.bounds ?? []) {
      const key = seriesKeyWith(b, query.x, b.film);
      const list = boundaries.get(key) ?? [];
      list.push({ from: b.from, to: b.to, xLow: Number(b.xLow), xHigh: Number(b.xHigh), undecidedBetween: b.undecided });
      boundaries.set(key, list);
    }
    for (const list of boundaries.values()) list.sort((a, b) => a.xLow - b.xLow || a.xHigh - b.xHigh);
  }
  return { groups: row?.groups ?? [], points, boundaries };
}

function commonOf(query: TDiagramQuery, summary: DiagramSummary) {
  return {
    query,
    total: summary.total,
    missing: summary.missing,
    removedBySwitch: summary.removedBySwitch,
    phaseCounts: summary.phaseCounts,
    artifactCount: summary.artifactCount,
    engineVersions: summary.engineVersions,
  };
}

/** Where a view's rows are read: the database's statements, or the in-memory table. */
interface DiagramReader {
  /** the planner's estimate of the rows the filters match; 0 when a points view costs no more than counting */
  estimate(): Promise<number>;
  /** `orAggregated`: the reader may stop as soon as the view has more points than can be drawn (and say so) */
  pointsView(options?: { orAggregated?: boolean }): Promise<PointsView>;
  countsAndCells(axes: { x: AxisCells; y: AxisCells }, rows: RowPlan | null): Promise<{ groups: GroupRow[]; cells: CellRow[] }>;
}

function databaseReader(db: Db, scope: AccessScope, query: TDiagramQuery): DiagramReader {
  return {
    estimate: () => estimateRows(db, scope, query),
    pointsView: () => loadPointsView(db, scope, query),
    countsAndCells: (axes, rows) => loadCountsAndCells(db, scope, query, axes, rows),
  };
}

/** The reader of the in-memory table, brought up to date with every commit made before the call; null without one. */
async function memoryReader(db: Db, scope: AccessScope, query: TDiagramQuery, synced?: SyncedTable): Promise<DiagramReader | null> {
  const [current, access] = await Promise.all([synced ?? syncedDiagramTable(db), memoryAccess(db, scope)]);
  if (!current) return null;
  const { table } = current;
  // one pull per view: every later read sees at least the commits made before the request
  return {
    estimate: async () => 0,
    pointsView: async (options) => memoryPointsView(db, table, query, access, options),
    countsAndCells: async (axes, rows) => memoryCountsAndCells(table, query, access, axes, rows),
  };
}

/** Where diagrams read their rows by default: the in-memory table unless DIAGRAM_SOURCE=database. */
const DEFAULT_SOURCE: "memory" | "database" = process.env.DIAGRAM_SOURCE === "database" ? "database" : "memory";

/**
 * The diagram for a scope. A view expected to be drawable (within a few times the drawing limit)
 * is read with its counts, points and boundaries in one go (pointsView). Larger views, and those
 * that turn out larger than the limit, are counted per cell. The rows come from the in-memory
 * table (./memory) unless `source` is "database" (or the client has no pool of its own), where
 * each read is one SQL statement.
 * `onePassRows` (tests) instead reads views of at most that many rows as flagged rows and builds
 * everything in memory, as permalinks do: the reference the database's answer is compared with.
 */
export async function buildDiagram(
  db: Db,
  scope: AccessScope,
  query: TDiagramQuery,
  options: { onePassRows?: number; source?: "memory" | "database"; synced?: SyncedTable } = {},
): Promise<TDiagramDto> {
  const onePassRows = options.onePassRows ?? 0;
  if (onePassRows > 0) {
    const estimate = await estimateRows(db, scope, query);
    if (estimate <= onePassRows) {
      const rows = await loadPointRows(db, scope, query, { limit: onePassRows + 1, shownOnly: false });
      if (rows.length <= onePassRows) return diagramFromRows(db, query, rows);
    }
  }
  const source = onePassRows > 0 ? "database" : (options.source ?? DEFAULT_SOURCE);
  const reader = (source === "memory" ? await memoryReader(db, scope, query, options.synced) : null) ?? databaseReader(db, scope, query);
  if ((await reader.estimate()) <= SPECULATIVE_READ_FACTOR * query.maxPoints) {
    const view = await reader.pointsView({ orAggregated: true });
    const { summary } = summarize(query, view.groups);
    if (!view.aggregated && summary.total <= query.maxPoints) return pointsDiagram(db, query, summary, view);
  }
  // The ranges of the axes over the readable samples (a small table) and the sample rows come
  // first; then one scan counts the rows and lays them into cells.
  const [rows, ranges, names] = await Promise.all([
    query.x === "sample" || query.y === "sample" ? planRows(db, scope, query) : null,
    loadSampleRanges(db, scope, query),
    loadAxisNames(db, scope, query),
  ]);
  if (!ranges) {
    // nothing readable has a value on these axes
    const view = await reader.pointsView();
    return pointsDiagram(db, query, summarize(query, view.groups).summary, view);
  }
  const axes = { x: axisCells(query, "x", ranges.x, rows), y: axisCells(query, "y", ranges.y, rows) };
  const counted = await reader.countsAndCells(axes, rows);
  const { summary } = summarize(query, counted.groups);
  if (summary.total <= query.maxPoints) {
    // the planner's estimate was far too high (or rows were removed meanwhile): the view is drawable after all
    const view = await reader.pointsView();
    return pointsDiagram(db, query, summarize(query, view.groups).summary, view);
  }
  const aggregated = aggregatedView(query, counted.cells, axes, rows, names, summary.quantities);
  return {
    ...commonOf(query, summary),
    ...aggregated,
    mode: "aggregated",
    points: [],
    provenance: { labs: {}, samples: {}, setups: {} },
    series: [],
    boundaries: [],
    colorGroups: [],
    notes: [...missingNote(query, summary.missing), aggregatedNote(summary.total, query.maxPoints)],
  };
}

async function pointsDiagram(db: Db, query: TDiagramQuery, summary: DiagramSummary, view: PointsView): Promise<TDiagramDto> {
  const points = view.points.slice(0, query.maxPoints);
  const provenance = await loadProvenance(db, provenanceIds(points));
  const assembled = assembleDiagram(points, { query, provenance, alongBoundaries: view.boundaries ?? undefined });
  return { ...commonOf(query, summary), ...assembled, mode: "points", provenance, bins: [], notes: [...missingNote(query, summary.missing), ...assembled.notes] };
}

/** The diagram from every matching row, read in one pass. */
async function diagramFromRows(db: Db, query: TDiagramQuery, rows: readonly FlaggedPoint[]): Promise<TDiagramDto> {
  const summary: Omit<DiagramSummary, "quantities"> = { total: 0, missing: 0, removedBySwitch: 0, phaseCounts: {}, artifactCount: 0, engineVersions: [] };
  const versions = new Set<string>();
  const shown: TBasePoint[] = [];
  // curves the view would draw if they had a y value: the boundaries are located along them
  const alongX: TBasePoint[] = [];
  for (const r of rows) if (r.visible && r.ok && hasX(query, r)) alongX.push(stripFlags(r));
  for (const r of rows) {
    const key: TPhaseKey = phaseKeyOf(r);
    if (r.valid && r.ok) summary.phaseCounts[key] = (summary.phaseCounts[key] ?? 0) + 1;
    if (!r.visible) continue;
    if (!r.ok) {
      if (r.valid) summary.removedBySwitch++;
      continue;
    }
    if (!r.valid) {
      summary.missing++;
      continue;
    }
    summary.total++;
    if (r.isArtifact) summary.artifactCount++;
    versions.add(r.engineVersion);
    shown.push(stripFlags(r));
  }
  summary.engineVersions = [...versions].sort();
  const provenance = await loadProvenance(db, provenanceIds(alongX.length > shown.length ? alongX : shown));
  const diagram = diagramFromPoints(query, shown, provenance, { missing: summary.missing, removedBySwitch: summary.removedBySwitch }, isSeriesAxis(query.x) ? alongX : undefined);
  const notes = [...missingNote(query, summary.missing), ...diagram.notes.filter((n) => !n.includes("more than can be drawn"))];
  if (diagram.mode === "aggregated") notes.push(aggregatedNote(summary.total, query.maxPoints));
  return { ...diagram, ...summary, notes };
}

// ───────────────────────────── filter options ─────────────────────────────

/** What the filters can choose from: labs, materials, samples and engine versions with readable fitted curves. */
export async function listDiagramFilterOptions(db: Db, actor: Actor): Promise<TDiagramFilterOptions> {
  const scope = await resolveScope(db, actor);
  const params = new SqlParams();
  const access = accessSql(scope, params);
  const [groups, engines] = await Promise.all([
    db.$queryRawUnsafe<{ sample_id: string; n: number }[]>(
      `SELECT p."sampleId" AS sample_id, count(*)::int AS n FROM "DiagramPoint" p WHERE p."isCurrent" AND ${access} GROUP BY 1`,
      ...params.values,
    ),
    db.$queryRawUnsafe<{ version: string; n: number; is_current: boolean }[]>(
      `SELECT p."engineVersion" AS version, count(*)::int AS n, bool_or(p."isCurrent") AS is_current FROM "DiagramPoint" p WHERE ${access} GROUP BY 1 ORDER BY 1 DESC`,
      ...params.values,
    ),
  ]);
  const provenance = await loadProvenance(db, { labIds: [], sampleIds: groups.map((g) => g.sample_id), setupIds: [] });
  const labs = new Map<string, number>();
  const materials = new Map<string, number>();
  const samples: TDiagramFilterOptions["samples"] = [];
  for (const g of groups) {
    const s = provenance.samples[g.sample_id];
    if (!s) continue;
    labs.set(s.labId, (labs.get(s.labId) ?? 0) + g.n);
    materials.set(s.material, (materials.get(s.material) ?? 0) + g.n);
    samples.push({ id: g.sample_id, name: s.name, labId: s.labId, material: s.material, annealStage: s.annealStage, count: g.n });
  }
  samples.sort((a, b) => compareSamples(a.id, b.id, provenance));
  return {
    labs: [...labs.entries()].map(([id, count]) => ({ id, name: provenance.labs[id]?.name ?? id, count })).sort((a, b) => a.name.localeCompare(b.name)),
    materials: [...materials.entries()].map(([name, count]) => ({ name, count })).sort((a, b) => a.name.localeCompare(b.name)),
    samples,
    engineVersions: engines.map((e) => ({ version: e.version, count: e.n, isCurrent: e.is_current })),
  };
}


// ───────────────────────────── export ─────────────────────────────

/** Most rows one export of a live view holds. */
export const MAX_EXPORT_POINTS = 100_000;

/** The points of a query as table rows with provenance (for CSV and JSON downloads). */
export async function exportDiagramRows(db: Db, actor: Actor, input: TDiagramQuery, baseUrl: string): Promise<{ query: TDiagramQuery; rows: TExportRow[] }> {
  const scope = await resolveScope(db, actor);
  const query = normalizeDiagramQuery(input);
  const { points, provenance } = await loadDiagramPoints(db, scope, query, MAX_EXPORT_POINTS);
  return { query, rows: exportRows(points, provenance, { x: query.x, y: query.y }, baseUrl) };
}

/**
 * The database reader of the diagram: each read of a view (its counts, points and boundaries, or
 * its counts per cell) is one SQL statement over DiagramPoint (see ./sql.ts for the clauses). It is
 * the reference the in-memory reader (./memory/reader.ts) is compared with, and what serves
 * clients without a pool of their own or DIAGRAM_SOURCE=database.
 */
import { sqlRows, type Db } from "~/server/db";
import type { AccessScope } from "~/server/domains/access/service";
import type { TPhase } from "~/server/domains/curves/schemas";
import { AXES, type TStoredQuantity } from "./axes";
import { seriesKeyWith, type AlongBoundary, type TBasePoint } from "./geometry";
import { PHASE_KEYS, type TDiagramQuery, type TGrade } from "./schemas";
import { AXIS_SQL, DISPLAYED_PHASE, filterSql, FROM_POINTS, GRADE, IS_ARTIFACT, IS_INCONCLUSIVE, SqlParams, switchSql, validSql, visibleSql } from "./sql";
import { comparePoints, NO_LABEL_KEY, wantsAlongX, type AxisCells, type CellRow, type DiagramReader, type GroupRow, type PointsView, type RowPlan } from "./view-rows";

const FACET_SQL: Record<TDiagramQuery["facetBy"], string> = { none: `'all'`, lab: `p."labId"`, material: `p."material"` };


/** SQL of the cell index of an axis value. */
function cellSql(value: string, c: AxisCells, params: SqlParams): string {
  const f = (v: number) => (c.scale === "log" ? Math.log(v) : v);
  const lo = f(c.lo);
  const span = f(c.hi) - lo;
  const v = c.scale === "log" ? `ln(${value})` : value;
  return `LEAST(${c.n - 1}, GREATEST(0, floor((${v} - ${params.add(lo, "::float8")}) / ${params.add(span, "::float8")} * ${c.n})))::int`;
}

/** Counts of the rows the query matches, by label, grade, engine, axis validity and stored quantity. */
export async function loadSummaryGroups(db: Db, scope: AccessScope, query: TDiagramQuery): Promise<GroupRow[]> {
  const params = new SqlParams();
  // the inner query (kept apart by OFFSET 0) computes each axis expression once per row
  const text = `SELECT lk, gk, engine, ${validSql(query, { x: "x", y: "y" })} AS valid, q, count(*)::int AS n
FROM (
  SELECT p."labelKey" AS lk, p."gradeKey" AS gk, p."engineVersion" AS engine, p."quantity"::text AS q, ${AXIS_SQL[query.x].value} AS x, ${AXIS_SQL[query.y].value} AS y
  ${FROM_POINTS}
  WHERE ${filterSql(query, scope, params)}
  OFFSET 0
) t
GROUP BY 1, 2, 3, 4, 5`;
  return sqlRows(db, text, params.values);
}

/**
 * One scan: the counts of the rows by label, axis validity and engine (as loadSummaryGroups), and,
 * over the cells laid out by `axes`, the counts per panel, cell and label of the rows shown.
 */
async function loadCountsAndCells(
  db: Db,
  scope: AccessScope,
  query: TDiagramQuery,
  axes: { x: AxisCells; y: AxisCells },
  rows: RowPlan | null,
): Promise<{ groups: GroupRow[]; cells: CellRow[] }> {
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
export type FlaggedPoint = TBasePoint & { valid: boolean; ok: boolean; visible: boolean };

/**
 * Rows of the query with their points. `shownOnly`: just the points the view shows (filters,
 * switch, legend, validity on the axes); otherwise every row the filters match, flagged.
 */
export async function loadPointRows(db: Db, scope: AccessScope, query: TDiagramQuery, options: { limit: number; shownOnly: boolean }): Promise<FlaggedPoint[]> {
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


/**
 * The planner's estimate of the rows the filters match (no rows are read). Over the filters alone:
 * adding the axes' validity and the legend made the planner take views of sparse quantities for
 * small ones (it multiplies the shares of correlated conditions), which then cost two scans.
 */
export async function estimateRows(db: Db, scope: AccessScope, query: TDiagramQuery): Promise<number> {
  const params = new SqlParams();
  const where = filterSql(query, scope, params);
  const [row] = await sqlRows<{ "QUERY PLAN": unknown }>(db, `EXPLAIN (FORMAT JSON) SELECT 1 ${FROM_POINTS} WHERE ${where}`, params.values);
  const plan = typeof row?.["QUERY PLAN"] === "string" ? (JSON.parse(row["QUERY PLAN"]) as unknown) : row?.["QUERY PLAN"];
  const rows = (plan as { Plan?: { "Plan Rows"?: unknown } }[] | undefined)?.[0]?.Plan?.["Plan Rows"];
  return typeof rows === "number" ? rows : Number.POSITIVE_INFINITY;
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


export function databaseReader(db: Db, scope: AccessScope, query: TDiagramQuery): DiagramReader {
  return {
    estimate: () => estimateRows(db, scope, query),
    pointsView: () => loadPointsView(db, scope, query),
    countsAndCells: (axes, rows) => loadCountsAndCells(db, scope, query, axes, rows),
  };
}


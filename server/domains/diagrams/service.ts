import type { Db } from "~/server/db";
import type { Actor } from "~/server/domains/access/actor";
import { resolveScope, type AccessScope } from "~/server/domains/access/service";
import type { TPhase } from "~/server/domains/curves/schemas";
import { AXES, type TAxisKey } from "./axes";
import { exportRows, type TExportRow } from "./export";
import { assembleDiagram, axisInfo, BIN_GRID, binsFromCounts, compareSamples, type BinCount, type TBasePoint } from "./geometry";
import {
  AXIS_SQL,
  accessSql,
  filterSql,
  FROM_POINTS,
  GRADE,
  IS_ARTIFACT,
  DISPLAYED_PHASE,
  PHASE_KEY,
  SqlParams,
  switchSql,
  validSql,
  visibleSql,
} from "./sql";
import type { TDiagramDto, TDiagramFilterOptions, TDiagramQuery, TGrade, TPhaseKey, TProvenance } from "./schemas";
import { normalizeDiagramQuery } from "./url";

// ───────────────────────────── summary ─────────────────────────────

export interface DiagramSummary {
  total: number;
  missing: number;
  removedBySwitch: number;
  phaseCounts: Partial<Record<TPhaseKey, number>>;
  artifactCount: number;
  engineVersions: string[];
  extent: { x: [number, number]; y: [number, number] } | null;
}

interface SummaryRow {
  phase_key: TPhaseKey;
  valid: boolean;
  ok: boolean;
  visible: boolean;
  artifact: boolean;
  engine: string;
  n: number;
  x0: number | null;
  x1: number | null;
  y0: number | null;
  y1: number | null;
}

/** Counts of what the query matches, by phase, validity on the axes, switch and legend, in one scan. */
export async function loadDiagramSummary(db: Db, scope: AccessScope, query: TDiagramQuery): Promise<DiagramSummary> {
  const params = new SqlParams();
  const x = AXIS_SQL[query.x].value;
  const y = AXIS_SQL[query.y].value;
  const text = `SELECT phase_key, valid, ok, visible, artifact, engine, count(*)::int AS n, min(x) AS x0, max(x) AS x1, min(y) AS y0, max(y) AS y1
FROM (
  SELECT ${PHASE_KEY} AS phase_key, ${validSql(query)} AS valid, ${switchSql(query)} AS ok, ${visibleSql(query, params)} AS visible,
    ${IS_ARTIFACT} AS artifact, p."engineVersion" AS engine, ${x} AS x, ${y} AS y
  ${FROM_POINTS}
  WHERE ${filterSql(query, scope, params)}
) t
GROUP BY 1, 2, 3, 4, 5, 6`;
  const rows = await db.$queryRawUnsafe<SummaryRow[]>(text, ...params.values);
  const summary: DiagramSummary = { total: 0, missing: 0, removedBySwitch: 0, phaseCounts: {}, artifactCount: 0, engineVersions: [], extent: null };
  const versions = new Set<string>();
  let ext: { x: [number, number]; y: [number, number] } | null = null;
  for (const r of rows) {
    if (r.valid && r.ok) summary.phaseCounts[r.phase_key] = (summary.phaseCounts[r.phase_key] ?? 0) + r.n;
    if (!r.visible) continue;
    if (!r.ok) {
      if (r.valid) summary.removedBySwitch += r.n;
      continue;
    }
    if (!r.valid) {
      summary.missing += r.n;
      continue;
    }
    summary.total += r.n;
    if (r.artifact) summary.artifactCount += r.n;
    versions.add(r.engine);
    if (r.x0 !== null && r.x1 !== null && r.y0 !== null && r.y1 !== null) {
      ext = ext
        ? { x: [Math.min(ext.x[0], r.x0), Math.max(ext.x[1], r.x1)], y: [Math.min(ext.y[0], r.y0), Math.max(ext.y[1], r.y1)] }
        : { x: [r.x0, r.x1], y: [r.y0, r.y1] };
    }
  }
  summary.engineVersions = [...versions].sort();
  summary.extent = ext;
  return summary;
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
  confidence: number;
  engine: string;
  field_oe: number | null;
  pressure_gpa: number | null;
  pressure_direction: TBasePoint["pressureDirection"];
  gate_v: number | null;
  grade: TGrade;
  artifact: boolean;
  uploaded_at: Date;
}

const finiteOrNull = (v: number | null): number | null => (v !== null && Number.isFinite(v) ? v : null);

/** The points the query shows (filters, switch, legend, access), at most `limit`, with their provenance. */
export async function loadDiagramPoints(db: Db, scope: AccessScope, query: TDiagramQuery, limit: number): Promise<{ points: TBasePoint[]; provenance: TProvenance }> {
  const params = new SqlParams();
  const x = AXIS_SQL[query.x];
  const y = AXIS_SQL[query.y];
  const text = `SELECT p."fitResultId" AS fit_id, p."curveId" AS curve_id, p."sampleId" AS sample_id, p."labId" AS lab_id,
  p."setupId" AS setup_id, p."uploadId" AS upload_id,
  ${x.value} AS x, ${x.error ?? "NULL::float8"} AS x_err, ${y.value} AS y, ${y.error ?? "NULL::float8"} AS y_err,
  ${DISPLAYED_PHASE}::text AS phase, p."phase"::text AS auto_phase, (o."phase" IS NOT NULL) AS is_override,
  (o."phase" IS NULL AND p."inconclusive") AS inconclusive, p."confidence" AS confidence, p."engineVersion" AS engine,
  p."fieldOe" AS field_oe, p."pressureGPa" AS pressure_gpa, p."pressureDirection"::text AS pressure_direction, p."gateVoltageV" AS gate_v,
  ${GRADE} AS grade, ${IS_ARTIFACT} AS artifact, p."uploadedAt" AS uploaded_at
${FROM_POINTS}
WHERE ${filterSql(query, scope, params)}
  AND ${validSql(query)} AND ${switchSql(query)} AND ${visibleSql(query, params)}
ORDER BY p."sampleId", x, p."fitResultId"
LIMIT ${params.add(limit, "::int")}`;
  const rows = await db.$queryRawUnsafe<PointRow[]>(text, ...params.values);
  const points: TBasePoint[] = rows.map((r) => ({
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
    confidence: r.confidence,
    engineVersion: r.engine,
    fieldOe: r.field_oe,
    pressureGPa: r.pressure_gpa,
    pressureDirection: r.pressure_direction,
    gateVoltageV: r.gate_v,
    grade: r.grade,
    isArtifact: r.artifact,
    uploadedAt: r.uploaded_at.toISOString(),
  }));
  const provenance = await loadProvenance(db, {
    labIds: new Set(points.map((p) => p.labId)),
    sampleIds: new Set(points.map((p) => p.sampleId)),
    setupIds: new Set(points.flatMap((p) => (p.setupId ? [p.setupId] : []))),
  });
  return { points, provenance };
}

/** Names of labs, samples and setups, by id. Callers pass only ids of rows the viewer may read. */
export async function loadProvenance(db: Db, ids: { labIds: Iterable<string>; sampleIds: Iterable<string>; setupIds: Iterable<string> }): Promise<TProvenance> {
  const sampleIds = [...ids.sampleIds];
  const [samples, setups] = await Promise.all([
    sampleIds.length === 0
      ? []
      : db.sample.findMany({
          where: { id: { in: sampleIds } },
          select: { id: true, name: true, material: true, labId: true, annealStage: true, stageIndex: true, lineageRootId: true, visibility: true, thicknessNm: true },
        }),
    [...ids.setupIds].length === 0 ? [] : db.measurementSetup.findMany({ where: { id: { in: [...ids.setupIds] } }, select: { id: true, name: true, filteringGrade: true } }),
  ]);
  const labIds = new Set([...ids.labIds, ...samples.map((s) => s.labId)]);
  const labs = labIds.size === 0 ? [] : await db.lab.findMany({ where: { id: { in: [...labIds] } }, select: { id: true, name: true, slug: true } });
  return {
    labs: Object.fromEntries(labs.map((l) => [l.id, { name: l.name, slug: l.slug }])),
    samples: Object.fromEntries(samples.map(({ id, ...s }) => [id, s])),
    setups: Object.fromEntries(setups.map((s) => [s.id, { name: s.name, grade: s.filteringGrade }])),
  };
}

// ───────────────────────────── aggregation ─────────────────────────────

const FACET_SQL: Record<TDiagramQuery["facetBy"], string> = { none: `'all'`, lab: `p."labId"`, material: `s."material"` };

function isOrdinal(key: TAxisKey): boolean {
  return !!AXES[key].isOrdinal;
}

interface BinRow {
  facet: string;
  ix: number;
  iy: number;
  phase_key: TPhaseKey;
  n: number;
  artifacts: number;
}

/** SQL for the cell index of an axis value among n cells over [lo, hi] in the axis scale. */
function binSql(value: string, lo: number, hi: number, n: number, scale: "linear" | "log", params: SqlParams): string {
  const f = (v: string) => (scale === "log" ? `ln(${v})` : v);
  const a = scale === "log" ? Math.log(lo) : lo;
  const span = (scale === "log" ? Math.log(hi) : hi) - a;
  if (!(span > 0)) return "0";
  return `LEAST(${n - 1}, GREATEST(0, floor((${f(value)} - ${params.add(a, "::float8")}) / ${params.add(span, "::float8")} * ${n})))::int`;
}

/**
 * The aggregated diagram: counts per facet, cell and phase, computed in the database. Sample rows
 * (an axis "sample") are numbered here first, from the distinct samples of the view.
 */
async function loadDiagramBins(db: Db, scope: AccessScope, query: TDiagramQuery, summary: DiagramSummary): Promise<Pick<TDiagramDto, "bins" | "xAxis" | "yAxis" | "domain" | "xDomainByFacet" | "facets">> {
  const facetSql = FACET_SQL[query.facetBy];
  const rowAxis = query.x === "sample" || query.y === "sample";
  const axisValue: Record<"x" | "y", string> = { x: AXIS_SQL[query.x].value, y: AXIS_SQL[query.y].value };
  const extent = { x: summary.extent!.x, y: summary.extent!.y };
  const ticks: Record<"x" | "y", { value: number; label: string }[] | null> = { x: null, y: null };
  const params = new SqlParams();
  let rowJoin = "";
  let rowFacetTicks: Record<string, { value: number; label: string }[]> | null = null;

  // distinct samples (and facets) of the view: for sample rows, facet names and stage names
  const distinctParams = new SqlParams();
  const distinct = await db.$queryRawUnsafe<{ facet: string; sample_id: string; n: number }[]>(
    `SELECT ${facetSql} AS facet, p."sampleId" AS sample_id, count(*)::int AS n
${FROM_POINTS}
WHERE ${filterSql(query, scope, distinctParams)} AND ${validSql(query)} AND ${switchSql(query)} AND ${visibleSql(query, distinctParams)}
GROUP BY 1, 2`,
    ...distinctParams.values,
  );
  const provenance = await loadProvenance(db, { labIds: query.facetBy === "lab" ? new Set(distinct.map((d) => d.facet)) : [], sampleIds: new Set(distinct.map((d) => d.sample_id)), setupIds: [] });

  if (rowAxis) {
    const byFacet = new Map<string, string[]>();
    for (const d of distinct) byFacet.set(d.facet, [...(byFacet.get(d.facet) ?? []), d.sample_id]);
    const facets: string[] = [];
    const sampleIds: string[] = [];
    const rows: number[] = [];
    let maxRow = 0;
    const names = new Map<number, string[]>();
    for (const [facet, ids] of byFacet) {
      ids.sort((a, b) => compareSamples(a, b, provenance));
      ids.forEach((id, i) => {
        facets.push(facet);
        sampleIds.push(id);
        rows.push(i);
        maxRow = Math.max(maxRow, i);
        const list = names.get(i) ?? [];
        const name = provenance.samples[id]?.name ?? id;
        if (!list.includes(name)) list.push(name);
        names.set(i, list);
      });
    }
    rowJoin = `JOIN unnest(${params.add(facets, "::text[]")}, ${params.add(sampleIds, "::text[]")}, ${params.add(rows, "::float8[]")}) AS r(facet, sample_id, row_index)
    ON r.sample_id = p."sampleId" AND r.facet = ${facetSql}`;
    const rowTicks = maxRow < 80 ? [...names.entries()].sort((a, b) => a[0] - b[0]).map(([value, list]) => ({ value, label: list.join(" / ") })) : null;
    if (maxRow < 80) {
      rowFacetTicks = {};
      facets.forEach((facet, i) => {
        (rowFacetTicks![facet] ??= []).push({ value: rows[i]!, label: provenance.samples[sampleIds[i]!]?.name ?? sampleIds[i]! });
      });
    }
    for (const axis of ["x", "y"] as const) {
      if (query[axis] !== "sample") continue;
      axisValue[axis] = "r.row_index";
      extent[axis] = [0, maxRow];
      ticks[axis] = rowTicks;
    }
  }
  for (const axis of ["x", "y"] as const) {
    if (query[axis] !== "stage") continue;
    const stages = new Map<number, Set<string>>();
    for (const s of Object.values(provenance.samples)) {
      if (!stages.has(s.stageIndex)) stages.set(s.stageIndex, new Set());
      stages.get(s.stageIndex)!.add(s.annealStage);
    }
    ticks[axis] = [...stages.entries()].sort((a, b) => a[0] - b[0]).map(([value, set]) => ({ value, label: [...set].sort().join(" / ") }));
  }

  const scales = { x: isOrdinal(query.x) ? "linear" : query.xScale, y: isOrdinal(query.y) ? "linear" : query.yScale } as const;
  const grid: { nx: number; ny: number } = { nx: BIN_GRID.nx, ny: BIN_GRID.ny };
  for (const axis of ["x", "y"] as const) {
    if (!isOrdinal(query[axis])) continue;
    // one cell per integer position when they fit
    const [lo, hi] = extent[axis];
    const positions = Math.round(hi - lo) + 1;
    extent[axis] = [lo - 0.5, hi + 0.5];
    if (axis === "x") grid.nx = Math.min(grid.nx, positions);
    else grid.ny = Math.min(grid.ny, positions);
  }
  if (!isOrdinal(query.x) && extent.x[0] === extent.x[1]) extent.x = scales.x === "log" ? [extent.x[0] / 1.5, extent.x[1] * 1.5] : [extent.x[0] - 0.5, extent.x[1] + 0.5];
  if (!isOrdinal(query.y) && extent.y[0] === extent.y[1]) extent.y = scales.y === "log" ? [extent.y[0] / 1.5, extent.y[1] * 1.5] : [extent.y[0] - 0.5, extent.y[1] + 0.5];

  const text = `SELECT ${facetSql} AS facet,
  ${binSql(axisValue.x, extent.x[0], extent.x[1], grid.nx, scales.x, params)} AS ix,
  ${binSql(axisValue.y, extent.y[0], extent.y[1], grid.ny, scales.y, params)} AS iy,
  ${PHASE_KEY} AS phase_key, count(*)::int AS n, (count(*) FILTER (WHERE ${IS_ARTIFACT}))::int AS artifacts
${FROM_POINTS}
  ${rowJoin}
WHERE ${filterSql(query, scope, params)} AND ${validSql(query)} AND ${switchSql(query)} AND ${visibleSql(query, params)}
GROUP BY 1, 2, 3, 4`;
  const rows = await db.$queryRawUnsafe<BinRow[]>(text, ...params.values);
  const counts: BinCount[] = rows.map((r) => ({ facetKey: r.facet, ix: r.ix, iy: r.iy, phaseKey: r.phase_key, count: r.n, artifactCount: r.artifacts }));
  const bins = binsFromCounts(counts, extent, scales, grid);
  const facetCounts = new Map<string, number>();
  for (const d of distinct) facetCounts.set(d.facet, (facetCounts.get(d.facet) ?? 0) + d.n);
  return {
    bins,
    xAxis: axisInfo(query.x, query.xScale, ticks.x, query.x === "sample" ? rowFacetTicks : null),
    yAxis: axisInfo(query.y, query.yScale, ticks.y, query.y === "sample" ? rowFacetTicks : null),
    domain: extent,
    xDomainByFacet: {},
    facets: [...facetCounts.entries()]
      .map(([key, count]) => ({ key, label: query.facetBy === "lab" ? (provenance.labs[key]?.name ?? key) : query.facetBy === "none" ? "All data" : key, count }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  };
}

// ───────────────────────────── the diagram ─────────────────────────────

/** The phase diagram of a query, as the viewer may see it: points (with series and boundaries) or cells. */
export async function getDiagram(db: Db, actor: Actor, input: TDiagramQuery): Promise<TDiagramDto> {
  const scope = await resolveScope(db, actor);
  return buildDiagram(db, scope, normalizeDiagramQuery(input));
}

export async function buildDiagram(db: Db, scope: AccessScope, query: TDiagramQuery): Promise<TDiagramDto> {
  const summary = await loadDiagramSummary(db, scope, query);
  const common = {
    query,
    total: summary.total,
    missing: summary.missing,
    removedBySwitch: summary.removedBySwitch,
    phaseCounts: summary.phaseCounts,
    artifactCount: summary.artifactCount,
    engineVersions: summary.engineVersions,
  };
  const notes: string[] = [];
  if (summary.missing > 0) notes.push(`${summary.missing} matching curve${summary.missing === 1 ? " has" : "s have"} no value on these axes${query.xScale === "log" || query.yScale === "log" ? " (or a value ≤ 0 on a log axis)" : ""} and ${summary.missing === 1 ? "is" : "are"} not drawn.`);

  if (summary.total <= query.maxPoints || !summary.extent) {
    const { points, provenance } = await loadDiagramPoints(db, scope, query, query.maxPoints);
    const assembled = assembleDiagram(points, { query, provenance });
    return { ...common, ...assembled, mode: "points", provenance, bins: [], notes: [...notes, ...assembled.notes] };
  }
  const aggregated = await loadDiagramBins(db, scope, query, summary);
  notes.push(
    `${summary.total.toLocaleString("en")} points are more than can be drawn one by one (limit ${query.maxPoints.toLocaleString("en")}): each cell shows how many curves fall in it, coloured by the most frequent label. Narrow the filters to see individual points, their series and boundaries.`,
  );
  return {
    ...common,
    ...aggregated,
    mode: "aggregated",
    points: [],
    provenance: { labs: {}, samples: {}, setups: {} },
    series: [],
    boundaries: [],
    colorGroups: [],
    notes,
  };
}

// ───────────────────────────── filter options ─────────────────────────────

/** What the filters can choose from: labs, materials, samples and engine versions with readable fitted curves. */
export async function listDiagramFilterOptions(db: Db, actor: Actor): Promise<TDiagramFilterOptions> {
  const scope = await resolveScope(db, actor);
  const params = new SqlParams();
  const access = accessSql(scope, params);
  const [groups, engines] = await Promise.all([
    db.$queryRawUnsafe<{ sample_id: string; n: number }[]>(
      `SELECT p."sampleId" AS sample_id, count(*)::int AS n FROM "DiagramPoint" p JOIN "Sample" s ON s."id" = p."sampleId" WHERE p."isCurrent" AND ${access} GROUP BY 1`,
      ...params.values,
    ),
    db.$queryRawUnsafe<{ version: string; n: number; is_current: boolean }[]>(
      `SELECT p."engineVersion" AS version, count(*)::int AS n, bool_or(p."isCurrent") AS is_current FROM "DiagramPoint" p JOIN "Sample" s ON s."id" = p."sampleId" WHERE ${access} GROUP BY 1 ORDER BY 1 DESC`,
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

/**
 * The phase diagram of a query as a viewer may see it: drawn point by point (with series and
 * boundaries) or counted into cells, with the counts of what the filters match. The rows come from
 * a reader (the in-memory table, ./memory, or the database, ./database-reader.ts); the small
 * tables (samples, setups, labs, sample extents) are read here.
 */
import { sqlRows, type Db } from "~/server/db";
import type { Actor } from "~/server/domains/access/actor";
import { readableSampleSql, resolveScope, type AccessScope } from "~/server/domains/access/service";
import { AXES, AXIS_COLUMN, isSeriesAxis, type TAxisKey, type TStoredQuantity } from "./axes";
import { cachedDiagram } from "./cache";
import { databaseReader, estimateRows, loadPointRows, loadSummaryGroups, type FlaggedPoint } from "./database-reader";
import { exportRows, type TExportRow } from "./export";
import { assembleDiagram, axisInfo, phaseKeyOf, BIN_GRID, binEdges, binsFromCountsWith, compareSamples, diagramFromPoints, type BinCount, type TBasePoint } from "./geometry";
import { memoryAccess, memoryCountsAndCells, memoryFilterCounts, memoryPointsView } from "./memory/reader";
import { syncedDiagramTable, type SyncedTable } from "./memory/sync";
import { PHASE_KEYS, type TDiagramDto, type TDiagramFilterOptions, type TDiagramQuery, type TGrade, type TPhaseKey, type TProvenance, type TSampleRef } from "./schemas";
import { accessSql, SqlParams } from "./sql";
import { normalizeDiagramQuery } from "./url";
import { hasX, phaseKeyOfRow, phaseOfKey, type AxisCells, type CellRow, type DiagramReader, type GroupRow, type PointsView, type RowPlan } from "./view-rows";

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

function summarize(query: TDiagramQuery, groups: readonly GroupRow[]): DiagramSummary {
  const summary: DiagramSummary = { total: 0, missing: 0, removedBySwitch: 0, phaseCounts: {}, artifactCount: 0, engineVersions: [], quantities: new Set() };
  const hidden = new Set<TPhaseKey>(query.hidePhases);
  const versions = new Set<string>();
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
  }
  summary.engineVersions = [...versions].sort();
  return summary;
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


/**
 * The range each axis can span over the samples the viewer may read (within the lab, material
 * and sample filters), from DiagramSampleExtent: a superset of the rows the view shows, over
 * which an aggregated view lays out its cells. Null when nothing matches.
 */
async function loadSampleRanges(db: Db, scope: AccessScope, query: TDiagramQuery): Promise<{ x: [number, number]; y: [number, number] } | null> {
  const params = new SqlParams();
  const where = sampleFilterSql(scope, query, params);
  const columns = new Set<string>();
  for (const c of Object.values(AXIS_COLUMN)) columns.add(c);
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
    const column = AXIS_COLUMN[key];
    return column ? range(column, log) : null;
  };
  const x = axisRange("x");
  const y = axisRange("y");
  return x && y ? { x, y } : null;
}

/** Counts of what the query matches (one scan). */
export async function loadDiagramSummary(db: Db, scope: AccessScope, query: TDiagramQuery): Promise<DiagramSummary> {
  return summarize(query, await loadSummaryGroups(db, scope, query));
}

// ───────────────────────────── points ─────────────────────────────

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
    const summary = summarize(query, view.groups);
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
    return pointsDiagram(db, query, summarize(query, view.groups), view);
  }
  const axes = { x: axisCells(query, "x", ranges.x, rows), y: axisCells(query, "y", ranges.y, rows) };
  const counted = await reader.countsAndCells(axes, rows);
  const summary = summarize(query, counted.groups);
  if (summary.total <= query.maxPoints) {
    // the planner's estimate was far too high (or rows were removed meanwhile): the view is drawable after all
    const view = await reader.pointsView();
    return pointsDiagram(db, query, summarize(query, view.groups), view);
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

/** Readable fits: the current ones per sample, and all per engine version (from the in-memory table, or the database). */
async function filterCounts(db: Db, scope: AccessScope, source: "memory" | "database") {
  const synced = source === "memory" ? await syncedDiagramTable(db) : null;
  if (synced) {
    const { samples, engines } = memoryFilterCounts(synced.table, await memoryAccess(db, scope));
    return { groups: samples, engines };
  }
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
  return { groups, engines };
}

/** What the filters can choose from: labs, materials, samples and engine versions with readable fitted curves. */
export async function listDiagramFilterOptions(db: Db, actor: Actor, options: { source?: "memory" | "database" } = {}): Promise<TDiagramFilterOptions> {
  const scope = await resolveScope(db, actor);
  const { groups, engines } = await filterCounts(db, scope, options.source ?? DEFAULT_SOURCE);
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

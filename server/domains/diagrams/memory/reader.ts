/**
 * The rows of a diagram view read from the in-memory table (./table.ts) instead of the database:
 * the same groups, points, boundaries and cells as the statements of ../service.ts
 * (loadPointsView, loadCountsAndCells), each of which is the twin of a clause of ../sql.ts. An int
 * test compares the two readers view by view.
 */
import { sqlRows, type Db } from "~/server/db";
import { memberLabIds, type AccessScope } from "~/server/domains/access/service";
import type { TPhase } from "~/server/domains/curves/schemas";
import { AXES, AXIS_COLUMN, type TAxisKey } from "../axes";
import type { TBasePoint } from "../geometry";
import { PHASE_KEYS, type TDiagramQuery } from "../schemas";
import { comparePoints, NO_LABEL_KEY, phaseKeyOfRow, wantsAlongX, type AxisCells, type CellRow, type GroupRow, type PointsView, type RowPlan } from "../view-rows";
import { boundariesAlongSeries } from "./boundaries";
import { NUMBER_COLUMNS, numberOrNull, type Codes, type DiagramTable, type NumberColumn, type SeriesAxis } from "./table";

/** What a scope may read: public rows, its labs' own, and shared samples listed for its labs. */
export interface MemoryAccess {
  labs: ReadonlySet<string>;
  shared: ReadonlySet<string>;
}

export async function memoryAccess(db: Db, scope: AccessScope): Promise<MemoryAccess> {
  const labs = memberLabIds(scope);
  if (labs.length === 0) return { labs: new Set(), shared: new Set() };
  const shares = await sqlRows<{ sampleId: string }>(db, `SELECT "sampleId" FROM "SampleShare" WHERE "labId" = ANY($1::text[])`, [labs]);
  return { labs: new Set(labs), shared: new Set(shares.map((s) => s.sampleId)) };
}

const DAY_MS = 86_400_000;
const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** Sets of codes as flags by code. */
function flags(codes: Codes, values: Iterable<string>): Uint8Array {
  const out = new Uint8Array(codes.size);
  for (const v of values) {
    const code = codes.find(v);
    if (code >= 0) out[code] = 1;
  }
  return out;
}

/** The labs whose rows the scope reads whatever their visibility, and the shared samples it reads, as flags by code. */
function accessFlags(t: DiagramTable, access: MemoryAccess) {
  return { memberLabs: flags(t.labCodes, access.labs), sharedSamples: flags(t.sampleCodes, access.shared) };
}

/** Whether the scope of `f` may read row i (the twin of accessSql). */
function readable(t: DiagramTable, f: ReturnType<typeof accessFlags>, i: number): boolean {
  const visibility = t.visibilityCode[i]!;
  return visibility === 0 || f.memberLabs[t.labCode[i]!] === 1 || (visibility === 1 && f.sharedSamples[t.sampleCode[i]!] === 1);
}

/**
 * The filters of the query and access (the twin of filterSql), as the few values the pass over
 * every row compares: set filters are null when not asked for.
 */
function rowFilter(t: DiagramTable, query: TDiagramQuery, access: MemoryAccess) {
  // set filters as flags by code; null when the filter is not asked for
  const setOrNull = (codes: Codes, values: readonly string[]) => (values.length > 0 ? flags(codes, values) : null);
  const gradeAllowed = [true, true, true, true];
  if (query.grades.length > 0) GRADE_KEYS.forEach((grade, gk) => (gradeAllowed[gk] = (query.grades as readonly string[]).includes(grade)));
  return {
    ...accessFlags(t, access),
    currentOnly: query.engine === "current",
    /** the code of the engine version asked for (-1: none of the rows has it) */
    engine: query.engine === "current" ? -1 : t.engineCodes.find(query.engine),
    labIds: setOrNull(t.labCodes, query.labIds),
    materials: setOrNull(t.materialCodes, query.materials),
    sampleIds: setOrNull(t.sampleCodes, query.sampleIds),
    minConfidence: query.minConfidence,
    from: query.uploadedFrom ? dayStart(query.uploadedFrom) : Number.NEGATIVE_INFINITY,
    to: query.uploadedTo ? dayStart(query.uploadedTo) + DAY_MS : Number.POSITIVE_INFINITY,
    gradeAllowed,
  };
}

/** filtering grades by gradeKey (migration diagram_point_label_keys: no setup counts as UNKNOWN) */
const GRADE_KEYS = ["GOOD", "MODERATE", "POOR", "UNKNOWN"] as const;

/** Whether the displayed label of row i is S or M1 (labelKey: the label, + 5 when inconclusive, 10 for none). */
const NONE_KEY = NO_LABEL_KEY;
const scSide = (t: DiagramTable, i: number) => t.labelKey[i] !== NONE_KEY && t.labelKey[i]! % 5 <= 1;
const isM2 = (t: DiagramTable, i: number) => t.labelKey[i] !== NONE_KEY && t.labelKey[i]! % 5 === 2;
const inverse = (v: number) => (v > 0 ? 1 / v : Number.NaN);
const inverseError = (v: number, e: number) => (v > 0 ? e / (v * v) : Number.NaN);

type Column = (i: number) => number;

/** Value and uncertainty of an axis on row i, NaN when there is none (the twin of AXIS_SQL). */
function axisColumns(t: DiagramTable, key: TAxisKey): { value: Column; error: Column | null } {
  const n = t.numbers;
  const column = plainColumn(key);
  if (column) {
    const v = n[column];
    const e = (NUMBER_COLUMNS as readonly string[]).includes(`${column}Err`) ? n[`${column}Err` as NumberColumn] : null;
    return { value: (i) => v[i]!, error: e ? (i) => e[i]! : null };
  }
  switch (key) {
    case "sigmaQFinv":
      return { value: (i) => inverse(n.sigmaQfS[i]!), error: (i) => inverseError(n.sigmaQfS[i]!, n.sigmaQfSErr[i]!) };
    case "Rsat":
      // insulators do not saturate: their σ_QF is zero within errors and 1/σ_QF means nothing
      return {
        value: (i) => (scSide(t, i) ? n.rhoQfOhm[i]! : isM2(t, i) ? inverse(n.sigmaQfS[i]!) : Number.NaN),
        error: (i) => (scSide(t, i) ? n.rhoQfOhmErr[i]! : isM2(t, i) ? inverseError(n.sigmaQfS[i]!, n.sigmaQfSErr[i]!) : Number.NaN),
      };
    case "Ea":
      return { value: (i) => (scSide(t, i) ? n.eaSK[i]! : n.eaIK[i]!), error: (i) => (scSide(t, i) ? n.eaSKErr[i]! : n.eaIKErr[i]!) };
    case "sample":
      // sample rows are numbered after the pass (or by the plan of rows)
      return { value: () => 0, error: null };
    default:
      throw new Error(`the diagram table has no column for the axis ${key}`);
  }
}

/** The table's column holding an axis as it is, if one does. */
function plainColumn(key: TAxisKey): NumberColumn | null {
  const column = AXIS_COLUMN[key];
  return column && (NUMBER_COLUMNS as readonly string[]).includes(column) ? (column as NumberColumn) : null;
}

const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** Row i as a diagram point (the twin of the columns loadPointsView selects). */
function pointAt(t: DiagramTable, i: number, x: number, y: number, xErr: number, yErr: number): TBasePoint {
  const override = t.overridePhase[i] ?? null;
  const phase: TPhase = override ?? t.phase[i]!;
  const grade = t.filteringGrade[i] ?? "UNKNOWN";
  return {
    fitId: t.fitId[i]!,
    curveId: t.curveId[i]!,
    sampleId: t.sampleIdAt(i),
    labId: t.labIdAt(i),
    setupId: t.setupId[i] ?? null,
    uploadId: t.uploadId[i] ?? null,
    x,
    y,
    xErr: finiteOrNull(xErr),
    yErr: finiteOrNull(yErr),
    phase,
    autoPhase: t.phase[i]!,
    isOverride: override !== null,
    inconclusive: override === null && t.inconclusive[i]!,
    reasonCode: override !== null ? null : (t.reasonCode[i] ?? null),
    confidence: t.numbers.confidence[i]!,
    engineVersion: t.engineAt(i),
    fieldOe: numberOrNull(t.numbers.fieldOe[i]!),
    pressureGPa: numberOrNull(t.numbers.pressureGPa[i]!),
    pressureDirection: t.pressureDirection[i]!,
    gateVoltageV: numberOrNull(t.numbers.gateVoltageV[i]!),
    grade,
    isArtifact: (phase === "M1" || phase === "M2") && (grade === "POOR" || grade === "UNKNOWN"),
    uploadedAt: new Date(t.uploadedMs[i]!).toISOString(),
    quantity: t.quantityAt(i),
  };
}

interface Pass {
  groups: GroupRow[];
  /** rows shown (filters, switch, legend, values on both axes); when collected, at most maxPoints + 1 */
  shown: number[];
  /** rows that pass the filters, switch and legend with a drawable x value (boundaries are located along them) */
  along: number[];
  /** counts per panel and cell of the rows shown, when cells were asked for */
  cells: CellRow[];
  /** the pass stopped at the first row shown beyond maxPoints (stopBeyondLimit): nothing else is counted */
  stopped: boolean;
}

/**
 * One pass over the table: the counts by label, grade, engine, axis validity and stored quantity
 * of every row the filters match, and the rows shown. With `rows` (a sample axis of an aggregated
 * view) only rows of the planned samples count and their row number is the axis value; with
 * `axes`, the shown rows are counted per cell ((ix·ny + iy)·7 + legend)·2 + artifact.
 */
function pass(
  t: DiagramTable,
  query: TDiagramQuery,
  access: MemoryAccess,
  options: { collect: boolean; stopBeyondLimit?: boolean; rows?: RowPlan | null; axes?: { x: AxisCells; y: AxisCells } | null },
): Pass {
  const f = rowFilter(t, query, access);
  // the axis values of every row, as the column itself or computed once for the pass
  const rowIndex = options.rows ? rowIndexOf(t, options.rows) : null;
  const xs = query.x === "sample" && rowIndex ? rowIndex : axisValues(t, query.x, 1);
  const ys = query.y === "sample" && rowIndex ? rowIndex : axisValues(t, query.y, 2);
  const xLog = query.xScale === "log" && query.x !== "sample" && query.x !== "stage";
  const yLog = query.yScale === "log" && query.y !== "sample" && query.y !== "stage";
  const xDrawableLog = !AXES[query.x].isOrdinal && query.xScale === "log";
  const hiddenByKey = Array.from({ length: 11 }, (_, lk) => query.hidePhases.includes(phaseKeyOfRow({ lk })));
  const wellFilteredOnly = query.wellFilteredOnly;
  // the shown rows (and those along x) are collected while the view can still be drawn point by point
  let collect = options.collect;
  const wantAlong = collect && wantsAlongX(query);
  const cellOf = options.axes ? cellIndexer(options.axes) : null;
  const facetCodes = query.facetBy === "lab" ? t.labCodes : query.facetBy === "material" ? t.materialCodes : null;
  const facetColumn = query.facetBy === "lab" ? t.labCode : query.facetBy === "material" ? t.materialCode : null;
  // a shown row's panel and cell: (facet · cells + cell) · 14 + legend · 2 + artifact
  const cellSpace = options.axes ? options.axes.x.n * options.axes.y.n : 0;
  const { sampleCode, labCode, materialCode, isCurrent, engineCode, quantityCode, labelKey, gradeKey, uploadedMs } = t;
  const confidence = t.numbers.confidence;

  // one counter per (engine, quantity, label key, grade key, validity)
  const quantityCount = Math.max(1, t.quantityCodes.size);
  const groupCounts = new Int32Array(Math.max(1, t.engineCodes.size) * quantityCount * 11 * 4 * 2);
  const cellCounts = new Map<number, number>();
  const shown: number[] = [];
  const along: number[] = [];
  for (let i = 0; i < t.size; i++) {
    if (!readable(t, f, i)) continue;
    if (f.currentOnly ? !isCurrent[i] : engineCode[i] !== f.engine) continue;
    if (f.labIds && f.labIds[labCode[i]!] !== 1) continue;
    if (f.materials && f.materials[materialCode[i]!] !== 1) continue;
    if (f.sampleIds && f.sampleIds[sampleCode[i]!] !== 1) continue;
    if ((f.minConfidence > 0 && !(confidence[i]! >= f.minConfidence)) || uploadedMs[i]! < f.from || uploadedMs[i]! >= f.to) continue;
    const gk = gradeKey[i]!;
    if (!f.gradeAllowed[gk]) continue;
    if (rowIndex && Number.isNaN(rowIndex[i]!)) continue;
    const x = xs[i]!;
    const y = ys[i]!;
    const valid = (xLog ? x > 0 : x === x) && (yLog ? y > 0 : y === y);
    const lk = labelKey[i]!;
    groupCounts[((((engineCode[i]! * quantityCount + quantityCode[i]!) * 11 + lk) * 4 + gk) << 1) | (valid ? 1 : 0)]!++;
    if ((wellFilteredOnly && gk !== 0) || hiddenByKey[lk]) continue;
    if (collect && wantAlong && Number.isFinite(x) && (!xDrawableLog || x > 0)) along.push(i);
    if (!valid) continue;
    if (collect) {
      shown.push(i);
      if (shown.length > query.maxPoints) {
        if (options.stopBeyondLimit) return { groups: [], shown, along, cells: [], stopped: true };
        collect = false;
      }
    }
    if (cellOf) {
      const phase = lk % 5;
      const cell = (((facetColumn ? facetColumn[i]! : 0) * cellSpace + cellOf(x, y)) * 7 + (lk === NONE_KEY ? 6 : Math.min(lk, 5))) * 2 + ((phase === 1 || phase === 2) && gk >= 2 ? 1 : 0);
      cellCounts.set(cell, (cellCounts.get(cell) ?? 0) + 1);
    }
  }

  const groups: GroupRow[] = [];
  groupCounts.forEach((n, key) => {
    if (n === 0) return;
    let rest = key >> 1;
    const gk = rest % 4;
    rest = Math.floor(rest / 4);
    const lk = rest % 11;
    rest = Math.floor(rest / 11);
    groups.push({ lk, gk, engine: t.engineCodes.values[Math.floor(rest / quantityCount)]!, q: t.quantityCodes.values[rest % quantityCount] as GroupRow["q"], valid: (key & 1) === 1, n });
  });
  const cells: CellRow[] = [];
  if (options.axes) {
    const ny = options.axes.y.n;
    for (const [key, n] of cellCounts) {
      const panelCell = Math.floor(key / 14);
      const xy = panelCell % cellSpace;
      const facet = facetCodes ? facetCodes.values[Math.floor(panelCell / cellSpace)]! : null;
      cells.push({ facet, ix: Math.floor(xy / ny), iy: xy % ny, phaseKey: PHASE_KEYS[Math.floor(key / 2) % 7]!, isArtifact: key % 2 === 1, n });
    }
  }
  return { groups, shown, along, cells, stopped: false };
}

/** An axis's value on every row: the column itself when the axis is one, else computed into the table's buffer `slot`. */
function axisValues(t: DiagramTable, key: TAxisKey, slot: number): ArrayLike<number> {
  const column = plainColumn(key);
  if (column) return t.numbers[column];
  const out = t.buffer(slot);
  if (key === "sample") return out.fill(0, 0, t.size);
  const value = axisColumns(t, key).value;
  for (let i = 0; i < t.size; i++) out[i] = value(i);
  return out;
}

/** The number of each row's sample in the plan of sample rows (NaN for rows of other samples, which do not count). */
function rowIndexOf(t: DiagramTable, plan: RowPlan): Float64Array {
  const bySample = new Float64Array(t.sampleCodes.size).fill(Number.NaN);
  plan.sampleIds.forEach((id, k) => {
    const code = t.sampleCodes.find(id);
    if (code >= 0) bySample[code] = plan.rows[k]!;
  });
  const out = t.buffer(0);
  for (let i = 0; i < t.size; i++) out[i] = bySample[t.sampleCode[i]!]!;
  return out;
}

/** The cell index ix·ny + iy of a point (the twin of cellSql). */
function cellIndexer(axes: { x: AxisCells; y: AxisCells }): (x: number, y: number) => number {
  const index = (c: AxisCells) => {
    const f = c.scale === "log" ? Math.log : (v: number) => v;
    const lo = f(c.lo);
    const span = f(c.hi) - lo;
    return (v: number) => Math.min(c.n - 1, Math.max(0, Math.floor(((f(v) - lo) / span) * c.n)));
  };
  const ix = index(axes.x);
  const iy = index(axes.y);
  const ny = axes.y.n;
  return (x, y) => ix(x) * ny + iy(y);
}

/** The points view of a query (what loadPointsView reads from the database). */
export async function memoryPointsView(db: Db, t: DiagramTable, query: TDiagramQuery, access: MemoryAccess, options: { orAggregated?: boolean } = {}): Promise<PointsView> {
  // the lineage is looked up first: from the pass on, the table is read without a pause (a later pull changes it)
  const lineage = wantsAlongX(query) && query.x === "stage" ? await lineageRoots(db) : null;
  const { groups, shown, along, stopped } = pass(t, query, access, { collect: true, stopBeyondLimit: options.orAggregated });
  if (stopped) return { groups: [], points: [], boundaries: null, aggregated: true };
  if (shown.length > query.maxPoints) return { groups, points: [], boundaries: null };
  const x = axisColumns(t, query.x);
  const y = axisColumns(t, query.y);
  const nan = () => Number.NaN;
  const xErr = x.error ?? nan;
  const yErr = y.error ?? nan;
  const points = shown.map((i) => pointAt(t, i, x.value(i), y.value(i), xErr(i), yErr(i))).sort(comparePoints);
  if (!wantsAlongX(query)) return { groups, points, boundaries: null };
  return { groups, points, boundaries: boundariesAlongSeries(t, query.x as SeriesAxis, along, x.value, lineage) };
}

/** The root of the lineage of every sample that is not its own root (the film followed across anneal stages). */
async function lineageRoots(db: Db): Promise<Map<string, string>> {
  const samples = await sqlRows<{ id: string; root: string }>(db, `SELECT "id", "lineageRootId" AS "root" FROM "Sample" WHERE "lineageRootId" <> "id"`);
  return new Map(samples.map((s) => [s.id, s.root]));
}

/** The counts and cells of an aggregated view (what loadCountsAndCells reads from the database). */
export function memoryCountsAndCells(t: DiagramTable, query: TDiagramQuery, access: MemoryAccess, axes: { x: AxisCells; y: AxisCells }, rows: RowPlan | null): { groups: GroupRow[]; cells: CellRow[] } {
  const { groups, cells } = pass(t, query, access, { collect: false, axes, rows });
  return { groups, cells };
}

/**
 * What the diagram's filters can choose from (what listDiagramFilterOptions counts in the
 * database): the current fits the scope may read, per sample, and every fit it may read, per
 * engine version (newest version first, by text), with whether any of them is current.
 */
export function memoryFilterCounts(t: DiagramTable, access: MemoryAccess): { samples: { sample_id: string; n: number }[]; engines: { version: string; n: number; is_current: boolean }[] } {
  const f = accessFlags(t, access);
  const perSample = new Int32Array(t.sampleCodes.size);
  const perEngine = new Int32Array(t.engineCodes.size);
  const current = new Uint8Array(t.engineCodes.size);
  for (let i = 0; i < t.size; i++) {
    if (!readable(t, f, i)) continue;
    const e = t.engineCode[i]!;
    perEngine[e]!++;
    if (t.isCurrent[i]) {
      current[e] = 1;
      perSample[t.sampleCode[i]!]!++;
    }
  }
  const samples: { sample_id: string; n: number }[] = [];
  perSample.forEach((n, code) => {
    if (n > 0) samples.push({ sample_id: t.sampleCodes.values[code]!, n });
  });
  const engines: { version: string; n: number; is_current: boolean }[] = [];
  perEngine.forEach((n, code) => {
    if (n > 0) engines.push({ version: t.engineCodes.values[code]!, n, is_current: current[code] === 1 });
  });
  engines.sort((a, b) => (a.version < b.version ? 1 : a.version > b.version ? -1 : 0));
  return { samples, engines };
}

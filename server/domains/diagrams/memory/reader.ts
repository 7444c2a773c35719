/**
 * The rows of a diagram view read from the in-memory table (./table.ts) instead of the database:
 * the same groups, points, boundaries and cells as the statements of ../service.ts
 * (loadPointsView, loadCountsAndCells), each of which is the twin of a clause of ../sql.ts. An int
 * test compares the two readers view by view.
 */
import type { Db } from "~/server/db";
import { memberLabIds, type AccessScope } from "~/server/domains/access/service";
import type { TPhase } from "~/server/domains/curves/schemas";
import { AXES, type TAxisKey } from "../axes";
import { seriesKeyWith, type AlongBoundary, type TBasePoint } from "../geometry";
import { PHASE_KEYS, type TDiagramQuery } from "../schemas";
import { comparePoints, NO_LABEL_KEY, phaseKeyOfRow, wantsAlongX, type AxisCells, type CellRow, type GroupRow, type PointsView, type RowPlan } from "../view-rows";
import type { DiagramTable } from "./table";

/** What a scope may read: public rows, its labs' own, and shared samples listed for its labs. */
export interface MemoryAccess {
  labs: ReadonlySet<string>;
  shared: ReadonlySet<string>;
}

export async function memoryAccess(db: Db, scope: AccessScope): Promise<MemoryAccess> {
  const labs = memberLabIds(scope);
  if (labs.length === 0) return { labs: new Set(), shared: new Set() };
  const shares = await db.sampleShare.findMany({ where: { labId: { in: labs } }, select: { sampleId: true } });
  return { labs: new Set(labs), shared: new Set(shares.map((s) => s.sampleId)) };
}

const DAY_MS = 86_400_000;
const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * The filters of the query and access (the twin of filterSql), as the few values the pass over
 * every row compares: set filters are null when not asked for.
 */
function rowFilter(t: DiagramTable, query: TDiagramQuery, access: MemoryAccess) {
  const setOrNull = (values: readonly string[]) => (values.length > 0 ? new Set(values) : null);
  const gradeAllowed = [true, true, true, true];
  if (query.grades.length > 0) GRADE_KEYS.forEach((grade, gk) => (gradeAllowed[gk] = (query.grades as readonly string[]).includes(grade)));
  return {
    member: access.labs.size > 0,
    labs: access.labs,
    shared: access.shared,
    currentOnly: query.engine === "current",
    /** the code of the engine version asked for (-1: none of the rows has it) */
    engine: query.engine === "current" ? -1 : t.engines.indexOf(query.engine),
    labIds: setOrNull(query.labIds),
    materials: setOrNull(query.materials),
    sampleIds: setOrNull(query.sampleIds),
    minConfidence: query.minConfidence,
    from: query.uploadedFrom ? dayStart(query.uploadedFrom) : Number.NEGATIVE_INFINITY,
    to: query.uploadedTo ? dayStart(query.uploadedTo) + DAY_MS : Number.POSITIVE_INFINITY,
    gradeAllowed,
  };
}

/** filtering grades by gradeKey (migration diagram_point_label_keys: no setup counts as UNKNOWN) */
const GRADE_KEYS = ["GOOD", "MODERATE", "POOR", "UNKNOWN"] as const;

/** Whether the displayed label of row i is S or M1 (labelKey: the label, + 5 when inconclusive, 10 for none). */
const scSide = (t: DiagramTable, i: number) => t.labelKey[i] !== NO_LABEL_KEY && t.labelKey[i]! % 5 <= 1;
const isM2 = (t: DiagramTable, i: number) => t.labelKey[i] !== NO_LABEL_KEY && t.labelKey[i]! % 5 === 2;
const inverse = (v: number) => (v > 0 ? 1 / v : Number.NaN);
const inverseError = (v: number, e: number) => (v > 0 ? e / (v * v) : Number.NaN);

type Column = (i: number) => number;

/** Value and uncertainty of an axis on row i, NaN when there is none (the twin of AXIS_SQL). */
function axisColumns(t: DiagramTable, key: TAxisKey): { value: Column; error: Column | null } {
  const n = t.numbers;
  const plain = (v: readonly number[], e: readonly number[] | null = null) => ({ value: (i: number) => v[i]!, error: e ? (i: number) => e[i]! : null });
  switch (key) {
    case "H":
      return plain(n.fieldOe);
    case "P":
      return plain(n.pressureGPa);
    case "stage":
      return plain(n.stageIndex);
    case "gate":
      return plain(n.gateVoltageV);
    case "thickness":
      return plain(n.thicknessNm);
    case "sample":
      return { value: () => 0, error: null };
    case "R300":
      return plain(n.r300KOhm, n.r300KOhmErr);
    case "Tc90":
      return plain(n.tc90K, n.tc90KErr);
    case "rhoQF":
      return plain(n.rhoQfOhm, n.rhoQfOhmErr);
    case "sigmaQF":
      return plain(n.sigmaQfS, n.sigmaQfSErr);
    case "sigmaQFinv":
      return { value: (i) => inverse(n.sigmaQfS[i]!), error: (i) => inverseError(n.sigmaQfS[i]!, n.sigmaQfSErr[i]!) };
    case "Rsat":
      // insulators do not saturate: their σ_QF is zero within errors and 1/σ_QF means nothing
      return {
        value: (i) => (scSide(t, i) ? n.rhoQfOhm[i]! : isM2(t, i) ? inverse(n.sigmaQfS[i]!) : Number.NaN),
        error: (i) => (scSide(t, i) ? n.rhoQfOhmErr[i]! : isM2(t, i) ? inverseError(n.sigmaQfS[i]!, n.sigmaQfSErr[i]!) : Number.NaN),
      };
    case "EaS":
      return plain(n.eaSK, n.eaSKErr);
    case "EaI":
      return plain(n.eaIK, n.eaIKErr);
    case "Ea":
      return { value: (i) => (scSide(t, i) ? n.eaSK[i]! : n.eaIK[i]!), error: (i) => (scSide(t, i) ? n.eaSKErr[i]! : n.eaIKErr[i]!) };
    case "arrT0":
      return plain(n.arrheniusT0K, n.arrheniusT0KErr);
    case "hopT0":
      return plain(n.hoppingT0K, n.hoppingT0KErr);
    case "hopP":
      return plain(n.hoppingP, n.hoppingPErr);
    case "wlG0":
      return plain(n.wlG0S, n.wlG0SErr);
    case "wlA":
      return plain(n.wlAS, n.wlASErr);
    case "ratio350":
      return plain(n.ratio350mK300K, n.ratio350mK300KErr);
  }
}

const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);
const numberOrNull = (v: number): number | null => (Number.isNaN(v) ? null : v);

/** Row i as a diagram point (the twin of the columns loadPointsView selects). */
function pointAt(t: DiagramTable, i: number, x: number, y: number, xErr: number, yErr: number): TBasePoint {
  const override = t.overridePhase[i] ?? null;
  const phase: TPhase = override ?? t.phase[i]!;
  const grade = t.filteringGrade[i] ?? "UNKNOWN";
  return {
    fitId: t.fitId[i]!,
    curveId: t.curveId[i]!,
    sampleId: t.sampleId[i]!,
    labId: t.labId[i]!,
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
    engineVersion: t.engineVersion[i]!,
    fieldOe: numberOrNull(t.numbers.fieldOe[i]!),
    pressureGPa: numberOrNull(t.numbers.pressureGPa[i]!),
    pressureDirection: t.pressureDirection[i]!,
    gateVoltageV: numberOrNull(t.numbers.gateVoltageV[i]!),
    grade,
    isArtifact: (phase === "M1" || phase === "M2") && (grade === "POOR" || grade === "UNKNOWN"),
    uploadedAt: new Date(t.uploadedMs[i]!).toISOString(),
    quantity: t.quantity[i]!,
  };
}

interface Pass {
  groups: GroupRow[];
  /** rows shown (filters, switch, legend, values on both axes) */
  shown: number[];
  /** rows that pass the filters, switch and legend with a drawable x value (boundaries are located along them) */
  along: number[];
  /** counts per panel and cell of the rows shown, when cells were asked for */
  cells: CellRow[];
}

/**
 * One pass over the table: the counts by label, grade, engine, axis validity and stored quantity
 * of every row the filters match, and the rows shown. With `rows` (a sample axis of an aggregated
 * view) only rows of the planned samples count and their row number is the axis value; with
 * `axes`, the shown rows are counted per cell ((ix·ny + iy)·7 + legend)·2 + artifact.
 */
function pass(t: DiagramTable, query: TDiagramQuery, access: MemoryAccess, options: { rows?: RowPlan | null; axes?: { x: AxisCells; y: AxisCells } | null } = {}): Pass {
  const f = rowFilter(t, query, access);
  const rowOf = options.rows ? new Map(options.rows.sampleIds.map((id, k) => [id, options.rows!.rows[k]!])) : null;
  const xv = axisColumns(t, query.x).value;
  const yv = axisColumns(t, query.y).value;
  const xOf: Column = query.x === "sample" && rowOf ? (i) => rowOf.get(t.sampleId[i]!)! : xv;
  const yOf: Column = query.y === "sample" && rowOf ? (i) => rowOf.get(t.sampleId[i]!)! : yv;
  const xLog = query.xScale === "log" && query.x !== "sample" && query.x !== "stage";
  const yLog = query.yScale === "log" && query.y !== "sample" && query.y !== "stage";
  const xDrawableLog = !AXES[query.x].isOrdinal && query.xScale === "log";
  const hiddenByKey = Array.from({ length: NO_LABEL_KEY + 1 }, (_, lk) => query.hidePhases.includes(phaseKeyOfRow({ lk })));
  const wellFilteredOnly = query.wellFilteredOnly;
  const wantAlong = wantsAlongX(query);
  const cellOf = options.axes ? cellIndexer(options.axes) : null;
  const facetColumn = query.facetBy === "lab" ? t.labId : query.facetBy === "material" ? t.material : null;
  const { sampleId, labId, material, visibilityCode, isCurrent, engineCode, quantityCode, labelKey, gradeKey, uploadedMs } = t;
  const confidence = t.numbers.confidence;

  // one counter per (engine, quantity, label key, grade key, validity)
  const quantityCount = Math.max(1, t.quantities.length);
  const groupCounts = new Int32Array(Math.max(1, t.engines.length) * quantityCount * 11 * 4 * 2);
  const cellCounts = new Map<string, Map<number, number>>();
  const shown: number[] = [];
  const along: number[] = [];
  for (let i = 0; i < t.size; i++) {
    const visibility = visibilityCode[i]!;
    if (visibility !== 0 && !(f.member && (f.labs.has(labId[i]!) || (visibility === 1 && f.shared.has(sampleId[i]!))))) continue;
    if (f.currentOnly ? !isCurrent[i] : engineCode[i] !== f.engine) continue;
    if (f.labIds && !f.labIds.has(labId[i]!)) continue;
    if (f.materials && !f.materials.has(material[i]!)) continue;
    if (f.sampleIds && !f.sampleIds.has(sampleId[i]!)) continue;
    if ((f.minConfidence > 0 && !(confidence[i]! >= f.minConfidence)) || uploadedMs[i]! < f.from || uploadedMs[i]! >= f.to) continue;
    const gk = gradeKey[i]!;
    if (!f.gradeAllowed[gk]) continue;
    if (rowOf && !rowOf.has(sampleId[i]!)) continue;
    const x = xOf(i);
    const y = yOf(i);
    const valid = (xLog ? x > 0 : x === x) && (yLog ? y > 0 : y === y);
    const lk = labelKey[i]!;
    groupCounts[((((engineCode[i]! * quantityCount + quantityCode[i]!) * 11 + lk) * 4 + gk) << 1) | (valid ? 1 : 0)]!++;
    if ((wellFilteredOnly && gk !== 0) || hiddenByKey[lk]) continue;
    if (wantAlong && Number.isFinite(x) && (!xDrawableLog || x > 0)) along.push(i);
    if (!valid) continue;
    shown.push(i);
    if (cellOf) {
      const facet = facetColumn ? facetColumn[i]! : "";
      let counts = cellCounts.get(facet);
      if (!counts) cellCounts.set(facet, (counts = new Map()));
      const phase = lk % 5;
      const cell = (cellOf(x, y) * 7 + (lk === NO_LABEL_KEY ? 6 : Math.min(lk, 5))) * 2 + ((phase === 1 || phase === 2) && gk >= 2 ? 1 : 0);
      counts.set(cell, (counts.get(cell) ?? 0) + 1);
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
    groups.push({ lk, gk, engine: t.engines[Math.floor(rest / quantityCount)]!, q: t.quantities[rest % quantityCount]!, valid: (key & 1) === 1, n });
  });
  const cells: CellRow[] = [];
  if (options.axes) {
    const ny = options.axes.y.n;
    for (const [facet, counts] of cellCounts) {
      for (const [cell, n] of counts) {
        const xy = Math.floor(cell / 14);
        cells.push({ facet: facetColumn ? facet : null, ix: Math.floor(xy / ny), iy: xy % ny, phaseKey: PHASE_KEYS[Math.floor(cell / 2) % 7]!, isArtifact: cell % 2 === 1, n });
      }
    }
  }
  return { groups, shown, along, cells };
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

interface AlongRow {
  key: string;
  x: number;
  sampleId: string;
  fitId: string;
  phase: TPhase;
  inconclusive: boolean;
}

/**
 * Where the label changes along every series (the twin of the window functions of
 * loadPointsView): consecutive decided curves in (x, sample, fit) order with different labels,
 * and how many inconclusive curves lie between them.
 */
function boundariesAlongSeries(rows: AlongRow[]): Map<string, AlongBoundary[]> {
  const bySeries = new Map<string, AlongRow[]>();
  for (const r of rows) {
    const list = bySeries.get(r.key);
    if (list) list.push(r);
    else bySeries.set(r.key, [r]);
  }
  const out = new Map<string, AlongBoundary[]>();
  for (const [key, list] of bySeries) {
    list.sort((a, b) => a.x - b.x || (a.sampleId < b.sampleId ? -1 : a.sampleId > b.sampleId ? 1 : a.fitId < b.fitId ? -1 : a.fitId > b.fitId ? 1 : 0));
    let last: AlongRow | null = null;
    let undecided = 0;
    const found: AlongBoundary[] = [];
    for (const r of list) {
      if (r.inconclusive) {
        if (last) undecided++;
        continue;
      }
      if (last && last.phase !== r.phase) found.push({ from: last.phase, to: r.phase, xLow: last.x, xHigh: r.x, undecidedBetween: undecided });
      last = r;
      undecided = 0;
    }
    if (found.length > 0) out.set(key, found.sort((a, b) => a.xLow - b.xLow || a.xHigh - b.xHigh));
  }
  return out;
}

/** The points view of a query (what loadPointsView reads from the database). */
export async function memoryPointsView(db: Db, t: DiagramTable, query: TDiagramQuery, access: MemoryAccess): Promise<PointsView> {
  const { groups, shown, along } = pass(t, query, access);
  if (shown.length > query.maxPoints) return { groups, points: [], boundaries: null };
  const x = axisColumns(t, query.x);
  const y = axisColumns(t, query.y);
  const nan = () => Number.NaN;
  const xErr = x.error ?? nan;
  const yErr = y.error ?? nan;
  const points = shown.map((i) => pointAt(t, i, x.value(i), y.value(i), xErr(i), yErr(i))).sort(comparePoints);
  if (!wantsAlongX(query)) return { groups, points, boundaries: null };
  // read everything from the table before the lineage lookup (a later pull changes the table)
  const rows = along.map((i) => ({
    i,
    sampleId: t.sampleId[i]!,
    conditions: {
      setupId: t.setupId[i] ?? null,
      fieldOe: numberOrNull(t.numbers.fieldOe[i]!),
      pressureGPa: numberOrNull(t.numbers.pressureGPa[i]!),
      pressureDirection: t.pressureDirection[i]!,
      gateVoltageV: numberOrNull(t.numbers.gateVoltageV[i]!),
    },
    row: { x: x.value(i), sampleId: t.sampleId[i]!, fitId: t.fitId[i]!, phase: t.overridePhase[i] ?? t.phase[i]!, inconclusive: (t.overridePhase[i] ?? null) === null && t.inconclusive[i]! },
  }));
  const lineage = query.x === "stage" ? await lineageRoots(db, new Set(rows.map((r) => r.sampleId))) : null;
  const keyed = rows.map((r) => ({ ...r.row, key: seriesKeyWith(r.conditions, query.x, lineage?.get(r.sampleId) ?? r.sampleId) }));
  return { groups, points, boundaries: boundariesAlongSeries(keyed) };
}

/** The root of each sample's lineage (the film followed across anneal stages). */
async function lineageRoots(db: Db, sampleIds: Set<string>): Promise<Map<string, string>> {
  if (sampleIds.size === 0) return new Map();
  const samples = await db.sample.findMany({ where: { id: { in: [...sampleIds] } }, select: { id: true, lineageRootId: true } });
  return new Map(samples.map((s) => [s.id, s.lineageRootId ?? s.id]));
}

/** The counts and cells of an aggregated view (what loadCountsAndCells reads from the database). */
export function memoryCountsAndCells(t: DiagramTable, query: TDiagramQuery, access: MemoryAccess, axes: { x: AxisCells; y: AxisCells }, rows: RowPlan | null): { groups: GroupRow[]; cells: CellRow[] } {
  const { groups, cells } = pass(t, query, access, { axes, rows });
  return { groups, cells };
}

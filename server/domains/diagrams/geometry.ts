/**
 * Geometry of a phase diagram, computed from points alone (no database): sample rows and stage
 * ticks, series along the tuning parameter, the phase boundaries along each series, facets,
 * colour groups, the data domain and, for large sets, cells that aggregate the points.
 * Used by the live diagram and by permalinks, which store only the points.
 */
import { AXES, axisTitle, axisUnit, isSeriesAxis, type TAxisKey, type TStoredQuantity } from "./axes";
import {
  PHASE_KEYS,
  type TAxisInfo,
  type TBin,
  type TBoundary,
  type TDiagramDto,
  type TDiagramPoint,
  type TDiagramQuery,
  type TGroup,
  type TPhaseKey,
  type TProvenance,
  type TSeries,
} from "./schemas";

/** A point as stored: the facts, without the keys derived from the view. */
export type TBasePoint = Omit<TDiagramPoint, "seriesKey" | "facetKey" | "colorKey">;

export function phaseKeyOf(point: Pick<TDiagramPoint, "phase" | "inconclusive">): TPhaseKey {
  return point.phase === "NONE" ? "NONE" : point.inconclusive ? "inconclusive" : point.phase;
}

/** Short number for labels: three significant digits, no trailing zeros. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return "0";
  const abs = Math.abs(value);
  if (abs >= 1e5 || abs < 1e-3) return value.toExponential(2).replace(/\.?0+e/, "e");
  return String(+value.toPrecision(3));
}

const round = (value: number | null, step: number): string => (value === null ? "-" : String(Math.round(value / step) * step));

/** Points of one series share everything but the tuning parameter on the x axis. */
export function seriesKeyOf(point: TBasePoint, xKey: TAxisKey, provenance: TProvenance): string {
  if (!isSeriesAxis(xKey)) return [point.sampleId, point.setupId ?? "-", point.pressureDirection].join("|");
  return seriesKeyWith(point, xKey, xKey === "stage" ? (provenance.samples[point.sampleId]?.lineageRootId ?? point.sampleId) : point.sampleId);
}

/** The conditions a series shares: everything a point's series key is made of. */
export type SeriesConditions = Pick<TBasePoint, "setupId" | "fieldOe" | "pressureGPa" | "pressureDirection" | "gateVoltageV">;

/**
 * The key of a series along a tuning parameter `xKey`, from the conditions of any of its points and
 * the film it follows (the sample; on the anneal-stage axis, the root of the sample's lineage).
 */
export function seriesKeyWith(point: SeriesConditions, xKey: TAxisKey, film: string): string {
  const parts = [film, point.setupId ?? "-"];
  if (xKey !== "H") parts.push(`H${round(point.fieldOe, 1)}`);
  if (xKey !== "P") parts.push(`P${round(point.pressureGPa, 0.01)}`);
  else parts.push(point.pressureDirection);
  if (xKey !== "gate") parts.push(`V${round(point.gateVoltageV, 0.001)}`);
  return parts.join("|");
}

export function facetKeyOf(point: TBasePoint, facetBy: TDiagramQuery["facetBy"], provenance: TProvenance): string {
  if (facetBy === "lab") return point.labId;
  if (facetBy === "material") return provenance.samples[point.sampleId]?.material ?? "?";
  return "all";
}

export function colorKeyOf(point: TBasePoint, colorBy: TDiagramQuery["colorBy"], provenance: TProvenance): string {
  if (colorBy === "lab") return point.labId;
  if (colorBy === "material") return provenance.samples[point.sampleId]?.material ?? "?";
  if (colorBy === "sample") return point.sampleId;
  return phaseKeyOf(point);
}

function groupLabel(key: string, by: "lab" | "material" | "sample" | "phase" | "none", provenance: TProvenance): string {
  if (by === "lab") return provenance.labs[key]?.name ?? key;
  if (by === "sample") return provenance.samples[key]?.name ?? key;
  if (by === "phase") return key === "inconclusive" ? "inconclusive" : key;
  if (by === "none") return "All data";
  return key;
}

/** A key that sorts like a person reads: case-insensitive, numbers compared as numbers ("Film 9" < "Film 10"). */
export function naturalKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, "").padStart(12, "0"));
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sortKeys = new WeakMap<TProvenance, Map<string, string>>();

/** The reading-order key of a sample: lab, sample name, anneal stage, id (cached per provenance). */
function sampleKey(id: string, provenance: TProvenance): string {
  let keys = sortKeys.get(provenance);
  if (!keys) sortKeys.set(provenance, (keys = new Map()));
  let key = keys.get(id);
  if (key === undefined) {
    const s = provenance.samples[id];
    key = s ? `${naturalKey(provenance.labs[s.labId]?.name ?? s.labId)}\u0000${naturalKey(s.name)}\u0000${String(s.stageIndex).padStart(6, "0")}\u0000${id}` : `\uffff${id}`;
    keys.set(id, key);
  }
  return key;
}

/** Samples in reading order: lab, sample name (numbers compared as numbers), anneal stage. */
export function compareSamples(a: string, b: string, provenance: TProvenance): number {
  return compareText(sampleKey(a, provenance), sampleKey(b, provenance));
}

interface Ticks {
  ticks: { value: number; label: string }[];
  facetTicks?: Record<string, { value: number; label: string }[]>;
  valueOf: (point: TBasePoint) => number;
}

/** One row per sample (per facet, rows counted from 0 at the top of the list). */
function sampleRows(points: readonly TBasePoint[], facetOf: (p: TBasePoint) => string, provenance: TProvenance): Ticks {
  const byFacet = new Map<string, Set<string>>();
  for (const p of points) {
    const facet = facetOf(p);
    if (!byFacet.has(facet)) byFacet.set(facet, new Set());
    byFacet.get(facet)!.add(p.sampleId);
  }
  const row = new Map<string, number>();
  const ticks = new Map<number, string[]>();
  const facetTicks: Record<string, { value: number; label: string }[]> = {};
  for (const [facet, ids] of byFacet) {
    const ordered = [...ids].sort((a, b) => compareSamples(a, b, provenance));
    facetTicks[facet] = [];
    ordered.forEach((id, i) => {
      row.set(`${facet}\u0000${id}`, i);
      const name = provenance.samples[id]?.name ?? id;
      facetTicks[facet]!.push({ value: i, label: name });
      const names = ticks.get(i) ?? [];
      if (!names.includes(name)) names.push(name);
      ticks.set(i, names);
    });
  }
  return {
    facetTicks,
    ticks: [...ticks.entries()].sort((a, b) => a[0] - b[0]).map(([value, names]) => ({ value, label: names.join(" / ") })),
    valueOf: (p) => row.get(`${facetOf(p)}\u0000${p.sampleId}`) ?? 0,
  };
}

function stageTicks(points: readonly TBasePoint[], provenance: TProvenance): Ticks {
  const names = new Map<number, Set<string>>();
  for (const p of points) {
    const s = provenance.samples[p.sampleId];
    if (!s) continue;
    if (!names.has(s.stageIndex)) names.set(s.stageIndex, new Set());
    names.get(s.stageIndex)!.add(s.annealStage);
  }
  return {
    ticks: [...names.entries()].sort((a, b) => a[0] - b[0]).map(([value, set]) => ({ value, label: [...set].sort().join(" / ") })),
    valueOf: (p) => provenance.samples[p.sampleId]?.stageIndex ?? 0,
  };
}

export function axisInfo(key: TAxisKey, scale: "linear" | "log", ticks: TAxisInfo["ticks"], facetTicks: TAxisInfo["facetTicks"] = null, quantities: Iterable<TStoredQuantity> = []): TAxisInfo {
  const def = AXES[key];
  const unit = axisUnit(key, quantities);
  // ordinal axes are always linear: their positions are row numbers
  return { key, label: def.label, unit, title: axisTitle(key, unit), scale: def.isOrdinal ? "linear" : scale, ticks, facetTicks };
}

/** What the points store (sheet resistance, resistance, resistivity), for the units of the axes. */
export function quantitiesOf(points: readonly Pick<TBasePoint, "quantity">[]): Set<TStoredQuantity> {
  const out = new Set<TStoredQuantity>();
  for (const p of points) if (p.quantity) out.add(p.quantity);
  return out;
}

/** Geometric middle on a log axis, arithmetic otherwise. */
export function middle(a: number, b: number, scale: "linear" | "log"): number {
  return scale === "log" && a > 0 && b > 0 ? Math.sqrt(a * b) : (a + b) / 2;
}

function seriesLabel(points: readonly TBasePoint[], xKey: TAxisKey, provenance: TProvenance, setupsPerSample: Map<string, number>): string {
  const p = points[0]!;
  const sample = provenance.samples[p.sampleId];
  const parts = [sample ? (xKey === "stage" ? sample.name.replace(/\s*[—-]\s*stage.*$/i, "") : sample.name) : p.sampleId];
  if (isSeriesAxis(xKey)) {
    if (xKey !== "H" && p.fieldOe !== null && p.fieldOe !== 0) parts.push(`H = ${formatValue(p.fieldOe)} Oe`);
    if (xKey !== "P" && p.pressureGPa !== null) parts.push(`P = ${formatValue(p.pressureGPa)} GPa`);
    if (xKey !== "gate" && p.gateVoltageV !== null) parts.push(`V_g = ${formatValue(p.gateVoltageV)} V`);
  }
  if (p.pressureDirection !== "UNKNOWN" && (xKey === "P" || p.pressureGPa !== null)) parts.push(p.pressureDirection.toLowerCase());
  if ((setupsPerSample.get(p.sampleId) ?? 0) > 1 && p.setupId) parts.push(provenance.setups[p.setupId]?.name ?? "setup");
  return parts.join(" · ");
}

/**
 * Boundaries along one series (points in increasing x): between two consecutive decided curves
 * with different labels the boundary lies in [x_a, x_b]; it is estimated at the middle.
 * Inconclusive curves decide nothing and only widen the interval they fall in.
 */
export function boundariesAlong(
  points: readonly Pick<TDiagramPoint, "x" | "y" | "phase" | "inconclusive">[],
  scale: "linear" | "log",
): Omit<TBoundary, "seriesKey" | "facetKey" | "label">[] {
  const out: Omit<TBoundary, "seriesKey" | "facetKey" | "label">[] = [];
  let last: (typeof points)[number] | null = null;
  let undecided = 0;
  for (const p of points) {
    if (p.inconclusive) {
      if (last) undecided++;
      continue;
    }
    if (last && last.phase !== p.phase) {
      out.push({
        from: last.phase,
        to: p.phase,
        x: middle(last.x, p.x, scale),
        xLow: last.x,
        xHigh: p.x,
        yLow: Math.min(last.y, p.y),
        yHigh: Math.max(last.y, p.y),
        undecidedBetween: undecided,
      });
    }
    last = p;
    undecided = 0;
  }
  return out;
}

const DIRECTION_RANK = { PRESSURIZING: 0, UNKNOWN: 1, DEPRESSURIZING: 2 } as const;

export interface AssembleOptions {
  query: TDiagramQuery;
  provenance: TProvenance;
  /**
   * Every curve with a value on the x axis, drawn or not: boundaries are located along these, so
   * that they do not move when only the y axis changes (a curve with no value on y still shows
   * where the label changes). Defaults to the drawn points.
   */
  alongX?: readonly TBasePoint[];
  /**
   * The label changes along every curve of each series, located by the database (see
   * loadPointsView in ./service.ts), by series key: used instead of `alongX` when given.
   */
  alongBoundaries?: ReadonlyMap<string, readonly AlongBoundary[]>;
}

/** A label change along a series, located over every curve with a value on x. */
export type AlongBoundary = Pick<TBoundary, "from" | "to" | "xLow" | "xHigh" | "undecidedBetween">;

export interface Assembled {
  points: TDiagramPoint[];
  series: TSeries[];
  boundaries: TBoundary[];
  facets: TGroup[];
  colorGroups: TGroup[];
  xAxis: TAxisInfo;
  yAxis: TAxisInfo;
  domain: { x: [number, number]; y: [number, number] } | null;
  xDomainByFacet: Record<string, [number, number]>;
  yDomainByFacet: Record<string, [number, number]>;
  notes: string[];
}

function countGroups(keys: Iterable<string>, by: Parameters<typeof groupLabel>[1], provenance: TProvenance, order?: readonly string[]): TGroup[] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const groups = [...counts.entries()].map(([key, count]) => ({ key, label: groupLabel(key, by, provenance), count }));
  if (order) return groups.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  if (by === "sample") return groups.sort((a, b) => compareSamples(a.key, b.key, provenance));
  return groups.sort((a, b) => compareText(naturalKey(a.label), naturalKey(b.label)));
}

/** Padded extent of values in the scale of the axis; ordinal axes get half a step either side. */
export function axisDomain(values: Iterable<number>, scale: "linear" | "log", isOrdinal: boolean): [number, number] | null {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v) || (scale === "log" && v <= 0)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return null;
  if (isOrdinal) return [min - 0.5, max + 0.5];
  if (scale === "log") {
    const pad = min === max ? 2 : Math.pow(max / min, 0.04);
    return [min / pad, max * pad];
  }
  const pad = (max - min) * 0.04 || Math.abs(max) * 0.05 || 1;
  // a quantity with no negative value (a field, a pressure, a temperature) never gets a negative axis
  return [min >= 0 ? Math.max(0, min - pad) : min - pad, max + pad];
}

/** A new point with the view's keys (written out field by field: much cheaper than a spread for thousands of points). */
function withKeys(p: TBasePoint, x: number, y: number, seriesKey: string, facetKey: string, colorKey: string): TDiagramPoint {
  return {
    fitId: p.fitId,
    curveId: p.curveId,
    sampleId: p.sampleId,
    labId: p.labId,
    setupId: p.setupId,
    uploadId: p.uploadId,
    x,
    y,
    xErr: p.xErr,
    yErr: p.yErr,
    phase: p.phase,
    autoPhase: p.autoPhase,
    isOverride: p.isOverride,
    inconclusive: p.inconclusive,
    // absent from points frozen before engine 1.0
    ...(p.reasonCode !== undefined ? { reasonCode: p.reasonCode } : {}),
    confidence: p.confidence,
    engineVersion: p.engineVersion,
    fieldOe: p.fieldOe,
    pressureGPa: p.pressureGPa,
    pressureDirection: p.pressureDirection,
    gateVoltageV: p.gateVoltageV,
    grade: p.grade,
    isArtifact: p.isArtifact,
    uploadedAt: p.uploadedAt,
    ...(p.quantity ? { quantity: p.quantity } : {}),
    seriesKey,
    facetKey,
    colorKey,
  };
}

/** Everything the chart draws, from the points that passed the filters (hidden phases already removed). */
/**
 * Curves of a pressure study drawn on a field axis: in a sample measured at several pressures,
 * a curve whose series (same pressure, setup, gate) holds one field only, H = 0, was not part of
 * a field sweep; its zero is the default of the study, and all such curves would pile up at
 * H = 0. They are left out of a field axis (and counted in a note); P on the x axis shows them.
 */
export function zeroFieldPressureCurves(base: readonly TBasePoint[], query: Pick<TDiagramQuery, "x">, provenance: TProvenance): Set<string> {
  const out = new Set<string>();
  if (query.x !== "H") return out;
  const pressures = new Map<string, Set<number>>();
  const fields = new Map<string, Set<number>>();
  for (const p of base) {
    if (p.pressureGPa !== null) {
      const set = pressures.get(p.sampleId) ?? new Set<number>();
      set.add(Math.round(p.pressureGPa * 100));
      pressures.set(p.sampleId, set);
    }
    const key = seriesKeyOf(p, "H", provenance);
    const set = fields.get(key) ?? new Set<number>();
    set.add(p.fieldOe ?? 0);
    fields.set(key, set);
  }
  for (const p of base) {
    if ((pressures.get(p.sampleId)?.size ?? 0) < 2 || (p.fieldOe ?? 0) !== 0) continue;
    const inSeries = fields.get(seriesKeyOf(p, "H", provenance))!;
    if (inSeries.size === 1) out.add(p.fitId);
  }
  return out;
}

export function assembleDiagram(all: readonly TBasePoint[], { query, provenance, alongX, alongBoundaries }: AssembleOptions): Assembled {
  const pressureOnly = zeroFieldPressureCurves(all, query, provenance);
  const base = pressureOnly.size > 0 ? all.filter((p) => !pressureOnly.has(p.fitId)) : all;
  const facetOf = (p: TBasePoint) => facetKeyOf(p, query.facetBy, provenance);
  const tickers: Partial<Record<"x" | "y", Ticks>> = {};
  for (const axis of ["x", "y"] as const) {
    const key = query[axis];
    if (key === "sample") tickers[axis] = sampleRows(base, facetOf, provenance);
    else if (key === "stage") tickers[axis] = stageTicks(base, provenance);
  }
  const points: TDiagramPoint[] = base.map((p) => withKeys(p, tickers.x ? tickers.x.valueOf(p) : p.x, tickers.y ? tickers.y.valueOf(p) : p.y, seriesKeyOf(p, query.x, provenance), facetOf(p), colorKeyOf(p, query.colorBy, provenance)));

  // series: points sharing everything but x, in increasing x
  const bySeries = new Map<string, number[]>();
  points.forEach((p, i) => {
    const list = bySeries.get(p.seriesKey);
    if (list) list.push(i);
    else bySeries.set(p.seriesKey, [i]);
  });
  const setupsPerSample = new Map<string, number>();
  {
    const seen = new Map<string, Set<string>>();
    for (const p of points) {
      if (!seen.has(p.sampleId)) seen.set(p.sampleId, new Set());
      seen.get(p.sampleId)!.add(p.setupId ?? "-");
    }
    for (const [id, set] of seen) setupsPerSample.set(id, set.size);
  }
  const series: TSeries[] = [...bySeries.entries()].map(([key, idx]) => {
    idx.sort((a, b) => points[a]!.x - points[b]!.x || compareText(points[a]!.uploadedAt, points[b]!.uploadedAt));
    const first = points[idx[0]!]!;
    return {
      key,
      label: seriesLabel(idx.map((i) => points[i]!), query.x, provenance, setupsPerSample),
      sampleId: first.sampleId,
      facetKey: first.facetKey,
      colorKey: first.colorKey,
      points: idx,
    };
  });
  const directionRank = (s: TSeries) => DIRECTION_RANK[points[s.points[0]!]!.pressureDirection];
  series.sort((a, b) => compareSamples(a.sampleId, b.sampleId, provenance) || directionRank(a) - directionRank(b) || compareText(a.label, b.label));

  // On a row-per-sample axis, several series of one sample (pressurizing and depressurizing
  // runs, two setups) get tracks of their own within the row.
  const rowAxis = query.y === "sample" ? "y" : query.x === "sample" ? "x" : null;
  const trackHalf = new Map<string, number>();
  const trackTicks: { facetKey: string; value: number; label: string }[] = [];
  if (rowAxis) {
    const byRow = new Map<string, TSeries[]>();
    for (const s of series) {
      const key = `${s.facetKey}\u0000${s.sampleId}`;
      const list = byRow.get(key);
      if (list) list.push(s);
      else byRow.set(key, [s]);
    }
    for (const group of byRow.values()) {
      const k = group.length;
      group.forEach((s, j) => {
        const offset = k === 1 ? 0 : (j - (k - 1) / 2) * (0.8 / k);
        trackHalf.set(s.key, k === 1 ? 0.42 : 0.36 / k);
        if (k > 1 && rowAxis === "y") trackTicks.push({ facetKey: s.facetKey, value: (tickers.y?.valueOf(points[s.points[0]!]!) ?? 0) + offset, label: trackLabel(s, provenance) });
        if (offset === 0) return;
        for (const i of s.points) points[i]![rowAxis] += offset;
      });
    }
    // every track of a row is named: the sample on its first, what differs (direction, setup) on the others
    if (trackTicks.length > 0 && tickers.y) addTrackTicks(tickers.y, trackTicks);
  }

  const notes: string[] = [];
  if (pressureOnly.size > 0) {
    notes.push(`${pressureOnly.size} curve${pressureOnly.size === 1 ? "" : "s"} of pressure studies measured only at H = 0 ${pressureOnly.size === 1 ? "is" : "are"} left out of the field axis; put pressure on the x axis to see ${pressureOnly.size === 1 ? "it" : "them"}.`);
  }
  const boundaries: TBoundary[] = [];
  const xScale = AXES[query.x].isOrdinal ? "linear" : query.xScale;
  if (isSeriesAxis(query.x)) {
    const unit = AXES[query.x].unit;
    const alongBySeries = alongX && !alongBoundaries ? seriesAlongX(alongX, query, provenance, tickers.x, pressureOnly) : null;
    const located = (s: TSeries, drawn: readonly TDiagramPoint[]): Omit<TBoundary, "seriesKey" | "facetKey" | "label">[] => {
      if (!alongBoundaries) return boundariesAlong(alongBySeries ? (alongBySeries.get(s.key) ?? drawn) : drawn, xScale);
      return (alongBoundaries.get(s.key) ?? []).map((b) => ({ ...b, x: middle(b.xLow, b.xHigh, xScale), yLow: 0, yHigh: 0 }));
    };
    for (const s of series) {
      const drawn = s.points.map((i) => points[i]!);
      let yLo = Infinity;
      let yHi = -Infinity;
      for (const p of drawn) {
        if (p.y < yLo) yLo = p.y;
        if (p.y > yHi) yHi = p.y;
      }
      for (const found of located(s, drawn)) {
        // located along every curve of the series; drawn across the y range of its drawn points there
        let nearLo = Infinity;
        let nearHi = -Infinity;
        for (const p of drawn) {
          if (p.x < found.xLow || p.x > found.xHigh) continue;
          if (p.y < nearLo) nearLo = p.y;
          if (p.y > nearHi) nearHi = p.y;
        }
        const b = alongBySeries || alongBoundaries ? { ...found, yLow: nearLo <= nearHi ? nearLo : yLo, yHigh: nearLo <= nearHi ? nearHi : yHi } : found;
        const where = query.x === "stage" ? `between ${tickLabel(tickers.x, b.xLow)} and ${tickLabel(tickers.x, b.xHigh)}` : `at ${formatValue(b.x)}${unit ? ` ${unit}` : ""} (${formatValue(b.xLow)}–${formatValue(b.xHigh)})`;
        const half = trackHalf.get(s.key);
        const span = rowAxis === "y" && half !== undefined ? { yLow: b.yLow - half, yHigh: b.yHigh + half } : {};
        boundaries.push({ ...b, ...span, seriesKey: s.key, facetKey: s.facetKey, label: `${b.from} → ${b.to} ${where} · ${s.label}` });
      }
    }
  } else if (points.length > 0) {
    notes.push(`Phase boundaries are located along a tuning parameter; put field, pressure, anneal stage or gate voltage on the x axis to see them.`);
  }

  const isOrdinalX = !!AXES[query.x].isOrdinal;
  const isOrdinalY = !!AXES[query.y].isOrdinal;
  const dx = axisDomain(
    points.map((p) => p.x),
    isOrdinalX ? "linear" : query.xScale,
    isOrdinalX,
  );
  const dy = axisDomain(
    points.map((p) => p.y),
    isOrdinalY ? "linear" : query.yScale,
    isOrdinalY,
  );

  // each panel spans its own ranges (materials differ by orders of magnitude); sample rows are numbered per panel anyway
  const xDomainByFacet: Record<string, [number, number]> = {};
  const yDomainByFacet: Record<string, [number, number]> = {};
  if (query.facetBy !== "none") {
    const byFacet = new Map<string, { x: number[]; y: number[] }>();
    for (const p of points) {
      const lists = byFacet.get(p.facetKey);
      if (lists) {
        lists.x.push(p.x);
        lists.y.push(p.y);
      } else byFacet.set(p.facetKey, { x: [p.x], y: [p.y] });
    }
    for (const [facet, values] of byFacet) {
      const dxf = axisDomain(values.x, isOrdinalX ? "linear" : query.xScale, isOrdinalX);
      if (dxf) xDomainByFacet[facet] = dxf;
      const dyf = isOrdinalY ? null : axisDomain(values.y, query.yScale, false);
      if (dyf) yDomainByFacet[facet] = dyf;
    }
  }

  return {
    points,
    series,
    boundaries,
    xDomainByFacet,
    yDomainByFacet,
    facets: countGroups(points.map((p) => p.facetKey), query.facetBy === "none" ? "none" : query.facetBy, provenance),
    colorGroups: countGroups(
      points.map((p) => p.colorKey),
      query.colorBy,
      provenance,
      query.colorBy === "phase" ? PHASE_KEYS : undefined,
    ),
    xAxis: axisInfo(query.x, query.xScale, tickers.x?.ticks ?? null, tickers.x?.facetTicks ?? null, quantitiesOf(points)),
    yAxis: axisInfo(query.y, query.yScale, tickers.y?.ticks ?? null, tickers.y?.facetTicks ?? null, quantitiesOf(points)),
    domain: dx && dy ? { x: dx, y: dy } : null,
    notes,
  };
}

/** The curves with an x value, by series, in increasing x (for locating boundaries independently of y). */
function seriesAlongX(alongX: readonly TBasePoint[], query: TDiagramQuery, provenance: TProvenance, xTicker: Ticks | undefined, leftOut: ReadonlySet<string>): Map<string, { x: number; y: number; phase: TBasePoint["phase"]; inconclusive: boolean }[]> {
  const out = new Map<string, { x: number; y: number; phase: TBasePoint["phase"]; inconclusive: boolean }[]>();
  for (const p of alongX) {
    if (leftOut.has(p.fitId)) continue;
    const key = seriesKeyOf(p, query.x, provenance);
    const list = out.get(key) ?? [];
    list.push({ x: xTicker ? xTicker.valueOf(p) : p.x, y: 0, phase: p.phase, inconclusive: p.inconclusive });
    out.set(key, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.x - b.x);
  return out;
}

/** What tells a track of a sample row from the others: the series label without the sample's name. */
function trackLabel(s: TSeries, provenance: TProvenance): string {
  const name = provenance.samples[s.sampleId]?.name ?? s.sampleId;
  const rest = s.label.startsWith(name) ? s.label.slice(name.length).replace(/^\s*·\s*/, "") : s.label;
  return `${name}${rest ? ` · ${rest}` : ""}`;
}

/** Replaces the one tick of a row holding several tracks by one tick per track. */
function addTrackTicks(ticker: Ticks, tracks: { facetKey: string; value: number; label: string }[]): void {
  const rows = new Set(tracks.map((t) => `${t.facetKey}\u0000${Math.round(t.value)}`));
  if (ticker.facetTicks) {
    for (const [facet, list] of Object.entries(ticker.facetTicks)) {
      const kept = list.filter((t) => !rows.has(`${facet}\u0000${t.value}`));
      ticker.facetTicks[facet] = [...kept, ...tracks.filter((t) => t.facetKey === facet).map(({ value, label }) => ({ value, label }))].sort((a, b) => a.value - b.value);
    }
  }
  const facets = new Set(tracks.map((t) => t.facetKey));
  if (facets.size === 1) {
    const facet = [...facets][0]!;
    const kept = ticker.ticks.filter((t) => !rows.has(`${facet}\u0000${t.value}`));
    ticker.ticks = [...kept, ...tracks.map(({ value, label }) => ({ value, label }))].sort((a, b) => a.value - b.value);
  }
}

function tickLabel(ticker: Ticks | undefined, value: number): string {
  return ticker?.ticks.find((t) => t.value === value)?.label ?? formatValue(value);
}

/** Grid of the aggregated view: cells per axis. */
export const BIN_GRID = { nx: 90, ny: 60 } as const;

/** Index of the cell of `v` among `n` cells spanning [lo, hi] in the axis scale. */
export function binIndex(v: number, lo: number, hi: number, n: number, scale: "linear" | "log"): number {
  const f = scale === "log" ? Math.log : (u: number) => u;
  const span = f(hi) - f(lo);
  if (!(span > 0)) return 0;
  return Math.min(n - 1, Math.max(0, Math.floor(((f(v) - f(lo)) / span) * n)));
}

/** Edges of cell i among n spanning [lo, hi] in the axis scale. */
export function binEdges(i: number, lo: number, hi: number, n: number, scale: "linear" | "log"): [number, number] {
  if (scale === "log") {
    const a = Math.log(lo);
    const w = (Math.log(hi) - a) / n;
    return [Math.exp(a + i * w), Math.exp(a + (i + 1) * w)];
  }
  const w = (hi - lo) / n;
  return w > 0 ? [lo + i * w, lo + (i + 1) * w] : [lo - 0.5, lo + 0.5];
}

export interface BinCount {
  facetKey: string;
  ix: number;
  iy: number;
  phaseKey: TPhaseKey;
  count: number;
  artifactCount: number;
}

/** Cells from counts per (facet, cell, phase), with the edges of cell i on each axis; the dominant phase is the most frequent one. */
export function binsFromCountsWith(counts: readonly BinCount[], edges: { x: (i: number) => [number, number]; y: (i: number) => [number, number] }): TBin[] {
  const cells = new Map<string, TBin>();
  for (const c of counts) {
    const key = `${c.facetKey}\u0000${c.ix}\u0000${c.iy}`;
    let bin = cells.get(key);
    if (!bin) {
      const [x0, x1] = edges.x(c.ix);
      const [y0, y1] = edges.y(c.iy);
      bin = { facetKey: c.facetKey, x0, x1, y0, y1, count: 0, counts: {}, dominant: c.phaseKey, artifactCount: 0 };
      cells.set(key, bin);
    }
    bin.count += c.count;
    bin.artifactCount += c.artifactCount;
    bin.counts[c.phaseKey] = (bin.counts[c.phaseKey] ?? 0) + c.count;
  }
  for (const bin of cells.values()) {
    let best: TPhaseKey = bin.dominant;
    for (const key of PHASE_KEYS) if ((bin.counts[key] ?? 0) > (bin.counts[best] ?? 0)) best = key;
    bin.dominant = best;
  }
  return [...cells.values()];
}

/** Cells over a grid of `grid` cells spanning `extent` in the axis scales. */
export function binsFromCounts(
  counts: readonly BinCount[],
  extent: { x: [number, number]; y: [number, number] },
  scales: { x: "linear" | "log"; y: "linear" | "log" },
  grid: { nx: number; ny: number } = BIN_GRID,
): TBin[] {
  return binsFromCountsWith(counts, {
    x: (i) => binEdges(i, extent.x[0], extent.x[1], grid.nx, scales.x),
    y: (i) => binEdges(i, extent.y[0], extent.y[1], grid.ny, scales.y),
  });
}

/** The same cells computed from points in memory (permalinks that froze many points). */
export function binPoints(points: readonly TDiagramPoint[], scales: { x: "linear" | "log"; y: "linear" | "log" }, grid: { nx: number; ny: number } = BIN_GRID): TBin[] {
  const ex = axisDomain(
    points.map((p) => p.x),
    scales.x,
    false,
  );
  const ey = axisDomain(
    points.map((p) => p.y),
    scales.y,
    false,
  );
  if (!ex || !ey) return [];
  const counts: BinCount[] = points.map((p) => ({
    facetKey: p.facetKey,
    ix: binIndex(p.x, ex[0], ex[1], grid.nx, scales.x),
    iy: binIndex(p.y, ey[0], ey[1], grid.ny, scales.y),
    phaseKey: phaseKeyOf(p),
    count: 1,
    artifactCount: p.isArtifact ? 1 : 0,
  }));
  return binsFromCounts(counts, { x: ex, y: ey }, scales, grid);
}

/**
 * A whole diagram from points held in memory (a permalink's frozen points): drawn one by one up
 * to the query's limit, aggregated into cells beyond it, exactly as the live view does.
 */
export function diagramFromPoints(
  query: TDiagramQuery,
  base: readonly TBasePoint[],
  provenance: TProvenance,
  counts: { missing: number; removedBySwitch: number },
  alongX?: readonly TBasePoint[],
): TDiagramDto {
  const assembled = assembleDiagram(base, { query, provenance, alongX });
  const phaseCounts: Partial<Record<TPhaseKey, number>> = {};
  let artifactCount = 0;
  for (const p of base) {
    const key = phaseKeyOf(p);
    phaseCounts[key] = (phaseCounts[key] ?? 0) + 1;
    if (p.isArtifact) artifactCount++;
  }
  const common = {
    query,
    total: base.length,
    missing: counts.missing,
    removedBySwitch: counts.removedBySwitch,
    phaseCounts,
    artifactCount,
    engineVersions: [...new Set(base.map((p) => p.engineVersion))].sort(),
    provenance,
  };
  if (base.length <= query.maxPoints) return { ...common, ...assembled, mode: "points", bins: [] };
  const scales = { x: AXES[query.x].isOrdinal ? "linear" : query.xScale, y: AXES[query.y].isOrdinal ? "linear" : query.yScale } as const;
  return {
    ...common,
    ...assembled,
    mode: "aggregated",
    points: [],
    series: [],
    boundaries: [],
    colorGroups: [],
    bins: binPoints(assembled.points, scales),
    notes: [
      ...assembled.notes,
      `${base.length.toLocaleString("en")} points are more than can be drawn one by one (limit ${query.maxPoints.toLocaleString("en")}): each cell shows how many curves fall in it, coloured by the most frequent label.`,
    ],
  };
}

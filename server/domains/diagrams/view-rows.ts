/**
 * The shapes in which a view's rows come out of a reader (the database's statements in
 * ./service.ts, or the in-memory table in ./memory/reader.ts) before the diagram is assembled.
 */
import type { TPhase } from "~/server/domains/curves/schemas";
import { AXES, isSeriesAxis, type TStoredQuantity } from "./axes";
import type { AlongBoundary, TBasePoint } from "./geometry";
import type { TDiagramQuery, TPhaseKey, TProvenance } from "./schemas";

/**
 * One group of the filtered rows, on the label and grade keys that PostgreSQL stores with each
 * point (migration diagram_point_label_keys): grouping on two small integers is far cheaper than
 * on the label columns.
 */
export interface GroupRow {
  /** displayed phase S, M1, M2, I1, I2 = 0…4, plus 5 when inconclusive and not overridden */
  lk: number;
  /** filtering grade GOOD, MODERATE, POOR, UNKNOWN (or no setup) = 0…3 */
  gk: number;
  engine: string;
  valid: boolean;
  /** what the curves store (for the units of resistance axes) */
  q: TStoredQuantity;
  n: number;
}

export interface CellRow {
  facet: string | null;
  ix: number;
  iy: number;
  phaseKey: TPhaseKey;
  isArtifact: boolean;
  n: number;
}

export const LABEL_PHASES: readonly TPhase[] = ["S", "M1", "M2", "I1", "I2"];
/** labelKey 10: no SIT label applies (migration engine_v2_label_keys) */
export const NO_LABEL_KEY = 10;
export const phaseOfKey = (lk: number): TPhase => (lk === NO_LABEL_KEY ? "NONE" : LABEL_PHASES[lk % 5]!);
export const phaseKeyOfRow = (r: { lk: number }): TPhaseKey => (r.lk === NO_LABEL_KEY ? "NONE" : r.lk >= 5 ? "inconclusive" : phaseOfKey(r.lk));

/** Where a view's rows are read: the database's statements, or the in-memory table. */
export interface DiagramReader {
  /** the planner's estimate of the rows the filters match; 0 when a points view costs no more than counting */
  estimate(): Promise<number>;
  /** `orAggregated`: the reader may stop as soon as the view has more points than can be drawn (and say so) */
  pointsView(options?: { orAggregated?: boolean }): Promise<PointsView>;
  countsAndCells(axes: { x: AxisCells; y: AxisCells }, rows: RowPlan | null): Promise<{ groups: GroupRow[]; cells: CellRow[] }>;
}

/** Sample rows of the aggregated view, numbered per panel in reading order. */
export interface RowPlan {
  facets: string[];
  sampleIds: string[];
  rows: number[];
  /** rows per panel */
  counts: Map<string, number>;
  provenance: TProvenance;
}

/** How one axis is cut into cells: n cells over [lo, hi] in the axis scale. */
export interface AxisCells {
  lo: number;
  hi: number;
  n: number;
  scale: "linear" | "log";
}

export interface PointsView {
  groups: GroupRow[];
  /** the points shown; none when there are more than maxPoints (the view is then aggregated) */
  points: TBasePoint[];
  /** label changes along every curve with an x value, by series key; null when not wanted or too many points */
  boundaries: Map<string, AlongBoundary[]> | null;
  /** asked `orAggregated`: more than maxPoints are shown, and nothing was counted (the view is aggregated) */
  aggregated?: boolean;
}


/** Whether a row's x value can be drawn on the x axis of the query. */
export function hasX(query: TDiagramQuery, r: TBasePoint): boolean {
  return r.x !== null && Number.isFinite(r.x) && (!!AXES[query.x].isOrdinal || query.xScale !== "log" || r.x > 0);
}

/**
 * Whether boundaries are located along every curve of the view with a value on x (whether or not
 * it has one on y): not when x is not a tuning parameter, nor when every row has a y value anyway
 * (sample rows, stages), where the drawn points are all the curves.
 */
export function wantsAlongX(query: TDiagramQuery): boolean {
  return isSeriesAxis(query.x) && !AXES[query.y].isOrdinal;
}

/** The order of the points shown (the database's is arbitrary): stable snapshots and exports. */
export function comparePoints(a: TBasePoint, b: TBasePoint): number {
  return a.sampleId < b.sampleId ? -1 : a.sampleId > b.sampleId ? 1 : a.x - b.x || (a.fitId < b.fitId ? -1 : a.fitId > b.fitId ? 1 : 0);
}

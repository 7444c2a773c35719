/**
 * Where the label changes along every series of a view, from the in-memory table (the twin of the
 * window functions of loadPointsView in ../service.ts): within each series, consecutive decided
 * curves in (x, sample, fit) order with different labels, and how many inconclusive curves lie
 * between them.
 *
 * Rows are first grouped by a code of their sample and series conditions, kept per row until the
 * row is written again, so that a view along x builds one series key per group rather than one
 * per curve; groups whose keys agree (samples of one lineage on the anneal-stage axis) merge.
 */
import type { TPhase } from "~/server/domains/curves/schemas";
import { seriesKeyWith, type AlongBoundary, type SeriesConditions } from "../geometry";
import { numberOrNull, type DiagramTable, type SeriesAxis } from "./table";

function conditionsAt(t: DiagramTable, i: number): SeriesConditions {
  return {
    setupId: t.setupId[i] ?? null,
    fieldOe: numberOrNull(t.numbers.fieldOe[i]!),
    pressureGPa: numberOrNull(t.numbers.pressureGPa[i]!),
    pressureDirection: t.pressureDirection[i]!,
    gateVoltageV: numberOrNull(t.numbers.gateVoltageV[i]!),
  };
}

function seriesCodeOf(t: DiagramTable, axis: SeriesAxis, i: number): number {
  const cached = t.seriesCode[axis][i]!;
  if (cached >= 0) return cached;
  const text = `${t.sampleIdAt(i)}\u0000${seriesKeyWith(conditionsAt(t, i), axis, "")}`;
  const codes = t.seriesCodes[axis];
  let code = codes.get(text);
  if (code === undefined) codes.set(text, (code = codes.size));
  t.seriesCode[axis][i] = code;
  return code;
}

/**
 * The label changes along every series, by series key, over the rows `along` (every row the view
 * shows or would show with a y value). `lineage`: the root of each sample's lineage, on the
 * anneal-stage axis.
 */
export function boundariesAlongSeries(t: DiagramTable, axis: SeriesAxis, along: readonly number[], xOf: (i: number) => number, lineage: ReadonlyMap<string, string> | null): Map<string, AlongBoundary[]> {
  const byCode = new Map<number, number[]>();
  for (const i of along) {
    const code = seriesCodeOf(t, axis, i);
    const list = byCode.get(code);
    if (list) list.push(i);
    else byCode.set(code, [i]);
  }
  const bySeries = new Map<string, number[]>();
  for (const list of byCode.values()) {
    const first = list[0]!;
    const sample = t.sampleIdAt(first);
    const key = seriesKeyWith(conditionsAt(t, first), axis, lineage?.get(sample) ?? sample);
    const series = bySeries.get(key);
    if (series) series.push(...list);
    else bySeries.set(key, list);
  }
  const out = new Map<string, AlongBoundary[]>();
  for (const [key, rows] of bySeries) {
    const found = changesAlong(t, rows, xOf);
    if (found.length > 0) out.set(key, found.sort((a, b) => a.xLow - b.xLow || a.xHigh - b.xHigh));
  }
  return out;
}

function changesAlong(t: DiagramTable, rows: number[], xOf: (i: number) => number): AlongBoundary[] {
  const x = new Map(rows.map((i) => [i, xOf(i)]));
  const { fitId } = t;
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  rows.sort((a, b) => x.get(a)! - x.get(b)! || text(t.sampleIdAt(a), t.sampleIdAt(b)) || text(fitId[a]!, fitId[b]!));
  const found: AlongBoundary[] = [];
  let last: { x: number; phase: TPhase } | null = null;
  let undecided = 0;
  for (const i of rows) {
    const override = t.overridePhase[i] ?? null;
    if (override === null && t.inconclusive[i]) {
      if (last) undecided++;
      continue;
    }
    const here = { x: x.get(i)!, phase: override ?? t.phase[i]! };
    if (last && last.phase !== here.phase) found.push({ from: last.phase, to: here.phase, xLow: last.x, xHigh: here.x, undecidedBetween: undecided });
    last = here;
    undecided = 0;
  }
  return found;
}

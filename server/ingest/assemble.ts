/**
 * From the row store to curves: one series per channel (rows where that channel has a
 * value), channel checks (dead channel, resistivity twin), then segmentation.
 */
import type { DiagnosticSink } from "./diagnostics";
import { inferUnits } from "./infer-units";
import type { ResolvedOptions } from "./options";
import { segmentSeries, type DroppedStretch } from "./segment";
import type { RowStore, StoreChannel } from "./store";
import type { ParsedColumn, ParsedCurve } from "./types";

const DROP_TEXT: Record<DroppedStretch["reason"], { code: string; text: string }> = {
  stationary: {
    code: "stationary_dropped",
    text: "point(s) where neither temperature nor field moved beyond tolerance (settling or waiting) are not part of any sweep and were dropped",
  },
  short: { code: "short_segment_dropped", text: "point(s) in sweeps shorter than the minimum length were dropped" },
  mixed: {
    code: "mixed_sweep_dropped",
    text: "point(s) where temperature and field changed together (neither an R(T) nor an R(H) sweep) were dropped",
  },
  glitch: { code: "glitch_removed", text: "single-point glitch(es) in temperature or field were removed" },
  missing_field: { code: "missing_field_value", text: "point(s) without a field value were dropped" },
  missing_pressure: { code: "missing_pressure_value", text: "point(s) without a pressure value were dropped" },
};

/** One warning per kind of dropped stretch, with totals and the first few line ranges. */
export function summariseDropped(
  dropped: DroppedStretch[],
  diags: DiagnosticSink,
  subject: string,
  unitName = "lines",
): void {
  const by = new Map<DroppedStretch["reason"], DroppedStretch[]>();
  for (const d of dropped) {
    const list = by.get(d.reason) ?? [];
    list.push(d);
    by.set(d.reason, list);
  }
  for (const [reason, list] of by) {
    const total = list.reduce((a, d) => a + d.points, 0);
    const ranges = list
      .slice(0, 5)
      .map((d) => (d.firstLine === d.lastLine ? `${d.firstLine}` : `${d.firstLine}–${d.lastLine}`))
      .join(", ");
    const more = list.length > 5 ? `, … (${list.length} stretches)` : "";
    const t = DROP_TEXT[reason];
    diags.warn(t.code, `${subject}: ${total} ${t.text} (${unitName} ${ranges}${more})`, list[0] ? { line: list[0].firstLine } : {});
  }
}

function gatherRows(src: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = src[rows[k]!]!;
  return out;
}

/** Longest a file's time stamps are trusted to run after it was opened. */
const MAX_FILE_SPAN_S = 400 * 86400;

/**
 * The local time of a time stamp, given the stamp at a known local time (both in the file's
 * clock); null when the stamp is missing or implausibly far from the origin.
 */
export function localTime(origin: { stamp: number; iso: string }, stamp: number): string | null {
  const dt = stamp - origin.stamp;
  if (!(dt >= -60 && dt <= MAX_FILE_SPAN_S)) return null;
  const base = Date.parse(`${origin.iso}Z`);
  if (Number.isNaN(base)) return null;
  return new Date(base + Math.round(dt * 1000)).toISOString().slice(0, 19);
}

/**
 * The points of one segment: each reading, or (where `starts` groups repeated readings) the
 * mean of T, R and H over the group with its count and the standard deviation of R.
 */
export function mergePoints(
  idx: Int32Array,
  starts: Int32Array | null,
  T: Float64Array,
  R: Float64Array,
  H: Float64Array | null,
): { T: Float64Array; R: Float64Array; H: Float64Array | null; counts: Uint32Array | null; spread: Float64Array | null } {
  if (starts === null) {
    const Tk = new Float64Array(idx.length);
    const Rk = new Float64Array(idx.length);
    const Hk = H ? new Float64Array(idx.length) : null;
    for (let q = 0; q < idx.length; q++) {
      const j = idx[q]!;
      Tk[q] = T[j]!;
      Rk[q] = R[j]!;
      if (Hk) Hk[q] = H![j]!;
    }
    return { T: Tk, R: Rk, H: Hk, counts: null, spread: null };
  }
  const n = starts.length - 1;
  const Tk = new Float64Array(n);
  const Rk = new Float64Array(n);
  const Hk = H ? new Float64Array(n) : null;
  const counts = new Uint32Array(n);
  const spread = new Float64Array(n);
  for (let b = 0; b < n; b++) {
    const a = starts[b]!;
    const e = starts[b + 1]!;
    const c = e - a;
    let st = 0;
    let sr = 0;
    let sh = 0;
    for (let q = a; q < e; q++) {
      const j = idx[q]!;
      st += T[j]!;
      sr += R[j]!;
      if (H) sh += H[j]!;
    }
    const mr = sr / c;
    let ss = 0;
    for (let q = a; q < e; q++) {
      const d = R[idx[q]!]! - mr;
      ss += d * d;
    }
    Tk[b] = st / c;
    Rk[b] = mr;
    if (Hk) Hk[b] = sh / c;
    counts[b] = c;
    spread[b] = c > 1 ? Math.sqrt(ss / (c - 1)) : 0;
  }
  // The pooled means are monotonic (poolMonotonic); summing the readings again can step one
  // back by a few units of the last place. Such a step is rounding: level it.
  const swept = Hk ?? Tk;
  const dir = Math.sign(swept[n - 1]! - swept[0]!);
  for (let b = 1; b < n; b++) {
    const step = (swept[b]! - swept[b - 1]!) * dir;
    if (step < 0 && -step <= 1e-12 * Math.abs(swept[b - 1]!)) swept[b] = swept[b - 1]!;
  }
  return { T: Tk, R: Rk, H: Hk, counts, spread };
}

export function assembleCurves(
  store: RowStore,
  columns: ParsedColumn[],
  ctx: {
    hasField: boolean;
    hasPressure: boolean;
    opts: ResolvedOptions;
    diags: DiagnosticSink;
    /** the file's clock (time stamp column, s) at a known local time, to date each curve */
    timeOrigin?: { stamp: number; iso: string } | null;
  },
): ParsedCurve[] {
  const { diags, opts } = ctx;
  inferUnits(store, columns, diags);
  const n = store.n;
  const curves: ParsedCurve[] = [];
  const channels = store.channels;
  const columnOf = (ch: StoreChannel) =>
    columns.find((c) => c.index === ch.columnIndex && c.name === ch.columnName);

  // Twins: keep the preferred column of a channel when it has data.
  const skip = new Set<StoreChannel>();
  for (const ch of channels) {
    if (!ch.twinKey) continue;
    const better = channels.find((o) => o !== ch && o.twinKey === ch.twinKey && o.count > 0 && o.score > ch.score);
    if (better) {
      skip.add(ch);
      if (ch.count > 0) {
        const col = columnOf(ch);
        if (col) col.note = `not used: ${better.columnName} gives the resistance of the same channel`;
        if (ch.quantity === "resistivity") {
          diags.warn(
            "resistivity_column_ignored",
            `${JSON.stringify(ch.columnName)} is a resistivity computed from a user-entered geometry; ${JSON.stringify(
              better.columnName,
            )} (the measured resistance in Ω) is imported instead`,
            { column: ch.columnIndex + 1, columnName: ch.columnName },
          );
        }
      }
    }
  }

  for (const ch of channels) {
    if (skip.has(ch) || ch.count === 0) continue;
    const v = ch.values;
    let m = 0;
    let allZero = true;
    for (let i = 0; i < n; i++) {
      const x = v[i]!;
      if (x === x) {
        m++;
        if (x !== 0) allZero = false;
      }
    }
    if (m === 0) continue;
    const col = columnOf(ch);
    const where = { column: ch.columnIndex + 1, columnName: ch.columnName };
    if (allZero) {
      diags.warn(
        "dead_channel",
        `channel ${ch.name} reads exactly 0 in all ${m} rows: a disconnected or unused channel, not a superconducting sample; no curve imported`,
        where,
        "a channel with non-zero readings",
      );
      if (col) col.note = "dead channel: all values exactly 0";
      continue;
    }
    if (ch.quantity === "resistivity") {
      diags.warn(
        "resistivity_not_resistance",
        `channel ${ch.name} holds resistivity (${col?.unit || ch.unit}), not resistance; its curves keep quantity "resistivity" in ${ch.unit} and need the film thickness to become sheet resistance`,
        where,
      );
    }
    const T = new Float64Array(m);
    const R = new Float64Array(m);
    const line = new Float64Array(m);
    const sT = store.T;
    const sLine = store.line;
    const rows = new Int32Array(m);
    let k = 0;
    for (let i = 0; i < n; i++) {
      const x = v[i]!;
      if (x !== x) continue;
      T[k] = sT[i]!;
      R[k] = x;
      line[k] = sLine[i]!;
      rows[k++] = i;
    }
    const H = ctx.hasField ? gatherRows(store.H, rows) : null;
    const P = ctx.hasPressure && store.P !== null ? gatherRows(store.P, rows) : null;
    const report = segmentSeries(
      { T, H, P, line, constH: opts.constants.H_Oe, constP: opts.constants.P_GPa },
      opts.segmentation,
    );
    summariseDropped(report.dropped, diags, `channel ${ch.name}`);
    for (const seg of report.segments) {
      const idx = seg.idx;
      let zeros = true;
      for (let q = 0; q < idx.length && zeros; q++) if (R[idx[q]!] !== 0) zeros = false;
      if (zeros) {
        // Exactly 0 over a whole sweep is a channel that was off, not a superconductor.
        diags.warn(
          "dead_channel",
          `channel ${ch.name} reads exactly 0 over the whole sweep on lines ${line[idx[0]!]}–${line[idx[idx.length - 1]!]}: not a measurement; that sweep is not imported`,
          { ...where, line: line[idx[0]!]! },
          "a channel with non-zero readings",
        );
        continue;
      }
      const pts = mergePoints(seg.idx, seg.starts, T, R, seg.kind === "RH" ? H : null);
      const curve: ParsedCurve = {
        kind: seg.kind,
        channel: ch.name,
        quantity: ch.quantity,
        unit: ch.unit,
        T_K: pts.T,
        R: pts.R,
        H_Oe: pts.H,
        readings: idx.length,
        counts: pts.counts,
        R_spread: pts.spread,
        readout: ch.readout ?? "unknown",
        fixed: seg.fixed,
        direction: seg.direction,
        segmentReason: seg.reason,
        sourceRows: { first: line[idx[0]!]!, last: line[idx[idx.length - 1]!]! },
        order: 0,
      };
      if (ch.label) curve.label = ch.label;
      const started = ctx.timeOrigin && store.time ? localTime(ctx.timeOrigin, store.time[rows[idx[0]!]!]!) : null;
      if (started) curve.startedAt = started;
      curves.push(curve);
    }
  }
  curves.sort((a, b) => a.sourceRows.first - b.sourceRows.first);
  curves.forEach((c, i) => {
    c.order = i;
  });
  return curves;
}

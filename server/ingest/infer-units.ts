/**
 * Units of temperature and field columns whose header names none, inferred from the values
 * and the name (tesla vs oersted, K vs mK). The stored values are rescaled in place when the
 * inference differs from the conventional default, and a `unit_inferred` warning states what
 * was decided so that the user can confirm it (or set options.mapping.units).
 */
import type { DiagnosticSink } from "./diagnostics";
import type { RowStore } from "./store";
import type { ParsedColumn } from "./types";
import { parseUnit } from "./units";
import { fmt } from "./segment";

function range(a: Float64Array, n: number): { lo: number; hi: number; absMax: number } | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    if (x !== x) continue;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (lo > hi) return null;
  return { lo, hi, absMax: Math.max(Math.abs(lo), Math.abs(hi)) };
}

/** Largest |field| in tesla any laboratory magnet reaches (static fields ≤ 45 T). */
const MAX_TESLA = 45;
/** Temperatures above this, written without a unit, are millikelvin (films are not measured above 400 K). */
const MAX_KELVIN = 400;

export function inferUnits(store: RowStore, columns: ParsedColumn[], diags: DiagnosticSink): void {
  for (const col of columns) {
    if (col.unitSource !== "assumed" || (col.role !== "temperature" && col.role !== "field")) continue;
    const values = col.role === "temperature" ? store.T : store.H;
    const r = range(values, store.n);
    if (!r) continue;
    // Raw values as written (the store holds them converted with the assumed factor).
    const lo = r.lo / col.factor;
    const hi = r.hi / col.factor;
    const absMax = r.absMax / col.factor;
    let unit: string;
    let why: string;
    if (col.role === "temperature") {
      if (lo > 0 && hi > MAX_KELVIN) {
        unit = "mK";
        why = `values ${fmt(lo)}…${fmt(hi)} reach above ${MAX_KELVIN}, so they are millikelvin`;
      } else {
        unit = "K";
        why = `values ${fmt(lo)}…${fmt(hi)} are a temperature range in kelvin`;
      }
    } else {
      const teslaName = col.unit === "T";
      if (absMax <= MAX_TESLA && (teslaName || absMax <= 20)) {
        unit = "T";
        why = `values ${fmt(lo)}…${fmt(hi)}${teslaName ? " and a field name B" : ""} fit tesla (as oersted they would lie below the remanent field of a magnet)`;
      } else {
        unit = "Oe";
        why = `values ${fmt(lo)}…${fmt(hi)} exceed ${absMax > MAX_TESLA ? `${MAX_TESLA} T, so they are oersted` : "a few tesla, so they are oersted"}`;
      }
    }
    const info = parseUnit(unit)!;
    if (info.factor !== col.factor) {
      const ratio = info.factor / col.factor;
      for (let i = 0; i < store.n; i++) values[i] = values[i]! * ratio;
    }
    col.unit = unit;
    col.factor = info.factor;
    col.unitSource = "inferred";
    diags.warn(
      "unit_inferred",
      `no unit in the header; read as ${unit}: ${why}. Confirm it, or set options.mapping.units.${col.role}.`,
      { column: col.index + 1, columnName: col.name },
      col.role === "temperature" ? "K or mK" : "T or Oe",
    );
  }
}

/**
 * From a header row to a table binding: which column is temperature, field, pressure,
 * time and which are resistance channels, with units and conversion factors — detection
 * first, then the user's mapping on top.
 */
import { classifyColumn, splitHeader, EXPECTED_UNITS, type ColumnClass } from "./columns";
import { parseUnit, type UnitInfo } from "./units";
import type { TColumnMapping, TColumnRef } from "./options";
import type { DiagnosticSink } from "./diagnostics";
import type { RowStore } from "./store";
import type { ParsedColumn, TColumnRole, TQuantity } from "./types";
import { SLOT_H, SLOT_P, SLOT_R, SLOT_T, SLOT_TIME, type SlotSpec, type TableBinding } from "./table";

export interface BindContext {
  names: string[];
  /** 1-based line of the header row, for diagnostics. */
  headerLine: number;
  qd: boolean;
  mapping: TColumnMapping;
  constants: { H_Oe: number | null; P_GPa: number | null; T_K: number | null };
  /** Store the time column's values (rows' absolute times can be computed for this file). */
  readTime?: boolean;
  /** Readout of channels whose name does not say (an instrument's bridges: "signed"). */
  defaultReadout?: "signed" | "magnitude" | "unknown";
  diags: DiagnosticSink;
  store: RowStore;
  /** Labels for channels (e.g. QD sample names) keyed by channel name. */
  channelLabels?: Map<string, string>;
  /** Reuse a store channel with the same name instead of adding one (sectioned files). */
  reuseChannels?: boolean;
  /** Units given on a separate units row, by column index. */
  unitRow?: (string | null)[];
}

export interface BindResult {
  columns: ParsedColumn[];
  binding: TableBinding | null;
}

type Singles = "temperature" | "field" | "pressure" | "time";

function resolveRef(ref: TColumnRef, names: string[]): number {
  if (typeof ref === "number") return ref < names.length ? ref : -1;
  const want = ref.trim().toLowerCase();
  let idx = names.findIndex((n) => n.trim().toLowerCase() === want);
  if (idx < 0) idx = names.findIndex((n) => splitHeader(n).base.toLowerCase() === want);
  return idx;
}

const DIMENSIONS: Record<Exclude<TColumnRole, "other">, readonly string[]> = {
  temperature: ["temperature"],
  field: ["field"],
  pressure: ["pressure"],
  time: ["time"],
  resistance: ["resistance", "sheet_resistance", "resistivity"],
};

export function bindColumns(ctx: BindContext): BindResult {
  const { names, diags, mapping } = ctx;
  const where = (i: number) => ({ line: ctx.headerLine, column: i + 1, columnName: names[i] });
  const classes: ColumnClass[] = names.map((n, i) => {
    const unitFromRow = ctx.unitRow?.[i];
    if (unitFromRow && splitHeader(n).unit === null) return classifyColumn(`${n} (${unitFromRow})`, ctx.qd);
    return classifyColumn(n, ctx.qd);
  });
  let fatal = false;

  // Unit overrides from the mapping.
  const overrides: Partial<Record<Exclude<TColumnRole, "other">, UnitInfo>> = {};
  for (const role of ["temperature", "field", "pressure", "resistance"] as const) {
    const text = mapping.units?.[role];
    if (text === undefined) continue;
    const info = parseUnit(text);
    if (!info || !DIMENSIONS[role].includes(info.dimension)) {
      diags.error(
        "unit_not_recognised",
        `unit override ${JSON.stringify(text)} for ${role} is not a recognised ${role} unit`,
        { column: `options.mapping.units.${role}` },
        EXPECTED_UNITS[role],
      );
      fatal = true;
      continue;
    }
    overrides[role] = info;
  }

  const chosen: Record<Singles, number> = { temperature: -1, field: -1, pressure: -1, time: -1 };
  const forced = new Set<number>();
  const badRef = (key: string, ref: TColumnRef) => {
    diags.error(
      "mapping_column_not_found",
      `options.mapping.${key} refers to column ${JSON.stringify(ref)}, which the header does not have (columns: ${names
        .map((n) => JSON.stringify(n))
        .join(", ")
        .slice(0, 400)})`,
      { line: ctx.headerLine, column: `options.mapping.${key}` },
      "a 0-based column index or a header name",
    );
    fatal = true;
  };
  for (const role of ["temperature", "field", "pressure", "time"] as const) {
    const ref = mapping[role];
    if (ref === null) {
      chosen[role] = -2; // explicitly none
      continue;
    }
    if (ref === undefined) continue;
    const idx = resolveRef(ref, names);
    if (idx < 0) {
      badRef(role, ref);
      continue;
    }
    chosen[role] = idx;
    forced.add(idx);
  }
  let resistanceCols: number[] | null = null;
  if (mapping.resistance !== undefined) {
    const refs = Array.isArray(mapping.resistance) ? mapping.resistance : [mapping.resistance];
    resistanceCols = [];
    for (const ref of refs) {
      const idx = resolveRef(ref, names);
      if (idx < 0) badRef("resistance", ref);
      else {
        resistanceCols.push(idx);
        forced.add(idx);
      }
    }
  }

  // Detection for roles the mapping leaves open.
  for (const role of ["temperature", "field", "pressure", "time"] as const) {
    if (chosen[role] !== -1) continue;
    let best = -1;
    const candidates: number[] = [];
    classes.forEach((c, i) => {
      if (c.role !== role || forced.has(i)) return;
      candidates.push(i);
      const b = best >= 0 ? classes[best]! : null;
      const better =
        !b ||
        (b.problem && !c.problem) ||
        (!!b.problem === !!c.problem && c.score > b.score);
      if (better) best = i;
    });
    chosen[role] = best;
    if (best >= 0) forced.add(best);
    if (candidates.length > 1 && role !== "time") {
      diags.warn(
        "ambiguous_column",
        `several ${role} columns (${candidates.map((i) => JSON.stringify(names[i])).join(", ")}); using ${JSON.stringify(
          names[best],
        )}. Set options.mapping.${role} to choose another.`,
        where(best),
      );
    }
  }
  if (resistanceCols === null) {
    resistanceCols = [];
    classes.forEach((c, i) => {
      if (c.role === "resistance" && !forced.has(i)) resistanceCols!.push(i);
    });
  }

  // Units of the chosen columns (override > header > assumed).
  const unitFor = (
    i: number,
    role: Exclude<TColumnRole, "other">,
  ): { info: UnitInfo; unit: string; source: "header" | "mapping" | "assumed" } | null => {
    const c = classes[i]!;
    const ov = overrides[role];
    if (ov) return { info: ov, unit: mapping.units![role as "temperature"]!, source: "mapping" };
    if (c.problem) {
      diags.error(c.problem.code, c.problem.message, where(i), c.problem.expected);
      fatal = true;
      return null;
    }
    const info = c.unitInfo;
    if (info && DIMENSIONS[role].includes(info.dimension)) {
      // Temperature and field units are inferred from the values later (infer-units.ts).
      if (c.assumedUnit && role !== "temperature" && role !== "field") {
        diags.warn(
          "unit_assumed",
          `no unit in the header; assumed ${c.assumedUnit}. Set options.mapping.units.${role} if that is wrong.`,
          where(i),
          EXPECTED_UNITS[role],
        );
      }
      return { info, unit: c.assumedUnit ?? c.unit, source: c.assumedUnit ? "assumed" : "header" };
    }
    // A forced column whose header says nothing usable about the unit.
    const { unit } = splitHeader(names[i]!);
    if (unit === null || unit === "") {
      const assumed = { temperature: "K", field: "Oe", pressure: "GPa", time: "s", resistance: "Ohm" }[role];
      diags.warn(
        "unit_assumed",
        `no unit in the header; assumed ${assumed}. Set options.mapping.units.${role} if that is wrong.`,
        where(i),
        EXPECTED_UNITS[role],
      );
      return { info: parseUnit(assumed)!, unit: assumed, source: "assumed" };
    }
    diags.error(
      "unit_not_recognised",
      `unit ${JSON.stringify(unit)} is not a recognised ${role} unit`,
      where(i),
      EXPECTED_UNITS[role],
    );
    fatal = true;
    return null;
  };

  const slots: SlotSpec[] = [];
  const columns: ParsedColumn[] = names.map((name, i) => {
    const c = classes[i]!;
    const col: ParsedColumn = {
      index: i,
      name,
      role: "other",
      unit: c.unit,
      factor: 1,
      canonicalUnit: "",
    };
    if (c.note) col.note = c.note;
    return col;
  });

  const setSingle = (role: "temperature" | "field" | "pressure", kind: SlotSpec["kind"]) => {
    const i = chosen[role];
    if (i < 0) return;
    const u = unitFor(i, role);
    if (!u) return;
    const col = columns[i]!;
    col.role = role;
    col.unit = u.unit;
    col.factor = u.info.factor;
    col.canonicalUnit = u.info.canonical;
    col.unitSource = u.source;
    slots.push({ kind, column: i, name: names[i]!, factor: u.info.factor, channel: -1 });
  };
  setSingle("temperature", SLOT_T);
  setSingle("field", SLOT_H);
  setSingle("pressure", SLOT_P);
  if (chosen.time >= 0) {
    const i = chosen.time;
    const c = classes[i]!;
    columns[i]!.role = "time";
    columns[i]!.factor = c.unitInfo?.dimension === "time" ? c.unitInfo.factor : 1;
    columns[i]!.canonicalUnit = "s";
    if (ctx.readTime) slots.push({ kind: SLOT_TIME, column: i, name: names[i]!, factor: columns[i]!.factor, channel: -1 });
  }

  for (const i of resistanceCols) {
    const u = unitFor(i, "resistance");
    if (!u) continue;
    const c = classes[i]!;
    const quantity = u.info.dimension as TQuantity;
    let channel = c.channel ?? names[i]!.trim();
    const clash = ctx.store.channels.some((ch) => ch.name === channel && !(c.twinKey && ch.twinKey === c.twinKey));
    if (!ctx.reuseChannels && clash) {
      // Two columns with the same name (e.g. "R (Ohm)" twice): keep channel names unique.
      // (A QD resistance and resistivity of the same bridge are twins; one of them is dropped.)
      channel = `${channel} (column ${i + 1})`;
    }
    const col = columns[i]!;
    col.role = "resistance";
    col.unit = u.unit;
    col.factor = u.info.factor;
    col.canonicalUnit = u.info.canonical;
    col.quantity = quantity;
    col.channel = channel;
    col.unitSource = u.source;
    const readout = c.readout ?? ctx.defaultReadout ?? "unknown";
    col.readout = readout;
    let slot = -1;
    if (ctx.reuseChannels) slot = ctx.store.channels.findIndex((ch) => ch.name === channel && ch.quantity === quantity);
    if (slot < 0) {
      const label = ctx.channelLabels?.get(channel);
      slot = ctx.store.addChannel({
        name: channel,
        quantity,
        unit: u.info.canonical,
        score: c.score,
        columnIndex: i,
        columnName: names[i]!,
        readout,
        ...(label ? { label } : {}),
        ...(c.twinKey ? { twinKey: c.twinKey } : {}),
      });
    }
    slots.push({ kind: SLOT_R, column: i, name: names[i]!, factor: u.info.factor, channel: slot });
  }
  // Unused candidates say why they were left out.
  classes.forEach((c, i) => {
    const col = columns[i]!;
    if (col.role === "other" && c.role !== "other" && !col.note) {
      col.note = `${c.role} candidate not used`;
    }
  });

  const hasResistance = slots.some((s) => s.kind === SLOT_R);
  if (chosen.temperature < 0 && !fatal && chosen.field >= 0 && hasResistance) {
    // Field sweeps at a temperature the file does not record (lock-in R(H) logs).
    const given = ctx.constants.T_K;
    diags.ifNoCurves = {
      code: "missing_temperature_column",
      text: `no temperature column among ${names.length} columns (${names
        .map((n) => JSON.stringify(n))
        .join(", ")
        .slice(0, 400)}), and the field never sweeps`,
      where: { line: ctx.headerLine },
      expected: 'a column named T, Temp or Temperature with unit K or mK, e.g. "T (K)", or options.mapping.temperature',
    };
    diags.warn(
      "temperature_unknown",
      given !== null
        ? `no temperature column: the curves are field sweeps at ${given} K as given by the import options`
        : `no temperature column: the curves can only be field sweeps R(H) at a temperature the file does not record; give it (options.constants.T_K) to import them`,
      { line: ctx.headerLine },
      "a temperature column, or the temperature of the isotherms",
    );
  } else if (chosen.temperature < 0 && !fatal) {
    diags.error(
      "missing_temperature_column",
      `no temperature column among ${names.length} columns (${names
        .map((n) => JSON.stringify(n))
        .join(", ")
        .slice(0, 400)})`,
      { line: ctx.headerLine },
      'a column named T, Temp or Temperature with unit K or mK, e.g. "T (K)", or options.mapping.temperature',
    );
    fatal = true;
  }
  if (!slots.some((s) => s.kind === SLOT_R) && !fatal) {
    const hasT = chosen.temperature >= 0;
    const hasH = chosen.field >= 0;
    const magnetic = names.filter((n) => /moment|magnetization|\bemu\b|susceptib|\bM\b/i.test(n));
    let text = `no resistance column among ${names.length} columns`;
    if (hasT && hasH) text = `the file has temperature and field columns but no resistance column`;
    else if (hasT) text = `the file has a temperature column but no resistance column`;
    if (magnetic.length > 0) {
      text += `; it holds ${magnetic
        .slice(0, 3)
        .map((n) => JSON.stringify(n))
        .join(", ")}, so it looks like a magnetization measurement (e.g. MPMS), which is not an R(T, H) transport file`;
    }
    diags.error(
      "no_resistance_column",
      text,
      { line: ctx.headerLine },
      'a resistance column such as "R (Ohm)", "Rs (Ohm/sq)", "Bridge 1 Resistance (Ohms)", or options.mapping.resistance',
    );
    fatal = true;
  }
  if (fatal) return { columns, binding: null };

  const constH = chosen.field >= 0 ? NaN : (ctx.constants.H_Oe ?? NaN);
  const constP = chosen.pressure >= 0 ? NaN : (ctx.constants.P_GPa ?? NaN);
  const constT = chosen.temperature >= 0 ? NaN : (ctx.constants.T_K ?? NaN);
  return { columns, binding: { slots, constH, constP, constT } };
}

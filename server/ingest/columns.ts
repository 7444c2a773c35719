/**
 * Column headers: splitting "Name (unit)" and deciding each column's role.
 * Shared by the delimited-text, Quantum Design and Lake Shore parsers.
 */
import { parseUnit, isKnownForeignUnit, type UnitInfo } from "./units";
import type { TColumnRole, TQuantity } from "./types";

export interface HeaderParts {
  base: string;
  /** Unit text as written; null when the header carries none, "" for empty "()". */
  unit: string | null;
}

/** Splits "Temperature (K)", "T [mK]", "R / Ohm", "Temperature, K" or "T_K" into name and unit. */
export function splitHeader(raw: string): HeaderParts {
  const h = raw.trim();
  let m = /^(.*?)\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*$/.exec(h);
  if (m && m[1]!.trim() !== "") return { base: m[1]!.trim(), unit: m[2]!.trim() };
  m = /^(.*?)\s*\[([^[\]]*)\]\s*$/.exec(h);
  if (m && m[1]!.trim() !== "") return { base: m[1]!.trim(), unit: m[2]!.trim() };
  m = /^(.*?)\s*\{([^{}]*)\}\s*$/.exec(h);
  if (m && m[1]!.trim() !== "") return { base: m[1]!.trim(), unit: m[2]!.trim() };
  m = /^(.*?\S)\s+\/\s*(\S.*)$/.exec(h);
  if (m && parseUnit(m[2]!)) return { base: m[1]!.trim(), unit: m[2]!.trim() };
  m = /^(.*?\S)\s*,\s*(\S+)$/.exec(h);
  if (m && parseUnit(m[2]!)) return { base: m[1]!.trim(), unit: m[2]!.trim() };
  m = /^(.+?)_(?=[^_]+$)(.+)$/.exec(h);
  if (m && parseUnit(m[2]!) && !/^(?:T|G|h|s|m)$/.test(m[2]!)) return { base: m[1]!, unit: m[2]! };
  // "T_T" / "H_T" style: a tesla suffix only on a field-like base.
  if (m && m[2] === "T" && /^(?:h|b|mu0h|µ0h|field)$/i.test(m[1]!)) return { base: m[1]!, unit: "T" };
  return { base: h, unit: null };
}

function norm(s: string): string {
  return s
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/μ|µ/g, "u")
    .replace(/[_\s]+/g, " ")
    .trim();
}

/** Words that mark a column as a by-product (errors, set points, instrument state), never data. */
const EXCLUDE =
  /(?:std|stdev|dev\b|deviation|\berr\b|\berr\.|error|sigma|uncert|phase|quad|harm|gain|range|excit|\bcurrent\b|\bvolt|\bvin\b|status|\bmin\b|\bmax\b|min\.|max\.|\brate\b|sweep ?rate|set ?point|setpoint|target|\bavg\b|average|chamber|puck|system temp|\bdrive\b|\bmap\b|digital|position|angle|frequency|\bfreq\b|lock-?in|number of|\bcount\b|comment|addenda|\bhc\b|moment|mobility|carrier|density|coefficient|readings|\bmode\b|\bcode\b|\bgain\b|\bsignal\b|\bcritical\b|crit\.|\bc\.cur|amplitude|ampl\b|iout|ipower|\bpower\b|heater|\bflow\b|level|\bdac\b|\badc\b|\bvx\b|\bvy\b|\bix\b|\biy\b)/;

const TEMP_NAME =
  /^(?:t|temp|temperature|sample temp|sample temperature|temperature sample|t ?sample|tsample|t ?sample temp|ts|t ?s|t ?(?:probe|film|chip|stage|ruo2|cx|cernox|mc|mxc|mix|still|bath|sensor|sens|therm|thermometer)|(?:probe|film|chip|stage|ruo2|cernox|mc|mxc|mixing chamber|bath|sensor|thermometer) ?(?:t|temp|temperature)|tmc|tmxc|t_k)$/;
const FIELD_NAME =
  /^(?:h|b|field|magnetic field|mag field|b ?field|h ?field|field ?h|field ?b|u0h|mu0h|mu0 h|u0 h|mu_0h|mu_0 h|bz|hz|b_z|h_z|b ?perp|h ?perp|b ?par|b ?para|b ?parallel|h ?par|h ?para|h ?parallel|b ?ip|b ?inplane|b ?in-plane|b ?oop|magnet|magnet field|applied field)$/;
const PRESSURE_NAME = /^(?:p|pressure|sample pressure|cell pressure|dac pressure|p ?sample|p ?cell|p ?ruby|ruby pressure)$/;
const TIME_NAME = /^(?:time|time stamp|timestamp|t ?\(?s\)?|elapsed|elapsed time|time elapsed|epoch|unix time|datetime)$/;

export interface ColumnClass {
  role: TColumnRole;
  unit: string;
  unitInfo: UnitInfo | null;
  /** Priority among candidates of the same role (higher wins). */
  score: number;
  quantity?: TQuantity;
  channel?: string;
  /** Channel key shared by a resistance column and its resistivity twin (QD "Bridge N"). */
  twinKey?: string;
  /** Set when the column looks like a role but its unit is unusable. */
  problem?: { code: "unit_not_recognised" | "unit_role_conflict"; message: string; expected: string };
  note?: string;
  /** Unit missing: the default assumed for the role (reported as a warning). */
  assumedUnit?: string;
  /** Readout the name implies (lock-in X: signed; lock-in R / magnitude: magnitude). */
  readout?: "signed" | "magnitude";
}

/**
 * Lock-in components: "lockin_1_ResX", "LI2 ResR", "Lock-in R", "Res mag". X is the in-phase
 * resistance (signed), R or magnitude is sqrt(X² + Y²) (never negative), Y and θ are not
 * resistances.
 */
function lockinInfo(n: string): { component: "x" | "y" | "r" | "theta"; channel?: string } | null {
  const m =
    /^(?:(?:lock-?in|lia|li|sr ?\d{3})[ -]?(\d*)[ -]?)?(?:res|resistance)[ -]?(x|y|r|mag|magnitude|theta|phase)$/.exec(n) ??
    /^(?:lock-?in|lia|li)[ -]?(\d*)[ -]?(?:r ?)?(x|y|r|mag|magnitude|theta)$/.exec(n);
  if (!m) return null;
  const c = m[2]!;
  const component = c === "x" ? "x" : c === "y" ? "y" : c === "theta" || c === "phase" ? "theta" : "r";
  return { component };
}

/** A current-reversal resistance ("R(+-)-2700-CH1", "R±", "R (+/-)"), or one polarity of it. */
function reversalInfo(n: string): "average" | "single" | null {
  if (/^(?:r|res|resistance)[ _-]?(?:\(\+-\)|\(-\+\)|\(±\)|\(\+\/-\)|±|\+-|\+\/-)/.test(n)) return "average";
  if (/^(?:r|res|resistance)[ _-]?(?:\(\+\)|\(-\)|\+|-)(?:$|[ _-])/.test(n)) return "single";
  return null;
}

const EXPECTED_UNITS: Record<string, string> = {
  temperature: "K or mK",
  field: "Oe, kOe, G, kG, T or mT",
  pressure: "GPa, kbar, MPa or bar",
  resistance: "Ohm, kOhm, MOhm, mOhm (optionally /sq for sheet resistance) or Ohm-cm, Ohm-m for resistivity",
  time: "s, ms, min or h",
};

function resistanceNameInfo(base: string): { channel: string; twinKey?: string; score: number } | null {
  const n = norm(base);
  let m = /^bridge ?(\d+) (resistance|resistivity)$/.exec(n);
  if (m) return { channel: `Bridge ${m[1]}`, twinKey: `bridge${m[1]}`, score: m[2] === "resistance" ? 10 : 5 };
  m = /^(?:resistance|resistivity) ch ?(\d+)$/.exec(n);
  if (m) return { channel: `Ch${m[1]}`, twinKey: `ch${m[1]}`, score: 10 };
  m = /^res\.? ?ch ?(\d+)$/.exec(n);
  if (m) return { channel: `Ch${m[1]}`, twinKey: `ch${m[1]}`, score: 8 };
  // "R-CH1", "R_xx ch2", "Rxx-2182-CH4": a resistance with an instrument and channel suffix.
  if (/^(?:r|res|resistance|r ?xx|r ?xy|r ?4p)(?:[ -][a-z0-9.]+)*?[ -]ch ?\d+$/.test(n)) return { channel: base.trim(), score: 6 };
  if (
    /^(?:r|res|resistance|resistivity|rho|rs|rsq|r ?sq|r ?sheet|rsheet|sheet resistance|sheet res|sheet resistivity|r ?s|r ?xx|r ?xy|r ?yx|r ?yy|r ?\d+|r ?[a-h]{2}|r ?(?:4p|4pt|4 ?probe|2p|2pt|2 ?probe|long|trans|hall|film|sample|dut|device|meas|measured)|rho ?(?:xx|xy)|(?:zero-field|zero field|hall|longitudinal|transverse|four-probe|4-probe|two-probe|2-probe|sample|film|device|channel ?\d+|ch ?\d+) ?(?:resistance|resistivity)|(?:resistance|resistivity) ?(?:\d+|xx|xy|[a-d]|ch ?\d+|channel ?\d+))$/.test(
      n,
    )
  ) {
    return { channel: base.trim(), score: 6 };
  }
  return null;
}

/**
 * Classifies one header. `qd` enables Quantum Design conventions (an empty "()" unit means an
 * unconfigured map channel).
 */
export function classifyColumn(raw: string, qd = false): ColumnClass {
  const { base, unit } = splitHeader(raw);
  const n = norm(base);
  const unitText = unit ?? "";
  const info = unit ? parseUnit(unit) : null;
  const other = (note?: string): ColumnClass => ({
    role: "other",
    unit: unitText,
    unitInfo: info,
    score: 0,
    ...(note ? { note } : {}),
  });

  if (qd && unit === "") return other("empty unit: unconfigured instrument map channel");
  const lockin = lockinInfo(n);
  if (lockin && lockin.component !== "x" && lockin.component !== "r") {
    return other(lockin.component === "y" ? "lock-in Y (quadrature) component: not a resistance" : "lock-in phase: not a resistance");
  }
  const reversal = lockin ? null : reversalInfo(n);
  if (reversal === "single") return other("one current polarity: the current-reversal average is the resistance");
  const special = lockin !== null || reversal !== null;
  if (!special && EXCLUDE.test(n)) {
    return other();
  }

  let role: TColumnRole | null = null;
  let score = 0;
  let channel: string | undefined;
  let twinKey: string | undefined;
  if (special) {
    role = "resistance";
    score = 6;
    channel = raw.trim();
  } else if (TEMP_NAME.test(n)) {
    role = "temperature";
    score = /sample|^t$|^temperature$|^temp$/.test(n) ? 10 : /mc|mxc|mix|still|bath/.test(n) ? 3 : 6;
  } else if (FIELD_NAME.test(n)) {
    role = "field";
    score = 10;
  } else if (PRESSURE_NAME.test(n)) {
    role = "pressure";
    score = 10;
  } else if (TIME_NAME.test(n)) {
    role = "time";
    score = 10;
  } else {
    const r = resistanceNameInfo(base);
    if (r) {
      role = "resistance";
      score = r.score;
      channel = r.channel;
      twinKey = r.twinKey;
    }
  }

  // A gas or chamber pressure is never the sample pressure.
  if (role === "pressure" && info?.dimension === "gas_pressure") return other("gas pressure, not sample pressure");
  if (role === "pressure" && qd && unit === null) return other();

  if (role === null) {
    // Unrecognised name: fall back on an unambiguous unit.
    if (!info) return other();
    switch (info.dimension) {
      case "temperature":
        return { role: "temperature", unit: unitText, unitInfo: info, score: 2 };
      case "field":
        return { role: "field", unit: unitText, unitInfo: info, score: 2 };
      case "pressure":
        return { role: "pressure", unit: unitText, unitInfo: info, score: 2 };
      case "resistance":
      case "sheet_resistance":
      case "resistivity":
        return {
          role: "resistance",
          unit: unitText,
          unitInfo: info,
          score: 2,
          quantity: info.dimension,
          channel: base.trim() || raw.trim(),
        };
      default:
        return other();
    }
  }

  const wanted: Record<string, readonly string[]> = {
    temperature: ["temperature"],
    field: ["field"],
    pressure: ["pressure"],
    time: ["time"],
    resistance: ["resistance", "sheet_resistance", "resistivity"],
  };
  const result: ColumnClass = { role, unit: unitText, unitInfo: info, score };
  if (channel !== undefined) result.channel = channel;
  if (twinKey !== undefined) result.twinKey = twinKey;
  if (lockin) result.readout = lockin.component === "x" ? "signed" : "magnitude";
  else if (reversal) result.readout = "signed";

  if (unit === null || unit === "") {
    // No unit: assume the conventional one and say so.
    const assumed =
      role === "temperature"
        ? "K"
        : role === "field"
          ? /^(?:b|mu0h|u0h|mu0 h|u0 h|mu_0h|mu_0 h|bz|b_z|b ?field|b ?perp|b ?par|b ?para|b ?parallel|b ?ip|b ?inplane|b ?in-plane|b ?oop)$/.test(n)
            ? "T"
            : "Oe"
          : role === "pressure"
            ? "GPa"
            : role === "time"
              ? "s"
              : /resistivity|rho/.test(n)
                ? "Ohm-cm"
                : /sheet|^rs$|^rsq$|^r ?sq$|^r ?sheet$|^rsheet$|^r ?s$/.test(n)
                  ? "Ohm/sq"
                  : "Ohm";
    const ai = parseUnit(assumed)!;
    result.unitInfo = ai;
    result.assumedUnit = assumed;
    if (role === "resistance") result.quantity = ai.dimension as TQuantity;
    return result;
  }

  if (!info) {
    if (role === "time") {
      // Time columns are informational only; an odd time unit is not a problem.
      return other("time column with an unrecognised unit");
    }
    if (isKnownForeignUnit(unit)) return other(`unit ${unit} is not a ${role} unit`);
    result.problem = {
      code: "unit_not_recognised",
      message: `unit "${unit}" of this ${role} column is not recognised`,
      expected: EXPECTED_UNITS[role] ?? "a known unit",
    };
    return result;
  }
  if (!wanted[role]!.includes(info.dimension)) {
    if (role === "temperature" && info.dimension === "time") {
      // "t (s)": a lower-case t with a time unit is time, not temperature.
      return { role: "time", unit: unitText, unitInfo: info, score: 5 };
    }
    if (role === "temperature" && info.dimension === "field") {
      result.problem = {
        code: "unit_role_conflict",
        message: `the name suggests temperature but the unit "${unit}" is tesla (a field unit)`,
        expected: EXPECTED_UNITS.temperature!,
      };
      return result;
    }
    // e.g. "R (K)" or "P (Torr)": the unit wins over the name when it names a readable quantity.
    return other(`unit ${unit} does not fit a ${role} column`);
  }
  if (role === "resistance") result.quantity = info.dimension as TQuantity;
  return result;
}

export { EXPECTED_UNITS };

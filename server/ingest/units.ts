/**
 * Units read from column headers, and their conversion to canonical units:
 * K, Oe, GPa, s, Ω, Ω/sq, Ω·cm.
 */

export type TDimension =
  | "temperature"
  | "field"
  | "pressure"
  | "gas_pressure"
  | "time"
  | "resistance"
  | "sheet_resistance"
  | "resistivity"
  | "other";

export interface UnitInfo {
  dimension: TDimension;
  /** Multiplier to the canonical unit. */
  factor: number;
  /** Canonical unit after conversion. */
  canonical: string;
}

export const CANONICAL_UNIT: Record<TDimension, string> = {
  temperature: "K",
  field: "Oe",
  pressure: "GPa",
  gas_pressure: "",
  time: "s",
  resistance: "Ω",
  sheet_resistance: "Ω/sq",
  resistivity: "Ω·cm",
  other: "",
};

const H_OVER_E2 = 25812.80745; // von Klitzing constant h/e², Ω (exact in the 2019 SI)

function u(dimension: TDimension, factor: number): UnitInfo {
  return { dimension, factor, canonical: CANONICAL_UNIT[dimension] };
}

/** Units matched exactly (after whitespace collapsing), case-sensitive. */
const EXACT: Record<string, UnitInfo> = {
  K: u("temperature", 1),
  Kelvin: u("temperature", 1),
  kelvin: u("temperature", 1),
  mK: u("temperature", 1e-3),
  millikelvin: u("temperature", 1e-3),
  uK: u("temperature", 1e-6),

  Oe: u("field", 1),
  oe: u("field", 1),
  OE: u("field", 1),
  Oersted: u("field", 1),
  oersted: u("field", 1),
  Oersteds: u("field", 1),
  kOe: u("field", 1e3),
  koe: u("field", 1e3),
  KOe: u("field", 1e3),
  G: u("field", 1),
  Gauss: u("field", 1),
  gauss: u("field", 1),
  kG: u("field", 1e3),
  KG: u("field", 1e3),
  T: u("field", 1e4),
  Tesla: u("field", 1e4),
  tesla: u("field", 1e4),
  mT: u("field", 10),
  uT: u("field", 1e-2),
  "A/m": u("field", (4 * Math.PI) / 1000),
  "kA/m": u("field", 4 * Math.PI),

  GPa: u("pressure", 1),
  gpa: u("pressure", 1),
  kbar: u("pressure", 0.1),
  kBar: u("pressure", 0.1),
  Kbar: u("pressure", 0.1),
  MPa: u("pressure", 1e-3),
  bar: u("pressure", 1e-4),
  Torr: u("gas_pressure", 1),
  torr: u("gas_pressure", 1),
  mbar: u("gas_pressure", 1),
  Pa: u("gas_pressure", 1),
  psi: u("gas_pressure", 1),
  atm: u("gas_pressure", 1),

  s: u("time", 1),
  sec: u("time", 1),
  secs: u("time", 1),
  second: u("time", 1),
  seconds: u("time", 1),
  ms: u("time", 1e-3),
  min: u("time", 60),
  h: u("time", 3600),
  hr: u("time", 3600),
  hours: u("time", 3600),

  "h/e^2": u("resistance", H_OVER_E2),
  "h/e2": u("resistance", H_OVER_E2),
  "h/e²": u("resistance", H_OVER_E2),
};

const PREFIX: Record<string, number> = {
  "": 1,
  k: 1e3,
  K: 1e3,
  M: 1e6,
  G: 1e9,
  m: 1e-3,
  u: 1e-6,
  n: 1e-9,
  kilo: 1e3,
  mega: 1e6,
  milli: 1e-3,
  micro: 1e-6,
};

const SHEET_SUFFIX = /^(?:\/|per|_)?\s*(?:sq|sqr|square|squares)$/i;
const CM_SUFFIX = /^(?:[-·*. ]|\s)*cm$/;
/** Ω·m needs a separator: "kOhmm" is a typo (kΩ·m? kΩ·mm? mΩ?), refused rather than guessed. */
const M_SUFFIX = /^(?:[-·*. ]|\s)+m$/;

/**
 * Parses a unit as written in a header: "K", "mK", "Oe", "kOe", "T", "mT", "GPa", "kbar",
 * "Ohm", "Ohms", "Ω", "kΩ", "MOhm", "mOhm", "Ohm/sq", "Ω/□", "Ohm-cm", "ohm cm", "Ohm-m",
 * "uOhm-cm", … Returns null when the unit is not recognised.
 */
export function parseUnit(raw: string): UnitInfo | null {
  const s = raw
    .normalize("NFC")
    .replace(/[\u03A9\u2126]/g, "ohm") // Ω (Greek capital omega, ohm sign)
    .replace(/[\u00B5\u03BC]/g, "u") // µ, μ
    .replace(/[\u25A1\u25FB\u2610]/g, "sq") // □ ◻ ☐
    .replace(/\s+/g, " ")
    .trim();
  if (s === "") return null;
  const exact = EXACT[s];
  if (exact) return exact;
  const m = /^([A-Za-z]*?)\s*(ohms?)(.*)$/i.exec(s);
  if (m) {
    const prefix = PREFIX[m[1]!];
    if (prefix === undefined) return null;
    const rest = m[3]!.trim();
    if (rest === "") return u("resistance", prefix);
    if (SHEET_SUFFIX.test(rest)) return u("sheet_resistance", prefix);
    if (CM_SUFFIX.test(rest)) return u("resistivity", prefix);
    // "Ohm-mm" is refused too: Ω·mm is rare and easily confused with Ω·mm²/m.
    // The separator may be a blank ("ohm m"), which trimming removed from `rest`.
    if (M_SUFFIX.test(m[3]!.trimEnd())) return u("resistivity", prefix * 100);
    return null;
  }
  return null;
}

/** Units that are recognised but are certainly not one of the quantities read here. */
export function isKnownForeignUnit(raw: string): boolean {
  return /^(?:[munk]?[AVW]|uA|mA|nA|uV|mV|nV|Hz|kHz|deg|degrees?|rad|code|codes?|emu|dB|%|mm|cm|um|g|grams|mg|a\.?u\.?|arb\.?|counts?|watts?|amps?|volts?|cm\^3\/coul|cm³\/C|1\/cm³|cm²\/\(VS\)|mole?|J\/K|mJ\/K|.*\/mole.*)$/i.test(
    raw.trim(),
  );
}

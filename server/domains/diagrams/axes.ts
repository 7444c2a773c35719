/**
 * The axes a phase diagram can use: tuning parameters set by the experimenter, disorder proxies,
 * and per-curve quantities extracted by the fit (see server/fitting/types.ts `QuantityKey`).
 * Labels and units only; the SQL for each axis lives in ./sql.ts.
 */

export const AXIS_KEYS = [
  "H",
  "P",
  "stage",
  "gate",
  "R300",
  "thickness",
  "sample",
  "Tc90",
  "rhoQF",
  "sigmaQFinv",
  "Rsat",
  "sigmaQF",
  "EaS",
  "EaI",
  "Ea",
  "arrT0",
  "hopT0",
  "hopP",
  "wlG0",
  "wlA",
  "ratio350",
] as const;

export type TAxisKey = (typeof AXIS_KEYS)[number];

export type TAxisKind = "tuning" | "disorder" | "category" | "quantity";

export interface AxisDef {
  key: TAxisKey;
  /** short label for axis titles */
  label: string;
  /** what the axis means, for tooltips and the API document */
  description: string;
  unit: string;
  kind: TAxisKind;
  defaultScale: "linear" | "log";
  /** values are small integers shown by name (anneal stages, sample rows) */
  isOrdinal?: boolean;
}

export const AXES: Record<TAxisKey, AxisDef> = {
  H: { key: "H", label: "Field H", description: "magnetic field applied during the sweep", unit: "Oe", kind: "tuning", defaultScale: "linear" },
  P: { key: "P", label: "Pressure P", description: "pressure in the anvil cell", unit: "GPa", kind: "tuning", defaultScale: "linear" },
  stage: { key: "stage", label: "Anneal stage", description: "position of the film in its anneal sequence (S0, S1, …)", unit: "", kind: "tuning", defaultScale: "linear", isOrdinal: true },
  gate: { key: "gate", label: "Gate voltage", description: "gate voltage where a gate is used", unit: "V", kind: "tuning", defaultScale: "linear" },
  R300: { key: "R300", label: "R(300 K)", description: "sheet resistance at 300 K (a disorder proxy), from the curve when it reaches 300 K", unit: "Ω/□", kind: "disorder", defaultScale: "log" },
  thickness: { key: "thickness", label: "Thickness", description: "film thickness", unit: "nm", kind: "disorder", defaultScale: "linear" },
  sample: { key: "sample", label: "Sample", description: "one row per sample (film at one anneal stage)", unit: "", kind: "category", defaultScale: "linear", isOrdinal: true },
  Tc90: { key: "Tc90", label: "Tc (90 % of R_n)", description: "temperature where R falls to 90 % of the normal state just above the drop (seed 003 definition; a metallic normal state is extrapolated into the transition)", unit: "K", kind: "quantity", defaultScale: "linear" },
  rhoQF: { key: "rhoQF", label: "ρ_QF", description: "saturation resistance of a failed superconductor, ρ = ρ_QF + ρ₀·exp(−E_aS/T)", unit: "Ω/□", kind: "quantity", defaultScale: "log" },
  sigmaQFinv: { key: "sigmaQFinv", label: "1/σ_QF", description: "saturation resistance of a failed insulator, ρ = [σ_QF + σ₀·exp(−E_aI/T)]⁻¹", unit: "Ω/□", kind: "quantity", defaultScale: "log" },
  Rsat: { key: "Rsat", label: "Saturation ρ_QF or 1/σ_QF", description: "ρ_QF for curves labelled S or M1, 1/σ_QF for M2 (seed 001, Fig. 4); insulators do not saturate", unit: "Ω/□", kind: "quantity", defaultScale: "log" },
  sigmaQF: { key: "sigmaQF", label: "σ_QF", description: "saturation conductance of a failed insulator", unit: "S", kind: "quantity", defaultScale: "log" },
  EaS: { key: "EaS", label: "E_aS", description: "activation energy on the superconducting side (Eq. 2 of seed 001)", unit: "K", kind: "quantity", defaultScale: "linear" },
  EaI: { key: "EaI", label: "E_aI", description: "activation energy on the insulating side (Eq. 1 of seed 001)", unit: "K", kind: "quantity", defaultScale: "linear" },
  Ea: { key: "Ea", label: "Activation energy E_a", description: "E_aS for curves labelled S or M1, E_aI for M2, I1 and I2", unit: "K", kind: "quantity", defaultScale: "linear" },
  arrT0: { key: "arrT0", label: "Arrhenius T₀", description: "T₀ of R = R₀·exp(T₀/T)", unit: "K", kind: "quantity", defaultScale: "log" },
  hopT0: { key: "hopT0", label: "Hopping T₀", description: "T₀ of R = R₀·exp((T₀/T)^p)", unit: "K", kind: "quantity", defaultScale: "log" },
  hopP: { key: "hopP", label: "Hopping exponent p", description: "p of R = R₀·exp((T₀/T)^p): 1 activated, 1/2 Efros–Shklovskii, 1/3 Mott", unit: "", kind: "quantity", defaultScale: "linear" },
  wlG0: { key: "wlG0", label: "WL G₀", description: "G₀ of the weak-localization fit G = G₀ + A·ln(T/T₀) (seed 003, Eq. 1)", unit: "S", kind: "quantity", defaultScale: "linear" },
  wlA: { key: "wlA", label: "WL prefactor A", description: "A of the weak-localization fit; the M2→I2 boundary sits near 1×10⁻⁵ S", unit: "S", kind: "quantity", defaultScale: "log" },
  ratio350: { key: "ratio350", label: "R(350 mK)/R(300 K)", description: "inverse residual-resistance ratio (seed 003, Fig. 3d)", unit: "", kind: "quantity", defaultScale: "log" },
};

/** Axes along which a series of curves is measured: phase boundaries are located along these. */
export function isSeriesAxis(key: TAxisKey): boolean {
  return key === "H" || key === "P" || key === "stage" || key === "gate";
}

/**
 * Axes whose values are resistances of the curves: Ω/□ when the curve stores a sheet resistance,
 * Ω when it stores a resistance (no number of squares recorded), Ω·m for a resistivity.
 */
export function isResistanceAxis(key: TAxisKey): boolean {
  return AXES[key].unit === "Ω/□";
}

/** What a curve stores (Curve.quantity). */
export type TStoredQuantity = "RESISTANCE" | "SHEET_RESISTANCE" | "RESISTIVITY";
export const STORED_QUANTITIES: readonly TStoredQuantity[] = ["SHEET_RESISTANCE", "RESISTANCE", "RESISTIVITY"];
export const QUANTITY_UNIT: Record<TStoredQuantity, string> = { SHEET_RESISTANCE: "Ω/□", RESISTANCE: "Ω", RESISTIVITY: "Ω·m" };

/** The unit of one point's value on an axis: a resistance axis follows what its curve stores. */
export function pointUnit(key: TAxisKey, quantity: TStoredQuantity | null | undefined): string {
  return isResistanceAxis(key) && quantity ? QUANTITY_UNIT[quantity] : AXES[key].unit;
}

/**
 * The unit of an axis over the points it shows. A resistance axis says Ω/□ only when every point
 * is a sheet resistance; when sheet resistances and resistances meet on one axis it says so
 * ("Ω/□ or Ω, mixed": each point's own unit is in its tooltip and in the exports). With no
 * points (or points frozen before curves carried their quantity) it keeps the axis' unit.
 */
export function axisUnit(key: TAxisKey, quantities: Iterable<TStoredQuantity>): string {
  if (!isResistanceAxis(key)) return AXES[key].unit;
  const present = new Set(quantities);
  const units = STORED_QUANTITIES.filter((q) => present.has(q)).map((q) => QUANTITY_UNIT[q]);
  if (units.length === 0) return AXES[key].unit;
  return units.length === 1 ? units[0]! : `${units.join(" or ")}, mixed`;
}

/** A unit written by axisUnit for a mix of quantities: tick labels then carry no unit. */
export function isMixedUnit(unit: string): boolean {
  return unit.endsWith(", mixed");
}

/** h/4e², the resistance quantum for pairs, in ohm. */
export const R_Q_PAIR_OHM = 6453.2;

export function axisTitle(key: TAxisKey, unit: string = AXES[key].unit): string {
  const def = AXES[key];
  return unit ? `${def.label} (${unit})` : def.label;
}

/**
 * The column of DiagramPoint (and of DiagramSampleExtent's bounds) that holds an axis as it is;
 * the other axes are computed from several columns (sigmaQFinv, Rsat, Ea) or numbered (sample).
 */
export const AXIS_COLUMN: Partial<Record<TAxisKey, string>> = {
  H: "fieldOe",
  P: "pressureGPa",
  gate: "gateVoltageV",
  thickness: "thicknessNm",
  stage: "stageIndex",
  R300: "r300KOhm",
  Tc90: "tc90K",
  rhoQF: "rhoQfOhm",
  sigmaQF: "sigmaQfS",
  EaS: "eaSK",
  EaI: "eaIK",
  arrT0: "arrheniusT0K",
  hopT0: "hoppingT0K",
  hopP: "hoppingP",
  wlG0: "wlG0S",
  wlA: "wlAS",
  ratio350: "ratio350mK300K",
};

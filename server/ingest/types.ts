/**
 * Public types of the ingest module: what a parsed instrument file looks like.
 *
 * Canonical units: temperature in K, field in Oe, pressure in GPa, resistance in Ω,
 * sheet resistance in Ω/sq, resistivity in Ω·cm.
 */

export type TCurveKind = "RT" | "RH";
export type TQuantity = "resistance" | "sheet_resistance" | "resistivity";
export type TDirection = "warming" | "cooling" | "up" | "down" | "mixed";
export type TFileFormat =
  | "qd-dat"
  | "csv"
  | "tsv"
  | "csv-semicolon"
  | "csv-pipe"
  | "whitespace"
  | "json"
  | "lakeshore"
  | "unknown";

/**
 * How the resistance was read out: "signed" (a DC bridge, the in-phase X of a lock-in:
 * negative readings possible), "magnitude" (a lock-in R = sqrt(X² + Y²): never negative),
 * "unknown" when neither the column nor the instrument says.
 */
export type TReadout = "signed" | "magnitude" | "unknown";

export type TColumnRole = "temperature" | "field" | "pressure" | "time" | "resistance" | "other";

/** One problem found in the input. `line` and `column` are 1-based, as editors show them. */
export interface Diagnostic {
  /** Stable machine-readable code, e.g. "non_numeric", "dead_channel" (see README). */
  code: string;
  /** Human-readable sentence naming the file, line and column where known. */
  message: string;
  file?: string;
  line?: number;
  /** 1-based column number in a table, or a JSON path such as "curves[2].T_K[5]". */
  column?: number | string;
  /** What the parser expected to find there. */
  expected?: string;
}

export interface ParsedColumn {
  /** 0-based position of the column in the table header. */
  index: number;
  /** Header text as written in the file. */
  name: string;
  role: TColumnRole;
  /** Unit as written in the header (or set by a mapping override); "" when none. */
  unit: string;
  /** Multiplier from the written unit to the canonical unit (K, Oe, GPa, s, Ω, Ω/sq, Ω·cm). */
  factor: number;
  /** Canonical unit the values are converted to; "" for columns that are not read. */
  canonicalUnit: string;
  /** For resistance-role columns: what the values measure. */
  quantity?: TQuantity;
  /** For resistance-role columns: the channel name used on curves. */
  channel?: string;
  /** Why the column got its role (or was left out), when that is not obvious. */
  note?: string;
  /**
   * Where the unit came from: the header (or a units row), the mapping, a conventional default
   * ("assumed"), or the values and the name ("inferred"). The last two are for the user to confirm.
   */
  unitSource?: "header" | "mapping" | "assumed" | "inferred";
  /** For resistance-role columns: the readout the column name or instrument implies. */
  readout?: TReadout;
}

export interface FixedConditions {
  H_Oe: number | null;
  T_K: number | null;
  P_GPa: number | null;
}

export interface ParsedCurve {
  kind: TCurveKind;
  /** Channel name, e.g. "Bridge 1", "Ch2", "R_xx". */
  channel: string;
  /** Human label for the channel when the file gives one (QD sample name, JSON label). */
  label?: string;
  quantity: TQuantity;
  /** Canonical unit of `R`: "Ω", "Ω/sq" or "Ω·cm". */
  unit: string;
  /**
   * Temperature of every point, K, > 0 and finite; monotonic for kind "RT". An R(H) curve from
   * a file without a temperature column has NaN throughout (and fixed.T_K null).
   */
  T_K: Float64Array;
  /** Resistance (or resistivity) of every point in `unit`; finite, may be ≤ 0. */
  R: Float64Array;
  /** Field of every point, Oe, for kind "RH" (monotonic); null for "RT". */
  H_Oe: Float64Array | null;
  /** Raw rows (readings) behind the points; ≥ points (repeated readings merged into one point). */
  readings: number;
  /** Readings merged into each point, or null when every point is one reading. */
  counts: Uint32Array | null;
  /** Standard deviation of R over the readings of each point (0 for one reading), or null like counts. */
  R_spread: Float64Array | null;
  /** Signed, magnitude or unknown (see TReadout). */
  readout: TReadout;
  /** Conditions held constant during the sweep (median of the points), null when unknown. */
  fixed: FixedConditions;
  direction: TDirection;
  /** How the segment was found: tolerances, swept variable, direction, lines. */
  segmentReason: string;
  /** First and last file line (1-based) of the points kept in this curve. */
  sourceRows: { first: number; last: number };
  /** Position of this curve in acquisition order within the file (0-based, by first line). */
  order: number;
  /** From JSON uploads only. */
  pressureDirection?: "pressurizing" | "depressurizing";
  /**
   * When the first reading of the curve was taken, local instrument time (2024-12-18T10:53:27),
   * where the file relates its time stamps to a date (Quantum Design FILEOPENTIME).
   */
  startedAt?: string;
}

export interface ParserId {
  name: string;
  version: string;
}

export interface ParseStats {
  bytes: number;
  lines: number;
  /** Data rows stored (rows with a valid temperature and at least one resistance value). */
  rows: number;
  /** Resistance values stored over all channels. */
  points: number;
}

export interface ParsedFile {
  format: TFileFormat;
  parser: ParserId;
  metadata: Record<string, string>;
  columns: ParsedColumn[];
  curves: ParsedCurve[];
  warnings: Diagnostic[];
  /** Fatal problems. When non-empty, `curves` is empty and the file must not be imported. */
  errors: Diagnostic[];
  stats: ParseStats;
}

/** Streaming parser: push the file as chunks, then call finish() once. */
export interface IngestParser {
  push(chunk: Uint8Array): void;
  finish(): ParsedFile;
}

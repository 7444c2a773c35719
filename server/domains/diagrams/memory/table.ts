/**
 * The diagram's table (`DiagramPoint`, one row per fit result) held in memory column by column, so
 * that a view is one pass over arrays instead of a scan of the database (see ./sync.ts for how it
 * follows the database and ./reader.ts for the views). Numbers are held with NaN for NULL (the
 * diagram treats NULL and NaN alike: neither can be drawn), times as milliseconds since 1970 (UTC).
 * Rows are kept dense: a removed row's slot takes the last row.
 */
import type { TPhase } from "~/server/domains/curves/schemas";
import type { TStoredQuantity } from "../axes";
import type { TGrade } from "../schemas";

type PressureDirection = "PRESSURIZING" | "DEPRESSURIZING" | "UNKNOWN";

/** Numeric columns: the database column and the name it is held under. */
export const NUMBER_COLUMNS = [
  "stageIndex",
  "confidence",
  "fieldOe",
  "pressureGPa",
  "gateVoltageV",
  "thicknessNm",
  "tc90K",
  "rhoQfOhm",
  "sigmaQfS",
  "eaSK",
  "eaIK",
  "arrheniusT0K",
  "hoppingT0K",
  "hoppingP",
  "wlG0S",
  "wlAS",
  "ratio350mK300K",
  "r300KOhm",
  "tc90KErr",
  "rhoQfOhmErr",
  "sigmaQfSErr",
  "eaSKErr",
  "eaIKErr",
  "arrheniusT0KErr",
  "hoppingT0KErr",
  "hoppingPErr",
  "wlG0SErr",
  "wlASErr",
  "ratio350mK300KErr",
  "r300KOhmErr",
] as const;
export type NumberColumn = (typeof NUMBER_COLUMNS)[number];

/** One row as the database sends it (./sync.ts selects exactly these names). */
export interface TableRow extends Record<NumberColumn, number | string | null> {
  fitResultId: string;
  curveId: string;
  sampleId: string;
  labId: string;
  setupId: string | null;
  uploadId: string | null;
  material: string;
  engineVersion: string;
  reasonCode: string | null;
  isCurrent: boolean;
  inconclusive: boolean;
  phase: TPhase;
  overridePhase: TPhase | null;
  visibility: "PUBLIC" | "SHARED" | "PRIVATE";
  pressureDirection: PressureDirection;
  filteringGrade: TGrade | null;
  quantity: TStoredQuantity;
  /** the generated label and grade keys of migration diagram_point_label_keys */
  labelKey: number;
  gradeKey: number;
  uploadedMs: number;
}

/** The tuning parameters a series runs along (isSeriesAxis). */
export const SERIES_AXES = ["H", "P", "stage", "gate"] as const;
export type SeriesAxis = (typeof SERIES_AXES)[number];

/** A held number as the diagram's points give it: NaN (NULL) is null. */
export const numberOrNull = (v: number): number | null => (Number.isNaN(v) ? null : v);

/** A number as a row gives it: null is NaN, and JSON's "NaN" and "±Infinity" strings are read back. */
function numberOf(v: number | string | null): number {
  return typeof v === "number" ? v : v === null ? Number.NaN : Number(v);
}

const VISIBILITY_CODE = { PUBLIC: 0, SHARED: 1, PRIVATE: 2 } as const;

/**
 * Small integer codes of the values of a text column (labs, samples, materials, engine versions,
 * stored quantities): compared as numbers in a pass, and read back as text by code.
 */
export class Codes {
  private readonly codes = new Map<string, number>();
  /** the values by code */
  readonly values: string[] = [];
  get size(): number {
    return this.codes.size;
  }
  of(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      this.codes.set(value, (code = this.codes.size));
      this.values.push(value);
    }
    return code;
  }
  /** the code of a value, or -1 when no row has had it */
  find(value: string): number {
    return this.codes.get(value) ?? -1;
  }
}

/** One copy of each repeated text. */
class Texts {
  private readonly held = new Map<string, string>();
  of<T extends string>(value: T): T {
    const held = this.held.get(value);
    if (held !== undefined) return held as T;
    this.held.set(value, value);
    return value;
  }
}

export class DiagramTable {
  size = 0;
  readonly fitId: string[] = [];
  readonly curveId: string[] = [];
  readonly setupId: (string | null)[] = [];
  readonly uploadId: (string | null)[] = [];
  readonly reasonCode: (string | null)[] = [];
  readonly isCurrent: boolean[] = [];
  readonly inconclusive: boolean[] = [];
  readonly phase: TPhase[] = [];
  readonly overridePhase: (TPhase | null)[] = [];
  readonly pressureDirection: PressureDirection[] = [];
  readonly filteringGrade: (TGrade | null)[] = [];
  readonly labelKey: number[] = [];
  readonly gradeKey: number[] = [];
  readonly uploadedMs: number[] = [];
  /** text columns held as small integer codes, for the pass over every row (./reader.ts) */
  readonly engineCode: number[] = [];
  readonly quantityCode: number[] = [];
  /** PUBLIC 0, SHARED 1, PRIVATE 2 */
  readonly visibilityCode: number[] = [];
  readonly labCode: number[] = [];
  readonly sampleCode: number[] = [];
  readonly materialCode: number[] = [];
  readonly labCodes = new Codes();
  readonly sampleCodes = new Codes();
  readonly materialCodes = new Codes();
  readonly engineCodes = new Codes();
  readonly quantityCodes = new Codes();
  /**
   * Per series axis, a code of each row's sample and series conditions (./boundaries.ts), or -1
   * until it is asked for after the row was written; and the codes given, by text.
   */
  readonly seriesCode: Record<SeriesAxis, number[]> = { H: [], P: [], stage: [], gate: [] };
  readonly seriesCodes: Record<SeriesAxis, Map<string, number>> = { H: new Map(), P: new Map(), stage: new Map(), gate: new Map() };
  readonly numbers: Record<NumberColumn, number[]> = Object.fromEntries(NUMBER_COLUMNS.map((c) => [c, [] as number[]])) as Record<NumberColumn, number[]>;
  private readonly slots = new Map<string, number>();
  private readonly texts = new Texts();
  private readonly buffers: Float64Array[] = [];

  /**
   * A buffer of at least `size` numbers kept for the passes over the table (a pass runs
   * synchronously, so one pass uses a buffer at a time): large arrays allocated per view cost
   * full garbage collections.
   */
  buffer(slot: number): Float64Array {
    let b = this.buffers[slot];
    if (!b || b.length < this.size) this.buffers[slot] = b = new Float64Array(Math.max(1024, Math.ceil(this.size * 1.25)));
    return b;
  }

  /** Inserts the row, or replaces the row with its fit result id. */
  upsert(row: TableRow): void {
    let i = this.slots.get(row.fitResultId);
    if (i === undefined) {
      i = this.size++;
      this.slots.set(row.fitResultId, i);
    }
    this.fitId[i] = row.fitResultId;
    this.curveId[i] = row.curveId;
    // repeated texts are held once (a row's own copy from the driver is dropped)
    const text = this.texts;
    this.setupId[i] = row.setupId === null ? null : text.of(row.setupId);
    this.uploadId[i] = row.uploadId === null ? null : text.of(row.uploadId);
    this.reasonCode[i] = row.reasonCode === null ? null : text.of(row.reasonCode);
    this.isCurrent[i] = row.isCurrent;
    this.inconclusive[i] = row.inconclusive;
    this.phase[i] = text.of(row.phase);
    this.overridePhase[i] = row.overridePhase === null ? null : text.of(row.overridePhase);
    this.pressureDirection[i] = text.of(row.pressureDirection);
    this.filteringGrade[i] = row.filteringGrade === null ? null : text.of(row.filteringGrade);
    this.labelKey[i] = row.labelKey;
    this.gradeKey[i] = row.gradeKey;
    this.uploadedMs[i] = row.uploadedMs;
    this.visibilityCode[i] = VISIBILITY_CODE[row.visibility];
    this.labCode[i] = this.labCodes.of(row.labId);
    this.sampleCode[i] = this.sampleCodes.of(row.sampleId);
    this.materialCode[i] = this.materialCodes.of(row.material);
    this.engineCode[i] = this.engineCodes.of(row.engineVersion);
    this.quantityCode[i] = this.quantityCodes.of(row.quantity);
    for (const c of NUMBER_COLUMNS) this.numbers[c][i] = numberOf(row[c]);
    for (const axis of SERIES_AXES) this.seriesCode[axis][i] = -1;
  }

  /** Removes the row of a fit result, if held: the last row moves into its slot. */
  remove(fitResultId: string): void {
    const i = this.slots.get(fitResultId);
    if (i === undefined) return;
    this.slots.delete(fitResultId);
    const last = --this.size;
    if (i !== last) {
      for (const column of this.columns()) column[i] = column[last];
      this.slots.set(this.fitId[i]!, i);
    }
    for (const column of this.columns()) column.length = last;
  }

  /** Empties the table (before the whole table is read again). */
  clear(): void {
    this.size = 0;
    this.slots.clear();
    for (const column of this.columns()) column.length = 0;
  }

  sampleIdAt(i: number): string {
    return this.sampleCodes.values[this.sampleCode[i]!]!;
  }
  labIdAt(i: number): string {
    return this.labCodes.values[this.labCode[i]!]!;
  }
  engineAt(i: number): string {
    return this.engineCodes.values[this.engineCode[i]!]!;
  }
  quantityAt(i: number): TStoredQuantity {
    return this.quantityCodes.values[this.quantityCode[i]!] as TStoredQuantity;
  }

  has(fitResultId: string): boolean {
    return this.slots.has(fitResultId);
  }

  private columns(): unknown[][] {
    return [
      this.fitId,
      this.curveId,
      this.setupId,
      this.uploadId,
      this.reasonCode,
      this.isCurrent,
      this.inconclusive,
      this.phase,
      this.overridePhase,
      this.pressureDirection,
      this.filteringGrade,
      this.labelKey,
      this.gradeKey,
      this.uploadedMs,
      this.engineCode,
      this.quantityCode,
      this.visibilityCode,
      this.labCode,
      this.sampleCode,
      this.materialCode,
      ...SERIES_AXES.map((axis) => this.seriesCode[axis]),
      ...NUMBER_COLUMNS.map((c) => this.numbers[c]),
    ];
  }
}

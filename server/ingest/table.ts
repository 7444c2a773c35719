/**
 * The hot loop: one delimited data line → cells → numbers → the row store.
 * No strings, no per-cell objects: cell boundaries are byte offsets and numbers are parsed
 * in place. Only columns bound to a role are parsed; scanning stops after the last of them.
 */
import { cellState, parseNumber, scanCell, numState, NUM_OK, NUM_MISSING, NUM_NONFINITE } from "./number";
import type { DiagnosticSink } from "./diagnostics";
import type { RowStore } from "./store";
import { snippet } from "./diagnostics";

export const SLOT_T = 0;
export const SLOT_H = 1;
export const SLOT_P = 2;
export const SLOT_R = 3;
/** Time stamp of the row (only read when the file's clock can be related to a date). */
export const SLOT_TIME = 4;

/** |value| at or above this is an instrument overflow marker (e.g. 9.9E37, 1E+101), not data. */
export const SENTINEL_ABS = 1e30;

export interface SlotSpec {
  kind: typeof SLOT_T | typeof SLOT_H | typeof SLOT_P | typeof SLOT_R | typeof SLOT_TIME;
  column: number;
  name: string;
  factor: number;
  /** Store channel slot for resistance columns. */
  channel: number;
}

export interface TableBinding {
  slots: SlotSpec[];
  /** Fixed field / pressure when the table has no such column (NaN = unknown). */
  constH: number;
  constP: number;
  /** Fixed temperature when the table has no temperature column (NaN = unknown). */
  constT: number;
}

export interface TableConfig {
  /** Delimiter byte, or -1 for runs of spaces/tabs. */
  delimiter: number;
  decimalComma: boolean;
}

export const RowResult = {
  Stored: 0,
  Skipped: 1,
  /** The temperature cell holds text: a repeated header, a note, or a broken row. */
  TextInTemperature: 2,
  Stopped: 3,
} as const;
export type TRowResult = (typeof RowResult)[keyof typeof RowResult];

export class TableReader {
  private readonly colSlot: Int32Array;
  private readonly maxCol: number;
  private readonly vals: Float64Array;
  private readonly stat: Uint8Array;
  private readonly tSlot: number;
  private readonly hSlot: number;
  private readonly pSlot: number;
  private readonly timeSlot: number;
  private readonly rSlots: Int32Array;
  /** Rows skipped because the temperature cell was empty. */
  missingTemperature = 0;
  /** Bytes of the last cell that failed in the temperature column (for repeated-header checks). */
  lastBadStart = 0;
  lastBadEnd = 0;
  stopped = false;
  points = 0;
  /** NaN / ±Infinity cells met in bound columns. */
  nonFinite = 0;
  /** Set just before the file's last line when that line has no line break after it. */
  final = false;
  /** Byte length of the last stored row (to tell a row cut short). */
  private lastLen = 0;

  constructor(
    private readonly binding: TableBinding,
    private readonly cfg: TableConfig,
    private readonly store: RowStore,
    private readonly diags: DiagnosticSink,
    private readonly maxPoints: number,
  ) {
    const slots = binding.slots;
    let maxCol = -1;
    for (const s of slots) maxCol = Math.max(maxCol, s.column);
    this.maxCol = maxCol;
    this.colSlot = new Int32Array(maxCol + 1).fill(-1);
    slots.forEach((s, i) => {
      this.colSlot[s.column] = i;
    });
    this.vals = new Float64Array(slots.length);
    this.stat = new Uint8Array(slots.length);
    this.tSlot = slots.findIndex((s) => s.kind === SLOT_T);
    this.hSlot = slots.findIndex((s) => s.kind === SLOT_H);
    this.pSlot = slots.findIndex((s) => s.kind === SLOT_P);
    this.timeSlot = slots.findIndex((s) => s.kind === SLOT_TIME);
    this.rSlots = Int32Array.from(
      slots.map((s, i) => (s.kind === SLOT_R ? i : -1)).filter((i) => i >= 0),
    );
  }

  /** Parses one data line. The caller has already skipped blank and comment lines. */
  readLine(buf: Uint8Array, s: number, e: number, lineNo: number): TRowResult {
    if (this.stopped) return RowResult.Stopped;
    if (this.final) return this.readFinalLine(buf, s, e, lineNo);
    const r = this.parseLine(buf, s, e, lineNo);
    if (r === RowResult.Stored) this.lastLen = e - s;
    return r;
  }

  /**
   * The last line of a file that does not end with a line break may have been cut short. It is
   * kept only when every bound cell parses as a number and it is not shorter than the row
   * before it (a number cut short still parses); otherwise it is left out with a warning.
   */
  private readFinalLine(buf: Uint8Array, s: number, e: number, lineNo: number): TRowResult {
    this.final = false;
    this.scanCells(buf, s, e);
    const stat = this.stat;
    let complete = true;
    for (let k = 0; k < stat.length; k++) if (stat[k] !== NUM_OK) complete = false;
    if (this.lastLen > 0 && e - s < this.lastLen - 2) complete = false;
    if (!complete) {
      this.diags.warn(
        "truncated_last_line",
        `the file does not end with a line break and its last line ${lineNo} looks cut short (${e - s} bytes against ${this.lastLen} in the row before, or a cell that is not a number); the row is left out`,
        { line: lineNo },
        "a complete last row followed by a line break",
      );
      return RowResult.Skipped;
    }
    const r = this.storeRow(buf, s, e, lineNo);
    this.diags.warn(
      "unterminated_last_line",
      `the file does not end with a line break; its last line ${lineNo} is complete (every field parses) and was kept`,
      { line: lineNo },
    );
    return r;
  }

  private parseLine(buf: Uint8Array, s: number, e: number, lineNo: number): TRowResult {
    this.scanCells(buf, s, e);
    return this.storeRow(buf, s, e, lineNo);
  }

  /** Splits one line into the bound cells and parses them into vals/stat. */
  private scanCells(buf: Uint8Array, s: number, e: number): void {
    const stat = this.stat;
    const vals = this.vals;
    for (let k = 0; k < stat.length; k++) stat[k] = NUM_MISSING;
    const colSlot = this.colSlot;
    const maxCol = this.maxCol;
    const d = this.cfg.delimiter;
    const dc = this.cfg.decimalComma;
    let i = s;
    let col = 0;
    if (d < 0) {
      while (col <= maxCol) {
        while (i < e && (buf[i] === 32 || buf[i] === 9)) i++;
        if (i >= e) break;
        const cs = i;
        while (i < e && buf[i] !== 32 && buf[i] !== 9) i++;
        const slot = colSlot[col]!;
        if (slot >= 0) {
          vals[slot] = parseNumber(buf, cs, i, dc);
          stat[slot] = numState.status;
        }
        col++;
      }
    } else {
      while (col <= maxCol) {
        const slot = colSlot[col]!;
        if (slot >= 0) {
          vals[slot] = scanCell(buf, i, e, d, dc);
          stat[slot] = numState.status;
          i = cellState.end;
        } else {
          if (i < e && buf[i] === 34) {
            // Quoted cell: delimiters inside quotes do not count.
            i++;
            while (i < e) {
              if (buf[i] === 34) {
                if (i + 1 < e && buf[i + 1] === 34) {
                  i += 2;
                  continue;
                }
                break;
              }
              i++;
            }
          }
          while (i < e && buf[i] !== d) i++;
        }
        col++;
        if (i >= e) break;
        i++;
      }
    }
  }

  private storeRow(buf: Uint8Array, s: number, e: number, lineNo: number): TRowResult {
    const slots = this.binding.slots;
    const vals = this.vals;
    const stat = this.stat;
    const ts = this.tSlot;
    if (ts < 0) return this.storeValues(this.binding.constT, lineNo, buf, s, e);
    const tStat = stat[ts]!;
    if (tStat !== NUM_OK) {
      if (tStat === NUM_MISSING) {
        this.missingTemperature++;
        return RowResult.Skipped;
      }
      if (tStat === NUM_NONFINITE) {
        this.warnNonFinite(ts, lineNo, buf, s, e, "the row is skipped");
        return RowResult.Skipped;
      }
      this.lastBadStart = s;
      this.lastBadEnd = e;
      return RowResult.TextInTemperature;
    }
    const T = vals[ts]! * slots[ts]!.factor;
    if (!(T > 0) || !Number.isFinite(T)) {
      const spec = slots[ts]!;
      this.diags.warn(
        "nonpositive_temperature",
        `temperature ${T} K is not positive; row skipped`,
        { line: lineNo, column: spec.column + 1, columnName: spec.name },
        "a temperature above 0 K",
      );
      return RowResult.Skipped;
    }
    return this.storeValues(T, lineNo, buf, s, e);
  }

  private storeValues(T: number, lineNo: number, buf: Uint8Array, s: number, e: number): TRowResult {
    const slots = this.binding.slots;
    const vals = this.vals;
    const stat = this.stat;
    let H = this.binding.constH;
    if (this.hSlot >= 0) H = this.optional(this.hSlot, lineNo, buf, s, e);
    let P = this.binding.constP;
    if (this.pSlot >= 0) P = this.optional(this.pSlot, lineNo, buf, s, e);

    const rSlots = this.rSlots;
    let row = -1;
    let stored = 0;
    for (let k = 0; k < rSlots.length; k++) {
      const si = rSlots[k]!;
      const st = stat[si]!;
      if (st === NUM_MISSING) continue;
      const spec = slots[si]!;
      if (st === NUM_NONFINITE) {
        this.warnNonFinite(si, lineNo, buf, s, e, "value skipped");
        continue;
      }
      if (st !== NUM_OK) {
        this.warnText(si, lineNo, buf, s, e, "a number (resistance)");
        continue;
      }
      const v = vals[si]! * spec.factor;
      if (!(Math.abs(v) < SENTINEL_ABS)) {
        this.diags.warn(
          "overflow_sentinel",
          `value ${vals[si]} is an instrument overflow marker, not a measurement; point skipped`,
          { line: lineNo, column: spec.column + 1, columnName: spec.name },
          `|value| below ${SENTINEL_ABS}`,
        );
        continue;
      }
      if (row < 0) {
        row = this.store.beginRow(T, H, P, lineNo);
        const ti = this.timeSlot;
        if (ti >= 0 && stat[ti] === NUM_OK) this.store.setTime(row, vals[ti]! * slots[ti]!.factor);
      }
      this.store.setValue(spec.channel, row, v);
      stored++;
    }
    if (row < 0) return RowResult.Skipped;
    this.store.commitRow();
    this.points += stored;
    if (this.points > this.maxPoints) {
      this.stopped = true;
      this.diags.error(
        "too_many_points",
        `more than ${this.maxPoints} resistance values; the file exceeds the point limit`,
        { line: lineNo },
        `at most ${this.maxPoints} points (options.limits.maxPoints)`,
      );
      return RowResult.Stopped;
    }
    return RowResult.Stored;
  }

  private optional(si: number, lineNo: number, buf: Uint8Array, s: number, e: number): number {
    const st = this.stat[si]!;
    if (st === NUM_OK) return this.vals[si]! * this.binding.slots[si]!.factor;
    if (st === NUM_NONFINITE) this.warnNonFinite(si, lineNo, buf, s, e, "value skipped");
    else if (st !== NUM_MISSING) this.warnText(si, lineNo, buf, s, e, "a number");
    return NaN;
  }

  /** Reports a NaN or ±Infinity written by the instrument (rare path). */
  private warnNonFinite(si: number, lineNo: number, buf: Uint8Array, s: number, e: number, what: string): void {
    const spec = this.binding.slots[si]!;
    this.nonFinite++;
    this.diags.warn(
      "non_finite_value",
      `the instrument wrote ${JSON.stringify(snippet(this.cellText(buf, s, e, spec.column)))} (not a finite number); ${what}`,
      { line: lineNo, column: spec.column + 1, columnName: spec.name },
      "a finite number",
    );
  }

  /** Reports text in the temperature column of a row (the row is skipped). */
  warnTemperatureText(buf: Uint8Array, s: number, e: number, lineNo: number): void {
    this.warnText(this.tSlot, lineNo, buf, s, e, "a number (temperature); the row is skipped");
  }

  /** Warns about a non-numeric cell, quoting it. Only called on the (rare) error path. */
  warnText(si: number, lineNo: number, buf: Uint8Array, s: number, e: number, expected: string): void {
    const spec = this.binding.slots[si]!;
    const cell = this.cellText(buf, s, e, spec.column);
    this.diags.warn(
      "non_numeric",
      `expected a number, found ${JSON.stringify(snippet(cell))}; value skipped`,
      { line: lineNo, column: spec.column + 1, columnName: spec.name },
      expected,
    );
  }

  /** Text of one cell (error path only). */
  cellText(buf: Uint8Array, s: number, e: number, column: number): string {
    const d = this.cfg.delimiter;
    let i = s;
    for (let col = 0; col <= column; col++) {
      if (d < 0) while (i < e && (buf[i] === 32 || buf[i] === 9)) i++;
      const cs = i;
      if (d < 0) while (i < e && buf[i] !== 32 && buf[i] !== 9) i++;
      else if (buf[i] === 34) {
        i++;
        while (i < e && buf[i] !== 34) i++;
        while (i < e && buf[i] !== d) i++;
      } else while (i < e && buf[i] !== d) i++;
      if (col === column) {
        let out = "";
        for (let k = cs; k < i && k < cs + 80; k++) out += String.fromCharCode(buf[k]!);
        return out.trim();
      }
      i++;
    }
    return "";
  }
}

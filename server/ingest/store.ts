/**
 * Column store for parsed rows: growable Float64Arrays, one per quantity, so memory is
 * ~8 bytes per stored value and nothing is allocated per row or per cell.
 */

export interface StoreChannel {
  name: string;
  label?: string;
  quantity: "resistance" | "sheet_resistance" | "resistivity";
  unit: string;
  /** Key shared with a twin column (QD resistance vs resistivity of the same bridge). */
  twinKey?: string;
  /** Column preference among twins (higher wins). */
  score: number;
  /** 0-based column index in the source table (first table that defined it). */
  columnIndex: number;
  /** Header text of that column. */
  columnName: string;
  /** Readout the column name implies (lock-in X: signed, lock-in R: magnitude). */
  readout?: "signed" | "magnitude" | "unknown";
  values: Float64Array;
  /** Stored values that were finite. */
  count: number;
}

/**
 * Rows with temperature, optional field and pressure, the source line, and one value per
 * channel (NaN where the row has no value for that channel).
 */
export class RowStore {
  n = 0;
  private cap: number;
  T: Float64Array;
  H: Float64Array;
  /** Allocated on the first row that has a pressure (most files have none). */
  P: Float64Array | null = null;
  /** Time stamp of each row in the file's clock (s); allocated when a time is stored. */
  time: Float64Array | null = null;
  line: Float64Array;
  readonly channels: StoreChannel[] = [];

  constructor(capacity = 16384) {
    this.cap = capacity;
    this.T = new Float64Array(capacity);
    this.H = new Float64Array(capacity);
    this.line = new Float64Array(capacity);
  }

  /** Adds a channel; earlier rows get NaN for it. Returns its slot. */
  addChannel(ch: Omit<StoreChannel, "values" | "count">): number {
    const values = new Float64Array(this.cap);
    values.fill(NaN);
    this.channels.push({ ...ch, values, count: 0 });
    return this.channels.length - 1;
  }

  /** Reserves the next row and returns its index; channel values start as NaN. */
  beginRow(T: number, H: number, P: number, line: number): number {
    if (this.n === this.cap) this.growTo(this.cap * 2);
    const i = this.n;
    this.T[i] = T;
    this.H[i] = H;
    if (P === P && this.P === null) {
      this.P = new Float64Array(this.cap);
      this.P.fill(NaN);
    }
    if (this.P !== null) this.P[i] = P;
    this.line[i] = line;
    return i;
  }

  setTime(row: number, t: number): void {
    if (this.time === null) {
      this.time = new Float64Array(this.cap);
      this.time.fill(NaN);
    }
    this.time[row] = t;
  }

  /** Keeps the reserved row (call only when at least one channel value was set). */
  commitRow(): void {
    this.n++;
  }

  setValue(slot: number, row: number, v: number): void {
    const ch = this.channels[slot]!;
    ch.values[row] = v;
    ch.count++;
  }

  private growTo(cap: number): void {
    const grow = (a: Float64Array, fill?: number) => {
      const b = new Float64Array(cap);
      b.set(a.subarray(0, this.n));
      if (fill !== undefined) b.fill(fill, this.n);
      return b;
    };
    this.T = grow(this.T);
    this.H = grow(this.H);
    if (this.P !== null) this.P = grow(this.P, NaN);
    if (this.time !== null) this.time = grow(this.time, NaN);
    this.line = grow(this.line);
    for (const ch of this.channels) ch.values = grow(ch.values, NaN);
    this.cap = cap;
  }
}

import type { ParsedColumn, ParserId, TFileFormat } from "./types";

/** A format-specific line consumer. The streaming parser feeds it every line of the file. */
export interface FormatHandler {
  readonly format: TFileFormat;
  readonly parser: ParserId;
  readonly metadata: Record<string, string>;
  readonly columns: ParsedColumn[];
  /** The table has a field column (else the field is unknown or given by options). */
  readonly hasField: boolean;
  readonly hasPressure: boolean;
  /** No further lines are wanted (fatal problem or point limit reached). */
  readonly stopped: boolean;
  /** Resistance values stored so far. */
  readonly points: number;
  onLine(buf: Uint8Array, start: number, end: number, lineNo: number): void;
  /** Called once after the last line. */
  end(): void;
  /** The next line is the file's last and has no line break after it (it may be cut short). */
  markFinalLine(): void;
}

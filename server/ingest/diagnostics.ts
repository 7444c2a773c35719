import type { Diagnostic } from "./types";

export interface Where {
  line?: number;
  /** 1-based column number or JSON path. */
  column?: number | string;
  /** Header text of the column, quoted in the message when given. */
  columnName?: string;
}

/** "data.csv, line 12, column 3 ("R (Ohm)")" — the location prefix of every message. */
export function describeWhere(file: string, where: Where): string {
  let s = file;
  if (where.line !== undefined) s += `, line ${where.line}`;
  if (where.column !== undefined) {
    s += typeof where.column === "number" ? `, column ${where.column}` : `, at ${where.column}`;
    if (where.columnName !== undefined) s += ` (${JSON.stringify(where.columnName)})`;
  } else if (where.columnName !== undefined) {
    s += `, column ${JSON.stringify(where.columnName)}`;
  }
  return s;
}

/** Shortens arbitrary text for a message (file content may be long or binary). */
export function snippet(text: string, max = 40): string {
  // Replace control characters so a message stays one readable line.
   
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, "\uFFFD");
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/**
 * Collects warnings and errors. Warnings are capped per code so that a file with a
 * million bad rows does not produce a million diagnostics; the excess is counted and
 * reported in one summary warning per code by `finish()`.
 */
export class DiagnosticSink {
  readonly warnings: Diagnostic[] = [];
  readonly errors: Diagnostic[] = [];
  private readonly counts = new Map<string, number>();
  private readonly errorCounts = new Map<string, number>();

  constructor(
    readonly file: string,
    private readonly maxPerCode: number,
  ) {}

  warn(code: string, text: string, where: Where = {}, expected?: string): void {
    const n = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, n);
    if (n > this.maxPerCode) return;
    this.warnings.push(this.make(code, text, where, expected));
  }

  /** A fatal problem: the file cannot be imported. Capped per code like warnings. */
  error(code: string, text: string, where: Where = {}, expected?: string): void {
    const n = (this.errorCounts.get(code) ?? 0) + 1;
    this.errorCounts.set(code, n);
    if (n > Math.max(this.maxPerCode, 1)) return;
    this.errors.push(this.make(code, text, where, expected));
  }

  /**
   * An error that applies only if the file yields no curve at all (e.g. no temperature column:
   * fine for field sweeps, fatal when nothing sweeps); raised by the parser at the end.
   */
  ifNoCurves: { code: string; text: string; where: Where; expected?: string } | null = null;

  hasErrors(): boolean {
    return this.errors.length > 0;
  }

  warningCount(code: string): number {
    return this.counts.get(code) ?? 0;
  }

  /** Appends one summary per code whose warnings were capped. Call once at the end. */
  finish(): void {
    for (const [code, n] of this.counts) {
      if (n > this.maxPerCode) {
        this.warnings.push({
          code: "suppressed",
          message: `${this.file}: ${n - this.maxPerCode} more "${code}" warnings not listed (${n} in total).`,
          file: this.file,
        });
      }
    }
    for (const [code, n] of this.errorCounts) {
      const cap = Math.max(this.maxPerCode, 1);
      if (n > cap) {
        this.errors.push({
          code: "suppressed",
          message: `${this.file}: ${n - cap} more "${code}" errors not listed (${n} in total).`,
          file: this.file,
        });
      }
    }
  }

  private make(code: string, text: string, where: Where, expected?: string): Diagnostic {
    const d: Diagnostic = { code, message: `${describeWhere(this.file, where)}: ${text}`, file: this.file };
    if (where.line !== undefined) d.line = where.line;
    if (where.column !== undefined) d.column = where.column;
    if (expected !== undefined) d.expected = expected;
    return d;
  }
}

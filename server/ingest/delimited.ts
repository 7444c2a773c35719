/**
 * Delimited text tables (CSV, TSV, semicolon, pipe, whitespace): detection of delimiter,
 * decimal comma, header row and units row from the first lines, then streaming rows.
 */
import { bindColumns } from "./binding";
import { LineSplitter, type TextDecoding } from "./bytes";
import type { DiagnosticSink } from "./diagnostics";
import { parseNumberText, numState, NUM_OK, NUM_MISSING, NUM_NONFINITE } from "./number";
import type { ResolvedOptions } from "./options";
import type { RowStore } from "./store";
import { RowResult, TableReader } from "./table";
import { isCommentText, splitCells, stripCommentPrefix, type TDelimiter } from "./text-split";
import type { ParsedColumn, TFileFormat } from "./types";
import { parseUnit } from "./units";
import type { FormatHandler } from "./handler";

export const DELIMITED_PARSER = { name: "delimited-text", version: "2.0.0" } as const;

const CANDIDATES: TDelimiter[] = ["\t", ";", ",", "|", "whitespace"];
const SAMPLE_LINES = 400;

interface SampleLine {
  text: string;
  lineNo: number;
}

export interface TableLayout {
  delimiter: TDelimiter;
  decimalComma: boolean;
  /** 0 when the file has no header row (columns are then "Column 1", …). */
  headerLine: number;
  names: string[];
  unitRow: (string | null)[] | undefined;
  /** Lines up to and including this one are header/preamble. */
  lastHeaderLine: number;
  metadata: Record<string, string>;
}

function isNumericCell(cell: string, decimalComma: boolean): boolean {
  parseNumberText(cell, decimalComma);
  return numState.status === NUM_OK;
}

function dataLike(cells: string[], decimalComma: boolean): { numeric: number; filled: number } {
  let numeric = 0;
  let filled = 0;
  for (const c of cells) {
    if (c === "") continue;
    filled++;
    if (isNumericCell(c, decimalComma)) numeric++;
    else {
      parseNumberText(c, decimalComma);
      if (numState.status === NUM_MISSING || numState.status === NUM_NONFINITE) numeric++;
    }
  }
  return { numeric, filled };
}

function isDataLine(cells: string[], decimalComma: boolean): boolean {
  const { numeric, filled } = dataLike(cells, decimalComma);
  return filled >= 1 && numeric >= Math.max(1, Math.ceil(filled * 0.5)) && numeric >= 1;
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  let best = 0;
  let bestN = 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > bestN || (n === bestN && v > best)) {
      best = v;
      bestN = n;
    }
  }
  return best;
}

export function detectLayout(
  sample: SampleLine[],
  opts: ResolvedOptions,
  diags: DiagnosticSink,
): TableLayout | null {
  let nonBlank = sample.filter((l) => l.text.trim() !== "");
  // Excel writes "sep=;" as the first line of some CSV exports.
  const sepLine = nonBlank[0] ? /^\s*"?sep=(.)"?\s*$/.exec(nonBlank[0].text) : null;
  const sepChar = sepLine && [",", ";", "\t", "|"].includes(sepLine[1]!) ? (sepLine[1] as TDelimiter) : null;
  if (sepLine) nonBlank = nonBlank.slice(1);
  // 1. Delimiter.
  let delimiter: TDelimiter;
  if (opts.delimiter) delimiter = opts.delimiter;
  else if (sepChar) delimiter = sepChar;
  else {
    let bestScore = 0;
    delimiter = ",";
    let found = false;
    for (const cand of CANDIDATES) {
      const lines = nonBlank.filter((l) => !isCommentText(l.text, cand));
      const dc = cand !== ",";
      const rows = lines.map((l) => splitCells(l.text, cand));
      const dataRows = rows.filter((r) => r.length >= 2 && isDataLine(r, dc));
      if (dataRows.length === 0) continue;
      const modal = mode(dataRows.map((r) => r.length));
      if (modal < 2) continue;
      let score = 0;
      for (const r of dataRows) {
        if (r.length !== modal) continue;
        const { numeric, filled } = dataLike(r, dc);
        score += filled > 0 ? numeric / filled : 0;
      }
      if (score > bestScore * 1.0001) {
        bestScore = score;
        delimiter = cand;
        found = true;
      }
    }
    if (!found) {
      diags.error(
        "no_table",
        "no table of numbers found: no line splits into two or more numeric columns with any of the delimiters tab, semicolon, comma, pipe or spaces",
        {},
        "a header row followed by rows of numbers separated by a consistent delimiter",
      );
      return null;
    }
  }

  const lines = nonBlank.filter((l) => !isCommentText(l.text, delimiter));
  const rows = lines.map((l) => ({ ...l, cells: splitCells(l.text, delimiter) }));

  // 2. Decimal comma.
  let decimalComma = false;
  if (opts.decimalComma !== null) decimalComma = opts.decimalComma;
  else if (delimiter !== ",") {
    let comma = 0;
    let dot = 0;
    for (const r of rows) {
      for (const c of r.cells) {
        if (/^[-+]?\d*,\d+(?:[eEdD][-+]?\d+)?$/.test(c)) comma++;
        else if (/^[-+]?\d*\.\d+(?:[eEdD][-+]?\d+)?$/.test(c)) dot++;
      }
    }
    decimalComma = comma > dot;
  }

  // 3. Data block: the first data-like line that is followed by data-like lines.
  const isData = rows.map((r) => r.cells.length >= 1 && isDataLine(r.cells, decimalComma));
  const counts = rows.filter((_, k) => isData[k]).map((r) => r.cells.length);
  const modal = counts.length ? mode(counts) : 0;
  let dataIdx = -1;
  for (let k = 0; k < rows.length; k++) {
    if (!isData[k] || rows[k]!.cells.length < Math.min(2, modal)) continue;
    // Followed by data: at least two of the next three lines (fewer near the end of the sample).
    let next = 0;
    let data = 0;
    for (let q = k + 1; q < Math.min(rows.length, k + 4); q++) {
      next++;
      if (isData[q]) data++;
    }
    if (data >= Math.min(2, next)) {
      dataIdx = k;
      break;
    }
  }

  const metadata: Record<string, string> = { delimiter: delimiter === "\t" ? "tab" : delimiter };
  if (decimalComma) metadata.decimal_separator = "comma";

  // 4. Header row.
  let headerIdx = -1;
  let unitIdx = -1;
  let names: string[] = [];
  let headerLine = 0;
  let lastHeaderLine = 0;
  if (opts.mapping.headerLine !== undefined) {
    const want = opts.mapping.headerLine;
    const k = rows.findIndex((r) => r.lineNo === want);
    const raw = sample.find((l) => l.lineNo === want);
    if (!raw) {
      diags.error(
        "header_not_found",
        `options.mapping.headerLine is ${want}, but the file has no such line within its first ${sample.length} lines`,
        { line: want },
        "the 1-based number of the header line",
      );
      return null;
    }
    names = splitCells(k >= 0 ? raw.text : stripCommentPrefix(raw.text), delimiter);
    headerLine = want;
    lastHeaderLine = want;
    headerIdx = k;
  } else if (dataIdx >= 0) {
    const before: number[] = [];
    for (let k = dataIdx - 1; k >= 0 && before.length < 2; k--) {
      if (!isData[k]) before.unshift(k);
      else break;
    }
    if (before.length === 2) {
      const unitCells = rows[before[1]!]!.cells;
      const filled = unitCells.filter((c) => c !== "");
      const units = filled.filter((c) => parseUnit(c.replace(/^[[(]|[\])]$/g, "")) !== null);
      if (filled.length > 0 && units.length >= Math.ceil(filled.length / 2)) {
        headerIdx = before[0]!;
        unitIdx = before[1]!;
      } else headerIdx = before[1]!;
    } else if (before.length === 1) headerIdx = before[0]!;
    if (headerIdx >= 0) {
      names = rows[headerIdx]!.cells;
      headerLine = rows[headerIdx]!.lineNo;
      lastHeaderLine = unitIdx >= 0 ? rows[unitIdx]!.lineNo : headerLine;
    } else {
      // A header written as a comment ("# T(K) R(Ohm)") right before the data.
      const firstDataLine = rows[dataIdx]!.lineNo;
      const comment = nonBlank.filter((l) => l.lineNo < firstDataLine && isCommentText(l.text, delimiter)).pop();
      if (comment) {
        const cells = splitCells(stripCommentPrefix(comment.text), delimiter);
        if (cells.length === rows[dataIdx]!.cells.length && !isDataLine(cells, decimalComma)) {
          names = cells;
          headerLine = comment.lineNo;
          metadata.header_from_comment = "yes";
        }
      }
      lastHeaderLine = firstDataLine - 1;
    }
  }

  if (names.length === 0) {
    const width = dataIdx >= 0 ? rows[dataIdx]!.cells.length : 0;
    const m = opts.mapping;
    if (width >= 2 && m.temperature !== undefined && m.resistance !== undefined) {
      names = Array.from({ length: width }, (_, k) => `Column ${k + 1}`);
      metadata.header = "none (columns from options.mapping)";
    } else {
      diags.error(
        "no_header_row",
        dataIdx >= 0
          ? `no header row before the data that starts on line ${rows[dataIdx]!.lineNo}; cannot tell which column is temperature and which is resistance`
          : "no header row and no block of numeric rows found",
        dataIdx >= 0 ? { line: rows[dataIdx]!.lineNo } : {},
        'a header row naming the columns, e.g. "T (K),R (Ohm)", or options.mapping with column indices',
      );
      return null;
    }
  }
  // Widen to the data width so unnamed trailing columns still exist.
  if (dataIdx >= 0) {
    const width = rows[dataIdx]!.cells.length;
    for (let k = names.length; k < width; k++) names.push(`Column ${k + 1}`);
  }
  names = names.map((n, k) => (n === "" ? `Column ${k + 1}` : n));

  // Preamble "key: value" lines become metadata.
  let kept = 0;
  for (const l of sample) {
    if (l.lineNo >= (headerLine || lastHeaderLine + 1)) break;
    const m = /^[\s#%;/]*([A-Za-z][\w .()-]{0,40}?)\s*[:=]\s*(.{1,300})$/.exec(l.text);
    if (m && kept < 50) {
      metadata[`header.${m[1]!.trim()}`] = m[2]!.trim();
      kept++;
    }
  }

  let unitRow: (string | null)[] | undefined;
  if (unitIdx >= 0) {
    unitRow = rows[unitIdx]!.cells.map((c) => (c === "" ? null : c.replace(/^[[(]|[\])]$/g, "")));
  }
  return { delimiter, decimalComma, headerLine, names, unitRow, lastHeaderLine, metadata };
}

/** Splits the first lines of the prelude into decoded strings for detection. */
export function sampleLines(bytes: Uint8Array, sep: 10 | 13, text: TextDecoding, isFinal: boolean): SampleLine[] {
  const out: SampleLine[] = [];
  const splitter = new LineSplitter(
    sep,
    (buf, s, e, lineNo) => {
      if (out.length < SAMPLE_LINES) out.push({ text: text.decode(buf, s, e), lineNo });
    },
    Number.MAX_SAFE_INTEGER,
    () => {},
  );
  splitter.push(bytes);
  if (isFinal) splitter.end();
  return out;
}

const DELIM_BYTE: Record<TDelimiter, number> = { ",": 44, ";": 59, "\t": 9, "|": 124, whitespace: -1 };
const FORMAT_OF: Record<TDelimiter, TFileFormat> = {
  ",": "csv",
  ";": "csv-semicolon",
  "\t": "tsv",
  "|": "csv-pipe",
  whitespace: "whitespace",
};

export function createDelimitedHandler(
  sample: SampleLine[],
  opts: ResolvedOptions,
  diags: DiagnosticSink,
  store: RowStore,
  text: TextDecoding,
): FormatHandler {
  const layout = detectLayout(sample, opts, diags);
  let columns: ParsedColumn[] = [];
  let reader: TableReader | null = null;
  let headerText = "";
  let hasField = false;
  let hasPressure = false;
  if (layout) {
    const bound = bindColumns({
      names: layout.names,
      headerLine: layout.headerLine,
      qd: false,
      mapping: opts.mapping,
      constants: opts.constants,
      diags,
      store,
      ...(layout.unitRow ? { unitRow: layout.unitRow } : {}),
    });
    columns = bound.columns;
    if (bound.binding) {
      reader = new TableReader(
        bound.binding,
        { delimiter: DELIM_BYTE[layout.delimiter], decimalComma: layout.decimalComma },
        store,
        diags,
        opts.limits.maxPoints,
      );
      hasField = columns.some((c) => c.role === "field");
      hasPressure = columns.some((c) => c.role === "pressure");
    }
    headerText = sample.find((l) => l.lineNo === layout.headerLine)?.text.trim() ?? "";
  }
  const delimiter = layout?.delimiter ?? ",";
  const delimByte = DELIM_BYTE[delimiter];
  const semicolonIsDelim = delimiter === ";";
  const last = layout ? layout.lastHeaderLine : Number.MAX_SAFE_INTEGER;

  return {
    format: layout ? FORMAT_OF[layout.delimiter] : "csv",
    parser: DELIMITED_PARSER,
    metadata: layout ? layout.metadata : {},
    get columns() {
      return columns;
    },
    get hasField() {
      return hasField;
    },
    get hasPressure() {
      return hasPressure;
    },
    get stopped() {
      return reader === null || reader.stopped;
    },
    get points() {
      return reader?.points ?? 0;
    },
    onLine(buf, s, e, lineNo) {
      if (reader === null || lineNo <= last) return;
      // Skip leading blanks; blank lines and comments are not data.
      let k = s;
      while (k < e && (buf[k] === 32 || buf[k] === 9)) k++;
      if (k >= e) return;
      const c = buf[k]!;
      if (c === 35 || c === 37 || (c === 47 && buf[k + 1] === 47) || (c === 59 && !semicolonIsDelim)) return;
      if (delimByte < 0) s = k;
      const r = reader.readLine(buf, s, e, lineNo);
      if (r === RowResult.TextInTemperature) {
        const t = text.decode(buf, s, e).trim();
        if (t === headerText) return; // a repeated header (concatenated logs)
        reader.warnTemperatureText(buf, s, e, lineNo);
      }
    },
    markFinalLine() {
      if (reader) reader.final = true;
    },
    end() {
      if (reader && reader.missingTemperature > 0) {
        diags.warn(
          "missing_temperature",
          `${reader.missingTemperature} row(s) have an empty temperature cell and were skipped`,
          {},
        );
      }
    },
  };
}

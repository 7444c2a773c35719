/**
 * Lake Shore Hall measurement system exports (HMS "variable temperature" reports):
 * a [Sample parameters] block, then [Measurements] with "<Step N: …>" blocks, each holding
 * TAB-separated tables whose first column is "Temperature [K]". Often ISO-8859-1 encoded.
 *
 * Every table that has a resistance or resistivity column is read; its rows go to a channel
 * named after that column ("Zero-field Resistivity", "Resistivity"), so the tables of all
 * steps join into one series per column and segmentation then finds the sweeps. Tables
 * without such a column (Hall coefficient only) are skipped. Overflow markers (1E+101) and
 * the closing all-zero row are dropped with warnings.
 */
import { bindColumns } from "./binding";
import type { TextDecoding } from "./bytes";
import { DiagnosticSink } from "./diagnostics";
import type { FormatHandler } from "./handler";
import type { ResolvedOptions } from "./options";
import type { RowStore } from "./store";
import { RowResult, TableReader } from "./table";
import type { ParsedColumn } from "./types";

export const LAKESHORE_PARSER = { name: "lakeshore-hms", version: "2.0.0" } as const;

export function looksLikeLakeShore(text: string): boolean {
  return /^\s*\[Sample parameters\]\s*$/im.test(text) || (/\[Measurements\]/.test(text) && /<Step \d+:/.test(text));
}

export function createLakeShoreHandler(
  opts: ResolvedOptions,
  diags: DiagnosticSink,
  store: RowStore,
  text: TextDecoding,
): FormatHandler {
  const metadata: Record<string, string> = {};
  const columns: ParsedColumn[] = [];
  const seenHeaders = new Set<string>();
  let section = "";
  let step = "";
  let reader: TableReader | null = null;
  let headerText = "";
  let hasField = false;
  let hasPressure = false;
  let points = 0;
  let stopped = false;
  let metaCount = 0;
  let tables = 0;
  let skippedTables = 0;

  const meta = (k: string, v: string) => {
    if (metaCount >= 200 || v === "") return;
    metadata[k] = v.length > 300 ? `${v.slice(0, 300)}…` : v;
    metaCount++;
  };

  const closeTable = () => {
    if (reader) {
      points += reader.points;
      if (reader.stopped) stopped = true;
      reader = null;
    }
  };

  const openTable = (line: string, lineNo: number) => {
    const names = line.split("\t").map((c) => c.trim());
    const first = !seenHeaders.has(line);
    // Bind quietly: a table without a resistance column is skipped, not an error.
    const scratch = new DiagnosticSink(diags.file, 1000);
    const bound = bindColumns({
      names,
      headerLine: lineNo,
      qd: false,
      mapping: { ...(opts.mapping.units ? { units: opts.mapping.units } : {}) },
      constants: opts.constants,
      defaultReadout: "signed",
      diags: scratch,
      store,
      reuseChannels: true,
    });
    if (!bound.binding) {
      skippedTables++;
      const unit = scratch.errors.find((d) => d.code === "unit_not_recognised");
      if (unit && first) diags.warn("table_skipped", unit.message, { line: lineNo });
      seenHeaders.add(line);
      return;
    }
    if (first) {
      seenHeaders.add(line);
      for (const w of scratch.warnings) diags.warnings.push(w);
      for (const c of bound.columns) columns.push({ ...c, note: c.note ?? `table header on line ${lineNo}` });
    }
    tables++;
    headerText = line.trim();
    reader = new TableReader(bound.binding, { delimiter: 9, decimalComma: false }, store, diags, opts.limits.maxPoints - points);
    hasField ||= bound.columns.some((c) => c.role === "field");
    hasPressure ||= bound.columns.some((c) => c.role === "pressure");
  };

  return {
    format: "lakeshore",
    parser: LAKESHORE_PARSER,
    metadata,
    columns,
    get hasField() {
      return hasField;
    },
    get hasPressure() {
      return hasPressure;
    },
    get stopped() {
      return stopped || (reader?.stopped ?? false);
    },
    get points() {
      return points + (reader?.points ?? 0);
    },
    onLine(buf, s, e, lineNo) {
      if (stopped) return;
      if (reader) {
        let k = s;
        while (k < e && (buf[k] === 32 || buf[k] === 9)) k++;
        if (k >= e) {
          closeTable();
          return;
        }
        const r = reader.readLine(buf, s, e, lineNo);
        if (r === RowResult.TextInTemperature) {
          const t = text.decode(buf, s, e).trim();
          if (t === headerText) return;
          closeTable();
          // Not a row: fall through and treat it as structure.
        } else return;
      }
      const line = text.decode(buf, s, e);
      const t = line.trim();
      if (t === "") return;
      const sec = /^\[(.+)\]$/.exec(t);
      if (sec) {
        section = sec[1]!.trim().toLowerCase();
        return;
      }
      const st = /^<Step (\d+):\s*(.*?)>$/.exec(t);
      if (st) {
        step = st[1]!;
        meta(`step${step}`, st[2]!);
        return;
      }
      if (line.includes("\t") && /^temperature\b/i.test(t)) {
        openTable(line, lineNo);
        return;
      }
      const kv = /^([^\t:=]+?)\s*[:=]\s*(?:\t\s*)?(.*)$/.exec(t);
      if (section === "sample parameters") {
        if (kv) meta(`sample.${kv[1]!.trim()}`, kv[2]!.trim());
        else meta("sample.id", t);
      } else if (step && kv) {
        meta(`step${step}.${kv[1]!.trim()}`, kv[2]!.trim());
      }
    },
    markFinalLine() {
      if (reader) reader.final = true;
    },
    end() {
      closeTable();
      metadata.tables_read = String(tables);
      if (skippedTables > 0) metadata.tables_skipped = String(skippedTables);
      if (tables === 0 && !diags.hasErrors()) {
        diags.error(
          "no_resistance_column",
          "no table with a resistance or resistivity column was found in this Lake Shore export",
          {},
          'a TAB table whose header has "Temperature [K]" and "Resistivity [ohm cm]" (or a resistance column)',
        );
      }
    },
  };
}

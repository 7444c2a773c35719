/**
 * Quantum Design MultiVu data files (.dat) from PPMS/DynaCool options (Resistivity, ETO,
 * AC Transport) and other QD instruments: a [Header] block of "KEY, values" lines and a
 * [Data] block that is a comma-separated table with units in parentheses.
 */
import { bindColumns } from "./binding";
import type { TextDecoding } from "./bytes";
import type { DiagnosticSink } from "./diagnostics";
import type { FormatHandler } from "./handler";
import type { ResolvedOptions } from "./options";
import type { RowStore } from "./store";
import { RowResult, TableReader } from "./table";
import { splitCells } from "./text-split";
import type { ParsedColumn } from "./types";

export const QD_PARSER = { name: "quantum-design-dat", version: "2.0.0" } as const;

/** True when the text looks like the start of a QD .dat file. */
export function looksLikeQd(firstText: string): boolean {
  return /^\s*\[Header\]\s*$/im.test(firstText.split(/\r\n|\n|\r/, 3).join("\n"));
}

const KEY_LAST = /^(?:[A-Z][A-Z0-9_]*|Sample\s*\d+\s+[A-Za-z. ]+)$/;

/**
 * INFO lines put key and value in either order, and values may contain commas:
 *   INFO, TMR, Sample1 Name                        (Resistivity: value, key)
 *   INFO, APPNAME, PPMS MultiVu Application, 1.5.11 (key first)
 *   INFO,12312_CJY ... l=1.022, w=1.393 mm,SAMPLE1_COMMENT (ACT: value with commas, key last)
 */
export function splitInfo(fields: string[]): { key: string; value: string } | null {
  if (fields.length === 0) return null;
  if (fields.length === 1) return { key: fields[0]!, value: "" };
  const last = fields[fields.length - 1]!;
  const first = fields[0]!;
  if (KEY_LAST.test(last) && !(first === "APPNAME" && !/^[A-Z0-9_]+$/.test(last))) {
    return { key: last, value: fields.slice(0, -1).join(", ").trim() };
  }
  if (/^[A-Z][A-Z0-9_]*$/.test(first)) return { key: first, value: fields.slice(1).join(", ").trim() };
  return { key: last, value: fields.slice(0, -1).join(", ").trim() };
}

/** Parses FILEOPENTIME values ("12/18/2024,10:42 AM", "0.0, ,1/11/2022 11:54:38", "…,3:00 pm"). */
export function parseQdFileTime(text: string): string | null {
  const d = /(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(text);
  if (!d) return null;
  const rest = text.slice(d.index + d[0].length);
  const t = /(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?/.exec(rest);
  const mo = Number(d[1]);
  const da = Number(d[2]);
  const yr = Number(d[3]);
  if (mo < 1 || mo > 12 || da < 1 || da > 31) return null;
  let hh = 0;
  let mm = 0;
  let ss = 0;
  if (t) {
    hh = Number(t[1]);
    mm = Number(t[2]);
    ss = t[3] ? Number(t[3]) : 0;
    const ap = t[4]?.toLowerCase();
    if (ap === "pm" && hh < 12) hh += 12;
    if (ap === "am" && hh === 12) hh = 0;
    if (hh > 23 || mm > 59 || ss > 59) return null;
  }
  const p = (x: number) => String(x).padStart(2, "0");
  return `${yr}-${p(mo)}-${p(da)}T${p(hh)}:${p(mm)}:${p(ss)}`;
}

export function normaliseOption(byapp: string): string {
  const s = byapp.toLowerCase();
  if (/electrical transport|\beto\b|etoption/.test(s)) return "PPMS ETO";
  if (/actransport|ac transport/.test(s)) return "PPMS ACT";
  if (/resistivity/.test(s)) return "PPMS Resistivity";
  if (/mpms/.test(s)) return "MPMS";
  if (/vsm/.test(s)) return "VSM";
  if (/heat ?capacity/.test(s)) return "Heat Capacity";
  if (/acms/.test(s)) return "ACMS";
  return byapp.split(",")[0]!.trim();
}

export function createQdHandler(
  opts: ResolvedOptions,
  diags: DiagnosticSink,
  store: RowStore,
  text: TextDecoding,
): FormatHandler {
  const metadata: Record<string, string> = {};
  const labels = new Map<string, string>();
  let state: "header" | "columns" | "data" | "stopped" = "header";
  let columns: ParsedColumn[] = [];
  let reader: TableReader | null = null;
  let headerText = "";
  let hasField = false;
  let hasPressure = false;
  let comments = 0;
  let sawData = false;

  const addMeta = (key: string, value: string) => {
    const prev = metadata[key];
    const v = prev ? `${prev} | ${value}` : value;
    metadata[key] = v.length > 500 ? `${v.slice(0, 500)}…` : v;
  };

  const onHeaderLine = (line: string) => {
    const t = line.trim();
    if (t === "" || /^\[header\]$/i.test(t)) return;
    if (t.startsWith(";")) {
      if (comments < 5) addMeta(`comment.${++comments}`, t.replace(/^;\s*/, ""));
      return;
    }
    const fields = splitCells(t, ",");
    const key = fields[0]!.trim().toUpperCase();
    const rest = fields.slice(1);
    const joined = rest.join(", ").trim();
    switch (key) {
      case "TITLE":
        metadata.title = rest.map((x) => x.trim()).filter((x) => x !== "").join(", ");
        break;
      case "FILEOPENTIME": {
        metadata.file_open_time_raw = joined;
        const iso = parseQdFileTime(rest.join(","));
        if (iso) metadata.file_time = iso;
        // The instrument clock (Time Stamp column) when the file was opened: rows' absolute times.
        const stamp = Number(rest[0]);
        if (iso && Number.isFinite(stamp) && stamp > 0) metadata.file_open_stamp = String(stamp);
        break;
      }
      case "BYAPP":
        metadata.byapp = joined;
        metadata.option = normaliseOption(joined);
        break;
      case "INFO": {
        const kv = splitInfo(rest.map((x) => x.trim()));
        if (!kv) break;
        addMeta(`info.${kv.key}`, kv.value);
        const m = /^sample\s*_?(\d+)[\s_]+(name|material)$/i.exec(kv.key);
        if (m && kv.value !== "") {
          const n = m[1]!;
          const isName = m[2]!.toLowerCase() === "name";
          for (const ch of [`Bridge ${n}`, `Ch${n}`]) {
            if (isName || !labels.has(ch)) labels.set(ch, kv.value);
          }
          addMeta(`sample${n}.${m[2]!.toLowerCase()}`, kv.value);
        }
        const u = /^sample\s*_?(\d+)[\s_]+units$/i.exec(kv.key);
        if (u) addMeta(`sample${u[1]}.units`, kv.value);
        break;
      }
      default:
        if (/^[A-Z_]+$/.test(key)) addMeta(`qd.${key.toLowerCase()}`, joined);
    }
  };

  const onColumnLine = (line: string, lineNo: number) => {
    const names = splitCells(line, ",").map((n) => n.trim());
    headerText = line.trim();
    const bound = bindColumns({
      names,
      headerLine: lineNo,
      qd: true,
      mapping: opts.mapping,
      constants: opts.constants,
      defaultReadout: "signed",
      readTime: metadata.file_open_stamp !== undefined,
      diags,
      store,
      channelLabels: labels,
    });
    columns = bound.columns;
    if (!bound.binding) {
      state = "stopped";
      return;
    }
    reader = new TableReader(bound.binding, { delimiter: 44, decimalComma: false }, store, diags, opts.limits.maxPoints);
    hasField = columns.some((c) => c.role === "field");
    hasPressure = columns.some((c) => c.role === "pressure");
    state = "data";
  };

  return {
    format: "qd-dat",
    parser: QD_PARSER,
    metadata,
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
      return state === "stopped" || (reader?.stopped ?? false);
    },
    get points() {
      return reader?.points ?? 0;
    },
    onLine(buf, s, e, lineNo) {
      if (state === "data") {
        let k = s;
        while (k < e && (buf[k] === 32 || buf[k] === 9)) k++;
        if (k >= e || buf[k] === 59) return; // blank line or ";" comment
        const r = reader!.readLine(buf, s, e, lineNo);
        if (r === RowResult.TextInTemperature) {
          if (text.decode(buf, s, e).trim() === headerText) return;
          reader!.warnTemperatureText(buf, s, e, lineNo);
        }
        return;
      }
      if (state === "stopped") return;
      const line = text.decode(buf, s, e);
      if (state === "header") {
        if (/^\s*\[data\]\s*$/i.test(line)) {
          state = "columns";
          sawData = true;
          return;
        }
        onHeaderLine(line);
        return;
      }
      // state === "columns": the first non-blank line after [Data] names the columns.
      if (line.trim() === "") return;
      onColumnLine(line, lineNo);
    },
    markFinalLine() {
      if (reader) reader.final = true;
    },
    end() {
      if (!sawData) {
        diags.error(
          "qd_no_data_section",
          "the Quantum Design file has a [Header] but no [Data] section (truncated file?)",
          {},
          "a line [Data] followed by the column names and the data rows",
        );
      } else if (state === "columns") {
        diags.error(
          "qd_no_columns",
          "the [Data] section is empty: no column-name line follows [Data]",
          {},
          "a line of comma-separated column names after [Data]",
        );
      }
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

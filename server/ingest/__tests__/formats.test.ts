import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createParser, parseBytes } from "../parser";
import { parseQdFileTime, splitInfo } from "../qd-dat";
import type { ParsedFile, TParseOptions } from "../index";
import { bytes, codes, curveViolations, fileViolations } from "./helpers";

const FIX = new URL("../__fixtures__/", import.meta.url);
function fixture(name: string, options: TParseOptions = {}): ParsedFile {
  const f = parseBytes(readFileSync(new URL(name, FIX)), { fileName: name, ...options });
  expect(fileViolations(f)).toEqual([]);
  return f;
}
function text(t: string, options: TParseOptions = {}): ParsedFile {
  const f = parseBytes(bytes(t), { fileName: "t.csv", ...options });
  expect(fileViolations(f)).toEqual([]);
  return f;
}
const rt = (n: number, T0 = 2, dT = 0.5) => Array.from({ length: n }, (_, k) => T0 + dT * k);

describe("delimited text", () => {
  it("reads a commented CSV with T in K, B in tesla and sheet resistance in kΩ/sq", () => {
    const f = fixture("csv-rt-three-fields-tesla-kohm-sq.csv");
    expect(f.format).toBe("csv");
    expect(f.metadata["header.sample"]).toBe("A3-InOx, 30 nm");
    expect(f.curves).toHaveLength(3);
    expect(f.curves.map((c) => Math.round(c.fixed.H_Oe!))).toEqual([0, 5000, 10000]);
    for (const c of f.curves) {
      expect(c).toMatchObject({ kind: "RT", quantity: "sheet_resistance", unit: "Ω/sq", direction: "warming", channel: "Rs" });
    }
    // 2.012345 kΩ/sq in the file is 2012.345 Ω/sq in the curve.
    const last = f.curves[0]!;
    const raw = readFileSync(new URL("csv-rt-three-fields-tesla-kohm-sq.csv", FIX), "utf8").split("\n")[42]!.split(",");
    expect(last.R[last.R.length - 1]).toBeCloseTo(Number(raw[3]) * 1000, 9);
    expect(f.columns.find((c) => c.role === "field")).toMatchObject({ name: "B (T)", unit: "T", factor: 1e4, canonicalUnit: "Oe" });
  });

  it("reads TSV isotherms in mK, kΩ and mT as up and down field sweeps", () => {
    const f = fixture("tsv-isotherms-mk-kohm-mt.tsv");
    expect(f.format).toBe("tsv");
    expect(f.curves.map((c) => `${c.kind} ${c.direction} ${c.fixed.T_K!.toFixed(2)}`)).toEqual([
      "RH up 0.05",
      "RH down 0.05",
      "RH up 0.10",
      "RH down 0.10",
      "RH up 0.20",
      "RH down 0.20",
    ]);
    const up = f.curves[0]!;
    expect(up.H_Oe![up.H_Oe!.length - 1]).toBeCloseTo(3000, 9); // 300 mT
    expect(up.R[0]).toBeCloseTo(6450, 6); // 6.45 kΩ
    expect(up.unit).toBe("Ω");
  });

  it("reads semicolons with decimal commas, a BOM, CRLF, quoted cells and pressure in kbar", () => {
    const f = fixture("semicolon-decimal-comma-kbar-bom.csv");
    expect(f.format).toBe("csv-semicolon");
    expect(f.metadata).toMatchObject({ encoding: "utf-8 (with BOM)", decimal_separator: "comma" });
    expect(f.columns[0]!.name).toBe("T (K)");
    expect(f.curves.map((c) => c.fixed.P_GPa)).toEqual([1, 2.5]);
    expect(f.curves[0]!.T_K[0]).toBeCloseTo(300.008, 9);
    expect(f.curves[0]!.R[0]).toBeCloseTo(1700.02, 9);
  });

  it("reads whitespace columns whose header is a comment, with Fortran D exponents", () => {
    const f = fixture("whitespace-comment-header.dat");
    expect(f.format).toBe("whitespace");
    expect(f.metadata.header_from_comment).toBe("yes");
    expect(f.curves).toHaveLength(1);
    expect(f.curves[0]!.T_K[0]).toBe(1.5);
    expect(f.curves[0]!.R[0]).toBeCloseTo(379.3667895, 9);
  });

  it("reads CR-only line endings, a units row, and skips a repeated header", () => {
    const f = fixture("cr-line-endings-units-row.csv");
    expect(f.warnings).toEqual([]);
    expect(f.columns.map((c) => `${c.role}:${c.unit}`)).toEqual(["temperature:K", "resistance:Ohm", "field:Oe"]);
    expect(f.curves.map((c) => c.direction)).toEqual(["warming", "cooling"]);
  });

  it("falls back to ISO-8859-1 and keeps µΩ·cm as resistivity in Ω·cm, with a warning", () => {
    const f = fixture("latin1-resistivity-uohm-cm.csv");
    expect(f.metadata.encoding).toBe("iso-8859-1");
    expect(f.metadata["header.Probe"]).toBe("µ-bridge, Wärme");
    expect(f.curves[0]).toMatchObject({ quantity: "resistivity", unit: "Ω·cm" });
    expect(f.curves[0]!.R[0]).toBeCloseTo(120e-6, 15);
    expect(codes(f.warnings)).toContain("resistivity_not_resistance");
  });

  it("reads UTF-16 (Excel 'Unicode text') exports", () => {
    const t = "T (K)\tR (Ohm)\r\n" + rt(10).map((T) => `${T}\t${100 + T}`).join("\r\n");
    const body = new Uint8Array(2 + t.length * 2);
    body[0] = 0xff;
    body[1] = 0xfe;
    for (let i = 0; i < t.length; i++) body[2 + 2 * i] = t.charCodeAt(i);
    const f = parseBytes(body, { fileName: "u16.txt" });
    expect(f.metadata.encoding).toBe("utf-16le");
    expect(f.curves).toHaveLength(1);
    expect(f.curves[0]!.R[9]).toBe(106.5);
  });

  it("skips comment lines starting with #, ;, % and //", () => {
    const lines = ["# a", "; b", "% c", "// d", "T (K),R (Ohm)"];
    rt(10).forEach((T, k) => {
      lines.push(`${T},${10 + k}`);
      if (k === 4) lines.push("# note in the middle", "// another");
    });
    const f = text(lines.join("\n") + "\n");
    expect(f.warnings).toEqual([]);
    expect(f.curves[0]!.R.length).toBe(10);
  });

  it("handles quoted fields with delimiters and escaped quotes", () => {
    const lines = ['"Temperature, K","R (""4-probe"") (Ohm)","note"'];
    rt(8).forEach((T) => lines.push(`"${T}","${T * 3}","a, ""quoted"" note"`));
    const f = text(lines.join("\n"));
    expect(f.columns.map((c) => c.role)).toEqual(["temperature", "resistance", "other"]);
    expect(f.curves[0]!.R[1]).toBe(7.5);
  });

  it("honours Excel's sep= line and keeps duplicate column names apart", () => {
    const lines = ["sep=;", "T (K);R (Ohm);R (Ohm)", ...rt(8).map((T) => `${T};${T};${2 * T}`)];
    const f = text(lines.join("\r\n"));
    expect(f.format).toBe("csv-semicolon");
    expect(f.curves.map((c) => c.channel)).toEqual(["R", "R (column 3)"]);
    expect(f.curves[1]!.R[0]).toBe(4);
  });

  it("gives the same result whatever the chunk boundaries", () => {
    const raw = readFileSync(new URL("semicolon-decimal-comma-kbar-bom.csv", FIX));
    const whole = parseBytes(raw, { fileName: "x" });
    const p = createParser({ fileName: "x" });
    for (let i = 0; i < raw.length; i += 7) p.push(raw.subarray(i, i + 7));
    const chunked = p.finish();
    expect(chunked.curves.map((c) => Array.from(c.R))).toEqual(whole.curves.map((c) => Array.from(c.R)));
    expect(chunked.warnings).toEqual(whole.warnings);
  });
});

describe("column mapping", () => {
  const body = rt(12).map((T, k) => `${T},${1000 + k},${(5 + k) / 10},${T * 1.01}`);
  const file = ["Probe,Ch A,Ch B,Sensor 2", ...body].join("\n");

  it("refuses a header it cannot interpret, naming the missing role", () => {
    const f = text(file);
    expect(codes(f.errors)).toEqual(["missing_temperature_column"]);
    expect(f.errors[0]!.message).toMatch(/t\.csv, line 1: no temperature column among 4 columns/);
    expect(f.errors[0]!.expected).toMatch(/options\.mapping\.temperature/);
  });

  it("lets the user choose columns by name or index and set their units", () => {
    const f = text(file, {
      mapping: { temperature: "Probe", resistance: [1, "Ch B"], units: { temperature: "K", resistance: "kOhm" } },
    });
    expect(f.errors).toEqual([]);
    expect(f.curves.map((c) => c.channel)).toEqual(["Ch A", "Ch B"]);
    expect(f.curves[0]!.R[0]).toBe(1_000_000);
    expect(f.curves[1]!.R[0]).toBe(500);
  });

  it("overrides a detected column and drops the field with null", () => {
    const t = ["T (K),R (Ohm),H (Oe),T2 (K)", ...rt(10).map((T, k) => `${T},${k + 1},${k * 1000},${20 + T}`)].join("\n");
    // Detected as is, temperature and field change together: no sweep at all.
    const auto = text(t);
    expect(codes(auto.errors)).toEqual(["no_curves"]);
    expect(codes(auto.warnings)).toContain("mixed_sweep_dropped");
    const f = text(t, { mapping: { temperature: "T2 (K)", field: null }, constants: { H_Oe: 250 } });
    expect(f.curves).toHaveLength(1);
    expect(f.curves[0]!.T_K[0]).toBe(22);
    expect(f.curves[0]!.fixed.H_Oe).toBe(250);
    expect(f.curves[0]!.segmentReason).toContain("field 250 Oe given by the import options");
  });

  it("reads a headerless table when the mapping names the columns by index", () => {
    const t = rt(10).map((T, k) => `${T} ${50 + k}`).join("\n");
    expect(codes(text(t).errors)).toEqual(["no_header_row"]);
    const f = text(t, { mapping: { temperature: 0, resistance: 1 } });
    expect(f.curves[0]!.R.length).toBe(10);
  });

  it("lets the caller force the delimiter, the decimal separator and the format", () => {
    const t = ["T (K)|R (Ohm)", ...rt(8).map((T) => `${String(T).replace(".", ",")}|${T}`)].join("\n");
    const f = text(t, { delimiter: "|", decimalComma: true });
    expect(f.format).toBe("csv-pipe");
    expect(f.curves[0]!.T_K[1]).toBe(2.5);
    const forced = text('{"not": "json for this parser"}', { format: "delimited" });
    expect(forced.format).toBe("csv");
    expect(codes(forced.errors)).toEqual(["no_table"]);
  });

  it("takes the header line from the mapping when detection would pick another", () => {
    const t = ["Run 12", "T (K),R (Ohm)", "Kelvin,Ohm", ...rt(8).map((T) => `${T},${T}`)].join("\n");
    const f = text(t, { mapping: { headerLine: 2 } });
    expect(f.columns.map((c) => c.name)).toEqual(["T (K)", "R (Ohm)"]);
    expect(f.curves[0]!.R.length).toBe(8);
    expect(codes(f.warnings)).toContain("non_numeric"); // the "Kelvin,Ohm" line is then a bad row
  });

  it("reports a mapping that names a column the file does not have", () => {
    const f = text(["T (K),R (Ohm)", ...rt(6).map((T) => `${T},1`)].join("\n"), { mapping: { resistance: "Rxx" } });
    expect(f.errors[0]).toMatchObject({ code: "mapping_column_not_found", column: "options.mapping.resistance" });
  });

  it("warns when it assumes a unit", () => {
    const f = text(["T,R", ...rt(6).map((T) => `${T},1`)].join("\n"));
    expect(f.warnings.filter((w) => w.code === "unit_assumed").map((w) => w.column)).toEqual([2]);
    expect(f.warnings.find((w) => w.code === "unit_inferred")?.message).toMatch(
      /t\.csv, column 1 \("T"\): no unit in the header; read as K: values .* are a temperature range in kelvin/,
    );
    expect(f.columns[0]).toMatchObject({ unit: "K", unitSource: "inferred" });
  });

  it("does not read a temperature column in tesla: T (T) is refused unless mapped", () => {
    const t = ["T (T),R (Ohm)", ...rt(6).map((T) => `${T},1`)].join("\n");
    const f = text(t);
    expect(f.errors[0]).toMatchObject({ code: "unit_role_conflict", line: 1, column: 1 });
    expect(f.errors[0]!.message).toMatch(/tesla/);
    expect(text(t, { mapping: { units: { temperature: "K" } } }).curves).toHaveLength(1);
  });
});

describe("Quantum Design .dat", () => {
  it("reads the Resistivity option: bridge resistance preferred over the resistivity twin, sample names, file time", () => {
    const f = fixture("qd-resistivity-rt-two-fields.dat");
    expect(f.format).toBe("qd-dat");
    expect(f.parser.name).toBe("quantum-design-dat");
    expect(f.metadata).toMatchObject({
      title: "a-InO film A3, SIT series",
      option: "PPMS Resistivity",
      file_time: "2024-12-18T10:42:00",
      "sample1.name": "A3-InOx",
      "info.APPNAME": "PPMS MultiVu Application, 1.5.11",
      "info.Sample1 Units": "Ohm-cm",
    });
    expect(f.curves.map((c) => `${c.channel} ${c.label} ${c.quantity} ${c.direction} ${Math.round(c.fixed.H_Oe!)}`)).toEqual([
      "Bridge 1 A3-InOx resistance cooling 0",
      "Bridge 1 A3-InOx resistance warming 0",
      "Bridge 1 A3-InOx resistance cooling 5000",
    ]);
    expect(codes(f.warnings)).toContain("resistivity_column_ignored");
    // Small negative readings in the superconducting state are kept.
    expect(Math.min(...f.curves[1]!.R)).toBeLessThan(0);
    // e-007 style exponents.
    expect(f.columns.find((c) => c.name === "Bridge 1 Resistance (Ohms)")?.role).toBe("resistance");
  });

  it("reads ETO files: CRLF, blank line after the header, channels alternating row by row", () => {
    const f = fixture("qd-eto-alternating-isotherms.dat");
    expect(f.metadata).toMatchObject({ option: "PPMS ETO", file_time: "2022-01-11T11:54:38", "sample1.name": "film B7 Hall bar, w=20 um, L=100 um" });
    expect(f.curves.map((c) => `${c.channel} ${c.kind} ${c.direction} ${c.R.length}`)).toEqual([
      "Ch1 RH up 46",
      "Ch2 RH up 46",
      "Ch1 RH down 45",
      "Ch2 RH down 45",
    ]);
    for (const c of f.curves) expect(c.fixed.T_K).toBeCloseTo(2, 2);
  });

  it("reads AC Transport resistivity as resistivity, never as Ω", () => {
    const f = fixture("qd-act-resistivity-rt.dat");
    expect(f.metadata.option).toBe("PPMS ACT");
    expect(f.metadata["sample1.material"]).toBe("NbSi 12 nm, on sapphire, l=1.0, w=0.5 mm");
    expect(f.curves).toHaveLength(1);
    expect(f.curves[0]).toMatchObject({ channel: "Ch1", quantity: "resistivity", unit: "Ω·cm" });
    expect(f.warnings.find((w) => w.code === "resistivity_not_resistance")?.message).toMatch(/column 13 \("Res\. ch1 \(ohm-cm\)"\)/);
  });

  it("splits INFO lines whichever side the key is on", () => {
    expect(splitInfo(["TMR", "Sample1 Name"])).toEqual({ key: "Sample1 Name", value: "TMR" });
    expect(splitInfo(["APPNAME", "PPMS MultiVu Application", "1.5.11"])).toEqual({ key: "APPNAME", value: "PPMS MultiVu Application, 1.5.11" });
    expect(splitInfo(["12312 l=1.022", "w=1.393", "SAMPLE1_COMMENT"])).toEqual({ key: "SAMPLE1_COMMENT", value: "12312 l=1.022, w=1.393" });
    expect(splitInfo(["", "Sample3 Name"])).toEqual({ key: "Sample3 Name", value: "" });
  });

  it.each([
    ["30422650.78,12/18/2024,10:42 AM", "2024-12-18T10:42:00"],
    ["0.0, ,1/11/2022 11:54:38", "2022-01-11T11:54:38"],
    ["3907407619.14099,10/25/2023,3:00 pm", "2023-10-25T15:00:00"],
    ["12212238.42,,1/10/2022 15:29:28", "2022-01-10T15:29:28"],
    ["1.0,1/1/2020,12:05 AM", "2020-01-01T00:05:00"],
    ["no date here", null],
  ])("parses FILEOPENTIME %j", (raw, iso) => {
    expect(parseQdFileTime(raw)).toBe(iso);
  });

  it("refuses a QD file cut before its [Data] section", () => {
    const f = text("[Header]\nTITLE, x\nBYAPP, Resistivity, 2.1, 1.0\n");
    expect(codes(f.errors)).toContain("qd_no_data_section");
  });
});

describe("JSON sit-curves/v1", () => {
  it("reads the documented example", () => {
    const f = fixture("sit-curves-v1.json");
    expect(f.format).toBe("json");
    expect(f.metadata.sample).toBe("A3-InOx");
    expect(f.curves.map((c) => `${c.kind} ${c.direction}`)).toEqual(["RT warming", "RH up"]);
    expect(f.curves[0]).toMatchObject({ channel: "R_xx", label: "a-InO A3, step 2", pressureDirection: "pressurizing", fixed: { H_Oe: 0, P_GPa: 2.5, T_K: null } });
    expect(f.curves[0]!.R[0]).toBe(-0.8);
    expect(f.curves[1]!.fixed.T_K).toBe(0.05);
    expect(Array.from(f.curves[1]!.H_Oe!)).toEqual([0, 2000, 4000, 6000, 8000]);
  });

  it("names the JSON path of every schema problem", () => {
    const doc = { format: "sit-curves/v1", curves: [{ kind: "RT", T_K: [1, 2, -3], R_ohm: [1, 2, 3] }, { kind: "RH", T_K: 1, R_ohm: [1, 2] }] };
    const f = text(JSON.stringify(doc));
    expect(f.errors.map((e) => e.column)).toEqual(["curves[0].T_K[2]", "curves[1].H_Oe"]);
    expect(f.errors[0]!.message).toMatch(/curves\[0\]\.T_K\[2\]: temperature -3 K is not positive/);
  });

  it("recognises a top-level JSON array as JSON and says what is expected", () => {
    const f = text('[{"kind": "RT"}]');
    expect(f.format).toBe("json");
    expect(f.errors[0]).toMatchObject({ code: "json_schema", column: "(root)" });
  });

  it("reports JSON syntax errors with line and column", () => {
    const f = text('{\n  "format": "sit-curves/v1",\n  "curves": [1,,2]\n}');
    expect(f.errors[0]).toMatchObject({ code: "json_syntax", line: 3 });
  });

  it("splits a non-monotonic JSON curve into monotonic pieces and says so", () => {
    const T = [...rt(10), ...rt(10, 6.5, -0.5)];
    const f = text(JSON.stringify({ format: "sit-curves/v1", curves: [{ kind: "RT", T_K: T, R_ohm: T.map((t) => t * 2) }] }));
    expect(f.curves.map((c) => c.direction)).toEqual(["warming", "cooling"]);
    expect(codes(f.warnings)).toContain("json_curve_split");
    for (const c of f.curves) expect(curveViolations(c)).toEqual([]);
  });
});

describe("Lake Shore sectioned export", () => {
  it("joins the tables of all steps into one ρ(T) per column and skips sentinels", () => {
    const t = [
      "[Sample parameters]",
      "Sample Type:\tvan der Pauw",
      "Thickness =\t1.8 [µm]",
      "S-01",
      "[Measurements]",
      "<Step 1: Variable Temperature Measurement>",
      "Field at:\t3.0 [kG]",
      "",
      "Temperature [K]\tField [G]\tZero-field Resistivity [ohm cm]",
      "20.1\t0.1\t1.0E+4",
      "22.3\t-0.1\t8.0E+3",
      "24.9\t0.0\t6.0E+3",
      "",
      "Temperature [K]\tField [G]\tHall Coefficient [cm³/C]",
      "20.5\t3000\t-4.7E+5",
      "",
      "<Step 2: Variable Temperature Measurement>",
      "Temperature [K]\tField [G]\tZero-field Resistivity [ohm cm]",
      "27.0\t0.1\t4.0E+3",
      "29.5\t0.1\t1.0000E+101",
      "31.0\t0.0\t2.5E+3",
      "0.0\t0.0\t1.0000E+101",
    ].join("\r\n");
    const latin1 = Uint8Array.from(t, (ch) => ch.charCodeAt(0));
    const f = parseBytes(latin1, { fileName: "hall.txt" });
    expect(f.format).toBe("lakeshore");
    expect(f.errors).toEqual([]);
    expect(f.metadata).toMatchObject({ "sample.Sample Type": "van der Pauw", "sample.Thickness": "1.8 [µm]", "sample.id": "S-01", tables_read: "2", tables_skipped: "1" });
    expect(f.curves).toHaveLength(1);
    expect(Array.from(f.curves[0]!.T_K)).toEqual([20.1, 22.3, 24.9, 27.0, 31.0]);
    expect(f.curves[0]).toMatchObject({ quantity: "resistivity", unit: "Ω·cm", channel: "Zero-field Resistivity" });
    expect(codes(f.warnings)).toEqual(expect.arrayContaining(["overflow_sentinel", "nonpositive_temperature", "resistivity_not_resistance"]));
  });
});

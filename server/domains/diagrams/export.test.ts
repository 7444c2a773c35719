import { describe, expect, it } from "vitest";
import { EXPORT_COLUMNS, toCsv, type TExportRow } from "./export";

const row = (patch: Partial<TExportRow>): TExportRow => ({ ...(Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, null])) as TExportRow), ...patch });

describe("CSV export", () => {
  it("writes a header and quotes what needs quoting (RFC 4180)", () => {
    const csv = toCsv([row({ sample: 'Film "A", stage S1', confidence: 0.91, inconclusive: false, x: Number.NaN, lab: " padded" })]);
    const [header, line, end] = csv.split("\r\n");
    expect(header).toBe(EXPORT_COLUMNS.join(","));
    expect(end).toBe("");
    const cells = line!.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ""));
    expect(cells[EXPORT_COLUMNS.indexOf("sample")]).toBe('"Film ""A"", stage S1"');
    expect(cells[EXPORT_COLUMNS.indexOf("confidence")]).toBe("0.91");
    expect(cells[EXPORT_COLUMNS.indexOf("inconclusive")]).toBe("false");
    expect(cells[EXPORT_COLUMNS.indexOf("x")]).toBe("");
    expect(cells[EXPORT_COLUMNS.indexOf("lab")]).toBe('" padded"');
  });
});

describe("spreadsheet-safe CSV", () => {
  it("prefixes text that a spreadsheet would run as a formula, and leaves numbers alone", () => {
    const csv = toCsv([row({ sample: "=HYPERLINK(\"http://x\")", material: "+1", lab: "@SUM(A1)", setup: "-2+3", x: -1.5 })]);
    const line = csv.split("\r\n")[1]!;
    const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ""));
    expect(cells[EXPORT_COLUMNS.indexOf("sample")]).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(cells[EXPORT_COLUMNS.indexOf("material")]).toBe("'+1");
    expect(cells[EXPORT_COLUMNS.indexOf("lab")]).toBe("'@SUM(A1)");
    expect(cells[EXPORT_COLUMNS.indexOf("setup")]).toBe("'-2+3");
    expect(cells[EXPORT_COLUMNS.indexOf("x")]).toBe("-1.5");
  });
});

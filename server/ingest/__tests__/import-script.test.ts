/** The `import` command (scripts/import.ts), run in-process through its `main`. */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { main, parseArgs, UsageError } from "~/scripts/import";

const fixture = (name: string) => fileURLToPath(new URL(`../__fixtures__/${name}`, import.meta.url));
const REAL = fileURLToPath(new URL("../../../../shared/fixtures/real/", import.meta.url));

describe("import --dry-run", () => {
  it("prints exactly one JSON object with the curves, warnings and errors", async () => {
    const r = await main(["--dry-run", fixture("qd-resistivity-rt-two-fields.dat")]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
    const out = JSON.parse(r.stdout);
    expect(out.format).toBe("qd-dat");
    expect(out.errors).toEqual([]);
    expect(out.curves).toHaveLength(3);
    expect(out.curves[2]).toMatchObject({ kind: "RT", channel: "Bridge 1", points: 46, P_GPa: null, direction: "cooling" });
    expect(out.curves[2].H_Oe).toBeCloseTo(5000.17, 2);
    expect(out.curves[2].T_range_K[0]).toBeCloseTo(2.0, 2);
    expect(out.curves[2].T_range_K[1]).toBeCloseTo(20.0, 2);
    expect(out.curves[2].segment_reason).toMatch(/^field constant at 5000\.17 Oe/);
    expect(out.warnings.map((w: { code: string }) => w.code)).toContain("resistivity_column_ignored");
  });

  it("reports field sweeps with their field range and isotherm temperature", async () => {
    const out = JSON.parse((await main(["--dry-run", fixture("tsv-isotherms-mk-kohm-mt.tsv")])).stdout);
    expect(out.curves[0]).toMatchObject({ kind: "RH", H_Oe: null, H_range_Oe: [0, 3000], direction: "up" });
    expect(out.curves[0].T_K).toBeCloseTo(0.05, 4);
  });

  it("exits 0 with the errors in the JSON when the file is readable but refused", async () => {
    const file = `${REAL}NEGATIVE_nomad_MPMS3_HoPtSn_MH_2-3K_not-transport.dat`;
    const path = existsSync(file) ? file : fixture("sit-curves-v1.json");
    const r = await main(["--dry-run", path, "--options", '{"limits":{"maxPoints":3}}']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.curves).toEqual([]);
    expect(out.errors.length).toBeGreaterThan(0);
  });

  it("accepts a column mapping", async () => {
    const r = await main(["--dry-run", fixture("csv-rt-three-fields-tesla-kohm-sq.csv"), "--mapping", '{"field":null}']);
    const out = JSON.parse(r.stdout);
    expect(out.curves[0].H_Oe).toBeNull();
  });

  it("exits non-zero only when the file cannot be read", async () => {
    const missing = await main(["--dry-run", "/nonexistent/run.dat"]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toMatch(/cannot read \/nonexistent\/run\.dat/);
    const dir = await main(["--dry-run", fileURLToPath(new URL("../__fixtures__/", import.meta.url))]);
    expect(dir.code).toBe(1);
  });

  it("without --dry-run asks for --lab and --sample and exits 2", async () => {
    const r = await main([fixture("sit-curves-v1.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/real import needs --lab <labId> and --sample <sampleId>/);
  });

  it("rejects unknown options and bad JSON arguments", () => {
    expect(() => parseArgs(["--dry-run", "x", "--frobnicate"])).toThrow(UsageError);
    expect(() => parseArgs(["--dry-run", "x", "--mapping", "{nope"])).toThrow(/--mapping must be JSON/);
    expect(() => parseArgs(["--dry-run", "x", "--mapping", '{"temperature":-1}'])).toThrow(UsageError);
    expect(parseArgs(["--lab", "L1", "--sample", "S1", "f.dat"])).toMatchObject({ lab: "L1", sample: "S1", file: "f.dat", dryRun: false });
  });
});

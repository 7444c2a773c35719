/** The isotherms command (scripts/isotherms.ts): one output line per input line, in order. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isothermLine } from "~/scripts/isotherms";
import { createRng } from "~/server/synthetic/rng";
import { randomNoCrossingSet, randomScalingSet } from "~/server/synthetic/isotherms";

describe("isothermLine", () => {
  it("answers a crossing set with H_c, R_c and zν, and a single isotherm with too_few_isotherms", () => {
    const { spec, isotherms } = randomScalingSet(createRng(5), { maxDrift: 0 });
    const out = JSON.parse(isothermLine(JSON.stringify({ id: "film", isotherms })));
    expect(Object.keys(out)).toEqual(["id", "Hc_Oe", "Rc_ohm", "znu", "znuSlope", "crossing", "reasonCode", "reasons", "version"]);
    expect(out).toMatchObject({ id: "film", crossing: true, reasonCode: null });
    expect(Math.abs(out.Hc_Oe.value / spec.Hc_Oe - 1)).toBeLessThan(0.02);
    expect(out.Rc_ohm.uncertainty).toBeGreaterThan(0);
    expect(Math.abs(out.znu.value / spec.znu - 1)).toBeLessThan(0.1);
    const one = JSON.parse(isothermLine(JSON.stringify({ id: 2, isotherms: isotherms.slice(0, 1) })));
    expect(one).toMatchObject({ id: 2, crossing: false, reasonCode: "too_few_isotherms", Hc_Oe: null, znu: null });
  });

  it("refuses malformed lines with a reason and keeps the id", () => {
    expect(JSON.parse(isothermLine("{broken"))).toMatchObject({ id: null, crossing: false, reasonCode: "invalid_input" });
    const bad = JSON.parse(isothermLine(JSON.stringify({ id: "x", isotherms: [{ T_K: -1, H_Oe: [1], R: [1] }] })));
    expect(bad).toMatchObject({ id: "x", reasonCode: "invalid_input" });
    expect(bad.reasons[0]).toMatch(/isotherms\.0\.T_K/);
    expect(JSON.parse(isothermLine(JSON.stringify({ id: "y", isotherms: [{ T_K: 1, H_Oe: [1, 2], R: [1] }] }))).reasons[0]).toMatch(/same length/);
  });
});

describe("isotherms command", () => {
  it("writes one line per non-blank input line, in order", () => {
    const dir = mkdtempSync(join(tmpdir(), "isotherms-"));
    const file = join(dir, "in.jsonl");
    const lines = [
      JSON.stringify({ id: "a", isotherms: randomScalingSet(createRng(1), { maxDrift: 0 }).isotherms }),
      "{broken",
      "",
      JSON.stringify({ id: "c", isotherms: randomNoCrossingSet(createRng(2), "insulator").isotherms }),
    ];
    writeFileSync(file, lines.join("\n") + "\n");
    const r = spawnSync(join("node_modules", ".bin", "tsx"), ["scripts/isotherms.ts", file], { encoding: "utf8" });
    expect(r.status).toBe(0);
    const out = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(["a", null, "c"]);
    expect(out.map((o) => o.crossing)).toEqual([true, false, false]);
    expect(out[2].reasonCode).toBe("no_crossing");
  });
});

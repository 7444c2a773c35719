/** The classify command: one output line per input line, in order, errors as lines. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { classifyLine } from "~/scripts/classify";
import { altGenerators } from "./helpers";

describe("classifyLine", () => {
  it("classifies a curve and ignores unknown fields", () => {
    const c = altGenerators(1).I2();
    const out = JSON.parse(classifyLine(JSON.stringify({ id: "a", T: Array.from(c.T), R: Array.from(c.R), phase: "x", extra: { y: 1 } })));
    expect(Object.keys(out)).toEqual(["id", "phase", "inconclusive", "reasonCode", "confidence", "model", "params", "uncertainties", "reasons", "quantities"]);
    expect(out.id).toBe("a");
    expect(out.phase).toBe("I2");
    expect(out.quantities.hoppingP).toMatchObject({ value: expect.any(Number), uncertainty: expect.any(Number) });
  });
  it("takes the readout: a lock-in magnitude floor below a transition reads as zero resistance", () => {
    const T = Array.from({ length: 120 }, (_, i) => 0.2 + (i * 2.8) / 119);
    let s = 7;
    const noise = () => {
      s = (s * 16807) % 2147483647;
      const u = s / 2147483647;
      s = (s * 16807) % 2147483647;
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * (s / 2147483647));
    };
    const R = T.map((t) => Math.hypot(1000 / (1 + Math.exp(-(t - 1.5) / 0.05)) + 0.5 * noise(), 0.5 * noise()));
    const out = JSON.parse(classifyLine(JSON.stringify({ id: "m", T, R, readout: "magnitude" })));
    expect(out).toMatchObject({ phase: "S", inconclusive: false, reasonCode: null });
    expect(out.quantities.Tc90_K.value).toBeGreaterThan(1.5);
    expect(out.quantities.Tc90_K.value).toBeLessThan(1.75);
    expect(JSON.parse(classifyLine(JSON.stringify({ id: "m", T, R, readout: "volts" }))).reasons[0]).toMatch(/invalid "readout"/);
  });
  it("malformed JSON gives a null phase, the id when recoverable and the error", () => {
    const out = JSON.parse(classifyLine('{"id": "x17", "T": [1, 2,'));
    expect(out).toMatchObject({ id: "x17", phase: null, inconclusive: true });
    expect(out.reasons[0]).toMatch(/malformed JSON/);
    expect(JSON.parse(classifyLine("")).phase).toBeNull();
    expect(JSON.parse(classifyLine("[1,2]")).reasons[0]).toMatch(/not a JSON object/);
    expect(JSON.parse(classifyLine('{"id": 3, "T": [1]}'))).toMatchObject({ id: 3, phase: null });
  });
});

describe("classify command", () => {
  it("writes exactly one line per input line, in order, with 1 and 2 workers", () => {
    const dir = mkdtempSync(join(tmpdir(), "classify-"));
    const file = join(dir, "in.jsonl");
    const gens = altGenerators(2);
    const lines: string[] = [];
    for (let i = 0; i < 70; i++) {
      const c = (["S", "M1", "M2", "I1", "I2"] as const).map((p) => gens[p])[i % 5]!();
      lines.push(i === 33 ? "{broken" : JSON.stringify({ id: `c${i}`, T: Array.from(c.T), R: Array.from(c.R) }));
    }
    writeFileSync(file, lines.join("\n") + "\n");
    const run = (workers: number) => {
      const r = spawnSync(join("node_modules", ".bin", "tsx"), ["scripts/classify.ts", file, "--workers", String(workers)], { encoding: "utf8" });
      expect(r.status).toBe(0);
      return r.stdout.trimEnd().split("\n");
    };
    const one = run(1);
    expect(one).toHaveLength(70);
    one.forEach((l, i) => {
      const o = JSON.parse(l);
      if (i === 33) expect(o.phase).toBeNull();
      else expect(o.id).toBe(`c${i}`);
    });
    expect(run(2)).toEqual(one);
  }, 60_000);
});
